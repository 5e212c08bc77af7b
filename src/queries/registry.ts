import { accessQueries } from './access.js';
import { approvalsQuery } from './approvals.js';
import { auditQuery } from './audit.js';
import { fraudQuery } from './fraud.js';
import { grantsQuery } from './grants.js';
import { recordQueries } from './records.js';
import { resourceQueries } from './resources.js';
import { sessionsQuery } from './sessions.js';
import type { QueryVerb } from './types.js';
import { searchQuery, userQuery } from './users.js';

/**
 * Read-only verbs: users, sessions, a user's records, groups and roles, pending approvals, Authgear's audit log,
 * API resources, fraud protection.
 */
export const coreQueries: readonly QueryVerb[] = [
  userQuery,
  searchQuery,
  sessionsQuery,
  ...recordQueries,
  ...accessQueries,
  approvalsQuery,
  auditQuery,
  grantsQuery,
  ...resourceQueries,
  fraudQuery,
];

export const queryForVerb = (queries: readonly QueryVerb[], verb: string): QueryVerb | undefined =>
  queries.find((q) => q.verbs.includes(verb));
