/**
 * Drives the app like Slack does: builds real-shaped interaction payloads (from test/fixtures/slack/*.json),
 * signs them exactly as Slack signs (v0 HMAC-SHA256) and POSTs them to the app's events URL.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import blockActionsFixture from '../fixtures/slack/block-actions.json' with { type: 'json' };
import globalShortcutFixture from '../fixtures/slack/global-shortcut.json' with { type: 'json' };
import messageShortcutFixture from '../fixtures/slack/message-shortcut.json' with { type: 'json' };
import slashCommandFixture from '../fixtures/slack/slash-command.json' with { type: 'json' };
import viewSubmissionFixture from '../fixtures/slack/view-submission.json' with { type: 'json' };
import { asSlackSends, type SlackNameLookup, smartenQuotes } from './slack-text.js';

type Json = Record<string, unknown>;

/** `v0=` + lowercase hex HMAC-SHA256(signingSecret, `v0:${timestamp}:${rawBody}`). */
export const computeSlackSignature = (
  signingSecret: string,
  timestamp: string | number,
  rawBody: string,
): string => `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;

export interface SlackDriverOptions {
  /** The app's full events URL, e.g. `http://127.0.0.1:PORT/slack/events`. */
  url: string;
  signingSecret: string;
  /**
   * Maps a fresh id to a response URL, usually `fake.responseUrl` (which issues it, as Slack does); `source` is the
   * stored (non-ephemeral) message a click came from, which the response URL's replace/delete act on.
   */
  responseUrl: (id: string, source?: { channel: string; ts: string }) => string;
  /**
   * Tells Slack (the fake's `viewAnswered`) how the app answered a view_submission, so it can refuse an answer
   * Slack refuses and close the view an empty answer or `clear` closes.
   */
  viewAnswered?: (view: Json, answer: unknown) => void;
  /** Issues a trigger_id, usually `fake.issueTriggerId` (so the fake can judge its use); default: made up here. */
  triggerId?: () => string;
  /** Names Slack knows (`fake.names`), so `@alice`, `#ops` and `@support` are sent as Slack sends them. */
  names?: SlackNameLookup;
  /** Type quotes as macOS and iOS do (“ ” ‘ ’) in command text and form fields. Default false. */
  smartQuotes?: boolean;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
  /** Clock in ms; the request timestamp is `floor(now() / 1000)`. */
  now?: () => number;
  /**
   * Carries the request instead of an HTTP POST to `url` (Socket Mode: see socket-mode-driver.ts); answers
   * like the HTTP ack would (status, body).
   */
  transport?: (body: string, contentType: string) => Promise<{ status: number; body: string }>;
}

export interface DriverResult {
  status: number;
  /** Raw response text (Bolt answers '' to a bare ack()). */
  body: string;
  /** Parsed body when it is JSON (e.g. `{ response_action: 'errors', errors }`). */
  json?: unknown;
  elapsedMs: number;
  /** The id put into `response_url` (find what arrived with `fake.responsesTo(id)`); none for view_submission. */
  responseUrlId?: string;
  /** The trigger_id sent (views.open calls should carry it). */
  triggerId?: string;
}

export interface SendOptions {
  /** Signature header value; default: the correct one. `null` omits the header. */
  signature?: string | null;
  /** Timestamp header value (seconds); default: now. `null` omits the header. */
  timestamp?: string | number | null;
}

export interface SlashCommandInput {
  userId: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  /** What the person typed after the command; sent escaped as Slack sends it (slack-text.ts). */
  text: string;
  /** The exact `text` field to send instead (for what a client or a forger might send). */
  sentText?: string;
  /** Overrides the driver's `smartQuotes` for this command. */
  smartQuotes?: boolean;
  command?: string;
}

export interface BlockActionInput {
  userId: string;
  userName?: string;
  actionId: string;
  blockId?: string;
  value?: string;
  /** Makes the action a `static_select` with this selected option. */
  selectedOption?: { value: string; text?: string };
  /** The message the button is on (default: the fixture's message); needs a `ts`. */
  message?: Json;
  /**
   * The button is on an ephemeral message (one that came through a response_url): the container says
   * `is_ephemeral: true`, the payload carries no `message`, and the response URL acts on no stored message.
   */
  ephemeral?: boolean;
  /** The view the button is in; then the container is a view and there is no message/channel/response_url. */
  view?: Json;
  channelId?: string;
  container?: Json;
}

export interface ViewSubmissionInput {
  userId: string;
  userName?: string;
  callbackId: string;
  privateMetadata?: string;
  /** `view.state.values`: `{ [blockId]: { [actionId]: { type, value | selected_option | ... } } }`. */
  values: Record<string, Record<string, Json>>;
  viewId?: string;
  /** The view's blocks; default: one plain_text_input block per entry of `values`. */
  blocks?: Json[];
  /** Overrides the driver's `smartQuotes` for the text typed into the form. */
  smartQuotes?: boolean;
}

