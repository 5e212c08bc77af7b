import type { AccessKind } from '../../access/keys.js';
import type { ActionName } from '../../permissions/actions.js';

export type { AccessKind };

/** Words and permissions for each kind, so one factory serves groups and roles alike. */
export interface KindInfo {
  readonly kind: AccessKind;
  readonly noun: string;
  readonly plural: string;
  readonly title: string;
  /** The fine policy names of this kind's changes (`group.manage` / `role.manage` stand for all four). */
  readonly permissions: {
    readonly create: ActionName;
    readonly update: ActionName;
    readonly delete: ActionName;
    /** Who holds it: users in a group and the group's roles; users and groups holding a role. */
    readonly members: ActionName;
  };
  readonly other: AccessKind;
}

export const KINDS: Readonly<Record<AccessKind, KindInfo>> = {
  group: {
    kind: 'group',
    noun: 'group',
    plural: 'groups',
    title: 'Group',
    permissions: {
      create: 'group.create',
      update: 'group.update',
      delete: 'group.delete',
      members: 'group.members',
    },
    other: 'role',
  },
  role: {
    kind: 'role',
    noun: 'role',
    plural: 'roles',
    title: 'Role',
    permissions: {
      create: 'role.create',
      update: 'role.update',
      delete: 'role.delete',
      members: 'role.members',
    },
    other: 'group',
  },
};

/** `1 role`, `3 roles`. */
export const counted = (n: number, kind: AccessKind | 'user' | 'member'): string =>
  `${n} ${kind}${n === 1 ? '' : 's'}`;
