import type { App } from '@slack/bolt';
import type { AppLogger } from '../logger.js';
import { answerRestarting } from '../slack/restarting.js';
import type { WorkGate } from './work-gate.js';

/**
 * Puts every Slack request through the gate at `app.processEvent`, the one seam HTTP and Socket Mode share: while
 * open, the request runs and counts as in flight until its listeners finish; once closed, it is turned away with a
 * kind "restarting" answer and nothing runs.
 */
export const admitRequests = (app: App, gate: WorkGate, logger: AppLogger): void => {
  const process = app.processEvent.bind(app);
  app.processEvent = (event) =>
    gate.isOpen() ? gate.run(() => process(event)) : answerRestarting(event, { client: app.client, logger });
};