export interface GlobalShortcutInput {
  userId: string;
  userName?: string;
  callbackId: string;
}

export interface MessageShortcutInput {
  userId: string;
  userName?: string;
  callbackId: string;
  message: { user: string; text: string; ts: string };
  channelId: string;
}

/** A request built but not sent: send its exact bytes (again) with `send`, as a replaying attacker would. */
export interface BuiltRequest {
  readonly body: string;
  readonly contentType: string;
  readonly responseUrlId?: string;
  readonly triggerId: string;
}

export interface SlackDriver {
  slashCommand(input: SlashCommandInput): Promise<DriverResult>;
  blockAction(input: BlockActionInput): Promise<DriverResult>;
  /** The body `blockAction` would send, unsent. */
  buildBlockAction(input: BlockActionInput): BuiltRequest;
  viewSubmission(input: ViewSubmissionInput): Promise<DriverResult>;
  globalShortcut(input: GlobalShortcutInput): Promise<DriverResult>;
  messageShortcut(input: MessageShortcutInput): Promise<DriverResult>;
  /** POSTs a raw body; signs it correctly unless told otherwise (for forged or stale requests). */
  send(body: string, contentType: string, options?: SendOptions): Promise<DriverResult>;
}

const FORM = 'application/x-www-form-urlencoded';
const DEFAULT_CHANNEL = 'C0GENERAL';

const inputBlocksFor = (values: ViewSubmissionInput['values']): Json[] =>
  Object.entries(values).map(([blockId, actions]) => ({
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: blockId, emoji: true },
    optional: false,
    dispatch_action: false,
    element: { type: 'plain_text_input', action_id: Object.keys(actions)[0] ?? blockId },
  }));

const actionFor = (input: BlockActionInput, actionTs: string): Json => {
  const common = { action_id: input.actionId, block_id: input.blockId ?? 'actions', action_ts: actionTs };
  if (!input.selectedOption) {
    const text = { type: 'plain_text', text: input.actionId, emoji: true };
    return { type: 'button', text, ...(input.value === undefined ? {} : { value: input.value }), ...common };
  }
  const { value, text = value } = input.selectedOption;
  return {
    type: 'static_select',
    selected_option: { text: { type: 'plain_text', text, emoji: true }, value },
    ...common,
  };
};

