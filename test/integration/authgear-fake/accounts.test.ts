/** FACTS.md account status: transitions, a computed isDisabled, the valid period (pkg/lib/authn/user/account_status.go). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId, type FakeUserSeed } from '../../fakes/authgear/index.js';
import { type FakeAdminClient, firstError, startFakeAdmin } from '../../support/admin-graphql.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

let c: FakeAdminClient;
beforeAll(async () => {
  c = await startFakeAdmin({ now: () => NOW });
});
afterAll(async () => c.close());

let n = 0;
const seed = (extra: FakeUserSeed = {}) => {
  n += 1;
  const u = c.fake.store.addUser({ email: `acct${n}@example.com`, sessions: 2, ...extra });
  return { u, id: encodeNodeId('User', u.id) };
};

const FIELDS =
  'isDisabled disableReason temporarilyDisabledFrom temporarilyDisabledUntil accountValidFrom accountValidUntil';
const setDisabled = (id: string, input: string) =>
  c.gql(`mutation($id: ID!) { setDisabledStatus(input: { userID: $id, ${input} }) { user { ${FIELDS} } } }`, {
    id,
  });
const read = async (id: string) =>
  ((await c.gql(`query($id: ID!) { node(id: $id) { ... on User { ${FIELDS} } } }`, { id })).data?.node ??
    {}) as Record<string, unknown>;

describe('disabling', () => {
  it('disables from normal and ends every session', async () => {
    const { u, id } = seed();
    const body = await setDisabled(id, 'isDisabled: true, reason: "fraud"');
    expect(body.data?.setDisabledStatus).toMatchObject({
      user: { isDisabled: true, disableReason: 'fraud' },
    });
    expect(c.fake.store.user(u.id)?.sessions).toEqual([]);
  });

  it('reads a temporary window in the future as not disabled, keeps the sessions, and shows the window', async () => {
    const { u, id } = seed();
    await setDisabled(
      id,
      `isDisabled: true, temporarilyDisabledFrom: "${at(2)}", temporarilyDisabledUntil: "${at(3)}"`,
    );
    expect(await read(id)).toMatchObject({
      isDisabled: false,
      temporarilyDisabledFrom: at(2),
      temporarilyDisabledUntil: at(3),
    });
    expect(c.fake.store.user(u.id)?.sessions).toHaveLength(2);
  });

  it('reads a running window as disabled', async () => {
    const { id } = seed({ temporarilyDisabledFrom: at(-1), temporarilyDisabledUntil: at(1) });
    expect(await read(id)).toMatchObject({ isDisabled: true });
  });

  it('drops a window that is wholly past when read', async () => {
    const { id } = seed({ temporarilyDisabledFrom: at(-3), temporarilyDisabledUntil: at(-2) });
    expect(await read(id)).toMatchObject({
      isDisabled: false,
      temporarilyDisabledFrom: null,
      temporarilyDisabledUntil: null,
    });
  });

  it('disables a temporarily disabled user, and sets a window on a disabled one', async () => {
    const temp = seed({ temporarilyDisabledFrom: at(-1), temporarilyDisabledUntil: at(1) });
    expect((await setDisabled(temp.id, 'isDisabled: true')).errors).toBeUndefined();
    const disabled = seed({ isDisabled: true });
    const window = await setDisabled(
      disabled.id,
      `isDisabled: true, temporarilyDisabledFrom: "${at(-1)}", temporarilyDisabledUntil: "${at(1)}"`,
    );
    expect(window.errors).toBeUndefined();
  });

  it('refuses to disable again: InvalidAccountStatusTransition with { from, to }', async () => {
    const { id } = seed({ isDisabled: true });
    expect(firstError(await setDisabled(id, 'isDisabled: true'))?.extensions).toEqual({
      errorName: 'Invalid',
      reason: 'InvalidAccountStatusTransition',
      info: { from: 'disabled', to: 'disabled' },
    });
  });

  it('refuses a window that ends first with a cause', async () => {
    const { id } = seed();
    const e = firstError(
      await setDisabled(
        id,
        `isDisabled: true, temporarilyDisabledFrom: "${at(3)}", temporarilyDisabledUntil: "${at(2)}"`,
      ),
    );
    expect(e?.extensions).toEqual({
      errorName: 'Invalid',
      reason: 'InvalidAccountStatusTransition',
      info: { cause: { kind: 'TemporarilyDisabledFromShouldBeBeforeTemporarilyDisabledUntil' } },
    });
  });

  it('cannot re-enable a user whose window has not started (the variant is normal)', async () => {
    const { id } = seed({ temporarilyDisabledFrom: at(2), temporarilyDisabledUntil: at(3) });
    expect(firstError(await setDisabled(id, 'isDisabled: false'))?.extensions?.info).toEqual({
      from: 'normal',
      to: 'normal',
    });
  });

  it('clears a future window by setting one wholly in the past, without ending sessions', async () => {
    const { u, id } = seed({
      temporarilyDisabledFrom: at(2),
      temporarilyDisabledUntil: at(3),
      disableReason: 'trip',
    });
    const body = await setDisabled(
      id,
      'isDisabled: true, temporarilyDisabledFrom: "1970-01-01T00:00:00Z", temporarilyDisabledUntil: "1970-01-01T00:00:01Z"',
    );
    expect(body.errors).toBeUndefined();
    expect(await read(id)).toMatchObject({
      isDisabled: false,
      disableReason: null,
      temporarilyDisabledFrom: null,
    });
    expect(c.fake.store.user(u.id)?.sessions).toHaveLength(2);
  });
});

describe('the account valid period', () => {
  it('reads a user outside it as disabled, with no reason', async () => {
    const { id } = seed({ accountValidUntil: at(-1) });
    expect(await read(id)).toMatchObject({
      isDisabled: true,
      disableReason: null,
      accountValidUntil: at(-1),
    });
  });

  it('refuses to re-enable a user outside it: from outside_valid_period', async () => {
    const { id } = seed({ accountValidFrom: at(1) });
    expect(firstError(await setDisabled(id, 'isDisabled: false'))?.extensions).toEqual({
      errorName: 'Invalid',
      reason: 'InvalidAccountStatusTransition',
      info: { from: 'outside_valid_period', to: 'normal' },
    });
  });

  it.each([
    ['setAccountValidPeriod', 'accountValidFrom: null, accountValidUntil: null'],
    ['setAccountValidUntil', 'accountValidUntil: null'],
  ])('is fixed with %s', async (field, input) => {
    const { id } = seed({ accountValidUntil: at(-1) });
    const body = await c.gql(
      `mutation($id: ID!) { ${field}(input: { userID: $id, ${input} }) { user { isDisabled } } }`,
      { id },
    );
    expect(body.data?.[field]).toEqual({ user: { isDisabled: false } });
  });

  it('keeps the other bound when one is set', async () => {
    const { id } = seed({ accountValidFrom: at(-10) });
    await c.gql(
      `mutation($id: ID!) { setAccountValidUntil(input: { userID: $id, accountValidUntil: "${at(10)}" }) { user { id } } }`,
      { id },
    );
    expect(await read(id)).toMatchObject({ accountValidFrom: at(-10), accountValidUntil: at(10) });
  });

  it('refuses from after until, and ends sessions when the new period excludes now', async () => {
    const bad = seed();
    const e = await c.gql(
      `mutation($id: ID!) { setAccountValidPeriod(input: { userID: $id, accountValidFrom: "${at(2)}", accountValidUntil: "${at(1)}" }) { user { id } } }`,
      { id: bad.id },
    );
    expect(firstError(e)?.extensions?.info).toEqual({
      cause: { kind: 'AccountValidFromShouldBeBeforeAccountValidUntil' },
    });
    const ended = seed();
    await c.gql(
      `mutation($id: ID!) { setAccountValidUntil(input: { userID: $id, accountValidUntil: "${at(-1)}" }) { user { id } } }`,
      { id: ended.id },
    );
    expect(c.fake.store.user(ended.u.id)?.sessions).toEqual([]);
  });
});
