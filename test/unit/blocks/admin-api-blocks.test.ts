/**
 * The Block Kit builders of the resource, fraud, several-users and approval-target views, run on large generated
 * data and checked as the Slack fake checks them: valid blocks, unique IDs, at most 50 blocks, each section under
 * 3,000 characters and the message under the 10,000 characters of block text the bot keeps to.
 */
import { describe, expect, it } from 'vitest';
import { ActionKeys } from '../../../src/actions/keys.js';
import { newApprovalRecord } from '../../../src/approvals/record.js';
import type { FraudDecision, FraudOverview } from '../../../src/authgear/operations/fraud.js';
import type { ResourceDetail } from '../../../src/authgear/operations/resources.js';
import type { UserSummary } from '../../../src/authgear/operations/users.js';
import { approvalsListMessage } from '../../../src/blocks/approvals-list.js';
import { fraudDecisionBlocks, fraudOverviewBlocks } from '../../../src/blocks/fraud.js';
import { homeView } from '../../../src/blocks/home.js';
import { resourceCard, resourceList } from '../../../src/blocks/resource-cards.js';
import { userListBlocks } from '../../../src/blocks/user-list.js';
import { blockTextLength, checkHomeView, checkMessageBlocks } from '../../support/block-kit.js';

const now = new Date('2030-01-01T00:00:00.000Z').toISOString();
const long = (n: number, seed: string) => `${seed}${'x_&<>*'.repeat(n)}`.slice(0, n);

const accepted = (blocks: unknown) => {
  expect(checkMessageBlocks(blocks)).toEqual([]);
  expect(blockTextLength(blocks)).toBeLessThanOrEqual(10_000);
};

const resource = (scopes: number, clients: number): ResourceDetail => ({
  __typename: 'Resource',
  id: 'UmVzb3VyY2U6cjE',
  resourceURI: `https://api.example.com/${long(70, 'v')}`,
  name: long(500, 'n'),
  clientIDs: Array.from({ length: clients }, (_, i) => long(60, `client${i}`)),
  createdAt: now,
  updatedAt: now,
  scopes: {
    totalCount: scopes,
    more: scopes > 100,
    nodes: Array.from({ length: Math.min(scopes, 100) }, (_, i) => ({
      id: `s${i}`,
      scope: long(100, `scope${i}:`),
      description: long(500, 'd'),
    })),
  },
});

const decision = (i: number): FraudDecision => ({
  id: `d${i}`,
  createdAt: now,
  decision: i % 2 ? 'blocked' : 'allowed',
  triggeredWarnings: [
    'SMS__PHONE_COUNTRIES__BY_IP__DAILY_THRESHOLD_EXCEEDED',
    'SMS__UNVERIFIED_OTPS__BY_IP__DAILY_THRESHOLD_EXCEEDED',
    'SMS__UNVERIFIED_OTPS__BY_IP__HOURLY_THRESHOLD_EXCEEDED',
    'SMS__UNVERIFIED_OTPS__BY_PHONE_COUNTRY__DAILY_THRESHOLD_EXCEEDED',
    'SMS__UNVERIFIED_OTPS__BY_PHONE_COUNTRY__HOURLY_THRESHOLD_EXCEEDED',
  ],
  ipAddress: '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
  geoLocationCode: 'GB',
  actionDetail: {
    __typename: 'FraudProtectionDecisionSendSMSActionDetail',
    recipient: '+447700900123',
    type: 'sms',
    phoneNumberCountryCode: 'GB',
  },
});

const top = { total: 99999, blocked: 9999, flagged: 9999 };
const overview: FraudOverview = {
  ...top,
  topSourceIPs: Array.from({ length: 10 }, () => ({
    ...top,
    ipAddress: '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    geoCountryCode: 'GB',
  })),
  topSMSOrigins: Array.from({ length: 10 }, () => ({ ...top, phoneCountryCode: 'GB' })),
  topIPLocations: Array.from({ length: 10 }, () => ({ ...top, geoCountryCode: 'GB' })),
};

