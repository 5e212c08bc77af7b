import {
  ListAuditLogsDocument,
  type ListAuditLogsQuery,
  type ListAuditLogsQueryVariables,
  type AuditLogActivityType as SchemaActivityType,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';
import { jsonObject, type NodeOf } from './user-fields.js';

/** The values of `AuditLogActivityType` in Authgear's Admin API schema (the compiler and a unit test keep them in sync). */
export const AUDIT_LOG_ACTIVITY_TYPES = [
  'ADMIN_API_MUTATION_ADD_GROUP_TO_ROLES_EXECUTED',
  'ADMIN_API_MUTATION_ADD_GROUP_TO_USERS_EXECUTED',
  'ADMIN_API_MUTATION_ADD_RESOURCE_TO_CLIENTID_EXECUTED',
  'ADMIN_API_MUTATION_ADD_ROLE_TO_GROUPS_EXECUTED',
  'ADMIN_API_MUTATION_ADD_ROLE_TO_USERS_EXECUTED',
  'ADMIN_API_MUTATION_ADD_SCOPES_TO_CLIENTID_EXECUTED',
  'ADMIN_API_MUTATION_ADD_USER_TO_GROUPS_EXECUTED',
  'ADMIN_API_MUTATION_ADD_USER_TO_ROLES_EXECUTED',
  'ADMIN_API_MUTATION_ANONYMIZE_USER_EXECUTED',
  'ADMIN_API_MUTATION_CREATE_AUTHENTICATOR_EXECUTED',
  'ADMIN_API_MUTATION_CREATE_GROUP_EXECUTED',
  'ADMIN_API_MUTATION_CREATE_IDENTITY_EXECUTED',
  'ADMIN_API_MUTATION_CREATE_RESOURCE_EXECUTED',
  'ADMIN_API_MUTATION_CREATE_ROLE_EXECUTED',
  'ADMIN_API_MUTATION_CREATE_SCOPE_EXECUTED',
  'ADMIN_API_MUTATION_CREATE_SESSION_EXECUTED',
  'ADMIN_API_MUTATION_CREATE_USER_EXECUTED',
  'ADMIN_API_MUTATION_DELETE_AUTHENTICATOR_EXECUTED',
  'ADMIN_API_MUTATION_DELETE_AUTHORIZATION_EXECUTED',
  'ADMIN_API_MUTATION_DELETE_GROUP_EXECUTED',
  'ADMIN_API_MUTATION_DELETE_IDENTITY_EXECUTED',
  'ADMIN_API_MUTATION_DELETE_RESOURCE_EXECUTED',
  'ADMIN_API_MUTATION_DELETE_ROLE_EXECUTED',
  'ADMIN_API_MUTATION_DELETE_SCOPE_EXECUTED',
  'ADMIN_API_MUTATION_DELETE_USER_EXECUTED',
  'ADMIN_API_MUTATION_GENERATE_OOB_OTP_CODE_EXECUTED',
  'ADMIN_API_MUTATION_REMOVE_GROUP_FROM_ROLES_EXECUTED',
  'ADMIN_API_MUTATION_REMOVE_GROUP_FROM_USERS_EXECUTED',
  'ADMIN_API_MUTATION_REMOVE_RESOURCE_FROM_CLIENTID_EXECUTED',
  'ADMIN_API_MUTATION_REMOVE_ROLE_FROM_GROUPS_EXECUTED',
  'ADMIN_API_MUTATION_REMOVE_ROLE_FROM_USERS_EXECUTED',
  'ADMIN_API_MUTATION_REMOVE_SCOPES_FROM_CLIENTID_EXECUTED',
  'ADMIN_API_MUTATION_REMOVE_USER_FROM_GROUPS_EXECUTED',
  'ADMIN_API_MUTATION_REMOVE_USER_FROM_ROLES_EXECUTED',
  'ADMIN_API_MUTATION_REPLACE_SCOPES_OF_CLIENTID_EXECUTED',
  'ADMIN_API_MUTATION_RESET_ACCOUNT_LOCKOUT_EXECUTED',
  'ADMIN_API_MUTATION_RESET_PASSWORD_EXECUTED',
  'ADMIN_API_MUTATION_REVOKE_ALL_SESSIONS_EXECUTED',
  'ADMIN_API_MUTATION_REVOKE_SESSION_EXECUTED',
  'ADMIN_API_MUTATION_SCHEDULE_ACCOUNT_ANONYMIZATION_EXECUTED',
  'ADMIN_API_MUTATION_SCHEDULE_ACCOUNT_DELETION_EXECUTED',
  'ADMIN_API_MUTATION_SEND_RESET_PASSWORD_MESSAGE_EXECUTED',
  'ADMIN_API_MUTATION_SET_ACCOUNT_VALID_FROM_EXECUTED',
  'ADMIN_API_MUTATION_SET_ACCOUNT_VALID_PERIOD_EXECUTED',
  'ADMIN_API_MUTATION_SET_ACCOUNT_VALID_UNTIL_EXECUTED',
  'ADMIN_API_MUTATION_SET_DISABLED_STATUS_EXECUTED',
  'ADMIN_API_MUTATION_SET_PASSWORD_EXPIRED_EXECUTED',
  'ADMIN_API_MUTATION_SET_VERIFIED_STATUS_EXECUTED',
  'ADMIN_API_MUTATION_UNSCHEDULE_ACCOUNT_ANONYMIZATION_EXECUTED',
  'ADMIN_API_MUTATION_UNSCHEDULE_ACCOUNT_DELETION_EXECUTED',
  'ADMIN_API_MUTATION_UPDATE_GROUP_EXECUTED',
  'ADMIN_API_MUTATION_UPDATE_IDENTITY_EXECUTED',
  'ADMIN_API_MUTATION_UPDATE_RESOURCE_EXECUTED',
  'ADMIN_API_MUTATION_UPDATE_ROLE_EXECUTED',
  'ADMIN_API_MUTATION_UPDATE_SCOPE_EXECUTED',
  'ADMIN_API_MUTATION_UPDATE_USER_EXECUTED',
  'AUTHENTICATION_BLOCKED',
  'AUTHENTICATION_IDENTITY_ANONYMOUS_FAILED',
  'AUTHENTICATION_IDENTITY_BIOMETRIC_FAILED',
  'AUTHENTICATION_IDENTITY_LOGIN_ID_FAILED',
  'AUTHENTICATION_PRIMARY_OOB_OTP_EMAIL_FAILED',
  'AUTHENTICATION_PRIMARY_OOB_OTP_SMS_FAILED',
  'AUTHENTICATION_PRIMARY_PASSWORD_FAILED',
  'AUTHENTICATION_SECONDARY_OOB_OTP_EMAIL_FAILED',
  'AUTHENTICATION_SECONDARY_OOB_OTP_SMS_FAILED',
  'AUTHENTICATION_SECONDARY_PASSWORD_FAILED',
  'AUTHENTICATION_SECONDARY_RECOVERY_CODE_FAILED',
  'AUTHENTICATION_SECONDARY_TOTP_FAILED',
  'BOT_PROTECTION_VERIFICATION_FAILED',
  'EMAIL_ERROR',
  'EMAIL_SENT',
  'EMAIL_SUPPRESSED',
  'FRAUD_PROTECTION_DECISION_RECORDED',
  'IDENTITY_BIOMETRIC_DISABLED',
  'IDENTITY_BIOMETRIC_ENABLED',
  'IDENTITY_EMAIL_ADDED',
  'IDENTITY_EMAIL_REMOVED',
  'IDENTITY_EMAIL_UNVERIFIED',
  'IDENTITY_EMAIL_UPDATED',
  'IDENTITY_EMAIL_VERIFIED',
  'IDENTITY_OAUTH_CONNECTED',
  'IDENTITY_OAUTH_DISCONNECTED',
  'IDENTITY_PHONE_ADDED',
  'IDENTITY_PHONE_REMOVED',
  'IDENTITY_PHONE_UNVERIFIED',
  'IDENTITY_PHONE_UPDATED',
  'IDENTITY_PHONE_VERIFIED',
  'IDENTITY_USERNAME_ADDED',
  'IDENTITY_USERNAME_REMOVED',
  'IDENTITY_USERNAME_UPDATED',
  'M2M_TOKEN_CREATED',
  'PROJECT_APP_CREATED',
  'PROJECT_APP_SECRET_VIEWED',
  'PROJECT_APP_UPDATED',
  'PROJECT_BILLING_CHECKOUT_CREATED',
  'PROJECT_BILLING_SUBSCRIPTION_CANCELLED',
  'PROJECT_BILLING_SUBSCRIPTION_STATUS_UPDATED',
  'PROJECT_BILLING_SUBSCRIPTION_UPDATED',
  'PROJECT_COLLABORATOR_DELETED',
  'PROJECT_COLLABORATOR_INVITATION_ACCEPTED',
  'PROJECT_COLLABORATOR_INVITATION_CREATED',
  'PROJECT_COLLABORATOR_INVITATION_DELETED',
  'PROJECT_DOMAIN_CREATED',
  'PROJECT_DOMAIN_DELETED',
  'PROJECT_DOMAIN_VERIFIED',
  'RATE_LIMIT_BLOCKED',
  'SMS_ERROR',
  'SMS_SENT',
  'SMS_SUPPRESSED',
  'USAGE_ALERT_TRIGGERED',
  'USER_ANONYMIZATION_SCHEDULED',
  'USER_ANONYMIZATION_UNSCHEDULED',
  'USER_ANONYMIZED',
  'USER_ANONYMOUS_PROMOTED',
  'USER_AUTHENTICATED',
  'USER_CREATED',
  'USER_DELETED',
  'USER_DELETION_SCHEDULED',
  'USER_DELETION_UNSCHEDULED',
  'USER_DISABLED',
  'USER_PROFILE_UPDATED',
  'USER_REAUTHENTICATED',
  'USER_REENABLED',
  'USER_SESSION_TERMINATED',
  'USER_SIGNED_OUT',
  'WHATSAPP_ERROR',
  'WHATSAPP_OTP_VERIFIED',
  'WHATSAPP_SENT',
  'WHATSAPP_SUPPRESSED',
] as const satisfies readonly SchemaActivityType[];
export type AuditLogActivityType = (typeof AUDIT_LOG_ACTIVITY_TYPES)[number];

const KNOWN_TYPES: ReadonlySet<string> = new Set(AUDIT_LOG_ACTIVITY_TYPES);
export const isAuditLogActivityType = (value: string): value is AuditLogActivityType =>
  KNOWN_TYPES.has(value);

type AuditLogNode = NodeOf<ListAuditLogsQuery['auditLogs']>;
export type AuditLogsVariables = ListAuditLogsQueryVariables;

/** Message deliveries (EMAIL_SENT, SMS_ERROR, ...): the entry has no user; the address is in its data. */
const MESSAGE_ENTRY = /^(EMAIL|SMS|WHATSAPP)_(SENT|ERROR|SUPPRESSED)$/;

/** What the bot keeps of an entry's `data`: a delivery's recipient and message type, nothing else. */
export interface Delivery {
  readonly recipient?: string;
  readonly messageType?: string;
}

const deliveryOf = (activityType: string, data: Record<string, unknown>): Delivery => {
  const payload = MESSAGE_ENTRY.test(activityType) ? data.payload : undefined;
  if (typeof payload !== 'object' || payload === null) return {};
  const { recipient, type } = payload as { recipient?: unknown; type?: unknown };
  return {
    ...(typeof recipient === 'string' ? { recipient } : {}),
    ...(typeof type === 'string' ? { messageType: type } : {}),
  };
};

/** An entry as the bot uses it: `data` reduced to a delivery's recipient and message type. */
export type AuditLogEntry = Omit<AuditLogNode, 'data'> & Delivery;

type RawAuditLogs = NonNullable<ListAuditLogsQuery['auditLogs']>;
export interface AuditLogsData {
  readonly auditLogs:
    | (Omit<RawAuditLogs, 'edges'> & {
        readonly edges: ReadonlyArray<{
          readonly cursor: string;
          readonly node: AuditLogEntry | null;
        } | null> | null;
      })
    | null;
}

/**
 * An entry, keeping from `data` only the recipient and message type of a delivery (pkg/api/event/nonblocking
 * email_sent.go: `payload.recipient`); the rest of `data` can hold mutation inputs, and these entries are posted
 * to a channel, so it is dropped here. The user's attributes are checked (the lines read them).
 */
const entryOf = ({ data, ...entry }: AuditLogNode): AuditLogEntry => {
  if (entry.user) jsonObject.parse(entry.user.standardAttributes);
  return { ...entry, ...deliveryOf(entry.activityType, jsonObject.catch({}).parse(data)) };
};

/** A page of Authgear's audit log, each entry reduced as `entryOf` says. */
export const listAuditLogs = defineOperation(
  ListAuditLogsDocument,
  ({ auditLogs }): AuditLogsData => ({
    auditLogs: auditLogs && {
      ...auditLogs,
      edges: auditLogs.edges?.map((e) => e && { ...e, node: e.node && entryOf(e.node) }) ?? null,
    },
  }),
);

/** One entry with its cursor, in the order Authgear returned them (null edges and nodes dropped). */
export const auditLogEdges = (data: AuditLogsData): { cursor: string; entry: AuditLogEntry }[] =>
  (data.auditLogs?.edges ?? []).flatMap((e) => (e?.node ? [{ cursor: e.cursor, entry: e.node }] : []));
