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

export const BlockIds = {
  who: 'who',
  reason: 'reason',
  comment: 'comment',
} as const;

export const SLASH_COMMAND = '/authgear';
