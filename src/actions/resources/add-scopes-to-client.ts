import { ActionKeys } from '../keys.js';
import { defineClientScopesAction } from './define-client-scopes.js';

export const addScopesToClientAction = defineClientScopesAction(ActionKeys.addScopesToClient, 'add');
