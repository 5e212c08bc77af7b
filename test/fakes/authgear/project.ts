/**
 * The project configuration the fake plays (authgear.yaml): which login ID keys, primary authenticators, OAuth
 * providers and custom attributes exist, and the password policy. Defaults follow Authgear's own defaults.
 * In this fake a login ID key is named after its type (`email`, `phone`, `username`), as Authgear's defaults are.
 */
import type { LoginIdKey } from './model.js';

export type CustomAttributeType =
  | 'string'
  | 'number'
  | 'integer'
  | 'enum'
  | 'boolean'
  | 'phone_number'
  | 'email'
  | 'url'
  | 'country_code';

export interface CustomAttributeConfig {
  /** The attribute name (its pointer is `/<name>`). */
  readonly name: string;
  readonly type: CustomAttributeType;
  /** For `enum`: the allowed values. */
  readonly enum?: readonly string[];
}

export interface FakeProjectConfig {
  /** pkg/lib/config/identity.go LoginIDConfig.SetDefaults: only `email` unless configured. */
  loginIdKeys: LoginIdKey[];
  /** pkg/lib/config/authentication.go SetDefaults: `password` unless configured. */
  primaryAuthenticators: ('password' | 'oob_otp_email' | 'oob_otp_sms')[];
  /** identity.oauth.providers[].alias */
  oauthProviders: string[];
  /** oauth.clients[].client_id: the apps API resources and scopes are given to (resourcescope/commands.go). */
  oauthClients: string[];
  /** user_profile.custom_attributes.attributes: anything else is dropped by updateUser. */
  customAttributes: CustomAttributeConfig[];
  /** authenticator.password.policy.min_length (the e2e project uses 8). */
  passwordMinLength: number;
  /** authenticator.password.policy.history_size; 0 = history not checked (Authgear's default). */
  passwordHistorySize: number;
  /** forgot_password.rate_limits.{email,sms}.trigger_cooldown, default 1m (pkg/lib/config/forgot_password.go). */
  forgotPasswordCooldownSeconds: number;
  /** account_deletion / account_anonymization grace period in days. */
  gracePeriodDays: number;
}

export const defaultProjectConfig = (): FakeProjectConfig => ({
  loginIdKeys: ['email'],
  primaryAuthenticators: ['password'],
  oauthProviders: [],
  oauthClients: [],
  customAttributes: [],
  passwordMinLength: 8,
  passwordHistorySize: 0,
  forgotPasswordCooldownSeconds: 60,
  gracePeriodDays: 30,
});

/** The configuration of authgear-server's e2e project (e2e/var/authgear.yaml), used by the peer suite. */
export const e2eProjectConfig = (): FakeProjectConfig => ({
  ...defaultProjectConfig(),
  loginIdKeys: ['phone', 'email', 'username'],
  primaryAuthenticators: ['password', 'oob_otp_email', 'oob_otp_sms'],
  oauthProviders: ['azureadv2'],
});
