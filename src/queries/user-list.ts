/**
 * `/authgear user a, b, c`: several users in one answer. User IDs (UUIDs or node IDs) are fetched together with ONE
 * `nodes` query; an email, phone, username, OAuth subject or @mention has no batch look-up in the Admin API, so each
 * of those takes its own exact look-up.
 */
import { getUserNodes } from '../authgear/operations/users.js';
import { type UserListEntry, userListBlocks } from '../blocks/user-list.js';
import { AppError } from '../errors.js';
import type { ReplyMessage } from '../slack/reply.js';
import { parseWho, WHO_HELP, type WhoRef } from '../users/who.js';
import type { QueryContext } from './types.js';

/** How many users one command may name (one row each; Slack allows 50 blocks a message). */
export const MAX_USERS = 25;

type Outcome = { kind: 'found'; entry: UserListEntry } | { kind: 'missing' } | { kind: 'many' };

export const lookUpSeveral = async (ctx: QueryContext, raw: string): Promise<ReplyMessage> => {
  const typed = [
    ...new Set(
      raw
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
  if (typed.length > MAX_USERS)
    throw new AppError('input.invalid', `Name at most ${MAX_USERS} users at once.`);
  const refs = typed.map((t) => ({ typed: t, ref: parseWho(t) }));
  const unreadable = refs.filter((r) => r.ref === undefined).map((r) => r.typed);
  if (unreadable.length > 0)
    throw new AppError(
      'input.usage',
      `I can't tell who ${unreadable.map((u) => `“${u.slice(0, 60)}”`).join(', ')} is. Name each user by ${WHO_HELP}, separated by commas.`,
    );
  const nodeIds = refs.flatMap((r) => (r.ref?.kind === 'node' ? [r.ref.nodeId] : []));
  const byId =
    nodeIds.length > 0 ? await ctx.api.run(getUserNodes, { ids: nodeIds }, ctx.auditContext) : new Map();
  const outcomeOf = async (typedText: string, ref: WhoRef | undefined): Promise<Outcome> => {
    if (ref?.kind === 'node') {
      const user = byId.get(ref.nodeId);
      return user ? { kind: 'found', entry: { typed: typedText, user } } : { kind: 'missing' };
    }
    const found = await ctx.users.resolve(typedText, ctx.auditContext);
    if (found.kind === 'one') return { kind: 'found', entry: { typed: typedText, user: found.user } };
    return found.kind === 'many' ? { kind: 'many' } : { kind: 'missing' };
  };
  const outcomes = await Promise.all(refs.map((r) => outcomeOf(r.typed, r.ref)));
  const found = outcomes.flatMap((o) => (o.kind === 'found' ? [o.entry] : []));
  const missing = typed.filter((_, i) => outcomes[i]?.kind === 'missing');
  const ambiguous = typed.filter((_, i) => outcomes[i]?.kind === 'many');
  return {
    text: `${found.length} Authgear users found`,
    blocks: userListBlocks(found, missing, ambiguous, ctx.now),
    replaceOriginal: true,
  };
};
