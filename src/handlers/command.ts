import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { actionForVerb } from '../actions/registry.js';
import { errorMessage } from '../blocks/messages.js';
import { safe } from '../blocks/primitives.js';
import { queryForVerb } from '../queries/registry.js';
import { queryArgs, runQuery } from '../queries/run.js';
import type { Services } from '../services.js';
import { fromSlackText } from '../slack/text.js';
import { MAX_COMMAND_TEXT, splitCommand } from './command-text.js';
import { formModal, withFormErrors } from './form-modal.js';
import { helpResponse } from './help.js';
import { presentStart } from './present-start.js';
import { guarded, replyFor } from './respond-error.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/authgear <verb> [args]`: help answers in the ack; everything else acks first, then works. */
export const onCommand =
  (s: Services) =>
  async ({ command, ack, client }: Args): Promise<void> => {
    if (command.text.length > MAX_COMMAND_TEXT) {
      await ack({
        response_type: 'ephemeral',
        ...errorMessage('That is too long for a command. Try `/authgear help`.'),
      });
      return;
    }
    const { verb, args, rest } = splitCommand(fromSlackText(command.text));
    const user = { id: command.user_id, teamId: command.team_id, name: command.user_name };
    if (verb === '' || verb === 'help') {
      await ack({ response_type: 'ephemeral', ...(await helpResponse(s, user, args[0])) });
      return;
    }
    const query = queryForVerb(s.queries, verb);
    const def = query ? undefined : actionForVerb(s.actions, verb);
    if (!query && !def) {
      await ack({
        response_type: 'ephemeral',
        ...errorMessage(
          `I don't know the command "${safe(verb, 40)}". Try \`/authgear help\` to see what you can do.`,
        ),
      });
      return;
    }
    await ack();
    const reply = replyFor(s, client, { userId: command.user_id, responseUrl: command.response_url });
    await guarded(
      async () => {
        const actor = await s.actorOf(user);
        if (query) {
          const at = { channelId: command.channel_id };
          const message = await runQuery(s, actor, query, queryArgs(args, rest), at);
          await reply({ ...message, replaceOriginal: false });
          return;
        }
        if (!def) return;
        const targets = def.targetsUser !== false;
        const who = targets ? args[0] : undefined;
        const more = targets ? args.slice(1) : args;
        const form = formModal(client, command.trigger_id, def.title, s.logger);
        await withFormErrors(form, s.logger, { verb, user: command.user_id }, async () => {
          const outcome = await s.pipeline.start({
            actor,
            channelId: command.channel_id,
            def,
            who,
            args: more,
            prepareForm: form.open,
          });
          await presentStart(s, def, outcome, {
            reply,
            client,
            triggerId: command.trigger_id,
            responseUrl: command.response_url,
            channelId: command.channel_id,
            form,
          });
        });
      },
      reply,
      s.logger,
      { verb, user: command.user_id },
    );
  };
