import type {
  AllMiddlewareArgs,
  GlobalShortcut,
  MessageShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { BlockIds } from '../blocks/ids.js';
import { lookupModal } from '../blocks/lookup-modal.js';
import { AppError } from '../errors.js';
import { queryArgs, runQuery } from '../queries/run.js';
import { userQuery } from '../queries/users.js';
import type { Services, SlackUserRef } from '../services.js';
import type { Reply } from '../slack/reply.js';
import { fromTypedText } from '../slack/text.js';
import { parseWho, WHO_HELP } from '../users/who.js';
import { guarded, replyFor } from './respond-error.js';

const lookUp = async (s: Services, user: SlackUserRef, who: string, reply: Reply, channelId?: string) => {
  const message = await runQuery(s, await s.actorOf(user), userQuery, queryArgs([who], who), { channelId });
  await reply({ ...message, replaceOriginal: false });
};

/** Global shortcut "Look up an Authgear user": a one-field form. */
export const onLookupShortcut =
  (_s: Services) =>
  async ({
    ack,
    shortcut,
    client,
  }: SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await client.views.open({ trigger_id: shortcut.trigger_id, view: lookupModal() });
  };

/** The form's submission: the `<who>` is checked before the ack; the card arrives by DM. */
export const onLookupSubmit =
  (s: Services) =>
  async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const who = fromTypedText(view.state.values[BlockIds.who]?.[BlockIds.who]?.value ?? '');
    if (parseWho(who) === undefined) {
      await ack({ response_action: 'errors', errors: { [BlockIds.who]: `Name a user by ${WHO_HELP}.` } });
      return;
    }
    await ack();
    const reply = replyFor(s, client, { userId: body.user.id });
    const user = { id: body.user.id, teamId: body.user.team_id, name: body.user.name };
    await guarded(() => lookUp(s, user, who, reply), reply, s.logger, {
      handler: 'lookup_submit',
      user: user.id,
    });
  };

/** Message shortcut "Look up the sender": the message author's Slack profile email → Authgear user. */
export const onLookupSender =
  (s: Services) =>
  async ({
    ack,
    shortcut,
    client,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reply = replyFor(s, client, { userId: shortcut.user.id, responseUrl: shortcut.response_url });
    const user = { id: shortcut.user.id, teamId: shortcut.team?.id, name: shortcut.user.name };
    const author = shortcut.message.user;
    await guarded(
      async () => {
        if (!author) throw new AppError('user.not_found', 'That message has no human sender to look up.');
        await lookUp(s, user, `<@${author}>`, reply, shortcut.channel.id);
      },
      reply,
      s.logger,
      { handler: 'lookup_sender', user: user.id },
    );
  };
