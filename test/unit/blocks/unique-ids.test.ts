/**
 * Slack refuses a block with two equal `action_id`s and a message or view with two equal `block_id`s
 * (`invalid_blocks`, RULES.md), and more than about 12,000 characters of block text. Every Block Kit builder is run
 * here on many generated users, groups, roles, sessions and approvals (many identities, sessions, groups and roles,
 * every button a viewer could get) and checked with the same checks the Slack fake applies.
 */
import { describe, expect, it } from 'vitest';
import {
  type AccessCardAction,
  GROUP_CARD_ACTIONS,
  ROLE_CARD_ACTIONS,
} from '../../../src/actions/access/index.js';
import { ALL_ACTIONS } from '../../../src/actions/registry.js';
import { type ApprovalRecord, newApprovalRecord } from '../../../src/approvals/record.js';
import type { AccessMember, GroupDetail, RoleDetail } from '../../../src/authgear/operations/access.js';
import type { SessionNode } from '../../../src/authgear/operations/account-sessions.js';
import type { AuthgearUser } from '../../../src/authgear/operations/user-fields.js';
import { accessList, groupCard, roleCard } from '../../../src/blocks/access-cards.js';
import { approvalCard } from '../../../src/blocks/approval-card.js';
import { approvalsListMessage } from '../../../src/blocks/approvals-list.js';
import { homeView } from '../../../src/blocks/home.js';
import { searchResults, userPicker } from '../../../src/blocks/search.js';
import { userCard } from '../../../src/blocks/user-card.js';
import { parsePolicyText } from '../../../src/config/policy.js';
import { sessionsMessage } from '../../../src/queries/sessions.js';
import { cardButtons } from '../../../src/queries/users.js';
import { DEFAULT_POLICY } from '../../support/app.js';
import { conn, makeUser } from '../../support/authgear-user.js';
import { blockTextLength, checkHomeView, checkMessageBlocks } from '../../support/block-kit.js';

const now = new Date('2030-01-01T00:00:00.000Z');
const policy = parsePolicyText(DEFAULT_POLICY);

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
const random = (seed: number) => {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

const words = (rnd: () => number, max: number): string =>
  Array.from(
    { length: 1 + Math.floor(rnd() * max) },
    () => ['alpha', 'Bravo &', '<b>x</b>', 'déjà', '*bold*', 'a_b', 'x'.repeat(40)][Math.floor(rnd() * 7)],
  ).join(' ');

const keyed = (rnd: () => number, prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    key: `${prefix}_${i}_${Math.floor(rnd() * 1000)}`,
    name: rnd() < 0.5 ? words(rnd, 4) : null,
  }));

type Identity = AuthgearUser['identities']['nodes'][number];
type Authenticator = AuthgearUser['authenticators']['nodes'][number];
const IDENTITY_TYPES: readonly Identity['type'][] = ['LOGIN_ID', 'OAUTH', 'PASSKEY'];
const AUTHENTICATOR_TYPES: readonly Authenticator['type'][] = [
  'PASSWORD',
  'OOB_OTP_EMAIL',
  'TOTP',
  'PASSKEY',
];

const generatedUser = (seed: number): AuthgearUser => {
  const rnd = random(seed);
  const count = (max: number) => Math.floor(rnd() * max);
  const identities = Array.from(
    { length: count(50) },
    (_, i): Identity => ({
      id: `idn${i}`,
      type: IDENTITY_TYPES[i % IDENTITY_TYPES.length] ?? 'LOGIN_ID',
      claims: { email: `user${i}-${'long'.repeat(count(20))}@example.com`, phone_number: '+15551234567' },
      createdAt: now.toISOString(),
    }),
  );
  const authenticators = Array.from(
    { length: count(20) },
    (_, i): Authenticator => ({
      id: `auth${i}`,
      type: AUTHENTICATOR_TYPES[i % AUTHENTICATOR_TYPES.length] ?? 'TOTP',
      kind: i % 2 ? 'PRIMARY' : 'SECONDARY',
      isDefault: i === 0,
      claims: {},
      createdAt: now.toISOString(),
    }),
  );
  return makeUser({
    id: `VXNlcjp${seed}`,
    standardAttributes: {
      email: `user${seed}@example.com`,
      name: words(rnd, 30),
      phone_number: '+15551234567',
      preferred_username: `user_${seed}`,
    },
    verifiedClaims: [{ name: 'email', value: `user${seed}@example.com` }],
    isDisabled: rnd() < 0.5,
    disableReason: rnd() < 0.5 ? words(rnd, 60) : null,
    temporarilyDisabledFrom: rnd() < 0.3 ? now.toISOString() : null,
    deleteAt: rnd() < 0.3 ? now.toISOString() : null,
    anonymizeAt: rnd() < 0.3 ? now.toISOString() : null,
    ...(rnd() < 0.3
      ? {
          accountLockout: {
            isLocked: true,
            lockedUntil: now.toISOString(),
            lockoutType: 'per_user_per_ip',
            lockedIPs: Array.from({ length: count(30) }, (_, i) => ({
              ipAddress: `2001:db8::${i.toString(16)}:${'f'.repeat(count(10))}`,
              lockedUntil: now.toISOString(),
            })),
          },
        }
      : {}),
    mfaGracePeriodEndAt: rnd() < 0.5 ? new Date(now.getTime() + 86_400_000).toISOString() : null,
    loginIDs: identities
      .filter((i) => i.type === 'LOGIN_ID')
      .map((i) => ({
        ...i,
        claims: {
          'https://authgear.com/claims/login_id/key': 'email',
          'https://authgear.com/claims/login_id/value': String(i.claims.email),
        },
      })),
    oauthConnections: identities
      .filter((i) => i.type === 'OAUTH')
      .map((i) => ({
        ...i,
        claims: {
          'https://authgear.com/claims/oauth/provider_alias': words(rnd, 10),
          'https://authgear.com/claims/oauth/subject_id': words(rnd, 40),
          email: i.claims.email,
        },
      })),
    passkeys: identities
      .filter((i) => i.type === 'PASSKEY')
      .map((i) => ({ ...i, claims: { 'https://authgear.com/claims/passkey/display_name': words(rnd, 40) } })),
    identities: conn(identities),
    authenticators: conn(authenticators),
    sessions: { totalCount: count(500) },
    groups: conn(keyed(rnd, 'group', count(20))),
    roles: conn(keyed(rnd, 'role', count(20))),
    effectiveRoles: conn(keyed(rnd, 'eff', count(20))),
  });
};

