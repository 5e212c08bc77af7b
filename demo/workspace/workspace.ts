/**
 * The demo's Slack workspace: what each person sees. It follows what the bot sent to the Slack fake (Web API calls
 * and response_url posts) and what people did on the page (commands typed, modals submitted or closed).
 */
import type { RecordedCall, RecordedEvent, RecordedResponse } from '../../test/fakes/slack/index.js';
import { isObject, str } from '../web/json.js';
import { createMessageStore, type MessageContent } from './messages.js';
import type { ChatMessage, Json, OpenModal, Origin } from './types.js';

const contentOf = (body: Json): MessageContent => ({
  text: typeof body.text === 'string' ? body.text : '',
  blocks: body.blocks,
});

export interface WorkspaceOptions {
  readonly botUserId: string;
  /** The DM channel between the bot and a person (the Slack fake's numbering). */
  readonly dmChannelFor: (personId: string) => string;
  /** Message timestamps for what people post and for response_url answers, e.g. `1700000000.500001`. */
  readonly nextTs: () => string;
}

/** A view_submission's answer (the HTTP body of the ack), as Slack reads it. */
export type SubmissionAnswer = Json | undefined;

export interface Workspace {
  /** Follows the Slack fake: messages, ephemerals, views, App Home. */
  apply(event: RecordedEvent): void;
  /** A person's own message in a conversation. */
  postAsPerson(personId: string, channelId: string, text: string): ChatMessage;
  /** A slash command as its author sees it (Slack shows it to nobody else). */
  echoCommand(personId: string, channelId: string, text: string): ChatMessage;
  /** Remembers where answers through this response_url go. */
  rememberOrigin(responseUrlId: string, origin: Origin): void;
  /** Remembers whose trigger_id this is, so the modal it opens is theirs. */
  rememberTrigger(triggerId: string, personId: string): void;
  /** A slash command's ack body (e.g. help), shown where the command was typed. */
  applyAck(origin: Origin, body: Json): void;
  /** Applies the answer to a view_submission: close, errors, update, push or clear. */
  applySubmission(personId: string, viewId: string, answer: SubmissionAnswer, newViewId: () => string): void;
  /** The person closed the top modal. */
  closeModal(personId: string, viewId: string): void;
  message(key: string): ChatMessage | undefined;
  /** What `personId` sees in a conversation; with a page's horizon, no ephemeral from before it loaded. */
  visibleIn(channelId: string, personId: string, horizon?: number): ChatMessage[];
  /** The horizon of a page loaded now (ephemerals arriving later show on it). */
  horizon(): number;
  modals(personId: string): readonly OpenModal[];
  home(personId: string): Json | undefined;
  /** Called after every change. */
  onChange(listener: () => void): () => void;
}

