/** The Slack-like chat: sidebar, conversation header (with the app's Home / Messages tabs) and message list. Pure. */
import type { ChatMessage, Conversation, PersonSnapshot } from '../workspace/types.js';
import { renderBlocks } from './blocks.js';
import { mrkdwn, type Names, type RenderContext } from './mrkdwn.js';
import { h, type VNode } from './vnode.js';

export type Tab = 'messages' | 'home';

export interface Selection {
  readonly conversation: string;
  readonly tab: Tab;
}

export const namesOf = (s: PersonSnapshot): Names => ({
  people: s.people,
  channels: s.channels,
  usergroups: s.usergroups,
  bot: s.bot,
});

export const conversationLabel = (c: Conversation): string => (c.kind === 'channel' ? `#${c.name}` : c.name);

const sidebarItem = (c: Conversation, selected: boolean, unread: number): VNode =>
  h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: `side-item${selected ? ' selected' : ''}${unread > 0 ? ' unread' : ''}`,
        'data-conversation': c.id,
        'aria-current': selected ? 'page' : undefined,
        'aria-description': unread > 0 ? `${unread} new` : undefined,
      },
      h('span', { class: 'side-icon', 'aria-hidden': 'true' }, c.kind === 'channel' ? '#' : '◆'),
      c.name,
      unread > 0 ? h('span', { class: 'badge', 'aria-hidden': 'true' }, String(unread)) : null,
    ),
  );

/** Channels, then the app (its DM and Home tab) under "Apps". */
export const sidebar = (
  s: PersonSnapshot,
  selected: Selection,
  unread: Readonly<Record<string, number>>,
): VNode => {
  const channels = s.conversations.filter((c) => c.kind === 'channel');
  const apps = s.conversations.filter((c) => c.kind === 'dm');
  return h(
    'nav',
    { class: 'sidebar', 'aria-label': 'Conversations' },
    h('h2', { class: 'side-heading' }, 'Channels'),
    h(
      'ul',
      { class: 'side-list' },
      channels.map((c) => sidebarItem(c, c.id === selected.conversation, unread[c.id] ?? 0)),
    ),
    h('h2', { class: 'side-heading' }, 'Apps'),
    h(
      'ul',
      { class: 'side-list' },
      apps.map((c) => sidebarItem(c, c.id === selected.conversation, unread[c.id] ?? 0)),
    ),
  );
};

export const conversationHeader = (c: Conversation, tab: Tab): VNode =>
  h(
    'header',
    { class: 'conv-header' },
    h('h2', { class: 'conv-title' }, conversationLabel(c)),
    h('p', { class: 'conv-topic' }, c.topic),
    c.kind === 'dm'
      ? h(
          'div',
          { class: 'tabs', role: 'tablist', 'aria-label': `${c.name} app` },
          (['home', 'messages'] as const).map((t) =>
            h(
              'button',
              {
                type: 'button',
                role: 'tab',
                'aria-selected': tab === t ? 'true' : 'false',
                'data-tab': t,
                class: 'tab',
              },
              t === 'home' ? 'Home' : 'Messages',
            ),
          ),
        )
      : null,
  );

const timeOf = (ts: string, ctx: RenderContext): string =>
  new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: ctx.timeZone }).format(
    new Date(Math.floor(Number(ts)) * 1000),
  );

const authorName = (m: ChatMessage, s: PersonSnapshot): string =>
  m.author === s.bot.userId ? s.bot.name : (s.people.find((p) => p.id === m.author)?.realName ?? m.author);

const messageItem = (m: ChatMessage, s: PersonSnapshot, ctx: RenderContext, index: number): VNode => {
  const fromBot = m.author === s.bot.userId;
  const ephemeral = m.visibleTo !== undefined;
  const body = m.isCommand
    ? h('code', { class: 'command' }, m.text)
    : m.blocks.length > 0
      ? renderBlocks(m.blocks, { ctx, surface: 'message', idPrefix: `m${index}` })
      : mrkdwn(m.text, ctx);
  return h(
    'li',
    { class: `message${ephemeral ? ' ephemeral' : ''}`, 'data-message': m.key, 'data-surface': 'message' },
    h(
      'div',
      { class: 'message-meta' },
      h(
        'span',
        { class: `avatar${fromBot ? ' bot' : ''}`, 'aria-hidden': 'true' },
        authorName(m, s).slice(0, 1),
      ),
      h('strong', { class: 'author' }, authorName(m, s)),
      fromBot ? h('span', { class: 'app-tag' }, 'APP') : null,
      h('span', { class: 'time' }, timeOf(m.ts, ctx)),
      ephemeral ? h('span', { class: 'only-you' }, '👁 Only visible to you') : null,
    ),
    h('div', { class: 'message-body' }, body),
  );
};

export const messageList = (c: Conversation, s: PersonSnapshot, ctx: RenderContext): VNode => {
  const messages = s.messages[c.id] ?? [];
  return h(
    'ul',
    { class: 'messages', 'aria-label': `History of ${conversationLabel(c)}` },
    messages.length === 0
      ? h(
          'li',
          { class: 'empty' },
          c.kind === 'channel'
            ? 'No messages yet. Type /authgear help below.'
            : 'No messages from the bot yet.',
        )
      : messages.map((m, i) => messageItem(m, s, ctx, i)),
  );
};
