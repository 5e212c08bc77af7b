/**
 * The Authgear fake answers fraudProtectionLogs and fraudProtectionOverview as authgear-server does
 * (pkg/admin/graphql/query.go, pkg/lib/audit/fraud_protection_*.go): one test per behaviour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFraudDecision, encodeNodeId } from '../../fakes/authgear/index.js';
import { errorOf, type FakeAdmin, startFake } from './answers.js';

const NOW = new Date('2026-08-20T12:00:00.000Z');
let api: FakeAdmin;
beforeAll(async () => {
  api = await startFake(() => NOW);
  const seed = [
    {
      at: '2026-08-20T09:10:00.000Z',
      decision: 'blocked',
      to: '+14155550100',
      cc: 'US',
      ip: '198.51.100.7',
      geo: 'RU',
      w: ['SMS__UNVERIFIED_OTPS__BY_IP__HOURLY_THRESHOLD_EXCEEDED'],
    },
    {
      at: '2026-08-20T09:40:00.000Z',
      decision: 'blocked',
      to: '+14155550101',
      cc: 'US',
      ip: '198.51.100.7',
      geo: 'RU',
      w: [
        'SMS__UNVERIFIED_OTPS__BY_IP__HOURLY_THRESHOLD_EXCEEDED',
        'SMS__PHONE_COUNTRIES__BY_IP__DAILY_THRESHOLD_EXCEEDED',
      ],
    },
    {
      at: '2026-08-20T10:05:00.000Z',
      decision: 'allowed',
      to: '+447700900123',
      cc: 'GB',
      ip: '203.0.113.9',
      geo: 'GB',
      w: ['SMS__UNVERIFIED_OTPS__BY_PHONE_COUNTRY__DAILY_THRESHOLD_EXCEEDED'],
    },
    {
      at: '2026-08-20T11:30:00.000Z',
      decision: 'allowed',
      to: '+447700900124',
      cc: 'GB',
      ip: '203.0.113.9',
      geo: 'gb',
      w: [],
    },
    {
      at: '2026-07-01T11:30:00.000Z',
      decision: 'allowed',
      to: '+14155550199',
      cc: 'US',
      ip: '192.0.2.1',
      geo: 'US',
      w: [],
    },
  ] as const;
  for (const s of seed)
    addFraudDecision(api.fake.store, {
      createdAt: s.at,
      decision: s.decision,
      recipient: s.to,
      phoneCountry: s.cc,
      ipAddress: s.ip,
      geo: s.geo,
      warnings: [...s.w],
    });
  api.fake.store.addAuditLog({ activityType: 'USER_AUTHENTICATED', createdAt: '2026-08-20T10:00:00.000Z' });
});
afterAll(async () => api.close());

const LOGS = `query($from: DateTime, $to: DateTime, $search: String, $verdicts: [FraudProtectionDecision!],
  $min: Int, $reasons: [String!], $first: Int, $after: String, $sort: SortDirection) {
  fraudProtectionLogs(rangeFrom: $from, rangeTo: $to, search: $search, verdicts: $verdicts, minimumWarningCount: $min,
    reasonCodes: $reasons, first: $first, after: $after, sortDirection: $sort) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id createdAt decision action triggeredWarnings ipAddress geoLocationCode
      actionDetail { ... on FraudProtectionDecisionSendSMSActionDetail { recipient type phoneNumberCountryCode } } } } } }`;
const OVERVIEW = `query($from: DateTime, $to: DateTime) { fraudProtectionOverview(rangeFrom: $from, rangeTo: $to) {
  sendSMS { total blocked flagged timeBuckets { hour total blocked flagged }
    topSourceIPs { ipAddress geoCountryCode total blocked flagged }
    topSMSOrigins { phoneCountryCode total blocked flagged }
    topIPLocations { geoCountryCode total blocked flagged } } } }`;

type Logs = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  edges: { node: Record<string, unknown> & { actionDetail: { recipient: string } } }[];
};
const logs = async (variables: Record<string, unknown>) =>
  (await api.gql(LOGS, variables)).data?.fraudProtectionLogs as Logs;
const recipients = (page: Logs) => page.edges.map((e) => e.node.actionDetail.recipient);

describe('Authgear fake: fraudProtectionLogs', () => {
  it('lists the decisions newest first with a total, and nothing else from the audit log', async () => {
    const page = await logs({});
    expect(page.totalCount).toBe(5);
    expect(recipients(page)).toEqual([
      '+447700900124',
      '+447700900123',
      '+14155550101',
      '+14155550100',
      '+14155550199',
    ]);
    expect(page.edges[2]?.node).toMatchObject({
      decision: 'blocked',
      action: 'send_sms',
      ipAddress: '198.51.100.7',
      geoLocationCode: 'RU',
      triggeredWarnings: [
        'SMS__UNVERIFIED_OTPS__BY_IP__HOURLY_THRESHOLD_EXCEEDED',
        'SMS__PHONE_COUNTRIES__BY_IP__DAILY_THRESHOLD_EXCEEDED',
      ],
      actionDetail: { recipient: '+14155550101', type: 'sms', phoneNumberCountryCode: 'US' },
    });
  });

  it('keeps rangeFrom inclusive and rangeTo exclusive', async () => {
    const page = await logs({ from: '2026-08-20T09:40:00.000Z', to: '2026-08-20T11:30:00.000Z' });
    expect(recipients(page)).toEqual(['+447700900123', '+14155550101']);
  });

  it('filters by verdict, by warning count and by warning code', async () => {
    expect(recipients(await logs({ verdicts: ['blocked'] }))).toEqual(['+14155550101', '+14155550100']);
    expect(recipients(await logs({ min: 2 }))).toEqual(['+14155550101']);
    expect(
      recipients(
        await logs({ reasons: ['SMS__UNVERIFIED_OTPS__BY_PHONE_COUNTRY__DAILY_THRESHOLD_EXCEEDED'] }),
      ),
    ).toEqual(['+447700900123']);
  });

  it('searches by prefix of the recipient, of the IP, and (upper-cased) of a country code', async () => {
    expect(recipients(await logs({ search: '+1415555010' }))).toEqual(['+14155550101', '+14155550100']);
    expect(recipients(await logs({ search: '203.0' }))).toEqual(['+447700900124', '+447700900123']);
    expect(recipients(await logs({ search: 'ru' }))).toEqual(['+14155550101', '+14155550100']);
    expect(recipients(await logs({ search: '5550101' }))).toEqual([]);
  });

  it('pages with offset cursors, capping first at 100 and saying there is more when a page is full', async () => {
    const first = await logs({ first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await logs({ first: 200, after: first.pageInfo.endCursor });
    expect(recipients(rest)).toEqual(['+14155550101', '+14155550100', '+14155550199']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const empty = await logs({ first: 3, after: rest.pageInfo.endCursor });
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo.endCursor).toBe('');
  });

  it('sorts oldest first on request', async () => {
    expect(recipients(await logs({ sort: 'ASC', first: 2 }))).toEqual(['+14155550199', '+14155550100']);
  });

  it('serves a decision by node ID', async () => {
    const id = (await logs({ first: 1 })).edges[0]?.node.id;
    const body = await api.gql(
      'query($id: ID!) { node(id: $id) { __typename ... on FraudProtectionDecisionRecord { decision } } }',
      {
        id,
      },
    );
    expect(body.data?.node).toEqual({ __typename: 'FraudProtectionDecisionRecord', decision: 'allowed' });
    const notFraud = api.fake.store.auditLogs().find((l) => l.activityType === 'USER_AUTHENTICATED');
    const other = await api.gql('query($id: ID!) { node(id: $id) { id } }', {
      id: encodeNodeId('FraudProtectionDecisionRecord', notFraud?.id ?? ''),
    });
    expect(other.data?.node).toBeNull();
  });
});

describe('Authgear fake: fraudProtectionOverview', () => {
  it('counts totals, blocked and flagged (allowed with warnings), by hour, IP, SMS origin and IP location', async () => {
    const body = await api.gql(OVERVIEW, { from: '2026-08-19T12:00:00.000Z', to: NOW.toISOString() });
    expect(body.data?.fraudProtectionOverview).toEqual({
      sendSMS: {
        total: 4,
        blocked: 2,
        flagged: 1,
        timeBuckets: [
          { hour: '2026-08-20T09:00:00.000Z', total: 2, blocked: 2, flagged: 0 },
          { hour: '2026-08-20T10:00:00.000Z', total: 1, blocked: 0, flagged: 1 },
          { hour: '2026-08-20T11:00:00.000Z', total: 1, blocked: 0, flagged: 0 },
        ],
        topSourceIPs: [
          { ipAddress: '198.51.100.7', geoCountryCode: 'RU', total: 2, blocked: 2, flagged: 0 },
          { ipAddress: '203.0.113.9', geoCountryCode: 'GB', total: 2, blocked: 0, flagged: 1 },
        ],
        topSMSOrigins: [
          { phoneCountryCode: 'GB', total: 2, blocked: 0, flagged: 1 },
          { phoneCountryCode: 'US', total: 2, blocked: 2, flagged: 0 },
        ],
        topIPLocations: [
          { geoCountryCode: 'GB', total: 2, blocked: 0, flagged: 1 },
          { geoCountryCode: 'RU', total: 2, blocked: 2, flagged: 0 },
        ],
      },
    });
  });

  it.each([
    ['no rangeTo', { from: '2026-08-19T12:00:00.000Z' }],
    ['no rangeFrom', { to: NOW.toISOString() }],
    ['more than 90 days', { from: '2026-05-01T00:00:00.000Z', to: NOW.toISOString() }],
  ])('refuses a range with %s as Invalid', async (_what, variables) => {
    const body = await api.gql(OVERVIEW, variables);
    expect(errorOf(body)).toEqual({ errorName: 'Invalid', reason: 'Invalid', info: undefined });
    expect(body.errors?.[0]?.message).toBe(
      'rangeFrom and rangeTo are required and must not span more than 90 days',
    );
  });
});
