import type { webApi } from '@slack/bolt';
import type { StartOutcome } from '../actions/pipeline.js';
import type { AnyActionDefinition } from '../actions/types.js';
import { actionForm } from '../blocks/action-form.js';
import { actionFormMetadata } from '../blocks/payloads.js';
import { section } from '../blocks/primitives.js';
import { userPicker } from '../blocks/search.js';
import { userLabel } from '../blocks/user-card.js';
import { AppError } from '../errors.js';
import type { Services } from '../services.js';
import type { Reply } from '../slack/reply.js';
import type { FormModal } from './form-modal.js';

/** Shows what the pipeline's start step produced: a confirmation, a form (modal), or a picker. */
export const presentStart = async (
  s: Services,
  def: AnyActionDefinition,
  outcome: StartOutcome,
  io: {
    readonly reply: Reply;
    readonly client: webApi.WebClient;
    readonly triggerId?: string | undefined;
    readonly responseUrl?: string | undefined;
    readonly channelId?: string | undefined;
    readonly replaceOriginal?: boolean;
    /** The form, when it was opened (loading) before the pipeline read the target. */
    readonly form?: FormModal | undefined;
  },
): Promise<void> => {
  if (outcome.kind === 'pick') {
    await io.reply({ text: 'Several users match', blocks: userPicker(outcome.users, { key: def.key }) });
    if (io.form?.isOpen)
      await io.form.notice([section('Several users match. Choose one in the message from the bot.')]);
    return;
  }
  if (outcome.kind === 'confirm') {
    await io.reply({
      ...s.pipeline.confirmation(def, outcome),
      replaceOriginal: io.replaceOriginal ?? false,
    });
    return;
  }
  if (!io.triggerId || !def.fields) {
    throw new AppError('input.usage', `This needs more input. Usage: \`/authgear ${def.usage}\``);
  }
  const metadata = actionFormMetadata.encode({
    k: def.key,
    ...(outcome.user ? { u: outcome.user.id } : {}),
    // When the response_url was issued (about now): a form submitted 30 minutes later answers by DM instead.
    ...(io.responseUrl ? { r: io.responseUrl, t: s.now().getTime() } : {}),
    ...(io.channelId ? { c: io.channelId } : {}),
  });
  const view = actionForm(
    def.title,
    outcome.user ? userLabel(outcome.user) : undefined,
    def.fields(outcome.user),
    metadata,
  );
  if (io.form?.isOpen) await io.form.show(view);
  else await io.client.views.open({ trigger_id: io.triggerId, view });
};
