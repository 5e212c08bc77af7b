import { describe, expect, it } from 'vitest';
import { formatSlackDate, mrkdwn, plainText, type RenderContext } from '../../../demo/web/mrkdwn.js';
import { findAll, textOf, type VNode } from '../../../demo/web/vnode.js';

const ctx: RenderContext = {
  names: {
    people: [{ id: 'U0ADA', realName: 'Ada Park' }],
    channels: [{ id: 'C0OPS', name: 'ops' }],
    usergroups: [{ id: 'S0SUPPORT', handle: 'support' }],
    bot: { userId: 'U0AUTHBOT', name: 'Authgear' },
  },
  now: new Date('2025-06-15T12:00:00Z'),
  timeZone: 'UTC',
};

const tags = (nodes: VNode[]) => findAll(nodes, () => true).map((e) => e.tag);

describe('mrkdwn as Slack renders it', () => {
  it.each([
    ['*bold*', 'strong', 'bold'],
    ['_italic_', 'em', 'italic'],
    ['~gone~', 'del', 'gone'],
    ['`code`', 'code', 'code'],
    ['```pre\ntext```', 'pre', 'pre\ntext'],
  ])('renders %s as <%s>', (input, tag, text) => {
    const nodes = mrkdwn(input, ctx);
    expect(tags(nodes)).toContain(tag);
    expect(textOf(nodes)).toBe(text);
  });

  it('decodes &amp; &lt; &gt; into text, never into markup', () => {
    const nodes = mrkdwn('a &lt;b&gt;bold&lt;/b&gt; &amp; more', ctx);
    expect(textOf(nodes)).toBe('a <b>bold</b> & more');
    expect(tags(nodes)).toEqual([]);
  });

  it('leaves formatting characters the bot neutralised with zero-width spaces as text', () => {
    const nodes = mrkdwn('x \u200b*\u200bnot bold\u200b*\u200b', ctx);
    expect(tags(nodes)).not.toContain('strong');
  });

  it('shows mentions as names: people, the bot, channels, user groups and @here', () => {
    const text = textOf(
      mrkdwn('<@U0ADA> and <@U0AUTHBOT> in <#C0OPS> for <!subteam^S0SUPPORT|@sup> <!here>', ctx),
    );
    expect(text).toBe('@Ada Park and @Authgear in #ops for @support @here');
  });

  it('links only http(s), mailto and tel; anything else stays text', () => {
    const safe = findAll(
      mrkdwn('<https://example.com|site> <mailto:a@b.co|a@b.co>', ctx),
      (e) => e.tag === 'a',
    );
    expect(safe.map((a) => a.attrs.href)).toEqual(['https://example.com', 'mailto:a@b.co']);
    expect(safe[0]?.attrs.rel).toBe('noopener noreferrer');
    const unsafe = mrkdwn('<javascript:alert(1)|click>', ctx);
    expect(findAll(unsafe, (e) => e.tag === 'a')).toEqual([]);
    expect(textOf(unsafe)).toBe('click');
  });

  it('formats <!date^…|fallback> in the reader’s time, relative to today', () => {
    const seconds = Date.parse('2025-06-15T09:05:00Z') / 1000;
    const nodes = mrkdwn(`<!date^${seconds}^{date_short_pretty} {time}|2025-06-15T09:05:00Z>`, ctx);
    expect(textOf(nodes)).toBe('Today 9:05 AM');
    expect(findAll(nodes, (e) => e.tag === 'time')[0]?.attrs.datetime).toBe('2025-06-15T09:05:00.000Z');
  });

  it.each([
    ['{date_num}', '2025-06-14'],
    ['{date}', 'June 14th, 2025'],
    ['{date_short}', 'Jun 14, 2025'],
    ['{date_long}', 'Saturday, June 14th, 2025'],
    ['{date_pretty}', 'Yesterday'],
    ['{time_secs}', '11:30:15 PM'],
    ['{ago}', '12 hours ago'],
    ['at {unknown}', 'at {unknown}'],
  ])('date token %s', (format, expected) => {
    expect(formatSlackDate(Date.parse('2025-06-14T23:30:15Z') / 1000, format, ctx)).toBe(expected);
  });

  it('turns emoji codes into emoji and keeps unknown ones as typed, line breaks as <br>', () => {
    const nodes = mrkdwn(':white_check_mark: done\n:no_such_emoji:', ctx);
    expect(textOf(nodes)).toBe('✅ done\n:no_such_emoji:');
    expect(tags(nodes)).toContain('br');
    expect(textOf(plainText('Hi :wave-nope: :lock:'))).toBe('Hi :wave-nope: 🔒');
  });
});
