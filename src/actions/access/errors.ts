import { showKeys } from '../../access/keys.js';
import { AuthgearError } from '../../authgear/errors.js';
import { AppError } from '../../errors.js';

/** Which keys a request named, so Authgear's errors can be told back naming them. */
export interface NamedKeys {
  readonly group?: readonly string[];
  readonly role?: readonly string[];
}

type Kind = 'group' | 'role';

const unknown = (kind: Kind, keys: readonly string[] | undefined): string =>
  keys === undefined || keys.length === 0
    ? `Authgear has no such ${kind}. Nothing was changed.`
    : keys.length === 1
      ? `Authgear has no ${kind} with the key ${showKeys(keys)}. Nothing was changed.`
      : `Authgear has no ${kind}s with the keys ${showKeys(keys)}. Nothing was changed; check them with \`/authgear ${kind}s\`.`;

const duplicate = (kind: Kind, keys: readonly string[] | undefined): string =>
  `A ${kind} with the key ${showKeys(keys ?? [])} already exists. Pick another key.`;

/** `info.keys` of an *UnknownKeys error: the keys Authgear did not find. */
const missingKeys = (e: AppError): string[] | undefined => {
  const keys = e instanceof AuthgearError ? e.authgear.info.keys : undefined;
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : undefined;
};

/**
 * Which kind the missing keys are: the list of the request that holds them all. Authgear's reason cannot say
 * (unknown ROLE keys given to a group come back as `GroupUnknownKeys`, pkg/lib/rolesgroups/store_group_role.go).
 */
const kindOfMissing = (named: NamedKeys, missing: readonly string[], fallback: Kind): Kind => {
  const holds = (list: readonly string[] | undefined) =>
    list !== undefined && missing.every((k) => list.includes(k));
  if (holds(named.role) && !holds(named.group)) return 'role';
  if (holds(named.group) && !holds(named.role)) return 'group';
  return fallback;
};

/**
 * Re-words the errors Authgear gives for group/role keys (by `reason` and `info.keys`, never by message) so they
 * name the missing keys and say whether they are groups or roles. Anything else is passed on as it is.
 */
export const withKeyErrors = async <T>(keys: NamedKeys, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const reason = e.details.reason;
    const details = e.details;
    const fail = (code: 'authgear.not_found' | 'authgear.conflict', message: string): never => {
      throw new AppError(code, message, { details, cause: e });
    };
    switch (reason) {
      case 'GroupUnknownKeys':
      case 'RoleUnknownKeys': {
        const missing = missingKeys(e);
        const fallback: Kind = reason === 'RoleUnknownKeys' ? 'role' : 'group';
        if (missing === undefined || missing.length === 0)
          return fail('authgear.not_found', unknown(fallback, undefined));
        return fail('authgear.not_found', unknown(kindOfMissing(keys, missing, fallback), missing));
      }
      case 'GroupNotFound':
        return fail('authgear.not_found', unknown('group', keys.group?.slice(0, 1)));
      case 'RoleNotFound':
        return fail('authgear.not_found', unknown('role', keys.role?.slice(0, 1)));
      case 'GroupDuplicateKey':
        return fail('authgear.conflict', duplicate('group', keys.group));
      case 'RoleDuplicateKey':
        return fail('authgear.conflict', duplicate('role', keys.role));
      default:
        throw e;
    }
  }
};
