/**
 * The current state of the users that approval requests target, for the approvals list and the App Home: ONE
 * `nodes` query for every request shown, however many there are. A target Authgear no longer has maps to null.
 */
import type { ApprovalRecord } from '../approvals/record.js';
import type { AdminApi } from '../authgear/client.js';
import type { AuditContext } from '../authgear/jwt.js';
import { getUserNodes, type UserSummary } from '../authgear/operations/users.js';

export interface ApprovalTargets {
  readonly users: ReadonlyMap<string, UserSummary | null>;
  /** When they were read: their state is computed for this moment. */
  readonly now: Date;
}

export const loadApprovalTargets = async (
  api: AdminApi,
  records: readonly ApprovalRecord[],
  actor: AuditContext,
  now: Date,
): Promise<ApprovalTargets> => {
  const ids = [...new Set(records.flatMap((r) => (r.target?.userId ? [r.target.userId] : [])))];
  if (ids.length === 0) return { users: new Map(), now };
  const found = await api.run(getUserNodes, { ids }, actor);
  return { users: new Map(ids.map((id) => [id, found.get(id) ?? null])), now };
};

/** The targets, or 'unavailable' when Authgear could not be read: the lists still show, with a note. */
export const targetsOrUnavailable = (
  api: AdminApi,
  records: readonly ApprovalRecord[],
  actor: AuditContext,
  now: Date,
): Promise<ApprovalTargets | 'unavailable'> =>
  loadApprovalTargets(api, records, actor, now).catch((): 'unavailable' => 'unavailable');
