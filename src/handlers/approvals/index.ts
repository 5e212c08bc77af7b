import type { App } from '@slack/bolt';
import type { ApprovalService } from '../../approvals/service.js';
import { ActionIds, CallbackIds } from '../../blocks/ids.js';
import type { Services } from '../../services.js';
import { onAppHomeOpened } from '../app-home.js';
import { listen } from '../listener.js';
import { onApprove, onCancelRequest, onTextDecision } from './buttons.js';
import { onTextDecisionSubmit } from './decision-modal.js';

/** Approve (optionally with a comment) / Reject (reason modal) / Cancel on approval cards and lists, and the App Home tab that lists them. */
export const registerApprovalHandlers = (app: App, s: Services, approvals: ApprovalService): void => {
  app.action(ActionIds.approve, listen(s, 'approval_approve', onApprove(s, approvals)));
  app.action(
    ActionIds.approveWithComment,
    listen(s, 'approval_approve_comment', onTextDecision(s, approvals, 'approve')),
  );
  app.action(ActionIds.reject, listen(s, 'approval_reject', onTextDecision(s, approvals, 'reject')));
  app.action(ActionIds.cancelRequest, listen(s, 'approval_cancel', onCancelRequest(s, approvals)));
  app.view(
    CallbackIds.approveModal,
    listen(s, 'approval_approve_modal', onTextDecisionSubmit(s, approvals, 'approve')),
  );
  app.view(
    CallbackIds.rejectModal,
    listen(s, 'approval_reject_modal', onTextDecisionSubmit(s, approvals, 'reject')),
  );
  app.event('app_home_opened', listen(s, 'app_home', onAppHomeOpened(s, approvals)));
};
