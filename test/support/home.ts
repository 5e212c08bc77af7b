import { expect } from 'vitest';
import type { SlackFake } from '../fakes/slack/index.js';
import type { SlackDriver } from './slack-driver.js';
import { waitFor } from './wait.js';

/** Opens `userId`'s App Home (an app_home_opened event, signed like Slack) and returns the view published. */
export const openHomeTab = async (
  driver: SlackDriver,
  slack: SlackFake,
  userId: string,
): Promise<Record<string, unknown>> => {
  const before = slack.callsTo('views.publish').length;
  const body = {
    type: 'event_callback',
    team_id: 'T0TEST',
    api_app_id: 'A0TEST',
    event: { type: 'app_home_opened', user: userId, channel: 'D0HOME', tab: 'home', event_ts: '1.1' },
    event_id: `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
  };
  const sent = await driver.send(JSON.stringify(body), 'application/json');
  expect(sent.status).toBe(200);
  const call = await waitFor(() =>
    slack
      .callsTo('views.publish')
      .slice(before)
      .find((x) => x.args.user_id === userId),
  );
  return call.args.view as Record<string, unknown>;
};
