/** Bolt's HTTP receiver with the request guard in front: malformed bodies are refused before Bolt parses them. */
import { defaultBodyLimit, HTTPReceiver } from '@slack/bolt';
import type { HealthRoute } from '../health/routes.js';
import type { AppLogger } from '../logger.js';
import { guardRequests } from './request-guard.js';

/** Where Slack posts commands, interactions and events (the manifest's request URLs). */
export const EVENTS_PATH = '/slack/events';

export const guardedReceiver = (
  signingSecret: string,
  routes: readonly HealthRoute[],
  logger: AppLogger,
): HTTPReceiver => {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: [EVENTS_PATH],
    customRoutes: [...routes],
    logger,
    logLevel: logger.getLevel(),
  });
  receiver.requestListener = guardRequests(receiver.requestListener, {
    endpoints: [EVENTS_PATH],
    bodyLimit: defaultBodyLimit,
    logger,
  });
  return receiver;
};
