import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Services } from '../services.js';
import { type BlockActionArgs, clicked, parseJsonValue } from './interaction.js';
import { presentStart } from './present-start.js';
import { guarded, replyVia } from './respond-error.js';

const startValue = z.object({
  k: z.string().min(1).max(64),
  u: z.string().max(200).optional(),
  a: z.record(z.string(), z.unknown()).optional(),
});

/** A card, picker or list button that starts an action: the same pipeline as the slash verb. */
export const onStartAction =
  (s: Services) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    const reply = replyVia(args.respond);
    await guarded(
      async () => {
        const parsed = startValue.safeParse(parseJsonValue(c.value));
        const def = parsed.success ? s.actionsByKey.get(parsed.data.k) : undefined;
        if (!parsed.success || !def)
          throw new AppError('input.invalid', 'That button is no longer valid. Start again.');
        const actor = await s.actorOf(c.user);
        const outcome = await s.pipeline.start({
          actor,
          channelId: c.channelId,
          def,
          userId: parsed.data.u,
          preset: parsed.data.a,
        });
        await presentStart(s, def, outcome, {
          reply,
          client: args.client,
          triggerId: c.triggerId,
          responseUrl: c.responseUrl,
          channelId: c.channelId,
        });
      },
      reply,
      s.logger,
      { handler: 'start_action', user: c.user.id },
    );
  };
