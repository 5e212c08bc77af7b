/**
 * The grant worker against the Admin API fake (a real AdminApi, real JWTs): a worker that dies after Authgear took
 * the role back but before the record said so, a user deleted meanwhile, and a group grant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/audit/event.js';
import { type AdminApi, createAdminApi } from '../../../src/authgear/client.js';
import { createTokenSource } from '../../../src/authgear/jwt.js';
import { removeUserFromRoles } from '../../../src/authgear/operations/access-links.js';
import { createMemoryGrantStore } from '../../../src/grants/memory-store.js';
import { newGrantRecord, tagOfGrant } from '../../../src/grants/record.js';
import type { GrantStore } from '../../../src/grants/store.js';
import { createGrantWorker } from '../../../src/grants/worker.js';
import { createLogger } from '../../../src/logger.js';
import { type AuthgearFake, encodeNodeId, startAuthgearFake } from '../../fakes/authgear/index.js';
import { makeAdminKey } from '../../support/keys.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const HOUR = 3_600_000;
const LEASE = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

let fake: AuthgearFake;
let api: AdminApi;

beforeAll(async () => {
  const key = makeAdminKey();
  fake = await startAuthgearFake({ projectId: 'grants', keyId: key.keyId, publicKeyPem: key.publicKeyPem });
  api = createAdminApi({
    endpoint: fake.url,
    tokens: createTokenSource({ projectId: 'grants', keyId: key.keyId, privateKeyPem: key.privateKeyPem }),
  });
});
afterAll(async () => fake.close());

const setup = (name: string, kind: 'role' | 'group' = 'role') => {
  const store = createMemoryGrantStore();
  const audit: AuditEvent[] = [];
  let clock = T0;
  const worker = createGrantWorker({
    store,
    api,
    audit: { record: async (e) => void audit.push(e) },
    logger: createLogger({ level: 'silent' }),
    now: () => clock,
    remind: async () => undefined,
    leaseMs: LEASE,
  });
  const access =
    kind === 'role' ? fake.store.addRole({ key: `${name}_r` }) : fake.store.addGroup({ key: `${name}_g` });
  const user = fake.store.addUser({
    email: `${name}@example.com`,
    ...(kind === 'role' ? { roles: [access.key] } : { groups: [access.key] }),
  });
  const record = newGrantRecord(
    {
      user: { id: encodeNodeId('User', user.id), label: `${name}@example.com` },
      target: { kind, key: access.key },
      requester: { userId: 'U0REQ' },
      durationMs: HOUR,
      remindBeforeMs: undefined,
    },
    T0,
  );
  const holds = () => (kind === 'role' ? user.roleIds : user.groupIds).has(access.id);
  return {
    store,
    worker,
    audit,
    record,
    user,
    holds,
    setClock: (d: Date) => {
      clock = d;
    },
  };
};

const removalsOf = (key: string) =>
  fake.requests.filter(
    (r) => r.query.includes('removeUserFrom') && JSON.stringify(r.variables).includes(key),
  );

const create = async (store: GrantStore, record: Parameters<GrantStore['create']>[0]) => {
  expect((await store.create(record, T0)).kind).toBe('ok');
};

describe('grant worker', () => {
  it('redoes a revoke whose worker died after Authgear removed the role, and audits the end once', async () => {
    const s = setup('crashy');
    await create(s.store, s.record);
    // The first worker claims the end and gets Authgear to remove the role, then dies before recording it.
    const claimed = await s.store.claim(tagOfGrant(s.record.id), {
      now: at(HOUR),
      leaseMs: LEASE,
      token: 'dead',
    });
    expect(claimed.kind).toBe('claimed');
    await api.run(
      removeUserFromRoles,
      { input: { userID: s.record.user.id, roleKeys: [s.record.target.key] } },
      { slack_user_id: 'U0REQ' },
    );
    expect(s.holds()).toBe(false);
    s.setClock(at(HOUR + LEASE / 2));
    expect((await s.worker.runDue()).ran).toBe(0);
    s.setClock(at(HOUR + LEASE));
    expect((await s.worker.runDue()).ran).toBe(1);
    expect(removalsOf(s.record.target.key)).toHaveLength(2);
    expect(s.audit.map((e) => [e.type, e.id])).toEqual([['expired', `grant-${s.record.id}-expired`]]);
    expect((await s.store.get(s.record.id))?.ended?.how).toBe('revoked');
    expect(
      await s.store.finish(tagOfGrant(s.record.id), 'dead', { reminded: {}, covered: [] }, at(HOUR + LEASE)),
    ).toEqual({
      kind: 'lost',
    });
  });

  it('ends the grant as gone when the user was deleted meanwhile, without retrying', async () => {
    const s = setup('deleted');
    await create(s.store, s.record);
    fake.store.removeUser(s.user.id);
    s.setClock(at(HOUR));
    await s.worker.runDue();
    expect((await s.store.get(s.record.id))?.ended?.how).toBe('gone');
    expect(s.audit.map((e) => e.type)).toEqual(['expired']);
    expect(s.audit[0]?.summary).toContain('no longer exists');
  });

  it('takes a group back with removeUserFromGroups', async () => {
    const s = setup('grouped', 'group');
    await create(s.store, s.record);
    s.setClock(at(HOUR));
    await s.worker.runDue();
    expect(s.holds()).toBe(false);
    expect(removalsOf(s.record.target.key).map((r) => r.variables)).toEqual([
      { input: { userID: s.record.user.id, groupKeys: [s.record.target.key] } },
    ]);
    expect(removalsOf(s.record.target.key)[0]?.jwt.claims.audit_context).toMatchObject({
      slack_user_id: 'U0REQ',
    });
  });
});
