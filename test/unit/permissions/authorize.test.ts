import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../../src/config/policy.js';
import { authorize, authorizeApprover, needsBotDm, rolesFor } from '../../../src/permissions/authorize.js';

const policy = parsePolicyText(`
channels: { commands: [C0OPS] }
roles:
  viewer: { actions: [user.view] }
  support: { inherits: [viewer], actions: [user.disable] }
  admin: { actions: ["*"] }
members:
  - { slack_user: U0ADMIN, roles: [admin] }
  - { slack_usergroup: S0SUP, roles: [support] }
approvals:
  user.disable: { approvers: [admin] }
`);

const actor = (userId: string, groups: string[] = []) => ({
  userId,
  roles: rolesFor(policy, userId, groups),
});

describe('authorize', () => {
  it.each([
    ['a person with no role', actor('U0X'), 'user.view', 'C0OPS', { ok: false, reason: 'no_role' }],
    ['support through a user group', actor('U0X', ['S0SUP']), 'user.disable', 'C0OPS', { ok: true }],
    [
      'support asking for deletion',
      actor('U0X', ['S0SUP']),
      'user.delete',
      'C0OPS',
      { ok: false, reason: 'not_granted' },
    ],
    ['an admin with *', actor('U0ADMIN'), 'role.delete', 'C0OPS', { ok: true }],
    [
      'an admin outside allowed channels',
      actor('U0ADMIN'),
      'user.view',
      'C0RANDOM',
      { ok: false, reason: 'channel_not_allowed' },
    ],
    [
      'an admin in a DM not known to be the one with the bot, which the allow-list does not allow',
      actor('U0ADMIN'),
      'user.view',
      'D0DM',
      { ok: false, reason: 'people_dm_not_allowed' },
    ],
  ] as const)('decides for %s', (_name, who, action, channelId, expected) => {
    expect(authorize(who, action, { channelId }, policy)).toEqual(expected);
  });

  it.each([
    ['a read with no channel (a view, a form)', { mutation: false }, { ok: true }],
    ['a mutation with no channel', { mutation: true }, { ok: false, reason: 'channel_unknown' }],
    ['a mutation in an allowed channel', { channelId: 'C0OPS', mutation: true }, { ok: true }],
    [
      'a mutation in the DM with the bot (no direct_messages in the policy: bot)',
      { channelId: 'D0DM', mutation: true, botDm: true },
      { ok: true },
    ],
    [
      'a mutation in a DM between people (no direct_messages in the policy: bot)',
      { channelId: 'D0DM', mutation: true, botDm: false },
      { ok: false, reason: 'people_dm_not_allowed' },
    ],
    [
      'a mutation in a channel off the list',
      { channelId: 'C0RANDOM', mutation: true },
      { ok: false, reason: 'channel_not_allowed' },
    ],
  ] as const)('under an allow-list, decides %s', (_what, place, expected) => {
    expect(authorize(actor('U0ADMIN'), 'user.disable', place, policy)).toEqual(expected);
  });

  it.each([
    ['bot', { channelId: 'D0DM', botDm: true }, { ok: true }],
    ['bot', { channelId: 'D0DM', botDm: false }, { ok: false, reason: 'people_dm_not_allowed' }],
    ['bot', { channelId: 'D0DM' }, { ok: false, reason: 'people_dm_not_allowed' }],
    ['all', { channelId: 'D0DM', botDm: false }, { ok: true }],
    ['all', { channelId: 'C0RANDOM' }, { ok: false, reason: 'channel_not_allowed' }],
    ['none', { channelId: 'D0DM', botDm: true }, { ok: false, reason: 'dm_not_allowed' }],
  ] as const)('with direct_messages: %s, decides %j', (mode, place, expected) => {
    const p = parsePolicyText(
      `channels: { commands: [C0OPS], direct_messages: ${mode} }\nroles: { admin: { actions: ["*"] } }\n`,
    );
    expect(authorize(actor('U0ADMIN'), 'user.view', place, p)).toEqual(expected);
  });

  it('lets needsBotDm ask Slack only for a DM under an allow-list with direct_messages: bot (the default)', () => {
    const p = (extra: string) => parsePolicyText(`channels: { ${extra} }\nroles: {}\n`);
    expect(needsBotDm(p('commands: [C0OPS], direct_messages: bot'), 'D0DM')).toBe(true);
    expect(needsBotDm(p('commands: [C0OPS], direct_messages: bot'), 'C0OPS')).toBe(false);
    expect(needsBotDm(p('commands: [C0OPS], direct_messages: all'), 'D0DM')).toBe(false);
    expect(needsBotDm(p('direct_messages: bot'), 'D0DM')).toBe(false);
    expect(needsBotDm(p('commands: [C0OPS]'), 'D0DM')).toBe(true);
    expect(needsBotDm(p('commands: [C0OPS], direct_messages: none'), 'D0DM')).toBe(false);
  });

  it('places nothing when there is no allow-list', () => {
    const open = parsePolicyText(
      'roles: { admin: { actions: ["*"] } }\nmembers: [{ slack_user: U0ADMIN, roles: [admin] }]',
    );
    expect(authorize(actor('U0ADMIN'), 'user.disable', { mutation: true }, open)).toEqual({ ok: true });
  });

  it('never lets the requester approve their own request', () => {
    expect(authorizeApprover(actor('U0ADMIN'), 'user.disable', 'U0ADMIN', policy)).toEqual({
      ok: false,
      reason: 'self_approval',
    });
  });

  it('lets only the listed approver roles approve', () => {
    expect(authorizeApprover(actor('U0ADMIN'), 'user.disable', 'U0OTHER', policy)).toEqual({ ok: true });
    expect(authorizeApprover(actor('U0X', ['S0SUP']), 'user.disable', 'U0OTHER', policy)).toEqual({
      ok: false,
      reason: 'not_an_approver',
    });
  });
});
