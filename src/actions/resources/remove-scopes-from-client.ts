import { ActionKeys } from '../keys.js';
import { defineClientScopesAction } from './define-client-scopes.js';

export const removeScopesFromClientAction = defineClientScopesAction(
  ActionKeys.removeScopesFromClient,
  'remove',
);
