import type { AnyActionDefinition } from '../types.js';
import { extendGrantAction } from './extend-grant.js';
import { grantAction } from './grant.js';
import { revokeGrantAction } from './revoke-grant.js';

/** Time-boxed grants: give a role or group for a while, extend it, end it early. */
export const grantActions: readonly AnyActionDefinition[] = [
  grantAction,
  extendGrantAction,
  revokeGrantAction,
];
