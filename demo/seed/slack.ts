/**
 * The demo workspace's people, channels and user groups: the same every start. IDs match demo/policy.yaml.
 */

export interface DemoPerson {
  readonly id: string;
  /** Slack handle, e.g. `ada`. */
  readonly handle: string;
  readonly realName: string;
  readonly email: string;
  /** What the policy lets this person do, shown in the "Acting as" list. */
  readonly role: string;
}

export interface DemoChannel {
  readonly id: string;
  readonly name: string;
  readonly topic: string;
  /** Whether the bot was invited (Slack refuses the bot's posts to channels it is not in). */
  readonly botMember: boolean;
}

export interface DemoUsergroup {
  readonly id: string;
  readonly handle: string;
  readonly members: readonly string[];
}

export const DEMO_TEAM = {
  id: 'T0DEMO',
  name: 'Demo Workspace (simulated)',
  domain: 'authgear-demo',
} as const;

export const DEMO_BOT = {
  userId: 'U0AUTHBOT',
  botId: 'B0AUTHBOT',
  appId: 'A0AUTHGEAR',
  name: 'Authgear',
} as const;

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: 'U0ADA', handle: 'ada', realName: 'Ada Park', email: 'ada@ops.example.com', role: 'admin' },
  { id: 'U0AARON', handle: 'aaron', realName: 'Aaron Diaz', email: 'aaron@ops.example.com', role: 'admin' },
  {
    id: 'U0SAM',
    handle: 'sam',
    realName: 'Sam Rivera',
    email: 'sam@ops.example.com',
    role: 'support, through @support',
  },
  { id: 'U0VIC', handle: 'vic', realName: 'Vic Chen', email: 'vic@ops.example.com', role: 'viewer' },
  { id: 'U0OTTO', handle: 'otto', realName: 'Otto Berg', email: 'otto@ops.example.com', role: 'no role' },
];

export const DEMO_CHANNELS: readonly DemoChannel[] = [
  { id: 'C0OPS', name: 'ops', topic: 'Run /authgear here', botMember: true },
  {
    id: 'C0APPROVALS',
    name: 'approvals',
    topic: 'Requests that need a second pair of eyes',
    botMember: true,
  },
  { id: 'C0AUDIT', name: 'audit', topic: 'Everything the bot did, and who asked', botMember: true },
];

export const DEMO_USERGROUPS: readonly DemoUsergroup[] = [
  { id: 'S0SUPPORT', handle: 'support', members: ['U0SAM'] },
];
