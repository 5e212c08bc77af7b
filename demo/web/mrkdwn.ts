/**
 * Slack's mrkdwn as Slack shows it: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes, links, mentions shown
 * as names, `<!date^…|fallback>` in the reader's time, emoji. Parsing is slack-message-parser's; the rendering to
 * {@link VNode}s is ours. Text arrives escaped (`&amp;`, `&lt;`, `&gt;`) and is decoded only into text nodes.
 */
import { type Node, NodeType, parse } from 'slack-message-parser';
import { h, type VNode } from './vnode.js';

export interface Names {
  readonly people: readonly { readonly id: string; readonly realName: string }[];
  readonly channels: readonly { readonly id: string; readonly name: string }[];
  readonly usergroups: readonly { readonly id: string; readonly handle: string }[];
  readonly bot: { readonly userId: string; readonly name: string };
}

export interface RenderContext {
  readonly names: Names;
  /** "Today" / "Yesterday" are relative to this. */
  readonly now: Date;
  /** IANA time zone for dates (the reader's; tests pin one). */
  readonly timeZone: string | undefined;
}

const EMOJI: Readonly<Record<string, string>> = {
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  warning: '⚠️',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  x: '❌',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  outbox: '📤',
  inbox_tray: '📥',
  leftwards_arrow_with_hook: '↩️',
  grey_question: '❔',
  question: '❓',
  gear: '⚙️',
  bust_in_silhouette: '👤',
  busts_in_silhouette: '👥',
  alarm_clock: '⏰',
  wastebasket: '🗑️',
  scroll: '📜',
  lock: '🔒',
  unlock: '🔓',
  key: '🔑',
  ledger: '📒',
  memo: '📝',
  large_green_circle: '🟢',
  red_circle: '🔴',
  white_circle: '⚪',
  email: '📧',
  iphone: '📱',
  calendar: '📅',
  mag: '🔍',
  link: '🔗',
  bell: '🔔',
  shield: '🛡️',
  rotating_light: '🚨',
  information_source: 'ℹ️',
  eyes: '👀',
  tada: '🎉',
  '+1': '👍',
};

const decodeEntities = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Text with line breaks as <br>. */
const lines = (text: string): VNode[] =>
  text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [h('br'), line]));

export const emoji = (name: string): string => EMOJI[name] ?? `:${name}:`;

/** plain_text objects with `emoji: true` show :codes: as emoji, nothing else. */
export const plainText = (text: string, withEmoji = true): VNode[] =>
  lines(withEmoji ? text.replace(/:([a-z0-9_+-]+):/g, (_, name: string) => emoji(name)) : text);

const SAFE_URL = /^(https?:|mailto:|tel:)/i;

const pad = (n: number): string => String(n).padStart(2, '0');
const ordinal = (n: number): string => {
  const suffix =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
};

/** Slack's `<!date^seconds^format|fallback>` tokens, in the reader's time zone. */
export const formatSlackDate = (seconds: number, format: string, ctx: RenderContext): string => {
  const date = new Date(seconds * 1000);
  const part = (d: Date) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: ctx.timeZone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'long',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      hour12: true,
    }).formatToParts(d);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const month = get('month');
    return {
      year: Number(get('year')),
      month,
      monthIndex:
        [
          'January',
          'February',
          'March',
          'April',
          'May',
          'June',
          'July',
          'August',
          'September',
          'October',
          'November',
          'December',
        ].indexOf(month) + 1,
      day: Number(get('day')),
      weekday: get('weekday'),
      time: `${get('hour')}:${get('minute')} ${get('dayPeriod')}`,
      timeSecs: `${get('hour')}:${get('minute')}:${get('second')} ${get('dayPeriod')}`,
    };
  };
  const p = part(date);
  const dayKey = (d: ReturnType<typeof part>) => `${d.year}-${d.monthIndex}-${d.day}`;
  const relative = (): string | undefined => {
    const today = part(ctx.now);
    const yesterday = part(new Date(ctx.now.getTime() - 86_400_000));
    const tomorrow = part(new Date(ctx.now.getTime() + 86_400_000));
    if (dayKey(p) === dayKey(today)) return 'Today';
    if (dayKey(p) === dayKey(yesterday)) return 'Yesterday';
    if (dayKey(p) === dayKey(tomorrow)) return 'Tomorrow';
    return undefined;
  };
  const short = `${p.month.slice(0, 3)} ${p.day}, ${p.year}`;
  const long = `${p.month} ${ordinal(p.day)}, ${p.year}`;
  const tokens: Record<string, () => string> = {
    date_num: () => `${p.year}-${pad(p.monthIndex)}-${pad(p.day)}`,
    date: () => long,
    date_short: () => short,
    date_long: () => `${p.weekday}, ${long}`,
    date_pretty: () => relative() ?? long,
    date_short_pretty: () => relative() ?? short,
    date_long_pretty: () => relative() ?? `${p.weekday}, ${long}`,
    time: () => p.time,
    time_secs: () => p.timeSecs,
    ago: () => {
      const minutes = Math.round((ctx.now.getTime() - date.getTime()) / 60_000);
      if (Math.abs(minutes) < 1) return 'just now';
      const [n, unit] =
        Math.abs(minutes) < 60
          ? [Math.abs(minutes), 'minute']
          : Math.abs(minutes) < 1440
            ? [Math.floor(Math.abs(minutes) / 60), 'hour']
            : [Math.floor(Math.abs(minutes) / 1440), 'day'];
      const text = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return minutes >= 0 ? `${text} ago` : `in ${text}`;
    },
  };
  return format.replace(/\{([a-z_]+)\}/g, (whole, token: string) => tokens[token]?.() ?? whole);
};

