import { z } from 'zod';
import type { UserFieldsFragment } from '../documents/operations.generated.js';

/**
 * The fields of a user the card and every state-dependent action read: the `UserFields` fragment
 * (documents/user-fields.graphql), typed from Authgear's schema, with its connections flattened to `nodes`.
 */

/**
 * A JSON object scalar (attributes, claims). The schema only says "scalar" and the bot reads keys from it, and
 * `edit` writes attributes back whole: here a run-time check earns its place.
 */
export const jsonObject = z.record(z.string(), z.unknown());

/** A connection as Authgear answers it: `totalCount` may be null, and so may edges and nodes. */
interface RawConnection<N> {
  readonly totalCount?: number | null;
  readonly edges?: ReadonlyArray<{ readonly node: N | null } | null> | null;
}

/** A connection as the bot uses it: the nodes that came back, and a count (the nodes' when Authgear gave none). */
export interface Connection<N> {
  readonly totalCount: number;
  readonly nodes: N[];
}

/** The node type of a generated connection type. */
export type NodeOf<C> = NonNullable<C> extends RawConnection<infer N> ? N : never;

export function connectionOf<N>(c: RawConnection<N> | null | undefined): Connection<N>;
export function connectionOf<N, M>(
  c: RawConnection<N> | null | undefined,
  map: (node: N) => M,
): Connection<M>;
export function connectionOf<N, M>(
  c: RawConnection<N> | null | undefined,
  map?: (node: N) => M,
): Connection<N | M> {
  const raw = (c?.edges ?? []).flatMap((e) => (e?.node != null ? [e.node] : []));
  const nodes: (N | M)[] = map ? raw.map(map) : raw;
  return { totalCount: c?.totalCount ?? nodes.length, nodes };
}

type Fields = UserFieldsFragment;
export type IdentityNode = NodeOf<Fields['identities']>;
export type AuthenticatorNode = NodeOf<Fields['authenticators']>;
export type KeyedNode = NodeOf<Fields['groups']>;

export type AuthgearUser = Omit<
  Fields,
  'identities' | 'authenticators' | 'sessions' | 'groups' | 'roles' | 'effectiveRoles'
> & {
  readonly identities: Connection<IdentityNode>;
  readonly authenticators: Connection<AuthenticatorNode>;
  readonly sessions: { readonly totalCount: number };
  readonly groups: Connection<KeyedNode>;
  readonly roles: Connection<KeyedNode>;
  readonly effectiveRoles: Connection<KeyedNode>;
};

const withClaims = <N extends { claims: Record<string, unknown> }>(node: N): N => ({
  ...node,
  claims: jsonObject.parse(node.claims),
});

/** The user as the bot uses it; throws a ZodError when a JSON scalar is not an object. */
export const readUser = (f: UserFieldsFragment): AuthgearUser => ({
  ...f,
  standardAttributes: jsonObject.parse(f.standardAttributes),
  customAttributes: jsonObject.parse(f.customAttributes),
  loginIDs: f.loginIDs.map(withClaims),
  oauthConnections: f.oauthConnections.map(withClaims),
  passkeys: f.passkeys.map(withClaims),
  identities: connectionOf(f.identities, withClaims),
  authenticators: connectionOf(f.authenticators, withClaims),
  sessions: { totalCount: f.sessions?.totalCount ?? 0 },
  groups: connectionOf(f.groups),
  roles: connectionOf(f.roles),
  effectiveRoles: connectionOf(f.effectiveRoles),
});
