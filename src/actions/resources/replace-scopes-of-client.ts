import { ActionKeys } from '../keys.js';
import { defineClientScopesAction } from './define-client-scopes.js';

export const replaceScopesOfClientAction = defineClientScopesAction(
  ActionKeys.replaceScopesOfClient,
  'replace',
);
