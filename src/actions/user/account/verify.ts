import { ActionKeys } from '../../keys.js';
import { verificationAction } from './verification.js';

export const verifyAction = verificationAction(ActionKeys.verify, true);
