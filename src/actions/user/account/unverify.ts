import { ActionKeys } from '../../keys.js';
import { verificationAction } from './verification.js';

export const unverifyAction = verificationAction(ActionKeys.unverify, false);
