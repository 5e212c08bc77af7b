/**
 * Root values for graphql-js `execute`: every Query/Mutation field of schema.graphql has one function here.
 * Each successful mutation appends an `ADMIN_API_MUTATION_*_EXECUTED` audit log entry, as Authgear does.
 */

import { isEnumType } from 'graphql';
import { listQueries } from './audit-log-queries.js';
import { authenticatorMutations } from './authenticator-mutations.js';
import { eventContext, type RootField } from './context.js';
import { fraudQueries } from './fraud.js';
import { groupRoleMutations } from './group-role-mutations.js';
import { identityMutations } from './identity-mutations.js';
import { membershipMutations } from './membership-mutations.js';
import { resourceMutations, resourceQueries } from './resource-resolvers.js';
import { fakeSchema } from './schema.js';
import { userCredentialMutations } from './user-credential-mutations.js';
import { userMutations } from './user-mutations.js';
import { userQueries } from './user-queries.js';
import { userStatusMutations } from './user-status-mutations.js';

export const queryRoot: Record<string, RootField> = {
  ...userQueries,
  ...listQueries,
  ...resourceQueries,
  ...fraudQueries,
};

const mutations: Record<string, RootField> = {
  ...userMutations,
  ...userStatusMutations,
  ...userCredentialMutations,
  ...identityMutations,
  ...groupRoleMutations,
  ...membershipMutations,
  ...resourceMutations,
  ...authenticatorMutations,
};

/** `generateOOBOTPCode` → `ADMIN_API_MUTATION_GENERATE_OOB_OTP_CODE_EXECUTED`, `addScopesToClientID` → `…_CLIENTID_…`. */
export const mutationActivityType = (field: string): string =>
  `ADMIN_API_MUTATION_${field
    .replace(/OOBOTP/g, 'OobOtp')
    .replace(/MFA/g, 'Mfa')
    .replace(/ClientID/g, 'Clientid')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()}_EXECUTED`;

/** The activity type Authgear logs for `field`, or `undefined` when it logs none (e.g. the MFA grace period). */
export const auditedActivityType = (field: string): string | undefined => {
  const enumType = fakeSchema().getType('AuditLogActivityType');
  const type = mutationActivityType(field);
  return isEnumType(enumType) && enumType.getValue(type) !== undefined ? type : undefined;
};

const userIdIn = (args: Record<string, unknown>): string | null => {
  const input = args.input;
  if (typeof input !== 'object' || input === null) return null;
  const userID = (input as { userID?: unknown }).userID;
  if (typeof userID !== 'string') return null;
  const decoded = Buffer.from(userID, 'base64url').toString('utf8');
  return decoded.startsWith('User:') ? decoded.slice(5) : null;
};

export const mutationRoot: Record<string, RootField> = Object.fromEntries(
  Object.entries(mutations).map(([field, resolve]): [string, RootField] => [
    field,
    (args, ctx) => {
      const result = resolve(args, ctx);
      const activityType = auditedActivityType(field);
      if (activityType === undefined) return result;
      const userId = userIdIn(args);
      // The event as Authgear's audit log keeps it; its context carries the JWT's audit_context
      // (pkg/lib/admin/authz/middleware.go, pkg/api/event/context.go).
      ctx.store.addAuditLog({
        activityType,
        userId,
        clientID: null,
        data: {
          type: activityType.toLowerCase(),
          payload: { mutation: field },
          context: eventContext(ctx, userId),
        },
      });
      return result;
    },
  ]),
);
