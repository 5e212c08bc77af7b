/**
 * What a person does on the page, turned into what Slack would send the bot: a slash command with a real
 * response_url and trigger_id, block_actions for a click, view_submission / view_closed for a modal, and
 * app_home_opened for the Home tab. The bot's acks are applied to the workspace as Slack applies them.
 */
import { randomBytes } from 'node:crypto';
import type { DemoDirectory } from './directory.js';
import type { BotAnswer, BotLink } from './slack/bot-link.js';
import { actionEntry, type ElementInput, elementAt, stateValues } from './slack/elements.js';
import { slackEscape } from './slack/escape.js';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  type ClickSurface,
  messageForPayload,
  type Person,
  slashCommandForm,
  type Team,
  viewClosedPayload,
  viewSubmissionPayload,
} from './slack/payloads.js';
import { objects, str } from './web/json.js';
import type { Json } from './workspace/types.js';
import type { Workspace } from './workspace/workspace.js';

/** A request the page made that Slack itself would not allow (unknown person, a channel they are not in...). */
export class DemoRequestError extends Error {
  override readonly name = 'DemoRequestError';
}

export type ViewInputs = Readonly<Record<string, Readonly<Record<string, ElementInput>>>>;

export type ClickTarget =
  | { readonly kind: 'message'; readonly key: string }
  | { readonly kind: 'modal'; readonly viewId: string }
  | { readonly kind: 'home' };

export interface Interactions {
  /** Enter in the composer: `/authgear …` becomes a signed slash command; other text a message. */
  send(as: string, channelId: string, text: string): Promise<void>;
  click(
    as: string,
    target: ClickTarget,
    at: { readonly blockIndex: number; readonly elementIndex: number },
    input: ElementInput | undefined,
    values: ViewInputs | undefined,
  ): Promise<void>;
  submit(as: string, viewId: string, values: ViewInputs): Promise<void>;
  close(as: string, viewId: string): Promise<void>;
  openHome(as: string): Promise<void>;
}

export interface InteractionDeps {
  readonly team: Team;
  readonly bot: { readonly userId: string; readonly botId: string };
  readonly directory: DemoDirectory;
  readonly workspace: Workspace;
  readonly link: BotLink;
  /** A response_url for this id on the Slack fake. */
  readonly responseUrl: (id: string) => string;
  /** A fresh trigger_id (single use, short-lived at Slack). */
  readonly triggerId: () => string;
  readonly now: () => number;
}

const mustBeOk = (answer: BotAnswer, what: string): void => {
  if (answer.status !== 200)
    throw new DemoRequestError(`The bot answered ${what} with HTTP ${answer.status}.`);
};

