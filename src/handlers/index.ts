import type { App } from '@slack/bolt';
import { ActionIds, CallbackIds, SLASH_COMMAND, START_ACTION_PATTERN } from '../blocks/ids.js';
import type { Services } from '../services.js';
import { onActionForm } from './action-form.js';
import { onCancelAction } from './cancel-action.js';
import { onCommand } from './command.js';
import { onConfirmAction } from './confirm-action.js';
import { listen } from './listener.js';
import { onLookupSender, onLookupShortcut, onLookupSubmit } from './lookup.js';
import { onQueryButton, QUERY_BUTTONS } from './query-button.js';
import { onRevealSecret } from './reveal-secret.js';
import { onStartAction } from './start-action.js';
import { onUsergroupChanged } from './usergroup-changed.js';

/**
 * Every handler, registered against the IDs in blocks/ids.ts (a test checks none is missing), each through the one
 * error wrapper (listener.ts).
 */
export const registerHandlers = (app: App, s: Services): void => {
  app.command(SLASH_COMMAND, listen(s, 'command', onCommand(s)));
  app.action(START_ACTION_PATTERN, listen(s, 'start_action', onStartAction(s)));
  app.action(ActionIds.confirmAction, listen(s, 'confirm_action', onConfirmAction(s)));
  app.action(ActionIds.cancelAction, listen(s, 'cancel_action', onCancelAction(s)));
  app.action(ActionIds.revealSecret, listen(s, 'reveal_secret', onRevealSecret(s)));
  for (const button of QUERY_BUTTONS)
    app.action(button.actionId, listen(s, button.actionId, onQueryButton(s, button)));
  app.view(CallbackIds.actionModal, listen(s, 'action_modal', onActionForm(s)));
  app.view(CallbackIds.lookupModal, listen(s, 'lookup_modal', onLookupSubmit(s)));
  app.shortcut(CallbackIds.lookupUserShortcut, listen(s, 'lookup_shortcut', onLookupShortcut(s)));
  app.shortcut(CallbackIds.lookupSenderShortcut, listen(s, 'lookup_sender', onLookupSender(s)));
  app.event('subteam_members_changed', listen(s, 'subteam_members_changed', onUsergroupChanged(s)));
};
