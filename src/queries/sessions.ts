import { ActionKeys } from '../actions/keys.js';
import { getUserSessions, type SessionNode, sessionsOf } from '../authgear/operations/account-sessions.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { startButton } from '../blocks/payloads.js';
import { type Block, capBlocks, context, safe, section, slackDate } from '../blocks/primitives.js';
import { userLabel } from '../blocks/user-card.js';
import { AppError } from '../errors.js';
import { grants } from '../permissions/authorize.js';
import type { ReplyMessage } from '../slack/reply.js';
import type { QueryVerb } from './types.js';

/** Sessions shown in one message (each is a block; Slack allows 50 per message). */
export const SESSIONS_SHOWN = 40;

const sessionLine = (s: SessionNode): string =>
  [
    `*${safe(s.displayName || 'Unnamed session', 150)}*${s.applicationName ? ` · ${safe(s.applicationName, 100)}` : ''}`,
    `Last active ${slackDate(s.lastAccessedAt)} from ${safe(s.lastAccessedByIP || 'unknown IP', 60)} · signed in ${slackDate(s.createdAt)}`,
  ].join('\n');

/** Pure view: the user's sessions, each with a Revoke button when the viewer may revoke sessions. */
export const sessionsMessage = (
  user: AuthgearUser,
  sessions: readonly SessionNode[],
  totalCount: number,
  canRevoke: boolean,
): ReplyMessage => {
  const label = userLabel(user);
  if (sessions.length === 0)
    return { text: 'No active sessions', blocks: [section(`${label} has no active sessions.`)] };
  const blocks: Block[] = [section(`*Sessions of ${label}* (${totalCount})`)];
  for (const s of sessions.slice(0, SESSIONS_SHOWN)) {
    blocks.push(
      section(
        sessionLine(s),
        canRevoke
          ? startButton('Revoke', ActionKeys.revokeSession, { u: user.id, a: { sessionId: s.id } }, 'danger')
          : undefined,
      ),
    );
  }
  if (totalCount > Math.min(sessions.length, SESSIONS_SHOWN))
    blocks.push(context([`Showing ${Math.min(sessions.length, SESSIONS_SHOWN)} of ${totalCount}.`]));
  return { text: `Sessions of ${label}`, blocks: capBlocks(blocks) };
};

export const sessionsQuery: QueryVerb = {
  verbs: ['sessions'],
  permission: 'user.view',
  usage: 'sessions <who>',
  description: "list a user's sessions (revoke one from the list)",
  async run(ctx, _args, rawArgs) {
    const who = rawArgs.trim();
    if (who === '') throw new AppError('input.usage', 'Usage: `/authgear sessions <who>`');
    const found = await ctx.users.resolve(who, ctx.auditContext);
    if (found.kind === 'none')
      throw new AppError(
        'user.not_found',
        'No Authgear user matches that. Check the spelling, or try `/authgear search`.',
      );
    if (found.kind === 'many')
      throw new AppError('user.ambiguous', 'Several users match that. Name them by email or Authgear ID.');
    const data = await ctx.api.run(
      getUserSessions,
      { id: found.user.id, first: SESSIONS_SHOWN },
      ctx.auditContext,
    );
    const { sessions, totalCount } = sessionsOf(data);
    const canRevoke = grants(ctx.policy, ctx.actor.roles, 'user.revoke_sessions');
    return sessionsMessage(found.user, sessions, totalCount, canRevoke);
  },
};
