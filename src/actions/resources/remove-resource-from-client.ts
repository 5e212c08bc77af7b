import { ActionKeys } from '../keys.js';
import { defineClientLinkAction } from './define-client-link.js';

export const removeResourceFromClientAction = defineClientLinkAction(
  ActionKeys.removeResourceFromClient,
  false,
);
