import { verificationAction } from './verification.js';

export const verifyAction = verificationAction(true);
