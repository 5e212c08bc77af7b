import type { App } from '@slack/bolt';
import type { ApprovalService } from '../../approvals/service.js';
import { ActionIds, CallbackIds } from '../../blocks/ids.js';
import type { Services } from '../../services.js';
import { onAppHomeOpened } from '../app-home.js';
import { onApprove, onCancelRequest, onTextDecision } from './buttons.js';
import { onTextDecisionSubmit } from './decision-modal.js';

/** Approve (optionally with a comment) / Reject (reason modal) / Cancel on approval cards and lists, and the App Home tab that lists them. */
export const registerApprovalHandlers = (app: App, s: Services, approvals: ApprovalService): void => {
  app.action(ActionIds.approve, onApprove(s, approvals));
  app.action(ActionIds.approveWithComment, onTextDecision(s, approvals, 'approve'));
  app.action(ActionIds.reject, onTextDecision(s, approvals, 'reject'));
  app.action(ActionIds.cancelRequest, onCancelRequest(s, approvals));
  app.view(CallbackIds.approveModal, onTextDecisionSubmit(s, approvals, 'approve'));
  app.view(CallbackIds.rejectModal, onTextDecisionSubmit(s, approvals, 'reject'));
  app.event('app_home_opened', onAppHomeOpened(s, approvals));
};
