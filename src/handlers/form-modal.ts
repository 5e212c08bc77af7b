import { formNotice, loadingForm } from '../blocks/action-form.js';
import type { Block, ModalView } from '../blocks/primitives.js';
import { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import type { WebClient } from '../services.js';
import { errorReply } from '../slack/error-reply.js';
import { slackErrorCode } from '../slack/errors.js';

/**
 * An action's form, opened at once with a loading view (a trigger_id opens a view only within about 3 s, RULES.md)
 * and filled in with views.update once the pipeline has read what the form needs.
 */
export interface FormModal {
  /** Opens the loading view now; the pipeline calls it when the request will end in a form. */
  open(): Promise<void>;
  readonly isOpen: boolean;
  /** Shows `view` in the open modal. */
  show(view: ModalView): Promise<void>;
  /**
   * Replaces the form with a message (a picker went to the conversation, or something failed). Once the person
   * has closed the form (Slack answers `not_found`), `show` and `notice` do nothing.
   */
  notice(blocks: readonly Block[]): Promise<void>;
}

export const formModal = (
  client: WebClient,
  triggerId: string,
  title: string,
  logger?: AppLogger,
): FormModal => {
  let viewId: string | undefined;
  let closed = false;
  const update = async (view: ModalView) => {
    if (!viewId || closed) return;
    try {
      await client.views.update({ view_id: viewId, view });
    } catch (cause) {
      if (slackErrorCode(cause) !== 'not_found') throw cause;
      // The person closed the form before it was filled in (Slack keeps no closed view): nothing more to show.
      closed = true;
      logger?.info({ viewId, title }, 'the form was closed before it was filled in');
    }
  };
  return {
    async open() {
      try {
        const opened = await client.views.open({ trigger_id: triggerId, view: loadingForm(title) });
        viewId = opened.view?.id;
      } catch (cause) {
        const code = slackErrorCode(cause);
        if (code !== 'expired_trigger_id' && code !== 'exchanged_trigger_id') throw cause;
        throw new AppError(
          'slack.unavailable',
          'Slack did not let the bot open the form in time. Try again.',
          {
            cause,
            details: { slackError: code },
          },
        );
      }
    },
    get isOpen() {
      return viewId !== undefined;
    },
    show: update,
    notice: (blocks) => update(formNotice(title, blocks)),
  };
};

/**
 * Runs the work of a request that may open a form: once the form is open, a failure shows in it (where the person
 * is looking) instead of in the conversation; before that, it is thrown to the caller's usual error reply.
 */
export const withFormErrors = async (
  form: FormModal | undefined,
  logger: AppLogger,
  context: Record<string, unknown>,
  work: () => Promise<void>,
): Promise<void> => {
  try {
    await work();
  } catch (e) {
    if (!form?.isOpen) throw e;
    await form.notice(errorReply(e, logger, context).blocks ?? []);
  }
};
