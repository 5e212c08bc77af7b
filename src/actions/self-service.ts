/**
 * Nobody gives themselves access on their own: an action marked `needsAnotherPerson` (a time-boxed grant, its
 * extension, adding a user to roles or groups, adding a role or group to users) may target the requester's own
 * Authgear account only when another person approved it. The bot knows who the requester is in Authgear the way
 * `@mentions` are resolved: by the email on their Slack profile.
 */
import { LOGIN_ID_KEY_CLAIM, LOGIN_ID_VALUE_CLAIM, textAttr } from '../authgear/attributes.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { userLabel } from '../blocks/user-card.js';
import { AppError } from '../errors.js';
import type { Actor } from '../permissions/authorize.js';
import type { SlackProfiles } from '../users/resolve.js';

/** Every email the Authgear user is known by (lower case): the email attribute and each identity's email. */
export const emailsOfUser = (user: AuthgearUser): Set<string> => {
  const emails = new Set<string>();
  const add = (v: unknown) => {
    const text = textAttr(v);
    if (text) emails.add(text.toLowerCase());
  };
  add(user.standardAttributes.email);
  for (const i of [...user.identities.nodes, ...user.loginIDs, ...user.oauthConnections]) {
    add(i.claims.email);
    if (i.claims[LOGIN_ID_KEY_CLAIM] === 'email') add(i.claims[LOGIN_ID_VALUE_CLAIM]);
  }
  return emails;
};

/** Why an action may not run without another person: the error to throw and, when known, the user who is you. */
export interface SelfServiceRefusal {
  readonly error: AppError;
  readonly user?: AuthgearUser | undefined;
}

/**
 * Refuses when `actor` runs the action on themselves (any one of `users`), or the bot cannot tell that they do not
 * (no email on their Slack profile, or no target loaded): deny by default. Undefined when it may run.
 */
export const selfServiceRefusal = async (
  profiles: SlackProfiles | undefined,
  actor: Actor,
  users: readonly AuthgearUser[] | undefined,
): Promise<SelfServiceRefusal | undefined> => {
  const email = profiles ? (await profiles.emailOf(actor.userId))?.toLowerCase() : undefined;
  const how =
    'Ask someone else to do it, or have the policy send it for approval (`approvals:`), so another person approves.';
  const only = users?.length === 1 ? users[0] : undefined;
  if (email === undefined || users === undefined) {
    const label = only ? userLabel(only) : users && users.length > 1 ? 'one of these users' : 'this user';
    return {
      error: new AppError(
        'permission.denied',
        `The bot can't tell whether ${label} is you (your Slack profile has no email it can read), and nobody may give themselves access without another person's approval. ${how}`,
        { details: { reason: 'self_unknown' } },
      ),
      user: only,
    };
  }
  const you = users.find((u) => emailsOfUser(u).has(email));
  if (you === undefined) return undefined;
  return {
    error: new AppError(
      'permission.denied',
      `${userLabel(you)} is you (the same email as your Slack profile), and nobody may give themselves access without another person's approval. ${how}`,
      { details: { reason: 'self_grant' } },
    ),
    user: you,
  };
};
