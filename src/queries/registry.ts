import type { QueryVerb } from './types.js';
import { searchQuery, userQuery } from './users.js';

/** Read-only verbs. Modules add their own lists here. */
export const coreQueries: readonly QueryVerb[] = [userQuery, searchQuery];

export const queryForVerb = (queries: readonly QueryVerb[], verb: string): QueryVerb | undefined =>
  queries.find((q) => q.verbs.includes(verb));
