import { startActionValue } from '../blocks/payloads.js';
import { AppError } from '../errors.js';
import type { Services } from '../services.js';
import { onClick } from './click.js';
import { formModal, withFormErrors } from './form-modal.js';
import { presentStart } from './present-start.js';

/** A card, picker or list button that starts an action: the same pipeline as the slash verb. */
export const onStartAction = (s: Services) =>
  onClick(s, 'start_action', async (c) => {
    const value = startActionValue.decode(c.value);
    const def = s.actionsByKey.get(value.k);
    if (!def) throw new AppError('input.invalid', 'That button is no longer valid. Start again.');
    const actor = await c.actor();
    const form = formModal(c.args.client, c.triggerId, def.title, s.logger);
    await withFormErrors(form, s.logger, { handler: 'start_action', user: c.user.id }, async () => {
      const outcome = await s.pipeline.start({
        actor,
        channelId: c.channelId,
        def,
        userId: value.u,
        preset: value.a,
        prepareForm: form.open,
      });
      await presentStart(s, def, outcome, {
        reply: c.reply,
        client: c.args.client,
        triggerId: c.triggerId,
        responseUrl: c.responseUrl,
        channelId: c.channelId,
        form,
      });
    });
  });
