import type { AnyActionDefinition } from '../../types.js';

/** Actions on a user's records: create, edit attributes, identities, authenticators, authorizations. */
export const recordActions: readonly AnyActionDefinition[] = [];