const parseJson = (text: string): unknown => {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const createSlackDriver = (options: SlackDriverOptions): SlackDriver => {
  const { url, signingSecret, responseUrl, now = Date.now } = options;
  const teamId = options.teamId ?? 'T0AUTHGEAR';
  const team = { id: teamId, domain: options.teamDomain ?? 'authgear-test' };
  const apiAppId = options.apiAppId ?? 'A0AUTHGEAR';
  let seq = 0;
  const nextId = () => `d${++seq}-${randomBytes(4).toString('hex')}`;
  const triggerId =
    options.triggerId ??
    (() => `${Math.floor(now() / 1000)}${++seq}.${teamId}.${randomBytes(16).toString('hex')}`);
  /** Form fields carry what was typed (Slack does not escape plain_text_input values), quotes as the client made them. */
  const typedValues = (
    values: ViewSubmissionInput['values'],
    smart: boolean,
  ): ViewSubmissionInput['values'] =>
    Object.fromEntries(
      Object.entries(values).map(([blockId, actions]) => [
        blockId,
        Object.fromEntries(
          Object.entries(actions).map(([actionId, v]) => [
            actionId,
            smart && v.type === 'plain_text_input' && typeof v.value === 'string'
              ? { ...v, value: smartenQuotes(v.value) }
              : v,
          ]),
        ),
      ]),
    );
  const actionTs = () => `${(now() / 1000).toFixed(6)}`;
  const user = (id: string, name?: string) => ({
    id,
    username: name ?? id.toLowerCase(),
    name: name ?? id.toLowerCase(),
    team_id: teamId,
  });

  const send = async (
    body: string,
    contentType: string,
    sendOptions: SendOptions = {},
  ): Promise<DriverResult> => {
    const timestamp =
      sendOptions.timestamp === undefined ? String(Math.floor(now() / 1000)) : sendOptions.timestamp;
    const signature =
      sendOptions.signature === undefined
        ? computeSlackSignature(signingSecret, timestamp ?? '', body)
        : sendOptions.signature;
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (timestamp !== null) headers['X-Slack-Request-Timestamp'] = String(timestamp);
    if (signature !== null) headers['X-Slack-Signature'] = signature;
    const started = performance.now();
    if (options.transport) {
      const answer = await options.transport(body, contentType);
      return { ...answer, json: parseJson(answer.body), elapsedMs: performance.now() - started };
    }
    const response = await fetch(url, { method: 'POST', headers, body });
    const text = await response.text();
    const elapsedMs = performance.now() - started;
    return { status: response.status, body: text, json: parseJson(text), elapsedMs };
  };

  const sendPayload = async (payload: Json, extra: Partial<DriverResult>): Promise<DriverResult> => {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return { ...(await send(body, FORM)), ...extra };
  };

  const formBody = (payload: Json): string =>
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

  const buildBlockAction = (input: BlockActionInput): BuiltRequest => {
    const trigger = triggerId();
    const action = actionFor(input, actionTs());
    const base = {
      ...blockActionsFixture,
      user: user(input.userId, input.userName),
      team,
      api_app_id: apiAppId,
      trigger_id: trigger,
      actions: [action],
    };
    if (input.view) {
      const { message: _m, channel: _c, response_url: _r, ...rest } = base;
      const container = input.container ?? { type: 'view', view_id: input.view.id };
      return {
        body: formBody({ ...rest, container, view: input.view }),
        contentType: FORM,
        triggerId: trigger,
      };
    }
    const channelId = input.channelId ?? DEFAULT_CHANNEL;
    const message = input.message ?? blockActionsFixture.message;
    const ephemeral = input.ephemeral === true;
    const responseUrlId = nextId();
    const source =
      !ephemeral && typeof message.ts === 'string' ? { channel: channelId, ts: message.ts } : undefined;
    const { message: _m, ...withoutMessage } = base;
    const payload = {
      ...withoutMessage,
      container: input.container ?? {
        type: 'message',
        message_ts: message.ts,
        channel_id: channelId,
        is_ephemeral: ephemeral,
      },
      channel: { id: channelId, name: 'general' },
      ...(ephemeral ? {} : { message }),
      response_url: responseUrl(responseUrlId, source),
    };
    return { body: formBody(payload), contentType: FORM, responseUrlId, triggerId: trigger };
  };

  return {
    send,

    slashCommand: async ({
      userId,
      userName,
      channelId,
      channelName,
      text,
      sentText,
      smartQuotes = options.smartQuotes ?? false,
      command = '/authgear',
    }) => {
      const responseUrlId = nextId();
      const trigger = triggerId();
      const fields: Record<string, string> = {
        ...slashCommandFixture,
        team_id: teamId,
        team_domain: team.domain,
        channel_id: channelId ?? DEFAULT_CHANNEL,
        channel_name: channelName ?? 'general',
        user_id: userId,
        user_name: userName ?? userId.toLowerCase(),
        command,
        text: sentText ?? asSlackSends(text, options.names, { smartQuotes }),
        api_app_id: apiAppId,
        response_url: responseUrl(responseUrlId),
        trigger_id: trigger,
      };
      delete fields.enterprise_id;
      delete fields.enterprise_name;
      const result = await send(new URLSearchParams(fields).toString(), FORM);
      return { ...result, responseUrlId, triggerId: trigger };
    },

    buildBlockAction,

    blockAction: async (input) => {
      const built = buildBlockAction(input);
      return {
        ...(await send(built.body, built.contentType)),
        triggerId: built.triggerId,
        ...(built.responseUrlId ? { responseUrlId: built.responseUrlId } : {}),
      };
    },

    viewSubmission: async ({
      userId,
      userName,
      callbackId,
      privateMetadata,
      values: typed,
      viewId,
      blocks,
      smartQuotes = options.smartQuotes ?? false,
    }) => {
      const values = typedValues(typed, smartQuotes);
      const trigger = triggerId();
      const id = viewId ?? 'V0DRIVER01';
      const view = {
        ...viewSubmissionFixture.view,
        id,
        team_id: teamId,
        app_id: apiAppId,
        app_installed_team_id: teamId,
        root_view_id: id,
        callback_id: callbackId,
        private_metadata: privateMetadata ?? '',
        blocks: blocks ?? inputBlocksFor(values),
        state: { values },
      };
      const payload = {
        ...viewSubmissionFixture,
        user: user(userId, userName),
        team,
        api_app_id: apiAppId,
        trigger_id: trigger,
        view,
      };
      const result = await sendPayload(payload, { triggerId: trigger });
      if (result.status === 200) options.viewAnswered?.(view, result.json);
      return result;
    },

    globalShortcut: async ({ userId, userName, callbackId }) => {
      const trigger = triggerId();
      const payload = {
        ...globalShortcutFixture,
        team,
        user: user(userId, userName),
        callback_id: callbackId,
        trigger_id: trigger,
        action_ts: actionTs(),
      };
      return sendPayload(payload, { triggerId: trigger });
    },

    messageShortcut: async ({ userId, userName, callbackId, message, channelId }) => {
      const trigger = triggerId();
      const responseUrlId = nextId();
      const payload = {
        ...messageShortcutFixture,
        team,
        user: user(userId, userName),
        channel: { id: channelId, name: 'general' },
        callback_id: callbackId,
        trigger_id: trigger,
        action_ts: actionTs(),
        message_ts: message.ts,
        message: { type: 'message', team: teamId, ...message },
        response_url: responseUrl(responseUrlId),
      };
      return sendPayload(payload, { responseUrlId, triggerId: trigger });
    },
  };
};
