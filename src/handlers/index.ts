import type { App } from '@slack/bolt';
import { ActionIds, CallbackIds, SLASH_COMMAND, START_ACTION_PATTERN } from '../blocks/ids.js';
import type { Services } from '../services.js';
import { onActionForm } from './action-form.js';
import { onCancelAction } from './cancel-action.js';
import { onCommand } from './command.js';
import { onConfirmAction } from './confirm-action.js';
import { onLookupSender, onLookupShortcut, onLookupSubmit } from './lookup.js';
import { onQueryButton, QUERY_BUTTONS } from './query-button.js';
import { onStartAction } from './start-action.js';

/** Every handler, registered against the IDs in blocks/ids.ts (a test checks none is missing). */
export const registerHandlers = (app: App, s: Services): void => {
  app.command(SLASH_COMMAND, onCommand(s));
  app.action(START_ACTION_PATTERN, onStartAction(s));
  app.action(ActionIds.confirmAction, onConfirmAction(s));
  app.action(ActionIds.cancelAction, onCancelAction(s));
  for (const button of QUERY_BUTTONS) app.action(button.actionId, onQueryButton(s, button));
  app.view(CallbackIds.actionModal, onActionForm(s));
  app.view(CallbackIds.lookupModal, onLookupSubmit(s));
  app.shortcut(CallbackIds.lookupUserShortcut, onLookupShortcut(s));
  app.shortcut(CallbackIds.lookupSenderShortcut, onLookupSender(s));
};
