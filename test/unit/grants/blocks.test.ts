import { describe, expect, it } from 'vitest';
import { grantReminderMessage, grantsListMessage } from '../../../src/blocks/grants.js';
import { homeView } from '../../../src/blocks/home.js';
import { durationText } from '../../../src/blocks/time.js';
import { type GrantRecord, newGrantRecord } from '../../../src/grants/record.js';
import { checkHomeView, checkMessageBlocks } from '../../support/block-kit.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const HOUR = 3_600_000;

const grant = (overrides: Partial<GrantRecord> = {}, user = 'VXNlcjphbGljZQ'): GrantRecord => ({
  ...newGrantRecord(
    {
      user: { id: user, label: 'Alice &lt;alice@example.com&gt;' },
      target: { kind: 'role', key: 'support_lead' },
      requester: { userId: 'U0SUPPORT' },
      reason: 'ping <!channel> *now*',
      durationMs: 2 * HOUR,
      remindBeforeMs: 15 * 60_000,
    },
    T0,
  ),
  ...overrides,
});

type Json = Record<string, unknown>;
const buttons = (blocks: readonly unknown[]): Json[] =>
  (blocks as Json[]).flatMap((b) => [
    ...((b.elements as Json[] | undefined) ?? []).filter((e) => e.type === 'button'),
    ...(b.accessory ? [b.accessory as Json] : []),
  ]);

describe('durationText', () => {
  it.each([
    [0, '0s'],
    [2_000, '2s'],
    [90 * 60_000, '1h 30m'],
    [2 * HOUR, '2h'],
    [26 * HOUR, '1d 2h'],
    [45 * 60_000 + 10_000, '45m 10s'],
  ])('says %i ms as %s', (ms, words) => {
    expect(durationText(ms)).toBe(words);
  });
});

describe('grant views', () => {
  it('lists grants with Revoke now on running ones only, escaping what people typed', () => {
    const running = grant();
    const overdue = grant({
      state: 'overdue',
      attempts: 3,
      lastError: 'authgear.unavailable',
      overdueSince: T0.getTime() + 2 * HOUR,
      nextTry: T0.getTime() + 3 * HOUR,
    });
    const message = grantsListMessage([running, overdue], { now: T0.getTime() + HOUR, canRevoke: true });
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    const text = JSON.stringify(message);
    expect(text).toContain('revoke overdue');
    expect(text).toContain('3 failed attempt(s)');
    expect(text).toContain('1h left');
    expect(text).not.toContain('<!channel>');
    expect(buttons(message.blocks ?? []).map((b) => JSON.parse(String(b.value)))).toEqual([
      {
        k: 'revoke-grant',
        u: running.user.id,
        a: { grantId: running.id, kind: 'role', key: 'support_lead' },
      },
    ]);
  });

  it('offers no Revoke now to someone who may not end grants, and says when nothing runs', () => {
    const message = grantsListMessage([grant()], { now: T0.getTime(), canRevoke: false });
    expect(buttons(message.blocks ?? [])).toEqual([]);
    expect(JSON.stringify(grantsListMessage([], { now: 0, canRevoke: true }))).toContain(
      'No grants are running',
    );
  });

  it('keeps a long list within the message limits', () => {
    const many = Array.from({ length: 80 }, () => grant());
    const message = grantsListMessage(many, { now: T0.getTime(), canRevoke: true });
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    expect(JSON.stringify(message)).toContain('Showing 40 of 80');
  });

  it('reminds with Extend (the grant and its first duration) and Revoke now', () => {
    const g = grant();
    const message = grantReminderMessage(g, {
      now: T0.getTime() + 105 * 60_000,
      extendMs: 2 * HOUR,
      canRevoke: true,
    });
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    expect(message.text).toBe('Your grant of role support_lead ends in 15m');
    expect(buttons(message.blocks).map((b) => JSON.parse(String(b.value)))).toEqual([
      {
        k: 'extend-grant',
        u: g.user.id,
        a: { grantId: g.id, kind: 'role', key: 'support_lead', durationMs: 2 * HOUR },
      },
      { k: 'revoke-grant', u: g.user.id, a: { grantId: g.id, kind: 'role', key: 'support_lead' } },
    ]);
  });

  it.each([
    [{ extendMs: 2 * HOUR, canRevoke: false }, ['extend-grant'], 'Extending asks again'],
    [{ extendMs: undefined, canRevoke: true }, ['revoke-grant'], 'does not let you extend it'],
    [{ extendMs: undefined, canRevoke: false }, [], 'does not let you extend it'],
  ])('reminds with only the buttons the requester may use: %j', (rights, keys, note) => {
    const message = grantReminderMessage(grant(), { now: T0.getTime() + 105 * 60_000, ...rights });
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    expect(buttons(message.blocks).map((b) => JSON.parse(String(b.value)).k)).toEqual(keys);
    expect(JSON.stringify(message.blocks)).toContain(note);
  });

  it('shows the Home tab with its own grants within the limits, even with every list full', () => {
    const view = homeView({
      kind: 'lists',
      waiting: [],
      recent: [],
      grants: { records: Array.from({ length: 30 }, () => grant()), now: T0.getTime(), canRevoke: true },
    });
    expect(checkHomeView(view)).toEqual([]);
    expect(JSON.stringify(view)).toContain('Your grants (30)');
    expect(JSON.stringify(view)).toContain('Showing 10 of 30');
  });
});
