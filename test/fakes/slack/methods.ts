/**
 * Web API method handlers of the Slack fake. Response shapes follow the examples in Slack's OpenAPI spec
 * (`../shared/slack/slack-api-specs/web-api/slack_web_openapi_v2.json`).
 */
import type { Conversations } from './conversations.js';
import type { Directory } from './directory.js';
import type { Json } from './recorder.js';

export interface FakeIdentity {
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
}

export interface MethodContext {
  identity: FakeIdentity;
  directory: Directory;
  /** Next message timestamp, e.g. `1700000000.000001`. */
  nextTs(): string;
  /** Next view ID, e.g. `V0000000001`. */
  nextViewId(): string;
  dmChannelFor(userId: string): string;
  messages: Map<string, Json>;
  views: Map<string, Json>;
  /** Views the person no longer has open (closed, or closed by the answer to a submission). */
  closedViews: Set<string>;
  channels: Conversations;
}

export type MethodHandler = (args: Json, ctx: MethodContext) => Json;

const fail = (error: string, extra: Json = {}): Json => ({ ok: false, error, ...extra });
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const messageKey = (channel: string, ts: string) => `${channel}/${ts}`;

/** A user ID (`U…`/`W…`) as chat.postMessage channel posts into that user's DM with the bot. */
const resolveChannel = (channel: string, ctx: MethodContext): string =>
  /^[UW][A-Z0-9]+$/.test(channel) ? ctx.dmChannelFor(channel) : channel;

const botMessage = (args: Json, ctx: MethodContext, ts: string): Json => ({
  type: 'message',
  subtype: 'bot_message',
  text: typeof args.text === 'string' ? args.text : '',
  ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
  ...(args.attachments === undefined ? {} : { attachments: args.attachments }),
  ...(args.thread_ts === undefined ? {} : { thread_ts: args.thread_ts }),
  bot_id: ctx.identity.botId,
  user: ctx.identity.botUserId,
  app_id: ctx.identity.appId,
  team: ctx.identity.teamId,
  ts,
});

const hasContent = (args: Json) =>
  str(args.text) !== undefined || args.blocks !== undefined || args.attachments !== undefined;

const MAX_TEXT = 40_000;

const postMessage: MethodHandler = (args, ctx) => {
  const requested = str(args.channel);
  if (!requested) return fail('channel_not_found');
  if (!hasContent(args)) return fail('no_text');
  if (typeof args.text === 'string' && args.text.length > MAX_TEXT) return fail('msg_too_long');
  const channel = resolveChannel(requested, ctx);
  const ts = ctx.nextTs();
  const message = botMessage(args, ctx, ts);
  ctx.messages.set(messageKey(channel, ts), message);
  return { ok: true, channel, ts, message };
};

const postEphemeral: MethodHandler = (args, ctx) => {
  if (!str(args.channel)) return fail('channel_not_found');
  if (!str(args.user)) return fail('user_not_found');
  if (!hasContent(args)) return fail('no_text');
  return { ok: true, message_ts: ctx.nextTs() };
};

const update: MethodHandler = (args, ctx) => {
  const channel = str(args.channel);
  const ts = str(args.ts);
  if (!channel) return fail('channel_not_found');
  if (!ts) return fail('message_not_found');
  const previous = ctx.messages.get(messageKey(channel, ts));
  if (!previous) return fail('message_not_found');
  const message = { ...previous, ...botMessage(args, ctx, ts) };
  ctx.messages.set(messageKey(channel, ts), message);
  return { ok: true, channel, ts, text: message.text, message };
};

const remove: MethodHandler = (args, ctx) => {
  const channel = str(args.channel);
  const ts = str(args.ts);
  if (!channel) return fail('channel_not_found');
  if (!ts || !ctx.messages.delete(messageKey(channel, ts))) return fail('message_not_found');
  return { ok: true, channel, ts };
};

