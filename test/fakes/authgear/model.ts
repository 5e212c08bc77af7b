/** Records the Authgear fake keeps in memory. Timestamps are ISO 8601 strings; IDs are raw (not node IDs). */
export type LoginIdKey = 'email' | 'phone' | 'username';

export interface FakeIdentity {
  id: string;
  type: 'LOGIN_ID' | 'OAUTH' | 'PASSKEY' | 'ANONYMOUS' | 'BIOMETRIC' | 'SIWE' | 'LDAP';
  loginIdKey?: LoginIdKey;
  /** LOGIN_ID: the normalized login ID (its unique key). */
  value?: string;
  /** OAUTH: the provider alias and the user's ID at the provider. */
  oauth?: { alias: string; subject: string };
  claims: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface FakeAuthenticator {
  id: string;
  kind: 'PRIMARY' | 'SECONDARY';
  type: 'PASSWORD' | 'TOTP' | 'OOB_OTP_EMAIL' | 'OOB_OTP_SMS' | 'PASSKEY';
  isDefault: boolean;
  claims: Record<string, unknown>;
  /** Only for PASSWORD: the fake keeps it in clear so tests can inspect resets. */
  password?: string;
  expireAfter: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeSession {
  id: string;
  type: 'IDP' | 'OFFLINE_GRANT';
  clientID: string | null;
  applicationName: string | null;
  displayName: string;
  userAgent: string | null;
  acr: string | null;
  amr: string[];
  createdByIP: string;
  lastAccessedByIP: string;
  lastAccessedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeAuthorization {
  id: string;
  clientID: string;
  scopes: string[];
  createdAt: string;
  updatedAt: string;
}

export interface FakeAccountLockout {
  isLocked: boolean;
  lockedUntil: string | null;
  lockoutType: string;
  lockedIPs: { ipAddress: string; lockedUntil: string }[];
}

export interface FakeUser {
  id: string;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
  /** Stored as given; `email_verified`/`phone_number_verified` are derived from `verifiedClaims` when served. */
  standardAttributes: Record<string, unknown>;
  customAttributes: Record<string, unknown>;
  verifiedClaims: { name: string; value: string }[];
  identities: FakeIdentity[];
  authenticators: FakeAuthenticator[];
  sessions: FakeSession[];
  authorizations: FakeAuthorization[];
  groupIds: Set<string>;
  roleIds: Set<string>;
  /**
   * What Authgear stores (pkg/lib/authn/user/account_status.go): `isDisabled` is NOT stored but computed when
   * read, from this flag, the temporary window, the valid period, the schedules and `isAnonymized`.
   */
  isIndefinitelyDisabled: boolean;
  disableReason: string | null;
  isDeactivated: boolean;
  isAnonymized: boolean;
  /** Previous password hashes, newest first (here: the passwords), for the password history policy. */
  passwordHistory: string[];
  temporarilyDisabledFrom: string | null;
  temporarilyDisabledUntil: string | null;
  accountValidFrom: string | null;
  accountValidUntil: string | null;
  deleteAt: string | null;
  deleteReason: string | null;
  anonymizeAt: string | null;
  mfaGracePeriodEndAt: string | null;
  endUserAccountID: string | null;
  accountLockout: FakeAccountLockout;
}

export interface FakeGroup {
  id: string;
  key: string;
  name: string | null;
  description: string | null;
  roleIds: Set<string>;
  createdAt: string;
  updatedAt: string;
}

export interface FakeRole {
  id: string;
  key: string;
  name: string | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeAuditLog {
  id: string;
  activityType: string;
  /** Whole seconds, as Authgear stores them (pkg/lib/audit/log.go: time.Unix(timestamp, 0)). */
  createdAt: string;
  userId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  clientID: string | null;
  data: Record<string, unknown> | null;
}

/** Something the fake "sent" (reset message, password) or generated (OTP), for tests to inspect. */
export type FakeSentMessage =
  | { kind: 'reset_password_link'; loginID: string; target: string; userId: string; at: string }
  | { kind: 'password'; userId: string; recipient: string; password: string; at: string }
  | { kind: 'otp_code'; target: string; purpose: 'LOGIN' | 'VERIFICATION'; code: string; at: string };
