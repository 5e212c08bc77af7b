import type { AccessKind } from '../../access/keys.js';
import type { ActionName } from '../../permissions/actions.js';

export type { AccessKind };

/** Words and permissions for each kind, so one factory serves groups and roles alike. */
export interface KindInfo {
  readonly kind: AccessKind;
  readonly noun: string;
  readonly plural: string;
  readonly title: string;
  readonly permission: ActionName;
  readonly other: AccessKind;
}

export const KINDS: Readonly<Record<AccessKind, KindInfo>> = {
  group: {
    kind: 'group',
    noun: 'group',
    plural: 'groups',
    title: 'Group',
    permission: 'group.manage',
    other: 'role',
  },
  role: {
    kind: 'role',
    noun: 'role',
    plural: 'roles',
    title: 'Role',
    permission: 'role.manage',
    other: 'group',
  },
};

/** `1 role`, `3 roles`. */
export const counted = (n: number, kind: AccessKind | 'user' | 'member'): string =>
  `${n} ${kind}${n === 1 ? '' : 's'}`;
