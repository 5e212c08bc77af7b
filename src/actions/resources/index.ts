import type { AnyActionDefinition } from '../types.js';
import { addResourceToClientAction } from './add-resource-to-client.js';
import { addScopesToClientAction } from './add-scopes-to-client.js';
import { createResourceAction } from './create-resource.js';
import { createScopeAction } from './create-scope.js';
import { deleteResourceAction } from './delete-resource.js';
import { deleteScopeAction } from './delete-scope.js';
import { removeResourceFromClientAction } from './remove-resource-from-client.js';
import { removeScopesFromClientAction } from './remove-scopes-from-client.js';
import { replaceScopesOfClientAction } from './replace-scopes-of-client.js';
import { updateResourceAction } from './update-resource.js';
import { updateScopeAction } from './update-scope.js';

/** API resources, their scopes, and which OAuth clients may use them: one file per verb in this folder. */
export const resourceActions: readonly AnyActionDefinition[] = [
  createResourceAction,
  updateResourceAction,
  deleteResourceAction,
  createScopeAction,
  updateScopeAction,
  deleteScopeAction,
  addResourceToClientAction,
  removeResourceFromClientAction,
  addScopesToClientAction,
  removeScopesFromClientAction,
  replaceScopesOfClientAction,
];
