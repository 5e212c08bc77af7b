/** Every action name the policy file may grant. The names are a contract with operators' policy files. */
export const ACTION_NAMES = [
  'user.view',
  'user.search',
  'user.disable',
  'user.enable',
  'user.valid_period',
  'user.reset_password',
  'user.send_reset',
  'user.otp',
  'user.revoke_sessions',
  'user.verify',
  'user.delete',
  'user.anonymize',
  'user.create',
  'user.edit',
  'user.identities',
  'user.mfa',
  'user.authorizations',
  'user.grant',
  'user.revoke_grant',
  'user.mfa_grace',
  'user.add_authenticator',
  'group.view',
  'group.create',
  'group.update',
  'group.delete',
  'group.members',
  'role.view',
  'role.create',
  'role.update',
  'role.delete',
  'role.members',
  'audit.view',
  'approvals.view',
  'resource.view',
  'resource.manage',
  'fraud.view',
] as const;

export type ActionName = (typeof ACTION_NAMES)[number];

export const isActionName = (value: string): value is ActionName =>
  (ACTION_NAMES as readonly string[]).includes(value);

/**
 * Coarse names from earlier policies, each standing for a set of fine names. A policy may use either; an alias is
 * expanded when the policy is read, so `group.manage` in `actions:` or `approvals:` covers all four group changes.
 */
export const ACTION_ALIASES = {
  'group.manage': ['group.create', 'group.update', 'group.delete', 'group.members'],
  'role.manage': ['role.create', 'role.update', 'role.delete', 'role.members'],
} as const satisfies Record<string, readonly ActionName[]>;

export type ActionAlias = keyof typeof ACTION_ALIASES;

/** What a policy file may name: a fine action name or an alias. Old records and audit events may carry either. */
export type PolicyActionName = ActionName | ActionAlias;

export const ALIAS_NAMES = Object.keys(ACTION_ALIASES) as ActionAlias[];

export const POLICY_ACTION_NAMES: readonly PolicyActionName[] = [...ACTION_NAMES, ...ALIAS_NAMES];

export const isActionAlias = (value: string): value is ActionAlias => Object.hasOwn(ACTION_ALIASES, value);

export const isPolicyActionName = (value: string): value is PolicyActionName =>
  isActionName(value) || isActionAlias(value);

/** The fine names a policy name stands for (a fine name stands for itself). */
export const expandActionName = (name: PolicyActionName): readonly ActionName[] =>
  isActionAlias(name) ? ACTION_ALIASES[name] : [name];
