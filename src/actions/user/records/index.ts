import type { AnyActionDefinition } from '../../types.js';
import { addAuthenticatorAction } from './add-authenticator.js';
import { addIdentityAction } from './add-identity.js';
import { createUserAction } from './create-user.js';
import { editAction } from './edit.js';
import { removeAuthenticatorAction } from './remove-authenticator.js';
import { removeAuthorizationAction } from './remove-authorization.js';
import { removeIdentityAction } from './remove-identity.js';
import { updateIdentityAction } from './update-identity.js';

/** Actions on a user's records: create, edit attributes, identities, authenticators, authorizations. */
export const recordActions: readonly AnyActionDefinition[] = [
  createUserAction,
  editAction,
  addIdentityAction,
  updateIdentityAction,
  removeIdentityAction,
  removeAuthenticatorAction,
  removeAuthorizationAction,
  addAuthenticatorAction,
];
