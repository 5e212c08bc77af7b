import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { toFieldErrors } from '../actions/field-errors.js';
import { formNotice } from '../blocks/action-form.js';
import { actionFormMetadata } from '../blocks/payloads.js';
import { section } from '../blocks/primitives.js';
import type { Services } from '../services.js';
import { readViewFields } from '../slack/view-values.js';
import { presentStart } from './present-start.js';
import { guarded, replyFor } from './respond-error.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const STALE_FORM =
  'This form is out of date: the bot can no longer use it. Nothing was changed; start the action again.';

/**
 * An action's form was submitted. Fields are validated BEFORE the ack so mistakes show inline
 * (`response_action: errors`); then the pipeline continues and the confirmation goes where the action started.
 */
export const onActionForm =
  (s: Services) =>
  async ({ ack, body, view, client }: Args): Promise<void> => {
    const meta = actionFormMetadata.safeDecode(view.private_metadata);
    const def = meta ? s.actionsByKey.get(meta.k) : undefined;
    if (!meta || !def) {
      // A form from an older bot, or for an action that is gone: say so in the form, where the person is looking.
      const notice = [section(`:warning: ${STALE_FORM}`)];
      await ack({ response_action: 'update', view: formNotice(view.title?.text ?? 'Authgear', notice) });
      return;
    }
    const { values, ids } = readViewFields(view);
    const raw = { ...(def.fromFields?.(values) ?? {}), ...(meta.u ? { userId: meta.u } : {}) };
    const parsed = def.input.safeParse(raw);
    if (!parsed.success) {
      const err = toFieldErrors(parsed.error, ids);
      if (err.fields && Object.keys(err.fields).length > 0) {
        await ack({ response_action: 'errors', errors: err.fields });
        return;
      }
    }
    await ack();
    // The command's response_url, unless the form sat open too long (30 minutes): then the answer goes by DM.
    const reply = replyFor(s, client, { userId: body.user.id, responseUrl: meta.r, issuedAt: meta.t });
    await guarded(
      async () => {
        const actor = await s.actorOf({ id: body.user.id, teamId: body.user.team_id, name: body.user.name });
        const outcome = await s.pipeline.start({
          actor,
          channelId: meta.c,
          def,
          userId: meta.u,
          who: meta.w,
          values,
        });
        await presentStart(s, def, outcome, { reply, client });
      },
      reply,
      s.logger,
      { handler: 'action_form', user: body.user.id },
    );
  };
