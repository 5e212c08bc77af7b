/**
 * The last line against giving yourself access: the execution itself refuses a grant whose requester is its target
 * (by the email on their Slack profile), or cannot be told apart from it, unless another person approved it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecution } from '../../../src/actions/execute.js';
import { grantAction } from '../../../src/actions/grants/grant.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { parsePolicyText } from '../../../src/config/policy.js';
import { isAppError } from '../../../src/errors.js';
import { createUserResolver } from '../../../src/users/resolve.js';
import { type ActionHarness, NOW, startHarness } from './account/harness.js';

let h: ActionHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const actor = { userId: 'U0SAM', name: 'sam', roles: ['support'] };
const policy = parsePolicyText(`
roles: { support: { actions: [user.grant] } }
grants: { targets: { role:oncall: 4h } }
`);

const attempt = async (slackEmail: string | undefined, userEmail: string) => {
  const { nodeId } = h.seed({ email: userEmail });
  const user = await h.load(nodeId);
  const events: AuditEvent[] = [];
  const profiles = { emailOf: async () => slackEmail };
  const execution = createExecution({
    api: h.api,
    users: createUserResolver(h.api, profiles),
    audit: { record: async (e) => void events.push(e) },
    now: () => NOW,
    policy,
    profiles,
  });
  const input = grantAction.input.parse({ userId: nodeId, kind: 'role', key: 'oncall', durationMs: 60_000 });
  const before = h.fake.requests.length;
  const thrown = await execution.execute(actor, grantAction, input, undefined, { user }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { thrown, events, sent: h.fake.requests.slice(before) };
};

describe('a grant run without an approval', () => {
  it.each([
    ['to the requester (same email, any case)', 'Sam@Example.com', 'sam@example.com', 'self_grant'],
    [
      'when the requester has no email on their Slack profile',
      undefined,
      'someone@example.com',
      'self_unknown',
    ],
  ])(
    'is refused %s, audited as denied, with nothing sent to Authgear',
    async (_, slackEmail, userEmail, reason) => {
      const { thrown, events, sent } = await attempt(slackEmail, userEmail);
      expect(isAppError(thrown) && thrown.code).toBe('permission.denied');
      expect(events.map((e) => [e.type, e.reason])).toEqual([['denied', reason]]);
      expect(sent).toEqual([]);
    },
  );
});