const summary = (i: number): UserSummary => ({
  __typename: 'User',
  id: `VXNlcjp1${i}`,
  standardAttributes: { email: `${long(200, `u${i}`)}@example.com`, name: long(200, 'name') },
  isDisabled: true,
  isDeactivated: false,
  isAnonymized: false,
  disableReason: long(500, 'r'),
  temporarilyDisabledFrom: now,
  temporarilyDisabledUntil: new Date(Date.parse(now) + 3_600_000).toISOString(),
  accountValidFrom: null,
  accountValidUntil: null,
  deleteAt: null,
  anonymizeAt: null,
  lastLoginAt: now,
  accountLockout: { isLocked: true },
});

describe('resource, fraud, user-list and approval-target views stay within Slack limits', () => {
  it.each([
    [0, 0],
    [3, 1],
    [150, 40],
  ])('a resource card with %i scopes and %i clients', (scopes, clients) => {
    const d = resource(scopes, clients);
    const buttons = [
      ...d.clientIDs.slice(0, 5).map((c) => ({
        key: ActionKeys.removeResourceFromClient,
        label: `Remove from ${c}`,
        preset: { uri: d.resourceURI, clientId: c },
      })),
      {
        key: ActionKeys.deleteResource,
        label: 'Delete resource',
        style: 'danger' as const,
        preset: { uri: d.resourceURI },
      },
    ];
    accepted(resourceCard(d, scopes > 100 ? 'client' : undefined, buttons));
  });

  it('a full page of resources with long names and many clients, and Next', () => {
    const nodes = Array.from({ length: 10 }, (_, i) => ({
      ...resource(1, 20),
      id: `r${i}`,
      scopes: { totalCount: 5 },
    }));
    accepted(
      resourceList(
        { keyword: long(100, 'k'), clientId: long(60, 'c') },
        { totalCount: 999, hasNextPage: true, endCursor: 'c', nodes },
        {
          v: 'resources',
          a: ['k', '--after', 'c'],
        },
      ),
    );
  });

  it('the fraud overview and a page of decisions with every warning', () => {
    const page = {
      totalCount: 5000,
      hasNextPage: true,
      endCursor: 'c',
      nodes: Array.from({ length: 10 }, (_, i) => decision(i)),
    };
    accepted([
      ...fraudOverviewBlocks(overview, '90d'),
      ...fraudDecisionBlocks(page, '+44', { v: 'fraud', a: ['--since', '90d', '--after', 'c'] }),
    ]);
  });

  it('25 users in a list, with the ones not found and the ambiguous ones', () => {
    const found = Array.from({ length: 25 }, (_, i) => ({ typed: long(300, `who${i}`), user: summary(i) }));
    accepted(userListBlocks(found, [long(300, 'gone')], [long(300, 'many')], new Date(now)));
  });

  it('the approvals list and the Home tab with each target now', () => {
    const records = Array.from({ length: 30 }, (_, i) =>
      newApprovalRecord(
        {
          action: 'user.disable',
          actionKey: 'disable',
          input: { userId: `VXNlcjp1${i}` },
          target: { userId: `VXNlcjp1${i}`, label: long(300, 'l') },
          summary: long(400, 's'),
          requester: { userId: 'U0SUPPORT' },
          reason: long(500, 'why'),
          approverRoles: ['admin'],
          required: 1,
        },
        { id: `apr_000${i}`, now: new Date(now), ttlMs: 3_600_000 },
      ),
    );
    const targets = {
      users: new Map(records.map((r, i) => [r.target?.userId ?? '', i % 3 ? summary(i) : null])),
      now: new Date(now),
    };
    accepted(approvalsListMessage({ waiting: records, mine: records, targets }).blocks);
    accepted(approvalsListMessage({ waiting: records, mine: records, targets: 'unavailable' }).blocks);
    expect(checkHomeView(homeView({ kind: 'lists', waiting: records, recent: records, targets }))).toEqual(
      [],
    );
  });
});
