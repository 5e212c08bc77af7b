import { secretIdValue } from '../blocks/payloads.js';
import { secretDoneMessage, secretLoadingModal, secretModal, secretNoticeModal } from '../blocks/secret.js';
import { AppError } from '../errors.js';
import { errorFields } from '../logger.js';
import type { Services } from '../services.js';
import { onClick } from './click.js';

const GONE =
  'This secret was already revealed, or it expired. It is shown only once: run the action again for a new one.';

/**
 * Reveal on a secret's DM: a modal opens at once (the trigger lasts about 3 s), then the sealed secret is taken
 * (once, by its owner only, across replicas) and shown in it. The DM loses its button.
 */
export const onRevealSecret = (s: Services) =>
  onClick(s, 'reveal_secret', async (c) => {
    const id = secretIdValue.decode(c.value);
    const opened = await c.args.client.views
      .open({ trigger_id: c.triggerId, view: secretLoadingModal() })
      .catch((cause: unknown) => {
        throw new AppError(
          'slack.unavailable',
          'The window could not open in time. Click Reveal again: the secret is still there.',
          { cause },
        );
      });
    const viewId = opened.view?.id;
    const outcome = await s.secrets.reveal(id, c.user.id);
    const show = (view: ReturnType<typeof secretModal>) =>
      viewId ? c.args.client.views.update({ view_id: viewId, view }) : Promise.resolve();
    if (outcome.kind === 'not_yours') {
      await show(secretNoticeModal('Only the person who asked for this can reveal it.'));
      return;
    }
    if (outcome.kind === 'gone') {
      await show(secretNoticeModal(GONE));
      return;
    }
    const at = s.now().toISOString().slice(11, 16);
    try {
      await show(secretModal(outcome.secret.label, outcome.secret.value));
    } catch (e) {
      s.logger.error(
        { handler: 'reveal_secret', user: c.user.id, ...errorFields(e) },
        'a revealed secret could not be shown',
      );
      await c.reply(
        secretDoneMessage(
          `The ${outcome.secret.label.toLowerCase()} could not be shown, and it cannot be shown again. It may need regenerating.`,
        ),
      );
      return;
    }
    s.logger.info({ handler: 'reveal_secret', user: c.user.id, secretId: id }, 'secret revealed');
    await c.reply(secretDoneMessage(`Revealed at ${at} UTC. It cannot be shown again.`));
  });
