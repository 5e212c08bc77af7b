/** Group and role keys as Authgear accepts them (pkg/lib/rolesgroups/key.go; FACTS.md "Groups and roles"). */

const KEY_PATTERN = /^[a-zA-Z_][a-zA-Z0-9:_]*$/;

export const isRoleGroupKey = (key: string): boolean =>
  key.length >= 1 && key.length <= 40 && KEY_PATTERN.test(key) && !key.startsWith('authgear:');

/** For seeds: a key Authgear would refuse is a bug in the test or demo data, never something to store. */
export const assertSeedKeys = (kind: 'group' | 'role', keys: readonly string[]): void => {
  for (const key of keys) {
    if (!isRoleGroupKey(key))
      throw new Error(
        `fake: ${JSON.stringify(key)} is not a key Authgear accepts for a ${kind}: 1-40 characters, letters, digits, _ and :, not starting with a digit or "authgear:"`,
      );
  }
};
