import type { ApprovalService } from '../../approvals/service.js';
import { decisionModal, type TextDecision } from '../../blocks/approval-card.js';
import { approvalIdValue, decisionFormMetadata } from '../../blocks/payloads.js';
import type { Services } from '../../services.js';
import { publishHome } from '../app-home.js';
import { type BlockActionArgs, clicked } from '../interaction.js';
import { decideAndTell } from './tell.js';

/** Whether the button was on the App Home tab (then the tab is redrawn after the decision). */
const onHome = (args: BlockActionArgs): boolean => args.body.view?.type === 'home';

/** Approve: the approver's right is checked again at the click; the last approval executes exactly once. */
export const onApprove =
  (s: Services, approvals: ApprovalService) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    const who = { userId: c.user.id, responseUrl: c.responseUrl };
    await decideAndTell(s, args.client, who, 'approval_approve', async () =>
      approvals.approve(approvalIdValue.decode(c.value), await s.actorOf(c.user)),
    );
    if (onHome(args)) await publishHome(s, approvals, args.client, c.user);
  };

/** Reject, or Approve with comment: the right is checked first, then a form asks for the text. */
export const onTextDecision =
  (s: Services, approvals: ApprovalService, kind: TextDecision) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    const who = { userId: c.user.id, responseUrl: c.responseUrl };
    await decideAndTell(s, args.client, who, `approval_${kind}_form`, async () => {
      const id = approvalIdValue.decode(c.value);
      const may = await approvals.mayDecide(id, await s.actorOf(c.user));
      if (!may.ok) return may;
      const metadata = decisionFormMetadata.encode({
        id,
        ...(c.responseUrl ? { r: c.responseUrl, t: s.now().getTime() } : {}),
        ...(onHome(args) ? { home: true } : {}),
      });
      await args.client.views.open({ trigger_id: c.triggerId, view: decisionModal(kind, metadata) });
      return { ok: true };
    });
  };

/** Cancel: only the requester, only while pending. */
export const onCancelRequest =
  (s: Services, approvals: ApprovalService) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    const who = { userId: c.user.id, responseUrl: c.responseUrl };
    await decideAndTell(s, args.client, who, 'approval_cancel', async () =>
      approvals.cancel(approvalIdValue.decode(c.value), await s.actorOf(c.user)),
    );
    if (onHome(args)) await publishHome(s, approvals, args.client, c.user);
  };
