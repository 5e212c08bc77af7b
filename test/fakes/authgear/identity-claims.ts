/**
 * Looking identities up by claim, after authgear-server pkg/lib/authn/identity: `IdentityAwareStandardClaims`
 * (loginid_identity.go: the login ID's own claim; oauth_identity.go: email, phone_number, preferred_username)
 * and `ListByClaim` (exact match on those claims).
 */
import type { FakeIdentity, FakeUser } from './model.js';
import type { FakeStore, Owned } from './store.js';

export type StandardClaim = 'email' | 'phone_number' | 'preferred_username';
export const STANDARD_CLAIMS: readonly StandardClaim[] = ['email', 'phone_number', 'preferred_username'];

/** The identity's standard claims that are tied to it (only login ID and OAuth identities have any). */
export const identityAwareClaims = (i: FakeIdentity): Partial<Record<StandardClaim, string>> => {
  if (i.type !== 'LOGIN_ID' && i.type !== 'OAUTH') return {};
  const out: Partial<Record<StandardClaim, string>> = {};
  for (const claim of STANDARD_CLAIMS) {
    const v = i.claims[claim];
    if (typeof v === 'string' && v !== '') out[claim] = v;
  }
  return out;
};

/** The login ID identity whose unique key is `normalized` (any key: the unique key is per project). */
export const identityByUniqueKey = (
  store: FakeStore,
  normalized: string,
): Owned<FakeIdentity> | undefined => {
  for (const user of store.users()) {
    const item = user.identities.find((i) => i.type === 'LOGIN_ID' && i.value === normalized);
    if (item !== undefined) return { user, item };
  }
  return undefined;
};

/** `ListByClaim`: identities whose claim `name` is exactly `value`. */
export const identitiesByClaim = (store: FakeStore, name: string, value: string): Owned<FakeIdentity>[] =>
  store
    .users()
    .flatMap((user) =>
      user.identities
        .filter((i) => identityAwareClaims(i)[name as StandardClaim] === value)
        .map((item) => ({ user, item })),
    );

/** A user's identity-aware claims per name, newest identity first (PopulateIdentityAwareStandardAttributes). */
export const ownedClaims = (user: FakeUser): Record<StandardClaim, string[]> => {
  const out: Record<StandardClaim, string[]> = { email: [], phone_number: [], preferred_username: [] };
  const newestFirst = [...user.identities].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  for (const i of newestFirst) {
    const claims = identityAwareClaims(i);
    for (const name of STANDARD_CLAIMS) {
      const v = claims[name];
      if (v !== undefined) out[name].push(v);
    }
  }
  return out;
};

/**
 * `PopulateIdentityAwareStandardAttributes` (pkg/lib/feature/stdattrs/service_noevent.go): an email, phone or
 * username not backed by an identity is removed, and a missing one is filled from the newest identity.
 */
export const populateIdentityAttributes = (user: FakeUser): void => {
  const owned = ownedClaims(user);
  for (const name of STANDARD_CLAIMS) {
    const current = user.standardAttributes[name];
    if (typeof current === 'string' && !owned[name].includes(current)) delete user.standardAttributes[name];
    const first = owned[name][0];
    if (typeof user.standardAttributes[name] !== 'string' && first !== undefined)
      user.standardAttributes[name] = first;
  }
};
