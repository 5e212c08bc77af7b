/**
 * The demo's Authgear project: users, groups, roles and audit-log history, the same every start. IDs are fixed;
 * times are relative to the start (last login "2 hours ago", deletion "in 25 days").
 */
import { addFraudDecision, type FakeStore, type FakeUserSeed } from '../../test/fakes/authgear/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A fixed, valid UUID per seeded record, so links and IDs stay the same between starts. */
export const demoUuid = (n: number): string => `0000de00-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const DEMO_USER_IDS = {
  alice: demoUuid(1),
  bob: demoUuid(2),
  carol: demoUuid(3),
  dave: demoUuid(4),
  erin: demoUuid(5),
} as const;

/** More people for `search` and paging (the bot shows 10 per page). */
const MORE_PEOPLE: ReadonlyArray<readonly [string, string]> = [
  ['Frank', 'Ocampo'],
  ['Grace', 'Hopper'],
  ['Heidi', 'Klum'],
  ['Ivan', 'Petrov'],
  ['Judy', 'Moss'],
  ['Karl', 'Lindqvist'],
  ['Liam', 'Byrne'],
  ['Mallory', 'Quinn'],
  ['Nina', 'Sato'],
  ['Oscar', 'Wilde'],
  ['Peggy', 'Olson'],
  ['Quentin', 'Blake'],
  ['Rupert', 'Giles'],
  ['Sybil', 'Fawlty'],
  ['Trent', 'Reznor'],
  ['Uma', 'Thurman'],
  ['Victor', 'Hugo'],
  ['Wendy', 'Darling'],
];

const at = (now: Date, offsetMs: number): string => new Date(now.getTime() + offsetMs).toISOString();

const mainUsers = (now: Date): FakeUserSeed[] => [
  {
    id: DEMO_USER_IDS.alice,
    email: 'alice@example.com',
    name: 'Alice Liddell',
    givenName: 'Alice',
    familyName: 'Liddell',
    customAttributes: { plan: 'enterprise', employee_id: 'E-1042', newsletter: true },
    totp: true,
    sessions: [
      { displayName: 'Safari on iPhone', lastAccessedAt: at(now, -2 * HOUR) },
      { displayName: 'Chrome on macOS', lastAccessedAt: at(now, -3 * DAY) },
    ],
    authorizations: [{ clientID: 'billing-portal', scopes: ['openid', 'email'] }],
    groups: ['staff', 'finance'],
    roles: ['auditor'],
    lastLoginAt: at(now, -2 * HOUR),
    createdAt: at(now, -400 * DAY),
  },
  {
    id: DEMO_USER_IDS.bob,
    email: 'bob@example.com',
    phone: '+14155550100',
    name: 'Bob Builder',
    givenName: 'Bob',
    familyName: 'Builder',
    oobOtpSms: '+14155550100',
    sessions: 1,
    groups: ['staff'],
    lastLoginAt: at(now, -1 * DAY),
    createdAt: at(now, -200 * DAY),
  },
  {
    id: DEMO_USER_IDS.carol,
    username: 'carol',
    lastLoginAt: at(now, -9 * DAY),
    createdAt: at(now, -90 * DAY),
  },
  {
    id: DEMO_USER_IDS.dave,
    email: 'dave@example.com',
    name: 'Dave',
    isDisabled: true,
    disableReason: 'Chargeback under investigation',
    lastLoginAt: at(now, -40 * DAY),
    createdAt: at(now, -300 * DAY),
  },
  {
    id: DEMO_USER_IDS.erin,
    email: 'erin@example.com',
    name: 'Erin Stone',
    deleteAt: at(now, 25 * DAY),
    deleteReason: 'Asked to close her account',
    lastLoginAt: at(now, -6 * DAY),
    createdAt: at(now, -150 * DAY),
  },
];

const moreUsers = (now: Date): FakeUserSeed[] =>
  MORE_PEOPLE.map(([given, family], i) => ({
    id: demoUuid(100 + i),
    email: `${given.toLowerCase()}.${family.toLowerCase()}@example.com`,
    name: `${given} ${family}`,
    givenName: given,
    familyName: family,
    ...(i % 3 === 0 ? { groups: ['beta_testers'] } : {}),
    lastLoginAt: at(now, -(i + 1) * 7 * HOUR),
    createdAt: at(now, -(30 + i) * DAY),
  }));

const auditHistory = (now: Date, store: FakeStore): void => {
  const entries: Array<[string, string, number]> = [
    ['USER_AUTHENTICATED', DEMO_USER_IDS.alice, -2 * HOUR],
    ['IDENTITY_EMAIL_VERIFIED', DEMO_USER_IDS.alice, -400 * DAY + HOUR],
    ['USER_PROFILE_UPDATED', DEMO_USER_IDS.alice, -12 * DAY],
    ['AUTHENTICATION_PRIMARY_PASSWORD_FAILED', DEMO_USER_IDS.alice, -3 * DAY - HOUR],
    ['USER_AUTHENTICATED', DEMO_USER_IDS.bob, -1 * DAY],
    ['SMS_SENT', DEMO_USER_IDS.bob, -1 * DAY - 60_000],
    ['USER_AUTHENTICATED', DEMO_USER_IDS.carol, -9 * DAY],
    ['USER_DISABLED', DEMO_USER_IDS.dave, -20 * DAY],
    ['USER_DELETION_SCHEDULED', DEMO_USER_IDS.erin, -5 * DAY],
  ];
  entries
    .sort((a, b) => a[2] - b[2])
    .forEach(([activityType, userId, offset], i) => {
      store.addAuditLog({
        id: demoUuid(1000 + i),
        activityType,
        userId,
        createdAt: at(now, offset),
        ipAddress: '203.0.113.10',
        userAgent: 'Mozilla/5.0 (Macintosh) Chrome/120.0',
      });
    });
};

/** The project's APIs (for `resources`) and a burst of SMS its fraud protection blocked (for `fraud`). */
const apisAndFraud = (now: Date, store: FakeStore): void => {
  store.resources.add({
    uri: 'https://api.example.com/orders',
    name: 'Orders API',
    scopes: [
      { scope: 'orders:read', description: 'Read orders' },
      { scope: 'orders:write', description: 'Create and change orders' },
    ],
    clients: ['billing-portal'],
    createdAt: at(now, -200 * DAY),
  });
  store.resources.add({
    uri: 'https://api.example.com/reports',
    name: 'Reports API',
    scopes: ['reports:read'],
  });
  for (let i = 0; i < 6; i++)
    addFraudDecision(store, {
      createdAt: at(now, -(3 * HOUR + i * 60_000)),
      decision: 'blocked',
      recipient: `+4477009001${10 + i}`,
      phoneCountry: 'GB',
      ipAddress: '198.51.100.7',
      geo: 'NL',
      warnings: ['SMS__UNVERIFIED_OTPS__BY_IP__HOURLY_THRESHOLD_EXCEEDED'],
    });
  addFraudDecision(store, {
    createdAt: at(now, -HOUR),
    decision: 'allowed',
    recipient: '+14155550100',
    phoneCountry: 'US',
    ipAddress: '203.0.113.10',
    geo: 'US',
  });
};

/** The login ID keys the demo project turns on (the bot is told the same through AUTHGEAR_LOGIN_ID_KEYS). */
export const DEMO_LOGIN_ID_KEYS = ['email', 'phone', 'username'] as const;

/** Fills an empty store with the demo's project: its configuration, then its users, groups and roles. */
export const seedAuthgear = (store: FakeStore, now: Date): void => {
  store.configure({
    loginIdKeys: [...DEMO_LOGIN_ID_KEYS],
    customAttributes: [
      { name: 'plan', type: 'enum', enum: ['free', 'pro', 'enterprise'] },
      { name: 'employee_id', type: 'string' },
      { name: 'newsletter', type: 'boolean' },
    ],
    oauthClients: ['billing-portal', 'mobile-app'],
  });
  const created = at(now, -500 * DAY);
  const role = (n: number, key: string, name: string, description: string) =>
    store.addRole({ id: demoUuid(n), key, name, description, createdAt: created });
  const group = (n: number, key: string, name: string, description: string, roles: string[] = []) =>
    store.addGroup({ id: demoUuid(n), key, name, description, roles, createdAt: created });
  role(200, 'support_agent', 'Support agent', 'Answers customers');
  role(201, 'billing_admin', 'Billing admin', 'Refunds and invoices');
  role(202, 'auditor', 'Auditor', 'Reads everything, changes nothing');
  group(210, 'staff', 'Staff', 'Everyone on the payroll', ['support_agent']);
  group(211, 'finance', 'Finance', 'The finance team', ['billing_admin']);
  group(212, 'beta_testers', 'Beta testers', 'Early access to new features');
  for (const seed of [...mainUsers(now), ...moreUsers(now)]) store.addUser(seed);
  auditHistory(now, store);
  apisAndFraud(now, store);
};
