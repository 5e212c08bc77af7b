/** Fakes and a shared fake clock for the Authgear audit-log stream tests (and the bench). */
import { createAuditWebClient } from '../../../src/audit/delivery.js';
import { type AuditStream, type AuditStreamOptions, createAuditStream } from '../../../src/audit/stream.js';
import { type AdminApi, createAdminApi } from '../../../src/authgear/client.js';
import { createTokenSource } from '../../../src/authgear/jwt.js';
import { createLogger } from '../../../src/logger.js';
import type { RedisClient } from '../../../src/redis/client.js';
import { type AuthgearFake, startAuthgearFake } from '../../fakes/authgear/index.js';
import { type SlackFake, startSlackFake } from '../../fakes/slack/index.js';
import { makeAdminKey } from '../../support/keys.js';

export const STREAM_CHANNEL = 'C0AUDIT';
export const T0 = 1_700_000_000_000;

export interface StreamHarness {
  readonly slack: SlackFake;
  readonly authgear: AuthgearFake;
  readonly api: AdminApi;
  readonly clock: { now(): number; sleep(ms: number): Promise<void>; readonly sleeps: number[] };
  /** A stream on the fakes with the shared clock; `overrides` win. */
  stream(overrides?: Partial<AuditStreamOptions> & { redis?: RedisClient | undefined }): AuditStream;
  /**
   * Adds `count` entries just after the clock's now, numbered from `from` (client ID `e<n>`); moves the clock past
   * them. `longLines`: IPv6 addresses and 60-character client IDs, so 50 lines pass 10,000 characters.
   */
  seed(
    from: number,
    count: number,
    activityType?: (n: number) => string,
    options?: { longLines?: boolean },
  ): void;
  /** Entry numbers in the order Slack accepted them. */
  delivered(): number[];
  close(): Promise<void>;
}

export const silentLogger = createLogger({ level: 'silent', destination: { write: () => undefined } });

export const startStreamHarness = async (): Promise<StreamHarness> => {
  let t = T0;
  const sleeps: number[] = [];
  const clock = {
    now: () => t,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  const key = makeAdminKey();
  const slack = await startSlackFake({
    postMessageLimitPerSecond: 1,
    now: clock.now,
    channels: [{ id: STREAM_CHANNEL, name: 'audit' }],
  });
  const authgear = await startAuthgearFake({
    projectId: 'stream-project',
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
  });
  const api = createAdminApi({
    endpoint: authgear.url,
    tokens: createTokenSource({
      projectId: 'stream-project',
      keyId: key.keyId,
      privateKeyPem: key.privateKeyPem,
    }),
  });
  const client = createAuditWebClient('xoxb-test', { slackApiUrl: slack.apiUrl });
  return {
    slack,
    authgear,
    api,
    clock,
    stream: (overrides = {}) =>
      createAuditStream({
        api,
        prefix: 'unused:',
        client,
        channel: STREAM_CHANNEL,
        activityTypes: [],
        intervalMs: 1000,
        logger: silentLogger,
        now: clock.now,
        sleep: clock.sleep,
        ...overrides,
      }),
    seed(from, count, activityType = () => 'USER_AUTHENTICATED', { longLines = false } = {}) {
      const base = t + 1;
      t = base + count; // later anchors fall after every seeded entry
      authgear.store.addAuditLogs(count, (i) => ({
        activityType: activityType(from + i),
        createdAt: new Date(base + i).toISOString(),
        clientID: longLines ? `e${from + i}-${'c'.repeat(50)}`.slice(0, 60) : `e${from + i}`,
        ipAddress: longLines ? '2001:0db8:85a3:0000:0000:8a2e:0370:7334' : '203.0.113.7',
      }));
    },
    delivered: () =>
      slack
        .messagesIn(STREAM_CHANNEL)
        .flatMap((m) =>
          [...JSON.stringify(m.args.blocks ?? m.args.text).matchAll(/client e(\d+)/g)].map((x) =>
            Number(x[1]),
          ),
        ),
    async close() {
      await Promise.all([slack.close(), authgear.close()]);
    },
  };
};

export const range = (from: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => from + i);