export const createWorkspace = (options: WorkspaceOptions): Workspace => {
  const { botUserId, dmChannelFor, nextTs } = options;
  const messages = createMessageStore();
  const origins = new Map<string, Origin>();
  const triggers = new Map<string, string>();
  const modalStacks = new Map<string, OpenModal[]>();
  const homes = new Map<string, Json>();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  const stackOf = (personId: string): OpenModal[] => {
    const stack = modalStacks.get(personId) ?? [];
    modalStacks.set(personId, stack);
    return stack;
  };
  const findView = (viewId: string): { stack: OpenModal[]; index: number } | undefined => {
    for (const stack of modalStacks.values()) {
      const index = stack.findIndex((m) => m.view.id === viewId);
      if (index >= 0) return { stack, index };
    }
    return undefined;
  };

  const addBotMessage = (channel: string, ts: string, body: Json, visibleTo: string | undefined) =>
    messages.add({ channel, ts, author: botUserId, ...contentOf(body), visibleTo, isCommand: false });

  /** What a person typed: a message for everyone, or their slash command for them alone. */
  const addPersonMessage = (personId: string, channel: string, text: string, isCommand: boolean) => {
    const m = messages.add({
      channel,
      ts: nextTs(),
      author: personId,
      text,
      blocks: [],
      visibleTo: isCommand ? personId : undefined,
      isCommand,
    });
    changed();
    return m;
  };

  /** An answer through a response_url or an ack: replace, delete, or a new message where the interaction was. */
  const answerAt = (origin: Origin, body: Json): void => {
    if (body.delete_original === true && origin.messageKey) {
      messages.remove(origin.messageKey);
      return;
    }
    if (
      body.replace_original === true &&
      origin.messageKey &&
      messages.replace(origin.messageKey, contentOf(body))
    )
      return;
    addBotMessage(
      origin.channelId,
      nextTs(),
      body,
      body.response_type === 'in_channel' ? undefined : origin.personId,
    );
  };

  const onResponse = (r: RecordedResponse): boolean => {
    const origin = origins.get(r.id);
    if (!origin) return false; // the fake records only the posts Slack accepted
    answerAt(origin, r.body);
    return true;
  };

  const onCall = (call: RecordedCall): boolean => {
    if (!call.ok) return false;
    const { args, response } = call;
    switch (call.method) {
      case 'chat.postMessage': {
        const channel = str(response.channel) ?? str(args.channel);
        const ts = str(response.ts);
        if (!channel || !ts) return false;
        addBotMessage(channel, ts, args, undefined);
        return true;
      }
      case 'chat.postEphemeral': {
        const channel = str(args.channel);
        const user = str(args.user);
        if (!channel || !user) return false;
        const where = /^[UW]/.test(channel) ? dmChannelFor(channel) : channel;
        const ts = str(response.message_ts) ?? nextTs();
        addBotMessage(where, ts, args, user);
        return true;
      }
      case 'chat.update':
        return messages.replace(`${str(args.channel)}/${str(args.ts)}`, contentOf(args));
      case 'chat.delete':
        return messages.remove(`${str(args.channel)}/${str(args.ts)}`);
      case 'views.open':
      case 'views.push': {
        const person = triggers.get(str(args.trigger_id) ?? '');
        const view = response.view;
        if (!person || !isObject(view)) return false;
        const stack = stackOf(person);
        if (call.method === 'views.open') stack.length = 0;
        stack.push({ view, errors: {} });
        return true;
      }
      case 'views.update': {
        const view = response.view;
        if (!isObject(view)) return false;
        const found = findView(String(view.id));
        if (found) {
          found.stack[found.index] = { view, errors: {} };
          return true;
        }
        for (const [person, home] of homes) if (home.id === view.id) homes.set(person, view);
        return true;
      }
      case 'views.publish': {
        const user = str(args.user_id);
        if (!user || !isObject(response.view)) return false;
        homes.set(user, response.view);
        return true;
      }
      default:
        return false;
    }
  };

  return {
    apply: (event) => {
      const didChange = event.kind === 'call' ? onCall(event.call) : onResponse(event.response);
      if (didChange) changed();
    },
    postAsPerson: (personId, channelId, text) => addPersonMessage(personId, channelId, text, false),
    echoCommand: (personId, channelId, text) => addPersonMessage(personId, channelId, text, true),
    rememberOrigin: (id, origin) => {
      origins.set(id, origin);
    },
    rememberTrigger: (triggerId, personId) => {
      triggers.set(triggerId, personId);
    },
    applyAck: (origin, body) => {
      answerAt(origin, body);
      changed();
    },
    applySubmission: (personId, viewId, answer, newViewId) => {
      const stack = stackOf(personId);
      const index = stack.findIndex((m) => m.view.id === viewId);
      if (index < 0) return;
      const action = answer?.response_action;
      const current = stack[index];
      if (action === 'errors' && current) {
        stack[index] = { ...current, errors: isObject(answer?.errors) ? stringRecord(answer.errors) : {} };
      } else if (action === 'update' && isObject(answer?.view)) {
        stack[index] = { view: { ...answer.view, id: viewId }, errors: {} };
      } else if (action === 'push' && isObject(answer?.view)) {
        stack.push({ view: { ...answer.view, id: newViewId() }, errors: {} });
      } else if (action === 'clear') {
        stack.length = 0;
      } else {
        stack.splice(index, 1);
      }
      changed();
    },
    closeModal: (personId, viewId) => {
      const stack = stackOf(personId);
      const index = stack.findIndex((m) => m.view.id === viewId);
      if (index >= 0) stack.splice(index, 1);
      changed();
    },
    message: (key) => messages.get(key),
    visibleIn: (channelId, personId, horizon) => messages.visibleIn(channelId, personId, horizon),
    horizon: () => messages.horizon(),
    modals: (personId) => [...(modalStacks.get(personId) ?? [])],
    home: (personId) => homes.get(personId),
    onChange: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};

const stringRecord = (o: Json): Record<string, string> =>
  Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
