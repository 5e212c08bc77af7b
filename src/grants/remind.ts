/**
 * The requester's reminder before a grant ends: a DM with the buttons the requester may use now (their roles from
 * the policy): Extend (by the first duration, within the policy) with `user.grant` on a target the policy lets them
 * grant, Revoke now with `user.revoke_grant`. Each click is checked again by the pipeline.
 */
import { grantReminderMessage } from '../blocks/grants.js';
import type { Policy } from '../config/policy.js';
import { grantRightFor } from '../config/policy-grants.js';
import { grants } from '../permissions/authorize.js';
import type { SlackUserRef, WebClient } from '../services.js';
import { replyTo } from '../slack/reply.js';
import { type GrantRecord, targetRef } from './record.js';

/** What the reminder offers someone holding `roles`. */
export const reminderRights = (
  policy: Policy,
  roles: readonly string[],
  record: Pick<GrantRecord, 'target' | 'durationMs'>,
): { readonly extendMs: number | undefined; readonly canRevoke: boolean } => {
  const right = grantRightFor(policy.grants, targetRef(record), roles);
  return {
    extendMs:
      grants(policy, roles, 'user.grant') && right.ok ? Math.min(record.durationMs, right.maxMs) : undefined,
    canRevoke: grants(policy, roles, 'user.revoke_grant'),
  };
};

export const createReminder =
  (
    client: WebClient,
    policy: Policy,
    now: () => Date,
    rolesOf: (user: SlackUserRef) => Promise<readonly string[]>,
  ) =>
  async (record: GrantRecord): Promise<void> => {
    const { requester } = record;
    const roles = await rolesOf({ id: requester.userId, teamId: requester.teamId, name: requester.name });
    const message = grantReminderMessage(record, {
      now: now().getTime(),
      ...reminderRights(policy, roles, record),
    });
    await replyTo(client, { userId: record.requester.userId })(message);
  };
