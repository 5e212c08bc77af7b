import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ApprovalService } from '../../approvals/service.js';
import { decisionNoticeModal, decisionText, type TextDecision } from '../../blocks/approval-card.js';
import { decisionFormMetadata } from '../../blocks/payloads.js';
import { AppError } from '../../errors.js';
import { errorFields } from '../../logger.js';
import type { Services } from '../../services.js';
import { fromTypedText } from '../../slack/text.js';
import { publishHome } from '../app-home.js';
import { decideAndTell } from './tell.js';

/**
 * A decision form's submit (Reject with a reason, Approve with a comment): the right is checked again, then the
 * store decides (first decision wins).
 */
export const onTextDecisionSubmit =
  (s: Services, approvals: ApprovalService, kind: TextDecision) =>
  async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = decisionFormMetadata.safeDecode(view.private_metadata);
    // Decided, expired or gone while the form was open: say so in the form, before anything runs.
    const closed = meta
      ? await approvals.closedReason(meta.id).catch((e: unknown) => {
          s.logger.warn(
            { handler: `approval_${kind}_modal`, ...errorFields(e) },
            'could not check the request',
          );
          return undefined;
        })
      : decisionFormMetadata.stale;
    if (closed !== undefined) {
      await ack({ response_action: 'update', view: decisionNoticeModal(kind, closed) });
      return;
    }
    await ack();
    // Told through the response_url of the click that opened the form, or by DM (older forms carry none).
    const who = { userId: body.user.id, responseUrl: meta?.r, issuedAt: meta?.t };
    const typed = decisionText(kind, view.state.values);
    const text = typed === undefined ? undefined : fromTypedText(typed);
    await decideAndTell(s, client, who, `approval_${kind}_modal`, async () => {
      if (!meta) throw new AppError('input.invalid', decisionFormMetadata.stale);
      const actor = await s.actorOf(
        { id: body.user.id, teamId: body.user.team_id, name: body.user.name },
        { fresh: true },
      );
      return kind === 'reject'
        ? approvals.reject(meta.id, actor, text)
        : approvals.approve(meta.id, actor, text);
    });
    if (meta?.home) await publishHome(s, approvals, client, { id: body.user.id, teamId: body.user.team_id });
  };
