import type { AdminApi } from '../authgear/client.js';
import { isAuthgearReason } from '../authgear/errors.js';
import type { AuditContext } from '../authgear/jwt.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import {
  getUserByLoginId,
  getUserByOauth,
  getUserNode,
  getUsersByStandardAttribute,
} from '../authgear/operations/users.js';
import { AppError } from '../errors.js';
import { parseWho, WHO_HELP, type WhoRef } from './who.js';

export type Resolution =
  | { readonly kind: 'one'; readonly user: AuthgearUser }
  | { readonly kind: 'many'; readonly users: readonly AuthgearUser[] }
  | { readonly kind: 'none' };

export interface SlackProfiles {
  /** The email on a Slack user's profile; undefined when the profile has none or the user is unknown. */
  emailOf(slackUserId: string): Promise<string | undefined>;
}

export interface UserResolver {
  resolve(who: string, actor: AuditContext): Promise<Resolution>;
  byNodeId(nodeId: string, actor: AuditContext): Promise<AuthgearUser>;
}

const LOGIN_KEYS = { email: 'email', phone: 'phone', username: 'username' } as const;
const ATTRIBUTES = { email: 'email', phone: 'phone_number', username: 'preferred_username' } as const;

const dedupe = (users: readonly AuthgearUser[]): AuthgearUser[] => [
  ...new Map(users.map((u) => [u.id, u])).values(),
];

/**
 * `GetUsersInvalidArgument` means "this project has no such login ID key, or the value is not one"
 * (pkg/lib/authn/identity/loginid/provider.go): for a look-up that is "nobody matches", not a refusal.
 */
const noneIfNotConfigured = async <T>(run: () => Promise<T>, none: T): Promise<T> => {
  try {
    return await run();
  } catch (e) {
    if (isAuthgearReason(e, 'GetUsersInvalidArgument')) return none;
    throw e;
  }
};

/** Exact look-ups only: node, standard attributes, login IDs. Fuzzy search is for `search`. */
export const createUserResolver = (api: AdminApi, slack: SlackProfiles): UserResolver => {
  const byNode = async (nodeId: string, actor: AuditContext): Promise<AuthgearUser | undefined> => {
    const { node } = await api.run(getUserNode, { id: nodeId }, actor);
    return node !== null && node.__typename === 'User' && 'standardAttributes' in node ? node : undefined;
  };

  const byValue = async (
    kind: 'email' | 'phone' | 'username',
    value: string,
    actor: AuditContext,
  ): Promise<AuthgearUser[]> => {
    const found = await noneIfNotConfigured(
      async () =>
        (
          await api.run(
            getUsersByStandardAttribute,
            { attributeName: ATTRIBUTES[kind], attributeValue: value },
            actor,
          )
        ).getUsersByStandardAttribute,
      [],
    );
    if (found.length > 0) return dedupe(found);
    const byLoginId = await noneIfNotConfigured(
      async () =>
        (await api.run(getUserByLoginId, { loginIDKey: LOGIN_KEYS[kind], loginIDValue: value }, actor))
          .getUserByLoginID,
      null,
    );
    return byLoginId ? [byLoginId] : [];
  };

  /** getUserByOAuth: a provider alias the project does not configure is Authgear's GetUsersInvalidArgument. */
  const byOauth = async (alias: string, subject: string, actor: AuditContext): Promise<AuthgearUser[]> => {
    try {
      const { getUserByOAuth } = await api.run(getUserByOauth, { alias, subject }, actor);
      return getUserByOAuth ? [getUserByOAuth] : [];
    } catch (e) {
      if (isAuthgearReason(e, 'GetUsersInvalidArgument'))
        throw new AppError(
          'user.not_found',
          `This Authgear project has no OAuth provider \`${alias.replace(/`/g, '')}\`. The alias is in the Authgear Portal under Social / Enterprise Login.`,
          { cause: e, details: e.details },
        );
      throw e;
    }
  };

  const resolveRef = async (ref: WhoRef, actor: AuditContext): Promise<AuthgearUser[]> => {
    switch (ref.kind) {
      case 'node': {
        const user = await byNode(ref.nodeId, actor);
        return user ? [user] : [];
      }
      case 'email':
        return byValue('email', ref.email, actor);
      case 'phone':
        return byValue('phone', ref.phone, actor);
      case 'username':
        return byValue('username', ref.username, actor);
      case 'oauth':
        return byOauth(ref.alias, ref.subject, actor);
      case 'slack': {
        const email = await slack.emailOf(ref.slackUserId);
        if (email === undefined) {
          throw new AppError(
            'user.not_found',
            "That Slack user has no email on their profile the bot can read, so it can't find them in Authgear.",
          );
        }
        return byValue('email', email.toLowerCase(), actor);
      }
    }
  };

  return {
    async resolve(who, actor) {
      const ref = parseWho(who);
      if (ref === undefined)
        throw new AppError('input.usage', `I can't tell who that is. Name a user by ${WHO_HELP}.`);
      const users = await resolveRef(ref, actor);
      if (users.length === 0) return { kind: 'none' };
      const [first] = users;
      return users.length === 1 && first ? { kind: 'one', user: first } : { kind: 'many', users };
    },
    async byNodeId(nodeId, actor) {
      const user = await byNode(nodeId, actor);
      if (user === undefined) throw new AppError('user.not_found', 'That Authgear user no longer exists.');
      return user;
    },
  };
};
