import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFraudOverview, listFraudDecisions } from '../../../src/authgear/operations/fraud.js';
import { addFraudDecision } from '../../fakes/authgear/index.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { buttonValue } from '../records/helpers.js';
import { expected, expectSent, sentSince } from './sent.js';

let t: TestApp;
const HOUR = 3_600_000;
beforeAll(async () => {
  t = await startTestApp();
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
  addFraudDecision(t.authgear.store, {
    createdAt: at(50),
    decision: 'allowed',
    recipient: '+14155550001',
    phoneCountry: 'US',
    ipAddress: '192.0.2.1',
    geo: 'US',
  });
  for (let i = 0; i < 11; i++)
    addFraudDecision(t.authgear.store, {
      createdAt: at(2 + i / 10),
      decision: 'blocked',
      recipient: `+4477009001${String(i).padStart(2, '0')}`,
      phoneCountry: 'GB',
      ipAddress: '198.51.100.7',
      geo: 'RU',
      warnings: ['SMS__UNVERIFIED_OTPS__BY_IP__HOURLY_THRESHOLD_EXCEEDED'],
    });
  addFraudDecision(t.authgear.store, {
    createdAt: at(1),
    decision: 'allowed',
    recipient: '+14155550002',
    phoneCountry: 'US',
    ipAddress: '203.0.113.5',
    geo: 'US',
    warnings: ['SMS__PHONE_COUNTRIES__BY_IP__DAILY_THRESHOLD_EXCEEDED'],
  });
});
afterAll(async () => t.stop());

const text = (body: unknown) => JSON.stringify(body);
const ask = async (command: string, userId: string = PEOPLE.admin) => {
  const from = t.authgear.requests.length;
  const before = Date.now();
  const res = await t.driver.slashCommand({ userId, text: command });
  const body = await t.response(res.responseUrlId);
  return { body, sent: sentSince(t, from), before, after: Date.now() };
};

describe('fraud', () => {
  it('shows the last 24 hours: the overview and the newest decisions, with why each was flagged or blocked', async () => {
    const { body, sent, before, after } = await ask('fraud');
    // The two reads go out together: compare them in a fixed order, whichever arrived first.
    const byName = (name: string) => sent.filter((r) => r.operationName === name);
    const [logs] = byName('ListFraudDecisions');
    const rangeTo = String(logs?.variables.rangeTo);
    expect(Date.parse(rangeTo)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(rangeTo)).toBeLessThanOrEqual(after);
    const rangeFrom = new Date(Date.parse(rangeTo) - 24 * HOUR).toISOString();
    expectSent(
      [...byName('ListFraudDecisions'), ...byName('GetFraudOverview')],
      expected(listFraudDecisions, { rangeFrom, rangeTo, search: null, first: 10, after: null }),
      expected(getFraudOverview, { rangeFrom, rangeTo }),
    );
    const shown = text(body);
    expect(shown).toContain('Fraud protection: SMS, last 24h');
    expect(shown).toContain('*Requests*\\n12');
    expect(shown).toContain('*Blocked*\\n11');
    expect(shown).toContain('*Flagged (sent with warnings)*\\n1');
    expect(shown).toContain('`198.51.100.7` (RU): 11 SMS · 11 blocked · 0 flagged');
    expect(shown).toContain(':warning: flagged `+14155550002` (US) from `203.0.113.5` (US)');
    expect(shown).toContain('this IP sent codes to too many phone countries today');
    expect(shown).toContain(':no_entry: *blocked* `+447700900100` (GB)');
    expect(shown).toContain('too many unused codes from this IP this hour');
    expect(shown).not.toContain('+14155550001');
  });

  it('pages to older decisions with the end of the window pinned, without the overview again', async () => {
    const { body, sent } = await ask('fraud');
    const rangeTo = String(sent.find((r) => r.operationName === 'ListFraudDecisions')?.variables.rangeTo);
    const from = t.authgear.requests.length;
    const click = await t.driver.blockAction({
      userId: PEOPLE.admin,
      actionId: 'access_page',
      value: buttonValue(body, 'access_page'),
    });
    const page = await t.response(click.responseUrlId);
    const next = sentSince(t, from);
    expect(next.map((r) => r.operationName)).toEqual(['ListFraudDecisions']);
    expect(next[0]?.variables).toMatchObject({ rangeTo, after: expect.any(String), first: 10 });
    expect(text(page)).toContain('+447700900110');
    expect(text(page)).not.toContain('Fraud protection: SMS');
  });

  it('searches by a phone prefix and widens the window with --since', async () => {
    const { body, sent } = await ask('fraud --since 3d +1415');
    // The overview and the list go out together: pick the list by name, whichever arrived first.
    const list = sent.find((r) => r.operationName === 'ListFraudDecisions');
    expect(list?.variables).toMatchObject({ search: '+1415' });
    const span = Date.parse(String(list?.variables.rangeTo)) - Date.parse(String(list?.variables.rangeFrom));
    expect(span).toBe(72 * HOUR);
    expect(text(body)).toContain('+14155550001');
    expect(text(body)).toContain('matching “+1415”');
  });

  it.each([
    ['--since 91d', 'at most 90 days'],
    ['--since soon', 'Give `--since` as a duration'],
  ])('refuses %s before asking Authgear', async (args, words) => {
    const { body, sent } = await ask(`fraud ${args}`);
    expect(text(body)).toContain(words);
    expect(sent).toEqual([]);
  });

  it('refuses support, who has no fraud.view', async () => {
    const { body, sent } = await ask('fraud', PEOPLE.support);
    expect(text(body)).toContain("Your role doesn't allow that action");
    expect(sent).toEqual([]);
  });
});