export const createInteractions = (d: InteractionDeps): Interactions => {
  const { workspace, directory, team } = d;
  let seq = 0;
  const newId = (prefix: string) => `${prefix}${++seq}-${randomBytes(4).toString('hex')}`;
  const actionTs = () => (d.now() / 1000).toFixed(6);
  const trigger = (as: string) => {
    const id = d.triggerId();
    workspace.rememberTrigger(id, as);
    return id;
  };
  const personOf = (as: string): Person => {
    const p = directory.person(as);
    if (!p) throw new DemoRequestError(`There is no person ${as} in this workspace.`);
    return p;
  };
  const conversationOf = (as: string, channelId: string) => {
    const c = directory.conversationsOf(as).find((x) => x.id === channelId);
    if (!c) throw new DemoRequestError('That conversation is not open to this person.');
    return { id: c.id, name: c.kind === 'dm' ? 'directmessage' : c.name };
  };
  const withState = (view: Json, values: ViewInputs | undefined): Json => ({
    ...view,
    state: { values: stateValues(objects(view.blocks), values ?? {}) },
  });
  const modalOf = (as: string, viewId: string): Json => {
    const modal = workspace.modals(as).find((m) => m.view.id === viewId);
    if (!modal) throw new DemoRequestError('That dialog is not open.');
    return modal.view;
  };

  const surfaceFor = (
    as: string,
    target: ClickTarget,
    values: ViewInputs | undefined,
  ): { surface: ClickSurface; blocks: readonly Json[] } => {
    if (target.kind === 'message') {
      const m = workspace.message(target.key);
      if (!m || (m.visibleTo !== undefined && m.visibleTo !== as))
        throw new DemoRequestError('That message is gone.');
      const channel = conversationOf(as, m.channel);
      const responseUrlId = newId('a');
      workspace.rememberOrigin(responseUrlId, { personId: as, channelId: m.channel, messageKey: m.key });
      const ephemeral = m.visibleTo !== undefined;
      const message = ephemeral
        ? undefined
        : messageForPayload({ ...m, botUserId: d.bot.userId, botId: d.bot.botId, teamId: team.id });
      const surface: ClickSurface = {
        kind: 'message',
        channel,
        ts: m.ts,
        ephemeral,
        message,
        responseUrl: d.responseUrl(responseUrlId),
      };
      return { surface, blocks: m.blocks };
    }
    const view = target.kind === 'home' ? workspace.home(as) : modalOf(as, target.viewId);
    if (!view) throw new DemoRequestError('The Home tab has not been opened yet.');
    const withValues = withState(view, values);
    return { surface: { kind: 'view', view: withValues }, blocks: objects(view.blocks) };
  };

  const command = async (as: string, channelId: string, typed: string): Promise<void> => {
    const person = personOf(as);
    const channel = conversationOf(as, channelId);
    workspace.echoCommand(as, channelId, typed);
    const [name = '', ...rest] = typed.trim().split(/\s+/);
    if (name !== '/authgear') {
      workspace.applyAck(
        { personId: as, channelId },
        { text: `\`${name}\` is not a valid command. This workspace only has \`/authgear\`.` },
      );
      return;
    }
    const responseUrlId = newId('c');
    const origin = { personId: as, channelId };
    workspace.rememberOrigin(responseUrlId, origin);
    const answer = await d.link.command(
      slashCommandForm({
        team,
        person,
        channel,
        text: slackEscape(rest.join(' '), directory),
        responseUrl: d.responseUrl(responseUrlId),
        triggerId: trigger(as),
      }),
    );
    if (answer.status !== 200) {
      workspace.applyAck(origin, { text: `/authgear failed with the error "http_${answer.status}"` });
      return;
    }
    if (answer.json) workspace.applyAck(origin, answer.json);
  };

  return {
    send: async (as, channelId, text) => {
      personOf(as);
      conversationOf(as, channelId);
      if (text.trim().startsWith('/')) return command(as, channelId, text);
      workspace.postAsPerson(as, channelId, slackEscape(text, directory));
    },

    click: async (as, target, at, input, values) => {
      const person = personOf(as);
      const { surface, blocks } = surfaceFor(as, target, values);
      const element = elementAt(blocks, at.blockIndex, at.elementIndex);
      const blockId = str(blocks[at.blockIndex]?.block_id);
      if (!element || !blockId || !str(element.action_id))
        throw new DemoRequestError('There is nothing to click there.');
      const action = actionEntry(element, blockId, input, actionTs());
      const answer = await d.link.interaction(
        blockActionsPayload({ team, person, triggerId: trigger(as), action, surface }),
      );
      mustBeOk(answer, 'the click');
    },

    submit: async (as, viewId, values) => {
      const person = personOf(as);
      const view = withState(modalOf(as, viewId), values);
      const answer = await d.link.interaction(
        viewSubmissionPayload({ team, person, triggerId: trigger(as), view }),
      );
      mustBeOk(answer, 'the form');
      workspace.applySubmission(as, viewId, answer.json, () => newId('VDEMO'));
    },

    close: async (as, viewId) => {
      const person = personOf(as);
      const view = modalOf(as, viewId);
      workspace.closeModal(as, viewId);
      if (view.notify_on_close === true)
        mustBeOk(await d.link.interaction(viewClosedPayload({ team, person, view })), 'closing the form');
    },

    openHome: async (as) => {
      const person = personOf(as);
      const event = appHomeOpenedEvent({
        team,
        person,
        dmChannel: directory.dmChannelFor(as),
        eventId: `Ev${newId('').toUpperCase()}`,
        nowSeconds: Math.floor(d.now() / 1000),
        view: workspace.home(as),
      });
      mustBeOk(await d.link.event(event), 'opening the Home tab');
    },
  };
};
