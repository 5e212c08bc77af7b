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
  'user.mfa_grace',
  'user.add_authenticator',
  'group.view',
  'group.manage',
  'role.view',
  'role.manage',
  'audit.view',
  'approvals.view',
  'resource.view',
  'resource.manage',
  'fraud.view',
] as const;

export type ActionName = (typeof ACTION_NAMES)[number];

export const isActionName = (value: string): value is ActionName =>
  (ACTION_NAMES as readonly string[]).includes(value);
