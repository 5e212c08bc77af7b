import type { CardRef } from '../../approvals/notify.js';
import type { ApprovalService } from '../../approvals/service.js';
import { decisionModal, type TextDecision } from '../../blocks/approval-card.js';
import { BlockIds } from '../../blocks/ids.js';
import { approvalIdValue, decisionFormMetadata } from '../../blocks/payloads.js';
import type { Services } from '../../services.js';
import { publishHome } from '../app-home.js';
import { type BlockActionArgs, clicked } from '../interaction.js';
import { type Clicker, decideAndTell } from './tell.js';

/** Whether the button was on the App Home tab (then the tab is redrawn after the decision). */
const onHome = (args: BlockActionArgs): boolean => args.body.view?.type === 'home';

/**
 * The approval card clicked, from the click payload: a message in a channel carrying the card's actions block (not
 * the Home tab, and not an ephemeral list of approvals, which chat.update cannot reach).
 */
const cardOf = (args: BlockActionArgs): CardRef | undefined => {
  const channel = args.body.channel?.id;
  const message = args.body.message;
  const blocks: unknown[] = Array.isArray(message?.blocks) ? message.blocks : [];
  const isCard = blocks.some(
    (b) => typeof b === 'object' && b !== null && 'block_id' in b && b.block_id === BlockIds.approval,
  );
  return !onHome(args) && channel && message?.ts && isCard ? { channel, ts: message.ts } : undefined;
};

const clickerOf = (args: BlockActionArgs): Clicker => {
  const c = clicked(args);
  return { userId: c.user.id, responseUrl: c.responseUrl, card: cardOf(args) };
};

/** Approve: the approver's right is read fresh at the click; the last approval executes exactly once. */
export const onApprove =
  (s: Services, approvals: ApprovalService) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    const who = clickerOf(args);
    await decideAndTell(s, args.client, who, 'approval_approve', async () =>
      approvals.approve(
        approvalIdValue.decode(c.value),
        await s.actorOf(c.user, { fresh: true }),
        undefined,
        who.card,
      ),
    );
    if (onHome(args)) await publishHome(s, approvals, args.client, c.user);
  };

/** Reject, or Approve with comment: the right is checked first (fresh), then a form asks for the text. */
export const onTextDecision =
  (s: Services, approvals: ApprovalService, kind: TextDecision) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    await decideAndTell(s, args.client, clickerOf(args), `approval_${kind}_form`, async () => {
      const id = approvalIdValue.decode(c.value);
      await approvals.mayDecide(id, await s.actorOf(c.user, { fresh: true }));
      const metadata = decisionFormMetadata.encode({
        id,
        ...(c.responseUrl ? { r: c.responseUrl, t: s.now().getTime() } : {}),
        ...(onHome(args) ? { home: true } : {}),
      });
      await args.client.views.open({ trigger_id: c.triggerId, view: decisionModal(kind, metadata) });
      return undefined;
    });
  };

/** Cancel: only the requester, only while pending. */
export const onCancelRequest =
  (s: Services, approvals: ApprovalService) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    await decideAndTell(s, args.client, clickerOf(args), 'approval_cancel', async () =>
      approvals.cancel(approvalIdValue.decode(c.value), await s.actorOf(c.user)),
    );
    if (onHome(args)) await publishHome(s, approvals, args.client, c.user);
  };
