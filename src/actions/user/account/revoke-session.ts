import { z } from 'zod';
import { decodeNodeId } from '../../../authgear/node-id.js';
import { getUserSessions, revokeSession, sessionsOf } from '../../../authgear/operations/account-sessions.js';
import { codeSpan, safe } from '../../../blocks/primitives.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, targetOf, userIdSchema } from './shared.js';

/** How many of the user's sessions are read to check that the session is theirs. */
export const OWNERSHIP_PAGE = 100;

const SESSION_HINT = 'Give the session ID (see `/authgear sessions <who>`).';

const revokeSessionInput = z.object({
  userId: userIdSchema,
  sessionId: z
    .string({ error: SESSION_HINT })
    .trim()
    .min(1, SESSION_HINT)
    .max(200, SESSION_HINT)
    .refine((id) => decodeNodeId(id)?.type === 'Session', 'That is not an Authgear session ID.'),
});
export type RevokeSessionInput = z.output<typeof revokeSessionInput>;

export const revokeSessionAction = defineAction<RevokeSessionInput>({
  key: ActionKeys.revokeSession,
  verbs: ['revoke-session'],
  permission: 'user.revoke_sessions',
  title: 'Revoke session',
  usage: 'revoke-session <who> <session-id>',
  description: 'Revoke one session of the user (list them with `sessions <who>`).',
  input: revokeSessionInput,
  fromArgs: (args) => (args[0] === undefined ? {} : { sessionId: args[0] }),
  confirm: (input, user) => ({
    title: 'Revoke session',
    target: labelOf(user),
    consequences: [`Session ${codeSpan(input.sessionId, 200)} is revoked: that device or app is signed out.`],
    confirmLabel: 'Revoke',
    danger: true,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    // The mutation takes only a session ID: make sure it belongs to the user named in the confirmation.
    const listed = sessionsOf(
      await ctx.api.run(getUserSessions, { id: input.userId, first: OWNERSHIP_PAGE }, ctx.auditContext),
    );
    const session = listed.sessions.find((s) => s.id === input.sessionId);
    if (session === undefined)
      throw new AppError(
        'state.no_change',
        `That session is not an active session of ${labelOf(target)} (it may have ended already).`,
      );
    await ctx.api.run(revokeSession, { sessionID: input.sessionId }, ctx.auditContext);
    return { message: `Revoked the session “${safe(session.displayName, 200)}” of ${labelOf(target)}.` };
  },
  summary: (input, user) => `Revoke session ${safe(input.sessionId, 200)} of ${labelOf(user)}`,
});
