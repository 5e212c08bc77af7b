/**
 * Action, block and callback IDs. Their values are a contract: posted messages (pending approvals!) carry them,
 * and manifest.yml names the shortcut callback IDs. Rename none casually.
 */
export const ActionIds = {
  searchPage: 'search_page',
  accessPage: 'access_page',
  showUser: 'show_user',
  startAction: 'start_action',
  confirmAction: 'confirm_action',
  cancelAction: 'cancel_action',
  approve: 'approval_approve',
  approveWithComment: 'approval_approve_comment',
  reject: 'approval_reject',
  cancelRequest: 'approval_cancel',
} as const;

/**
 * Buttons that start an action carry `start_action:<action key>` so that every button in one actions block has its
 * own action_id (Slack refuses a block with two equal ones). Cards posted before this carry the bare
 * `start_action`; the pattern routes both.
 */
export const startActionId = (actionKey: string): string => `${ActionIds.startAction}:${actionKey}`;
export const START_ACTION_PATTERN = /^start_action(?::[A-Za-z0-9_.:-]{1,200})?$/;

export const CallbackIds = {
  actionModal: 'action_modal',
  rejectModal: 'approval_reject_modal',
  approveModal: 'approval_approve_modal',
  lookupUserShortcut: 'authgear_lookup_user',
  lookupSenderShortcut: 'authgear_lookup_sender',
  lookupModal: 'lookup_user_modal',
} as const;

/** Block IDs of messages and modals (a modal's field block has its field's ID, from the action's definition). */
export const BlockIds = {
  who: 'who',
  reason: 'reason',
  comment: 'comment',
  confirm: 'confirm',
  approval: 'approval',
  searchPaging: 'search_paging',
  accessPage: 'access_page',
  accessActions: 'access_actions',
  userActions: 'user_actions',
  /** One request waiting on the viewer in an approvals list. */
  waitingItem: (approvalId: string) => `approval_${approvalId}`,
  /** One of the viewer's own requests in an approvals list. */
  requestItem: (approvalId: string) => `approval_mine_${approvalId}`,
} as const;

export const SLASH_COMMAND = '/authgear';