const getPermalink: MethodHandler = (args, ctx) => {
  const channel = str(args.channel);
  const ts = str(args.message_ts);
  if (!channel) return fail('channel_not_found');
  if (!ts) return fail('message_not_found');
  const permalink = `https://${ctx.identity.teamDomain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  return { ok: true, channel, permalink };
};

const conversationsOpen: MethodHandler = (args, ctx) => {
  const existing = str(args.channel);
  if (existing) return { ok: true, channel: { id: existing } };
  const users = (str(args.users) ?? '').split(',').filter((u) => u !== '');
  if (users.length === 0) return fail('users_list_not_supplied');
  const id = users.length === 1 ? ctx.dmChannelFor(users[0] ?? '') : `G${users.join('').slice(0, 10)}`;
  return { ok: true, channel: { id } };
};

const renderView = (view: Json, id: string, ctx: MethodContext, previous?: Json): Json => ({
  id,
  team_id: ctx.identity.teamId,
  app_id: ctx.identity.appId,
  bot_id: ctx.identity.botId,
  callback_id: '',
  private_metadata: '',
  external_id: '',
  clear_on_close: false,
  notify_on_close: false,
  ...view,
  state: { values: {} },
  hash: `${ctx.nextTs()}.${id}`,
  root_view_id: previous?.root_view_id ?? id,
  previous_view_id: null,
});

const asObject = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v))
    : undefined;

const missingView = (): Json =>
  fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: view'] } });

const viewsOpen: MethodHandler = (args, ctx) => {
  if (!str(args.trigger_id) && !str(args.interactivity_pointer)) {
    return fail('invalid_arguments', { response_metadata: { messages: ['invalid `trigger_id`'] } });
  }
  const input = asObject(args.view);
  if (!input) return missingView();
  const id = ctx.nextViewId();
  const view = renderView(input, id, ctx);
  ctx.views.set(id, view);
  return { ok: true, view };
};

const viewsPush: MethodHandler = viewsOpen;

const viewsUpdate: MethodHandler = (args, ctx) => {
  const input = asObject(args.view);
  if (!input) return missingView();
  const externalId = str(args.external_id);
  const byExternal = [...ctx.views.values()].find((v) => externalId && v.external_id === externalId);
  const id = str(args.view_id) ?? (typeof byExternal?.id === 'string' ? byExternal.id : undefined);
  const previous = id === undefined ? undefined : ctx.views.get(id);
  // A view that was closed is gone for Slack too (view-answers.ts).
  if (!id || !previous || ctx.closedViews.has(id)) return fail('not_found');
  const view = renderView(input, id, ctx, previous);
  ctx.views.set(id, view);
  return { ok: true, view };
};

/** The view `id` replaced by `view` (a `response_action: update` answer), as views.update would. */
export const replaceView = (id: string, view: Json, ctx: MethodContext): void => {
  const previous = ctx.views.get(id);
  if (previous && !ctx.closedViews.has(id)) ctx.views.set(id, renderView(view, id, ctx, previous));
};

const viewsPublish: MethodHandler = (args, ctx) => {
  const userId = str(args.user_id);
  if (!userId) return fail('invalid_arguments', { response_metadata: { messages: ['invalid `user_id`'] } });
  const input = asObject(args.view);
  if (!input) return missingView();
  const id = `VH${userId}`;
  const view = renderView(input, id, ctx);
  ctx.views.set(id, view);
  return { ok: true, view };
};

const usersInfo: MethodHandler = (args, ctx) => {
  const user = ctx.directory.user(str(args.user) ?? '');
  return user ? { ok: true, user } : fail('user_not_found');
};

const usersLookupByEmail: MethodHandler = (args, ctx) => {
  const user = ctx.directory.userByEmail(str(args.email) ?? '');
  return user ? { ok: true, user } : fail('users_not_found');
};

const usergroupsUsersList: MethodHandler = (args, ctx) => {
  const users = ctx.directory.usergroupMembers(str(args.usergroup) ?? '');
  return users ? { ok: true, users } : fail('no_such_subteam');
};

const authTest: MethodHandler = (_args, ctx) => ({
  ok: true,
  url: `https://${ctx.identity.teamDomain}.slack.com/`,
  team: ctx.identity.teamName,
  user: 'authgear',
  team_id: ctx.identity.teamId,
  user_id: ctx.identity.botUserId,
  bot_id: ctx.identity.botId,
  is_enterprise_install: false,
});

const conversationsInfo: MethodHandler = (args, ctx) =>
  str(args.channel) ? ctx.channels.info(str(args.channel) ?? '') : fail('channel_not_found');

const teamInfo: MethodHandler = (_args, ctx) => ({
  ok: true,
  team: {
    id: ctx.identity.teamId,
    name: ctx.identity.teamName,
    domain: ctx.identity.teamDomain,
    email_domain: 'example.com',
    icon: { image_default: true },
  },
});

/**
 * A response_url post acting on the stored message its interaction came from: `delete_original` deletes it,
 * `replace_original` replaces its content (same ts), as Slack does ("Modifying the source message").
 */
export const actOnSourceMessage = (
  body: Json,
  source: { readonly channel: string; readonly ts: string },
  ctx: MethodContext,
): void => {
  const key = messageKey(resolveChannel(source.channel, ctx), source.ts);
  const previous = ctx.messages.get(key);
  if (!previous) return;
  if (body.delete_original === true) {
    ctx.messages.delete(key);
    return;
  }
  if (body.replace_original !== true) return;
  const thread = previous.thread_ts === undefined ? {} : { thread_ts: previous.thread_ts };
  ctx.messages.set(key, { ...botMessage(body, ctx, source.ts), ...thread });
};

export const methodHandlers: Readonly<Record<string, MethodHandler>> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': remove,
  'chat.getPermalink': getPermalink,
  'conversations.open': conversationsOpen,
  'conversations.info': conversationsInfo,
  'views.open': viewsOpen,
  'views.push': viewsPush,
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
  'users.info': usersInfo,
  'users.lookupByEmail': usersLookupByEmail,
  'usergroups.users.list': usergroupsUsersList,
  'team.info': teamInfo,
};