const nameOfUser = (id: string, ctx: RenderContext): string | undefined =>
  id === ctx.names.bot.userId ? ctx.names.bot.name : ctx.names.people.find((p) => p.id === id)?.realName;

const render = (node: Node, ctx: RenderContext): VNode[] => {
  const kids = (children: readonly Node[]) => children.flatMap((c) => render(c, ctx));
  switch (node.type) {
    case NodeType.Root:
      return kids(node.children);
    case NodeType.Text:
      return lines(decodeEntities(node.text));
    case NodeType.Bold:
      return [h('strong', {}, kids(node.children))];
    case NodeType.Italic:
      return [h('em', {}, kids(node.children))];
    case NodeType.Strike:
      return [h('del', {}, kids(node.children))];
    case NodeType.Code:
      return [h('code', {}, decodeEntities(node.text))];
    case NodeType.PreText:
      return [h('pre', {}, decodeEntities(node.text))];
    case NodeType.Quote:
      return [h('blockquote', {}, kids(node.children))];
    case NodeType.Emoji:
      return [emoji(node.name)];
    case NodeType.UserLink: {
      const name = nameOfUser(node.userID, ctx) ?? (node.label ? undefined : node.userID);
      return [h('span', { class: 'mention' }, '@', name ?? kids(node.label ?? []))];
    }
    case NodeType.ChannelLink: {
      const name = ctx.names.channels.find((c) => c.id === node.channelID)?.name;
      return [h('span', { class: 'mention' }, '#', name ?? (node.label ? kids(node.label) : node.channelID))];
    }
    case NodeType.URL: {
      const url = decodeEntities(node.url);
      const label = node.label ? kids(node.label) : [url.replace(/^(mailto|tel):/i, '')];
      return SAFE_URL.test(url)
        ? [h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, label)]
        : label;
    }
    case NodeType.Command:
      return command(node.name, node.arguments, node.label ? kids(node.label) : undefined, ctx);
    default:
      return [];
  }
};

const command = (
  name: string,
  args: readonly string[],
  label: VNode[] | undefined,
  ctx: RenderContext,
): VNode[] => {
  if (name === 'here' || name === 'channel' || name === 'everyone')
    return [h('span', { class: 'mention' }, `@${name}`)];
  if (name === 'subteam') {
    const handle = ctx.names.usergroups.find((g) => g.id === args[0])?.handle;
    return [h('span', { class: 'mention' }, handle ? `@${handle}` : (label ?? '@group'))];
  }
  if (name === 'date') {
    const seconds = Number(args[0]);
    if (!Number.isFinite(seconds)) return label ?? [];
    const text = formatSlackDate(seconds, args[1] ?? '{date}', ctx);
    return [h('time', { datetime: new Date(seconds * 1000).toISOString() }, text)];
  }
  return label ?? [];
};

/** mrkdwn text as Slack renders it. */
export const mrkdwn = (text: string, ctx: RenderContext): VNode[] => render(parse(text), ctx);
