/** The requester's reminder before a grant ends: a DM with Extend (by the first duration, within the policy) and Revoke now. */
import { grantReminderMessage } from '../blocks/grants.js';
import type { GrantPolicy } from '../config/policy-grants.js';
import type { WebClient } from '../services.js';
import { replyTo } from '../slack/reply.js';
import { type GrantRecord, targetRef } from './record.js';

export const createReminder =
  (client: WebClient, policy: GrantPolicy, now: () => Date) =>
  async (record: GrantRecord): Promise<void> => {
    const limit = policy.targets.get(targetRef(record))?.maxMs ?? record.durationMs;
    const message = grantReminderMessage(record, {
      now: now().getTime(),
      extendMs: Math.min(record.durationMs, limit),
    });
    await replyTo(client, { userId: record.requester.userId })(message);
  };
