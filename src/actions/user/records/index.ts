import type { AuthgearProject } from '../../../authgear/project.js';
import type { AnyActionDefinition } from '../../types.js';
import { addAuthenticatorAction } from './add-authenticator.js';
import { makeAddIdentityAction } from './add-identity.js';
import { makeCreateUserAction } from './create-user.js';
import { editAction } from './edit.js';
import { removeAuthenticatorAction } from './remove-authenticator.js';
import { removeAuthorizationAction } from './remove-authorization.js';
import { removeIdentityAction } from './remove-identity.js';
import { updateIdentityAction } from './update-identity.js';

/**
 * Actions on a user's records: create, edit attributes, identities, authenticators, authorizations. The ones
 * that create login IDs offer only the project's login ID keys.
 */
export const recordActionsFor = (project: AuthgearProject): readonly AnyActionDefinition[] => [
  makeCreateUserAction(project),
  editAction,
  makeAddIdentityAction(project),
  updateIdentityAction,
  removeIdentityAction,
  removeAuthenticatorAction,
  removeAuthorizationAction,
  addAuthenticatorAction,
];
