import { showKeys } from '../../access/keys.js';
import { AppError } from '../../errors.js';

/** Which keys a request named, so Authgear's errors can be told back naming them. */
export interface NamedKeys {
  readonly group?: readonly string[];
  readonly role?: readonly string[];
}

const unknown = (kind: 'group' | 'role', keys: readonly string[] | undefined): string =>
  keys === undefined || keys.length === 0
    ? `Authgear has no such ${kind}. Nothing was changed.`
    : keys.length === 1
      ? `Authgear has no ${kind} with the key ${showKeys(keys)}. Nothing was changed.`
      : `Authgear doesn't know at least one of the ${kind} keys ${showKeys(keys)}. Nothing was changed; check them with \`/authgear ${kind}s\`.`;

const duplicate = (kind: 'group' | 'role', keys: readonly string[] | undefined): string =>
  `A ${kind} with the key ${showKeys(keys ?? [])} already exists. Pick another key.`;

/**
 * Re-words the errors Authgear gives for group/role keys (by `reason`, never by message) so they name the key.
 * Anything else is passed on as it is.
 */
export const withKeyErrors = async <T>(keys: NamedKeys, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const reason = e.details.reason;
    const details = e.details;
    switch (reason) {
      case 'GroupNotFound':
      case 'GroupUnknownKey':
      case 'GroupUnknownKeys':
        throw new AppError('authgear.not_found', unknown('group', keys.group), { details, cause: e });
      case 'RoleNotFound':
      case 'RoleUnknownKey':
      case 'RoleUnknownKeys':
        throw new AppError('authgear.not_found', unknown('role', keys.role), { details, cause: e });
      case 'GroupDuplicateKey':
        throw new AppError('authgear.conflict', duplicate('group', keys.group), { details, cause: e });
      case 'RoleDuplicateKey':
        throw new AppError('authgear.conflict', duplicate('role', keys.role), { details, cause: e });
      default:
        throw e;
    }
  }
};
