import {
  ASK_FOR_A_ROLE,
  type HelpEntry,
  helpTopicView,
  helpVerbView,
  helpView,
  topicNamed,
} from '../blocks/help.js';
import { errorMessage } from '../blocks/messages.js';
import { safe } from '../blocks/primitives.js';
import { grants } from '../permissions/authorize.js';
import type { Services, SlackUserRef } from '../services.js';
import type { ReplyMessage } from '../slack/reply.js';

const ACTOR_WAIT_MS = 1500;

/**
 * Help lists only what this person may do: an overview by topic, one topic (`help groups`) or one command
 * (`help disable`). It answers inside the ack, so role look-ups are bounded in time.
 */
export const helpResponse = async (
  s: Services,
  user: SlackUserRef,
  about: string | undefined = undefined,
): Promise<ReplyMessage> => {
  const direct = { userId: user.id, roles: s.policy.userRoles.get(user.id) ?? [] };
  const actor = await Promise.race([
    s.actorOf(user).catch(() => direct),
    new Promise<typeof direct>((resolve) => setTimeout(() => resolve(direct), ACTOR_WAIT_MS).unref()),
  ]);
  const entries: HelpEntry[] = [
    ...s.queries.filter((q) => grants(s.policy, actor.roles, q.permission)),
    ...s.actions
      .filter((a) => grants(s.policy, actor.roles, a.permission))
      .map((a) => ({ ...a, needsApproval: s.policy.approvals[a.permission] !== undefined })),
  ].map((e) => ({
    verbs: e.verbs,
    usage: e.usage,
    description: e.description,
    permission: e.permission,
    ...('needsApproval' in e && e.needsApproval ? { needsApproval: true } : {}),
  }));
  const word = about?.trim().toLowerCase();
  if (!word) return { text: 'Authgear commands you can use', blocks: helpView(entries) };
  const topic = topicNamed(word);
  if (topic) return { text: `Authgear help: ${word}`, blocks: helpTopicView(topic, entries) };
  const entry = entries.find((e) => e.verbs.includes(word));
  if (entry) return { text: `Authgear help: ${word}`, blocks: helpVerbView(entry) };
  const exists = [...s.queries, ...s.actions].some((e) => e.verbs.includes(word));
  if (!exists)
    return errorMessage(
      `There is no topic or command "${safe(word, 40)}". Try \`/authgear help\` for the list.`,
    );
  return errorMessage(
    actor.roles.length === 0
      ? `You don't have a role in the Authgear bot's policy yet, so \`${safe(word, 40)}\` is not among your commands. ${ASK_FOR_A_ROLE}`
      : `\`${safe(word, 40)}\` is not among the commands your role allows. Ask an admin if you need it.`,
  );
};
