import { type ActionKey, ActionKeys } from '../actions/keys.js';
import {
  describeAuthenticator,
  describeIdentity,
  loginIdKeyOf,
} from '../actions/user/records/credentials.js';
import { authorizationsOf } from '../actions/user/records/remove-authorization.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { startButton } from '../blocks/payloads.js';
import {
  type Block,
  capBlocks,
  codeSpan,
  context,
  header,
  safe,
  section,
  slackDate,
} from '../blocks/primitives.js';
import { displayName, userLabel } from '../blocks/user-card.js';
import { AppError } from '../errors.js';
import type { ActionName } from '../permissions/actions.js';
import { grants } from '../permissions/authorize.js';
import type { ReplyMessage } from '../slack/reply.js';
import { WHO_HELP } from '../users/who.js';
import type { QueryContext, QueryVerb } from './types.js';

/** Exactly one user for `<who>`; several → a list to pick from by exact ID. */
const resolveOne = async (
  ctx: QueryContext,
  args: readonly string[],
  usage: string,
): Promise<AuthgearUser | ReplyMessage> => {
  const [who] = args;
  if (who === undefined) throw new AppError('input.usage', `Usage: \`/authgear ${usage}\``);
  const found = await ctx.users.resolve(who, ctx.auditContext);
  if (found.kind === 'none')
    throw new AppError('user.not_found', `No Authgear user matches that. Name a user by ${WHO_HELP}.`);
  if (found.kind === 'one') return found.user;
  const lines = found.users
    .slice(0, 20)
    .map((u) => `• ${userLabel(u)}: ${codeSpan(u.id, 200)}`)
    .join('\n');
  return {
    text: 'Several users match; run the command again with one of these IDs.',
    blocks: [section(`Several users match; run the command again with one of these IDs:\n${lines}`)],
  };
};

const isMessage = (x: AuthgearUser | ReplyMessage): x is ReplyMessage => !('standardAttributes' in x);

const may = (ctx: QueryContext, action: ActionName): boolean => grants(ctx.policy, ctx.actor.roles, action);

interface Row {
  readonly text: string;
  /** The row's Remove button: the action and the item as preset input (the start-action handler passes it on). */
  readonly remove?: { readonly key: ActionKey; readonly a: Record<string, string> };
}

const listing = (
  title: string,
  user: AuthgearUser,
  rows: readonly Row[],
  total: number,
  empty: string,
  canRemove: boolean,
): ReplyMessage => {
  const blocks: Block[] = [header(`${title}: ${displayName(user)}`), context([userLabel(user)])];
  if (rows.length === 0) blocks.push(section(empty));
  for (const row of rows) {
    const accessory =
      canRemove && row.remove
        ? startButton('Remove', row.remove.key, { u: user.id, a: row.remove.a }, 'danger')
        : undefined;
    blocks.push(section(row.text, accessory));
  }
  if (total > rows.length) blocks.push(context([`Showing ${rows.length} of ${total}.`]));
  return { text: `${title} of ${safe(displayName(user), 200)}`, blocks: capBlocks(blocks) };
};

const identitiesQuery: QueryVerb = {
  verbs: ['identities'],
  permission: 'user.view',
  usage: 'identities <who>',
  description: 'Lists how a user signs in (login IDs, social logins, passkeys), with remove buttons.',
  async run(ctx, args) {
    const user = await resolveOne(ctx, args, 'identities <who>');
    if (isMessage(user)) return user;
    const rows = user.identities.nodes.map((i) => ({
      text: `*${describeIdentity(i)}*${loginIdKeyOf(i) ? ' (login ID)' : ''}\nAdded ${slackDate(i.createdAt)} · ID ${codeSpan(i.id, 200)}`,
      remove: { key: ActionKeys.removeIdentity, a: { identityId: i.id } },
    }));
    return listing(
      'Identities',
      user,
      rows,
      user.identities.totalCount,
      'This user has no identities.',
      may(ctx, 'user.identities'),
    );
  },
};

const mfaQuery: QueryVerb = {
  verbs: ['mfa'],
  permission: 'user.view',
  usage: 'mfa <who>',
  description:
    "Lists a user's authenticators (password, TOTP apps, OTP phones and emails), with remove buttons.",
  async run(ctx, args) {
    const user = await resolveOne(ctx, args, 'mfa <who>');
    if (isMessage(user)) return user;
    const rows = user.authenticators.nodes.map((a) => ({
      text: `*${describeAuthenticator(a)}*${a.isDefault ? ' (default)' : ''}\nAdded ${slackDate(a.createdAt)} · ID ${codeSpan(a.id, 200)}`,
      remove: { key: ActionKeys.removeAuthenticator, a: { authenticatorId: a.id } },
    }));
    return listing(
      'Authenticators',
      user,
      rows,
      user.authenticators.totalCount,
      'This user has no authenticators.',
      may(ctx, 'user.mfa'),
    );
  },
};

const authorizationsQuery: QueryVerb = {
  verbs: ['authorizations'],
  permission: 'user.view',
  usage: 'authorizations <who>',
  description: 'Lists the third-party apps a user authorized (client ID, scopes), with remove buttons.',
  async run(ctx, args) {
    const user = await resolveOne(ctx, args, 'authorizations <who>');
    if (isMessage(user)) return user;
    const all = await authorizationsOf(ctx, user.id);
    const rows = all.map((a) => ({
      text: `*${safe(a.clientID, 200)}*\nScopes: ${a.scopes.length ? a.scopes.map((s) => `${codeSpan(s, 100)}`).join(' ') : 'none'}\nGranted ${slackDate(a.createdAt)}`,
      // Authgear keeps one authorization per user and client, so the client ID names it (and reads well).
      remove: { key: ActionKeys.removeAuthorization, a: { authorizationId: a.clientID } },
    }));
    return listing(
      'App authorizations',
      user,
      rows,
      all.length,
      'This user has authorized no third-party apps.',
      may(ctx, 'user.authorizations'),
    );
  },
};

/** Read-only verbs for a user's records; removal buttons appear only for people allowed to remove. */
export const recordQueries: QueryVerb[] = [identitiesQuery, mfaQuery, authorizationsQuery];
