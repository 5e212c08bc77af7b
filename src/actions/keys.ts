/**
 * Stable action keys, separate from verbs. Messages already in Slack carry them (card buttons, confirmations,
 * form metadata) and so do pending approval records, so they outlive every deploy.
 *
 * The rule: never rename or remove a key, only add one. A verb may be renamed or gain aliases; its key stays.
 * A unit test pins every key that has shipped.
 */
export const ActionKeys = {
  // account
  disable: 'disable',
  enable: 'enable',
  cancelDisable: 'cancel-disable',
  validPeriod: 'valid-period',
  validFrom: 'valid-from',
  validUntil: 'valid-until',
  unlock: 'unlock',
  resetPassword: 'reset-password',
  expirePassword: 'expire-password',
  sendReset: 'send-reset',
  otp: 'otp',
  signout: 'signout',
  revokeSession: 'revoke-session',
  verify: 'verify',
  unverify: 'unverify',
  delete: 'delete',
  cancelDelete: 'cancel-delete',
  deleteNow: 'delete-now',
  anonymize: 'anonymize',
  cancelAnonymize: 'cancel-anonymize',
  anonymizeNow: 'anonymize-now',
  mfaGrace: 'mfa-grace',
  // records
  createUser: 'create-user',
  edit: 'edit',
  addIdentity: 'add-identity',
  updateIdentity: 'update-identity',
  removeIdentity: 'remove-identity',
  removeAuthenticator: 'remove-authenticator',
  removeAuthorization: 'remove-authorization',
  addAuthenticator: 'add-authenticator',
  // groups and roles
  createGroup: 'create-group',
  updateGroup: 'update-group',
  deleteGroup: 'delete-group',
  createRole: 'create-role',
  updateRole: 'update-role',
  deleteRole: 'delete-role',
  addRoleToGroups: 'add-role-to-groups',
  removeRoleFromGroups: 'remove-role-from-groups',
  addGroupToRoles: 'add-group-to-roles',
  removeGroupFromRoles: 'remove-group-from-roles',
  addUserToRoles: 'add-user-to-roles',
  removeUserFromRoles: 'remove-user-from-roles',
  addRoleToUsers: 'add-role-to-users',
  removeRoleFromUsers: 'remove-role-from-users',
  addUserToGroups: 'add-user-to-groups',
  removeUserFromGroups: 'remove-user-from-groups',
  addGroupToUsers: 'add-group-to-users',
  removeGroupFromUsers: 'remove-group-from-users',
  // time-boxed grants
  grant: 'grant',
  extendGrant: 'extend-grant',
  revokeGrant: 'revoke-grant',
  // API resources and scopes
  createResource: 'create-resource',
  updateResource: 'update-resource',
  deleteResource: 'delete-resource',
  createScope: 'create-scope',
  updateScope: 'update-scope',
  deleteScope: 'delete-scope',
  addResourceToClient: 'add-resource-to-client',
  removeResourceFromClient: 'remove-resource-from-client',
  addScopesToClient: 'add-scopes-to-client',
  removeScopesFromClient: 'remove-scopes-from-client',
  replaceScopesOfClient: 'replace-scopes-of-client',
} as const;

export type ActionKey = (typeof ActionKeys)[keyof typeof ActionKeys];
