import { describe, expect, it } from 'vitest';
import { actionEntry, elementAt, stateValues } from '../../../demo/slack/elements.js';
import { slackEscape } from '../../../demo/slack/escape.js';

const dir = {
  people: [{ id: 'U0ADA', handle: 'ada' }],
  channels: [{ id: 'C0OPS', name: 'ops' }],
  usergroups: [{ id: 'S0SUPPORT', handle: 'support' }],
};

describe('text as Slack sends it', () => {
  it.each([
    ['user alice@example.com', 'user <mailto:alice@example.com|alice@example.com>'],
    ['user @ada', 'user <@U0ADA|ada>'],
    ['ask @support in #ops', 'ask <!subteam^S0SUPPORT|@support> in <#C0OPS|ops>'],
    ['user +14155550100', 'user <tel:+14155550100|+14155550100>'],
    ['edit bob family_name=Builder & <Sons>', 'edit bob family_name=Builder &amp; &lt;Sons&gt;'],
    ['see https://x.example/home', 'see <https://x.example/home>'],
    ['@nobody  #nowhere', '@nobody  #nowhere'],
  ])('%s', (typed, sent) => {
    expect(slackEscape(typed, dir)).toBe(sent);
  });
});

describe('payload parts for interactive elements', () => {
  const select = {
    type: 'static_select',
    action_id: 'pick',
    options: [
      { text: { type: 'plain_text', text: 'A' }, value: 'a' },
      { text: { type: 'plain_text', text: 'B' }, value: 'b' },
    ],
  };

  it('reports a button with its value and style, and a select with the option object Slack stored', () => {
    const button = {
      type: 'button',
      action_id: 'go',
      text: { type: 'plain_text', text: 'Go' },
      value: 'v',
      style: 'danger',
    };
    expect(actionEntry(button, 'blk', undefined, '1.000001')).toEqual({
      type: 'button',
      action_id: 'go',
      block_id: 'blk',
      action_ts: '1.000001',
      text: button.text,
      value: 'v',
      style: 'danger',
    });
    expect(actionEntry(select, 'blk', { selected: ['b'] }, '1').selected_option).toEqual(select.options[1]);
    expect(actionEntry(select, 'blk', { selected: ['forged'] }, '1').selected_option).toBeNull();
  });

  it('finds the element clicked: an actions element, a section accessory or an input element', () => {
    const blocks = [
      { type: 'actions', elements: [{ action_id: 'x' }, { action_id: 'y' }] },
      { type: 'section', accessory: { action_id: 'acc' } },
      { type: 'divider' },
    ];
    expect(elementAt(blocks, 0, 1)?.action_id).toBe('y');
    expect(elementAt(blocks, 1, 0)?.action_id).toBe('acc');
    expect(elementAt(blocks, 2, 0)).toBeUndefined();
    expect(elementAt(blocks, 9, 0)).toBeUndefined();
  });

  it('builds view.state.values for every input: empty text is null, dates in seconds, options as Slack stored them', () => {
    const blocks = [
      { type: 'input', block_id: 'reason', element: { type: 'plain_text_input', action_id: 'reason' } },
      { type: 'input', block_id: 'when', element: { type: 'datetimepicker', action_id: 'when' } },
      { type: 'input', block_id: 'pick', element: select },
      { type: 'section', text: { type: 'mrkdwn', text: 'x' } },
    ];
    expect(
      stateValues(blocks, { when: { when: { dateTime: 1700000000 } }, pick: { pick: { selected: ['a'] } } }),
    ).toEqual({
      reason: { reason: { type: 'plain_text_input', value: null } },
      when: { when: { type: 'datetimepicker', selected_date_time: 1700000000 } },
      pick: { pick: { type: 'static_select', selected_option: select.options[0] } },
    });
  });
});
