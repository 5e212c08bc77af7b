import type { AnyActionDefinition } from '../types.js';
import { accountActions } from './account/index.js';
import { recordActions } from './records/index.js';

/** Every user-account action; each lives in its own file under account/ or records/. */
export const userActions: readonly AnyActionDefinition[] = [...accountActions, ...recordActions];
