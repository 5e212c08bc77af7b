import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Services } from '../services.js';
import { onClick } from './click.js';
import { formModal, withFormErrors } from './form-modal.js';
import { parseJsonValue } from './interaction.js';
import { presentStart } from './present-start.js';

const startValue = z.object({
  k: z.string().min(1).max(64),
  u: z.string().max(200).optional(),
  a: z.record(z.string(), z.unknown()).optional(),
});

/** A card, picker or list button that starts an action: the same pipeline as the slash verb. */
export const onStartAction = (s: Services) =>
  onClick(s, 'start_action', async (c) => {
    const parsed = startValue.safeParse(parseJsonValue(c.value));
    const def = parsed.success ? s.actionsByKey.get(parsed.data.k) : undefined;
    if (!parsed.success || !def)
      throw new AppError('input.invalid', 'That button is no longer valid. Start again.');
    const actor = await c.actor();
    const form = formModal(c.args.client, c.triggerId, def.title);
    await withFormErrors(form, s.logger, { handler: 'start_action', user: c.user.id }, async () => {
      const outcome = await s.pipeline.start({
        actor,
        channelId: c.channelId,
        def,
        userId: parsed.data.u,
        preset: parsed.data.a,
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
