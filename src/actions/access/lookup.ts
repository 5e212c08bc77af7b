import { type AccessKind, showKey } from '../../access/keys.js';
import type { AdminApi } from '../../authgear/client.js';
import type { AuditContext } from '../../authgear/jwt.js';
import {
  type AccessPage,
  type ListedAccessNode,
  type SearchVariables,
  searchGroups,
  searchRoles,
} from '../../authgear/operations/access.js';
import type { AuthgearUser } from '../../authgear/operations/user-fields.js';
import { safe } from '../../blocks/primitives.js';
import { AppError } from '../../errors.js';
import { createUserResolver } from '../../users/resolve.js';
import { parseWho } from '../../users/who.js';

const PAGE = 50;
const MAX_PAGES = 4;

/**
 * A group or role by its exact key. The Admin API has no by-key query, so this searches by the key (which
 * matches keys and names containing it) and picks the exact match, following pages a few times.
 */
export const findByKey = async (
  api: AdminApi,
  kind: AccessKind,
  key: string,
  actor: AuditContext,
): Promise<ListedAccessNode | undefined> => {
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const variables: SearchVariables = { keyword: key, first: PAGE, after };
    const found: AccessPage =
      kind === 'group'
        ? (await api.run(searchGroups, variables, actor)).groups
        : (await api.run(searchRoles, variables, actor)).roles;
    const exact = found.nodes.find((n) => n.key === key);
    if (exact !== undefined) return exact;
    // A full page says "maybe more" (Authgear); an empty page or no cursor ends the search.
    if (found.nodes.length === 0 || found.next === undefined) return undefined;
    after = found.next;
  }
  return undefined;
};

export const requireByKey = async (
  api: AdminApi,
  kind: AccessKind,
  key: string,
  actor: AuditContext,
): Promise<ListedAccessNode> => {
  const found = await findByKey(api, kind, key, actor);
  if (found === undefined) {
    throw new AppError('authgear.not_found', `Authgear has no ${kind} with the key ${showKey(key)}.`, {
      details: { kind },
    });
  }
  return found;
};

/** Whether a `<who>` can be resolved without Slack (emails, phones, usernames, Authgear IDs). */
export const isResolvableRef = (ref: string): boolean => {
  const parsed = parseWho(ref);
  return parsed !== undefined && parsed.kind !== 'slack';
};

const noSlack = { emailOf: async () => undefined };

/**
 * Resolves several `<who>`s exactly, each to one user, before anything is changed: a reference that matches
 * nobody or several users stops the action with a message naming it.
 */
export const resolveUserRefs = async (
  api: AdminApi,
  refs: readonly string[],
  actor: AuditContext,
): Promise<AuthgearUser[]> => {
  const resolver = createUserResolver(api, noSlack);
  const users = new Map<string, AuthgearUser>();
  for (const ref of refs) {
    const found = await resolver.resolve(ref, actor);
    if (found.kind === 'none')
      throw new AppError(
        'user.not_found',
        `No Authgear user matches ${safe(ref, 100)}. Nothing was changed.`,
      );
    if (found.kind === 'many') {
      throw new AppError(
        'user.ambiguous',
        `${safe(ref, 100)} matches ${found.users.length} users. Name them by Authgear ID instead. Nothing was changed.`,
      );
    }
    users.set(found.user.id, found.user);
  }
  return [...users.values()];
};
