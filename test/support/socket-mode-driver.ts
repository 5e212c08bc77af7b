/**
 * Drives the app over Socket Mode: the same real-shaped payloads as the HTTP driver (slack-driver.ts), delivered
 * by the Slack fake as envelopes on the app's WebSocket connection(s), one connection per request, as Slack does.
 * `status` is 200 when some connection acked within 3 s (504 otherwise); `body` is the ack's payload as JSON.
 */

import type { DeliveryResult, SlackFake } from '../fakes/slack/index.js';
import type { Json } from '../fakes/slack/recorder.js';
import { createSlackDriver, type SlackDriver } from './slack-driver.js';

export interface SocketModeDriver extends SlackDriver {
  /** An Events API event (e.g. `app_home_opened`), wrapped in an event_callback as Slack sends it. */
  event(event: Json): Promise<DeliveryResult>;
  /** Every delivery this driver made, in order. */
  readonly deliveries: DeliveryResult[];
}

const hasContent = (payload: Json | undefined): payload is Json =>
  payload !== undefined && Object.keys(payload).length > 0;

export const createSocketModeDriver = (slack: SlackFake): SocketModeDriver => {
  const deliveries: DeliveryResult[] = [];
  const transport = async (body: string) => {
    const form = new URLSearchParams(body);
    const interactive = form.get('payload');
    const result = interactive
      ? await slack.socketMode.deliver('interactive', JSON.parse(interactive) as Json)
      : await slack.socketMode.deliver('slash_commands', Object.fromEntries(form));
    deliveries.push(result);
    return {
      status: result.acked ? 200 : 504,
      body: hasContent(result.payload) ? JSON.stringify(result.payload) : '',
    };
  };
  const driver = createSlackDriver({
    url: 'socket-mode',
    signingSecret: 'unused-in-socket-mode',
    responseUrl: (id, source) => slack.responseUrl(id, source),
    viewAnswered: (view, answer) => slack.viewAnswered(view, answer),
    triggerId: () => slack.issueTriggerId(),
    names: slack.names,
    transport,
  });
  let eventSeq = 0;
  return {
    ...driver,
    deliveries,
    async event(event) {
      eventSeq += 1;
      const result = await slack.socketMode.deliver('events_api', {
        token: 'verification-token',
        team_id: slack.identity.teamId,
        api_app_id: slack.identity.appId,
        event: { event_ts: `${(Date.now() / 1000).toFixed(6)}`, ...event },
        type: 'event_callback',
        event_id: `Ev${String(eventSeq).padStart(8, '0')}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [
          {
            team_id: slack.identity.teamId,
            user_id: slack.identity.botUserId,
            is_bot: true,
            is_enterprise_install: false,
          },
        ],
      });
      deliveries.push(result);
      return result;
    },
  };
};
