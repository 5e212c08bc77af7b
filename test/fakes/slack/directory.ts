/** Seeded Slack users and user groups, rendered in the shapes of users.info / usergroups.users.list. */
import type { Json } from './recorder.js';

export interface SeedUser {
  id: string;
  /** Slack handle (`name`), e.g. `alice`. */
  name: string;
  realName?: string;
  email?: string;
  isBot?: boolean;
  isAdmin?: boolean;
  deleted?: boolean;
  teamId?: string;
}

export interface Directory {
  addUser(user: SeedUser): void;
  /** A user group with its members; `handle` (e.g. `support`) lets the driver turn `@support` into a mention. */
  addUsergroup(id: string, userIds: string[], handle?: string): void;
  /** The group is deleted: usergroups.users.list answers `no_such_subteam`. */
  removeUsergroup(id: string): void;
  user(id: string): Json | undefined;
  /** User ID by Slack handle (`alice` → `U0ALICE`). */
  userIdByName(name: string): string | undefined;
  /** User group ID by handle (`support` → `S0SUPPORT`). */
  usergroupIdByHandle(handle: string): string | undefined;
  userByEmail(email: string): Json | undefined;
  usergroupMembers(id: string): string[] | undefined;
}

export const createDirectory = (defaultTeamId: string): Directory => {
  const users = new Map<string, SeedUser>();
  const groups = new Map<string, { members: string[]; handle?: string | undefined }>();
  const render = (u: SeedUser): Json => {
    const teamId = u.teamId ?? defaultTeamId;
    const realName = u.realName ?? u.name;
    return {
      id: u.id,
      team_id: teamId,
      name: u.name,
      deleted: u.deleted ?? false,
      color: '9f69e7',
      real_name: realName,
      tz: 'Europe/London',
      tz_label: 'Greenwich Mean Time',
      tz_offset: 0,
      is_admin: u.isAdmin ?? false,
      is_owner: false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: u.isBot ?? false,
      is_app_user: false,
      has_2fa: false,
      updated: 1502138686,
      profile: {
        real_name: realName,
        real_name_normalized: realName,
        display_name: u.name,
        display_name_normalized: u.name,
        ...(u.email === undefined ? {} : { email: u.email }),
        team: teamId,
      },
    };
  };
  return {
    addUser: (user) => {
      users.set(user.id, user);
    },
    addUsergroup: (id, userIds, handle) => {
      groups.set(id, { members: [...userIds], handle });
    },
    removeUsergroup: (id) => {
      groups.delete(id);
    },
    user: (id) => {
      const u = users.get(id);
      return u ? render(u) : undefined;
    },
    userIdByName: (name) => [...users.values()].find((u) => u.name === name)?.id,
    usergroupIdByHandle: (handle) => [...groups.entries()].find(([, g]) => g.handle === handle)?.[0],
    userByEmail: (email) => {
      const wanted = email.toLowerCase();
      const u = [...users.values()].find((x) => x.email?.toLowerCase() === wanted);
      return u ? render(u) : undefined;
    },
    usergroupMembers: (id) => {
      const group = groups.get(id);
      return group ? [...group.members] : undefined;
    },
  };
};
