import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { ApprovalService } from '../../approvals/service.js';
import { decisionText, type TextDecision } from '../../blocks/approval-card.js';
import type { Services } from '../../services.js';
import { fromTypedText } from '../../slack/text.js';
import { publishHome } from '../app-home.js';
import { parseJsonValue } from '../interaction.js';
import { decideAndTell } from './tell.js';

const metadataSchema = z.object({
  id: z.string(),
  /** The response_url of the click that opened the form (issued at `t` ms): the outcome is told there. */
  r: z.string().url().max(2000).optional(),
  t: z.number().int().positive().optional(),
  /** Opened from the App Home tab: redraw it after the decision. */
  home: z.boolean().optional(),
});

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
    await ack();
    const meta = metadataSchema.safeParse(parseJsonValue(view.private_metadata));
    const who = {
      userId: body.user.id,
      ...(meta.success ? { responseUrl: meta.data.r, issuedAt: meta.data.t } : {}),
    };
    const typed = decisionText(kind, view.state.values);
    const text = typed === undefined ? undefined : fromTypedText(typed);
    await decideAndTell(s, client, who, `approval_${kind}_modal`, async () => {
      if (!meta.success) return { ok: false, message: 'This form is out of date. Open the request again.' };
      const actor = await s.actorOf({ id: body.user.id, teamId: body.user.team_id, name: body.user.name });
      return kind === 'reject'
        ? approvals.reject(meta.data.id, actor, text)
        : approvals.approve(meta.data.id, actor, text);
    });
    if (meta.success && meta.data.home)
      await publishHome(s, approvals, client, { id: body.user.id, teamId: body.user.team_id });
  };
