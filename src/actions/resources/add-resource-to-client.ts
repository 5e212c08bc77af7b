import { ActionKeys } from '../keys.js';
import { defineClientLinkAction } from './define-client-link.js';

export const addResourceToClientAction = defineClientLinkAction(ActionKeys.addResourceToClient, true);
