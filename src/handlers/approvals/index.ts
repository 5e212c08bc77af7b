import type { App } from '@slack/bolt';
import type { ApprovalService } from '../../approvals/service.js';
import { ActionIds, CallbackIds } from '../../blocks/ids.js';
import type { Services } from '../../services.js';
import { onAppHomeOpened } from '../app-home.js';
import { onApprove, onCancelRequest, onReject } from './buttons.js';
import { onRejectSubmit } from './reject-modal.js';

/** Approve / Reject (reason modal) / Cancel on approval cards and lists, and the App Home tab that lists them. */
export const registerApprovalHandlers = (app: App, s: Services, approvals: ApprovalService): void => {
  app.action(ActionIds.approve, onApprove(s, approvals));
  app.action(ActionIds.reject, onReject(s, approvals));
  app.action(ActionIds.cancelRequest, onCancelRequest(s, approvals));
  app.view(CallbackIds.rejectModal, onRejectSubmit(s, approvals));
  app.event('app_home_opened', onAppHomeOpened(s, approvals));
};
