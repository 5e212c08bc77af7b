import type { AnyActionDefinition } from '../types.js';

/** Every group and role action. Each lives in its own file in this folder. */
export const accessActions: readonly AnyActionDefinition[] = [];
