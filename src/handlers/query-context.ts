import { auditContextOf } from '../actions/pipeline.js';
import type { Actor } from '../permissions/authorize.js';
import type { QueryContext } from '../queries/types.js';
import type { Services } from '../services.js';

export const queryContext = (s: Services, actor: Actor): QueryContext => ({
  api: s.api,
  users: s.users,
  policy: s.policy,
  actor,
  auditContext: auditContextOf(actor),
  actions: s.actions,
  now: s.now(),
  services: s.extras,
});
