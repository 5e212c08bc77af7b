import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { type PrivateRedis, startPrivateRedis, uniquePrefix } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';
import { type Cluster, startCluster } from './cluster.js';
import { approvalIdOf, askAndConfirm, click } from './flow.js';

const policy = `
channels: { approvals: ${CHANNELS.approvals}, audit: ${CHANNELS.audit} }
roles:
  support: { actions: [user.view, user.otp] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
approvals:
  user.otp: { approvers: [admin], required: 1, expires_in: 1h }
`;

let server: PrivateRedis;
let redis: Redis;
let c: Cluster;
const prefix = uniquePrefix();

beforeAll(async () => {
  server = await startPrivateRedis();
  redis = connectRedis(server.url);
  c = await startCluster({ store: createRedisApprovalStore({ redis, prefix }), policy });
});
afterAll(async () => {
  await c.stop();
  redis.disconnect();
  await server.stop();
});

const otpRequests = () => c.authgear.requests.filter((r) => r.query.includes('generateOOBOTPCode'));

/** Everything Redis holds under this run's prefix, as text. */
const redisDump = async (): Promise<string> => {
  const keys = await redis.keys(`${prefix}*`);
  const values = await Promise.all(
    keys.map(async (k) => {
      const type = await redis.type(k);
      if (type === 'hash') return JSON.stringify(await redis.hgetall(k));
      if (type === 'string') return (await redis.get(k)) ?? '';
      if (type === 'zset') return JSON.stringify(await redis.zrange(k, '0', '-1'));
      return type;
    }),
  );
  return keys.concat(values).join('\n');
};

describe('a secret-producing action behind an approval', () => {
  it('creates the OTP only after approval and shows it only to the requester, by DM', async () => {
    c.authgear.store.addUser({ email: 'otp-target@example.com' });
    await askAndConfirm(c, PEOPLE.support, 'otp otp-target@example.com');
    const card = await waitFor(() =>
      c.slack.messagesIn(CHANNELS.approvals).find((m) => JSON.stringify(m.args).includes('otp-target')),
    );
    expect(otpRequests()).toHaveLength(0);
    const id = approvalIdOf(card.args);

    await click(c, PEOPLE.admin, 'approval_approve', id);
    await waitFor(() => otpRequests().length === 1);
    const sent = await waitFor(() => c.authgear.store.sentMessages.find((m) => m.kind === 'otp_code'));
    const code = 'code' in sent ? String(sent.code) : '';
    expect(code).toMatch(/^\d{6}$/);

    const dm = c.slack.dmChannelFor(PEOPLE.support);
    await waitFor(() => c.slack.messagesIn(dm).some((m) => JSON.stringify(m.args).includes(code)));
    const elsewhere = c.slack.calls.filter((call) => call.args.channel !== dm);
    const pattern = new RegExp(`(^|\\D)${code}(\\D|$)`);
    expect(elsewhere.filter((call) => pattern.test(JSON.stringify(call.args)))).toEqual([]);
    expect(c.slack.responses.filter((r) => pattern.test(JSON.stringify(r.body)))).toEqual([]);
    expect(pattern.test(JSON.stringify(c.audit))).toBe(false);
    expect(c.instances.flatMap((i) => i.logs).filter((l) => pattern.test(l))).toEqual([]);
    expect(pattern.test(await redisDump())).toBe(false);
  });
});
