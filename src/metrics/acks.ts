/**
 * Measures how long each Slack request waits for its ack, by kind, at the one seam every receiver uses: the
 * app's `processEvent` (HTTP and Socket Mode alike). The request's start time is also put in the request context.
 */
import type { App, ReceiverEvent } from '@slack/bolt';
import type { AckKind, Metrics } from './metrics.js';
import { runInRequest } from './request-context.js';

const KINDS: Readonly<Record<string, AckKind>> = {
  block_actions: 'action',
  interactive_message: 'action',
  view_submission: 'view',
  view_closed: 'view',
  shortcut: 'shortcut',
  message_action: 'shortcut',
  block_suggestion: 'options',
  event_callback: 'event',
};

export const ackKindOf = (body: Record<string, unknown>): AckKind => {
  if (typeof body.command === 'string') return 'command';
  return (typeof body.type === 'string' ? KINDS[body.type] : undefined) ?? 'other';
};

export const measureAcks = (app: App, metrics: Metrics, now: () => number = Date.now): void => {
  const process = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent) => {
    const startedAt = now();
    const kind = ackKindOf(event.body);
    let observed = false;
    const ack: ReceiverEvent['ack'] = async (response) => {
      try {
        await event.ack(response);
      } finally {
        if (!observed) {
          observed = true;
          metrics.ackSeconds.observe({ kind }, (now() - startedAt) / 1000);
        }
      }
    };
    return runInRequest({ startedAt, kind }, () => process({ ...event, ack }));
  };
};