const members = (rnd: () => number, n: number): AccessMember[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    standardAttributes: { email: `${words(rnd, 3)}${i}@x.io` },
  }));

const detail = (seed: number) => {
  const rnd = random(seed);
  const n = Math.floor(rnd() * 25);
  return {
    id: `node${seed}`,
    key: `key_${seed}`,
    name: words(rnd, 20),
    description: words(rnd, 80),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    users: { nodes: members(rnd, Math.min(n, 10)), next: n >= 10 ? 'cursor' : undefined },
    links: { totalCount: 25 + Math.floor(rnd() * 100), nodes: keyed(rnd, 'link', 25) },
  };
};

const sessions = (seed: number): SessionNode[] => {
  const rnd = random(seed);
  return Array.from({ length: 60 }, (_, i) => ({
    id: `sess${i}`,
    type: 'IDP',
    displayName: words(rnd, 6),
    applicationName: rnd() < 0.5 ? words(rnd, 4) : null,
    lastAccessedAt: now.toISOString(),
    lastAccessedByIP: '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    createdAt: now.toISOString(),
  }));
};

const approvals = (seed: number, n: number): ApprovalRecord[] => {
  const rnd = random(seed);
  return Array.from({ length: n }, (_, i) =>
    newApprovalRecord(
      {
        action: 'user.disable',
        actionKey: 'disable',
        input: { userId: `u${i}` },
        target: { userId: `u${i}`, label: words(rnd, 10) },
        summary: words(rnd, 40),
        requester: { userId: i % 2 ? 'U0SUPPORT' : 'U0ADMIN' },
        reason: words(rnd, 60),
        approverRoles: ['admin'],
        required: 1 + (i % 3),
      },
      { id: `apr_${seed}_${i}`, now, ttlMs: 3_600_000 },
    ),
  );
};

/** Slack would take these blocks: valid, unique IDs, under the text limit the bot keeps (10,000). */
const acceptedMessage = (blocks: unknown) => {
  expect(checkMessageBlocks(blocks)).toEqual([]);
  expect(blockTextLength(blocks)).toBeLessThanOrEqual(10_000);
};

describe.each(SEEDS)('Block Kit builders, generated case %i', (seed) => {
  it.each([
    ['an admin', ['admin']],
    ['a support person', ['support']],
    ['a viewer', ['viewer']],
  ])('user card for %s: unique action_ids and block_ids, within limits', (_who, roles) => {
    const user = generatedUser(seed);
    acceptedMessage(userCard(user, cardButtons(ALL_ACTIONS, policy, roles, user, now), now));
  });

  it('group and role cards with every button a viewer could get', () => {
    const d = detail(seed);
    const group: GroupDetail = { __typename: 'Group', ...d, roles: d.links };
    const role: RoleDetail = { __typename: 'Role', ...d, groups: d.links };
    const all = (actions: readonly AccessCardAction[]) =>
      actions.map((a) => ({ key: a.key, label: a.label }));
    const paging = (v: 'group' | 'role') => ({
      continued: seed % 2 === 0,
      next: { v, a: [d.key, '--after', 'cursor'] },
    });
    acceptedMessage(groupCard(group, all(GROUP_CARD_ACTIONS), paging('group')));
    acceptedMessage(roleCard(role, all(ROLE_CARD_ACTIONS), paging('role')));
    const page = {
      next: 'cursor',
      nodes: keyed(random(seed), 'g', 10).map((n) => ({
        ...n,
        description: words(random(seed), 40),
        roles: { totalCount: 3 },
      })),
    };
    acceptedMessage(accessList('group', 'team', page, { v: 'groups', a: ['team', '--after', 'cursor'] }));
  });

  it('search results, pickers and session lists', () => {
    const users = Array.from({ length: 25 }, (_, i) => generatedUser(seed * 100 + i));
    acceptedMessage(userPicker(users, { key: 'disable' }));
    acceptedMessage(userPicker(users, {}));
    const edges = users.slice(0, 10).map((node, i) => ({ cursor: `c${i}`, node }));
    acceptedMessage(
      searchResults(
        'alice',
        { users: { totalCount: 99, pageInfo: { hasNextPage: true, endCursor: 'c' }, edges } },
        10,
      ),
    );
    const user = generatedUser(seed);
    const list = sessionsMessage(user, sessions(seed), 60, true);
    acceptedMessage(list.blocks);
  });

  it('approval cards, the approvals list and the Home tab', () => {
    const many = approvals(seed, 30);
    for (const r of many.slice(0, 5)) acceptedMessage(approvalCard(r).blocks);
    const list = approvalsListMessage({
      waiting: many.filter((r) => r.requester.userId !== 'U0ADMIN'),
      mine: many,
    });
    acceptedMessage(list.blocks);
    const home = homeView({ kind: 'lists', waiting: many, recent: approvals(seed + 1000, 30) });
    expect(checkHomeView(home)).toEqual([]);
  });
});
