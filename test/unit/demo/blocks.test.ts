import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../../demo/web/blocks.js';
import type { RenderContext } from '../../../demo/web/mrkdwn.js';
import { findAll, textOf, type VElement } from '../../../demo/web/vnode.js';

const ctx: RenderContext = {
  names: { people: [], channels: [], usergroups: [], bot: { userId: 'U0BOT', name: 'Authgear' } },
  now: new Date('2025-06-15T12:00:00Z'),
  timeZone: 'UTC',
};
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
const md = (text: string) => ({ type: 'mrkdwn', text });
const option = (value: string, text = value) => ({ value, text: plain(text) });
const render = (blocks: Record<string, unknown>[], errors?: Record<string, string>) =>
  renderBlocks(blocks, { ctx, surface: 'modal', idPrefix: 't', ...(errors ? { errors } : {}) });
const byTag = (nodes: ReturnType<typeof render>, tag: string): VElement[] =>
  findAll(nodes, (e) => e.tag === tag);

describe('Block Kit rendering', () => {
  it('lays out a section with text, fields and a button accessory', () => {
    const nodes = render([
      {
        type: 'section',
        block_id: 's',
        text: md('*Alice*'),
        fields: [md('Email'), md('Status')],
        accessory: { type: 'button', action_id: 'view', text: plain('View'), value: 'x' },
      },
    ]);
    expect(textOf(nodes)).toBe('AliceEmailStatusView');
    const [button] = byTag(nodes, 'button');
    expect(button?.attrs).toMatchObject({ type: 'button', 'data-element': '0:0' });
    expect(byTag(nodes, 'strong')).toHaveLength(1);
  });

  it('renders header, context (images as their alt text), divider and image blocks', () => {
    const nodes = render([
      { type: 'header', text: plain('Title :lock:') },
      {
        type: 'context',
        elements: [md('_small_'), { type: 'image', image_url: 'https://x/y.png', alt_text: 'logo' }],
      },
      { type: 'divider' },
      { type: 'image', image_url: 'https://x/z.png', alt_text: 'chart of logins' },
    ]);
    expect(byTag(nodes, 'h3').map(textOf)).toEqual(['Title 🔒']);
    expect(textOf(nodes)).toContain('[logo]');
    expect(textOf(nodes)).toContain('[image: chart of logins]');
    expect(byTag(nodes, 'hr')).toHaveLength(1);
    expect(byTag(nodes, 'img')).toEqual([]);
  });

  it('turns actions into real buttons (with their style), selects, multi-selects and overflow menus', () => {
    const nodes = render([
      {
        type: 'actions',
        block_id: 'a',
        elements: [
          { type: 'button', action_id: 'ok', text: plain('Approve'), style: 'primary', value: '1' },
          { type: 'button', action_id: 'no', text: plain('Reject'), style: 'danger', value: '2' },
          {
            type: 'static_select',
            action_id: 's',
            placeholder: plain('Pick'),
            options: [option('a'), option('b')],
            initial_option: option('b'),
          },
          {
            type: 'multi_static_select',
            action_id: 'm',
            placeholder: plain('Several'),
            options: [option('x'), option('y')],
          },
          { type: 'overflow', action_id: 'o', options: [option('more', 'More')] },
        ],
      },
    ]);
    const buttons = byTag(nodes, 'button');
    expect(buttons.map(textOf)).toEqual(['Approve', 'Reject']);
    expect(buttons.map((b) => b.attrs.class)).toEqual(['bk-button primary', 'bk-button danger']);
    const selects = byTag(nodes, 'select');
    expect(selects.map((s) => s.attrs['aria-label'])).toEqual(['Pick', 'Several', 'More actions']);
    expect(selects[1]?.attrs.multiple).toBe(true);
    expect(
      findAll(selects[0] ?? [], (e) => e.tag === 'option' && e.attrs.selected === true).map(textOf),
    ).toEqual(['b']);
    expect(selects.map((s) => s.attrs['data-element'])).toEqual(['0:2', '0:3', '0:4']);
  });

  it('labels every input by its Block Kit label and shows an inline error from response_action: errors', () => {
    const nodes = render(
      [
        {
          type: 'input',
          block_id: 'reason',
          label: plain('Reason'),
          element: { type: 'plain_text_input', action_id: 'reason', multiline: true },
        },
        {
          type: 'input',
          block_id: 'when',
          optional: true,
          label: plain('From'),
          hint: plain('Optional window'),
          element: { type: 'datetimepicker', action_id: 'when' },
        },
        {
          type: 'input',
          block_id: 'ok',
          label: plain('Sure?'),
          element: { type: 'checkboxes', action_id: 'ok', options: [option('yes', 'Yes')] },
        },
      ],
      { reason: 'Give a reason.' },
    );
    const [label] = byTag(nodes, 'label');
    const [textarea] = byTag(nodes, 'textarea');
    expect(label?.attrs.for).toBe(textarea?.attrs.id);
    expect(textarea?.attrs).toMatchObject({
      'aria-invalid': 'true',
      'data-block-id': 'reason',
      'data-action-id': 'reason',
    });
    const alerts = findAll(nodes, (e) => e.attrs.role === 'alert');
    expect(alerts.map(textOf)).toEqual(['Give a reason.']);
    expect(String(textarea?.attrs['aria-describedby'])).toContain(String(alerts[0]?.attrs.id));
    expect(textOf(nodes)).toContain('From (optional)');
    expect(byTag(nodes, 'input').map((i) => i.attrs.type)).toEqual(['datetime-local', 'checkbox']);
  });

  it('keeps text from the bot as text: markup in it is never an element', () => {
    const nodes = render([
      { type: 'section', text: md('&lt;img src=x onerror=alert(1)&gt;') },
      { type: 'header', text: plain('<script>') },
    ]);
    expect(byTag(nodes, 'img')).toEqual([]);
    expect(byTag(nodes, 'script')).toEqual([]);
    expect(textOf(nodes)).toBe('<img src=x onerror=alert(1)><script>');
  });

  it('says so for a block it cannot render', () => {
    expect(textOf(render([{ type: 'video', title: plain('x') }]))).toBe('[unsupported block: video]');
  });
});
