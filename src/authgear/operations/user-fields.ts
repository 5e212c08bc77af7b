import { z } from 'zod';

/** The fields of a user the card and every state-dependent action read. Spliced into documents as a fragment. */
export const USER_FIELDS = /* GraphQL */ `
  fragment UserFields on User {
    id
    createdAt
    updatedAt
    lastLoginAt
    isDisabled
    disableReason
    isDeactivated
    isAnonymized
    isAnonymous
    temporarilyDisabledFrom
    temporarilyDisabledUntil
    accountValidFrom
    accountValidUntil
    deleteAt
    anonymizeAt
    standardAttributes
    customAttributes
    verifiedClaims { name value }
    accountLockout { isLocked lockedUntil }
    identities(first: 50) { totalCount edges { node { id type claims createdAt } } }
    authenticators(first: 50) { totalCount edges { node { id type kind isDefault claims createdAt } } }
    sessions(first: 1) { totalCount }
    groups(first: 20) { totalCount edges { node { id key name } } }
    roles(first: 20) { totalCount edges { node { id key name } } }
    effectiveRoles(first: 20) { totalCount edges { node { id key name } } }
  }
`;

const json = z.record(z.string(), z.unknown());
const connection = <T>(node: z.ZodType<T>) =>
  z
    .object({
      totalCount: z.number().nullish(),
      edges: z.array(z.object({ node: node.nullable() }).nullable()).nullish(),
    })
    .nullish()
    .transform((c): { totalCount: number; nodes: T[] } => {
      const nodes = (c?.edges ?? []).flatMap((e) => (e?.node != null ? [e.node] : []));
      return { totalCount: c?.totalCount ?? nodes.length, nodes };
    });

export const keyedNode = z.object({ id: z.string(), key: z.string(), name: z.string().nullish() });
export type KeyedNode = z.output<typeof keyedNode>;

export const identityNode = z.object({
  id: z.string(),
  type: z.string(),
  claims: json,
  createdAt: z.string(),
});
export const authenticatorNode = z.object({
  id: z.string(),
  type: z.string(),
  kind: z.string(),
  isDefault: z.boolean(),
  claims: json,
  createdAt: z.string(),
});

export const userSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastLoginAt: z.string().nullish(),
  isDisabled: z.boolean(),
  disableReason: z.string().nullish(),
  isDeactivated: z.boolean(),
  isAnonymized: z.boolean(),
  isAnonymous: z.boolean(),
  temporarilyDisabledFrom: z.string().nullish(),
  temporarilyDisabledUntil: z.string().nullish(),
  accountValidFrom: z.string().nullish(),
  accountValidUntil: z.string().nullish(),
  deleteAt: z.string().nullish(),
  anonymizeAt: z.string().nullish(),
  standardAttributes: json,
  customAttributes: json,
  verifiedClaims: z.array(z.object({ name: z.string(), value: z.string() })),
  accountLockout: z.object({ isLocked: z.boolean(), lockedUntil: z.string().nullish() }).nullish(),
  identities: connection(identityNode),
  authenticators: connection(authenticatorNode),
  sessions: connection(z.object({ id: z.string() })),
  groups: connection(keyedNode),
  roles: connection(keyedNode),
  effectiveRoles: connection(keyedNode),
});

export type AuthgearUser = z.output<typeof userSchema>;
export { connection };
