import { verificationAction } from './verification.js';

export const unverifyAction = verificationAction(false);
