import { helpView } from '../blocks/help.js';
import { grants } from '../permissions/authorize.js';
import type { Services, SlackUserRef } from '../services.js';
import type { ReplyMessage } from '../slack/reply.js';

const ACTOR_WAIT_MS = 1500;

/** Help lists only what this person may do. It answers inside the ack, so role look-ups are bounded in time. */
export const helpResponse = async (s: Services, user: SlackUserRef): Promise<ReplyMessage> => {
  const direct = { userId: user.id, roles: s.policy.userRoles.get(user.id) ?? [] };
  const actor = await Promise.race([
    s.actorOf(user).catch(() => direct),
    new Promise<typeof direct>((resolve) => setTimeout(() => resolve(direct), ACTOR_WAIT_MS).unref()),
  ]);
  const entries = [
    ...s.queries.filter((q) => grants(s.policy, actor.roles, q.permission)),
    ...s.actions.filter((a) => grants(s.policy, actor.roles, a.permission)),
  ].map((e) => ({ usage: e.usage, description: e.description }));
  return { text: 'Authgear commands you can use', blocks: helpView(entries) };
};
