/**
 * The requests Slack sends an app, built from the demo workspace: slash commands (form-encoded), block_actions,
 * view_submission and view_closed (a `payload` form field), and app_home_opened (an Events API callback).
 * Shapes follow test/fixtures/slack/*.json (real payloads). Pure.
 */
import type { Json } from '../workspace/types.js';

export interface Team {
  readonly id: string;
  readonly domain: string;
  readonly appId: string;
}

export interface Person {
  readonly id: string;
  readonly handle: string;
}

const userOf = (team: Team, p: Person): Json => ({
  id: p.id,
  username: p.handle,
  name: p.handle,
  team_id: team.id,
});
const teamOf = (team: Team): Json => ({ id: team.id, domain: team.domain });

/** Slack's form fields for `/authgear <text>`; `text` is already escaped as Slack escapes it. */
export const slashCommandForm = (p: {
  readonly team: Team;
  readonly person: Person;
  readonly channel: { readonly id: string; readonly name: string };
  readonly text: string;
  readonly responseUrl: string;
  readonly triggerId: string;
}): string =>
  new URLSearchParams({
    token: 'demo-verification-token',
    team_id: p.team.id,
    team_domain: p.team.domain,
    channel_id: p.channel.id,
    channel_name: p.channel.name,
    user_id: p.person.id,
    user_name: p.person.handle,
    command: '/authgear',
    text: p.text,
    api_app_id: p.team.appId,
    is_enterprise_install: 'false',
    response_url: p.responseUrl,
    trigger_id: p.triggerId,
  }).toString();

/** Where a click happened: a message (with its response_url), or a view (modal or App Home). */
export type ClickSurface =
  | {
      readonly kind: 'message';
      readonly channel: { readonly id: string; readonly name: string };
      readonly ts: string;
      readonly ephemeral: boolean;
      /** The message as Slack shows it to apps (only for messages everyone sees). */
      readonly message: Json | undefined;
      readonly responseUrl: string;
    }
  | { readonly kind: 'view'; readonly view: Json };

export const blockActionsPayload = (p: {
  readonly team: Team;
  readonly person: Person;
  readonly triggerId: string;
  readonly action: Json;
  readonly surface: ClickSurface;
}): Json => {
  const base = {
    type: 'block_actions',
    user: userOf(p.team, p.person),
    api_app_id: p.team.appId,
    token: 'demo-verification-token',
    trigger_id: p.triggerId,
    team: teamOf(p.team),
    enterprise: null,
    is_enterprise_install: false,
    actions: [p.action],
  };
  const s = p.surface;
  if (s.kind === 'view') {
    return { ...base, container: { type: 'view', view_id: s.view.id }, view: s.view, state: s.view.state };
  }
  return {
    ...base,
    container: { type: 'message', message_ts: s.ts, channel_id: s.channel.id, is_ephemeral: s.ephemeral },
    channel: { id: s.channel.id, name: s.channel.name },
    ...(s.message === undefined ? {} : { message: s.message }),
    state: { values: {} },
    response_url: s.responseUrl,
  };
};

export const viewSubmissionPayload = (p: {
  readonly team: Team;
  readonly person: Person;
  readonly triggerId: string;
  readonly view: Json;
}): Json => ({
  type: 'view_submission',
  team: teamOf(p.team),
  user: userOf(p.team, p.person),
  api_app_id: p.team.appId,
  token: 'demo-verification-token',
  trigger_id: p.triggerId,
  view: p.view,
  response_urls: [],
  is_enterprise_install: false,
  enterprise: null,
});

export const viewClosedPayload = (p: {
  readonly team: Team;
  readonly person: Person;
  readonly view: Json;
}): Json => ({
  type: 'view_closed',
  team: teamOf(p.team),
  user: userOf(p.team, p.person),
  api_app_id: p.team.appId,
  token: 'demo-verification-token',
  view: p.view,
  is_cleared: false,
  is_enterprise_install: false,
  enterprise: null,
});

/** The Events API callback Slack sends when a person opens the app's Home tab. */
export const appHomeOpenedEvent = (p: {
  readonly team: Team;
  readonly person: Person;
  readonly dmChannel: string;
  readonly eventId: string;
  readonly nowSeconds: number;
  readonly view: Json | undefined;
}): Json => ({
  token: 'demo-verification-token',
  team_id: p.team.id,
  api_app_id: p.team.appId,
  event: {
    type: 'app_home_opened',
    user: p.person.id,
    channel: p.dmChannel,
    tab: 'home',
    event_ts: `${p.nowSeconds}.000100`,
    ...(p.view === undefined ? {} : { view: p.view }),
  },
  type: 'event_callback',
  event_id: p.eventId,
  event_time: p.nowSeconds,
});

/** A message as block_actions carries it (`message`), from the workspace's copy. */
export const messageForPayload = (m: {
  readonly ts: string;
  readonly text: string;
  readonly blocks: readonly Json[];
  readonly author: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
}): Json => ({
  type: 'message',
  ...(m.author === m.botUserId ? { subtype: 'bot_message', bot_id: m.botId } : {}),
  user: m.author,
  text: m.text,
  ts: m.ts,
  team: m.teamId,
  blocks: m.blocks,
});
