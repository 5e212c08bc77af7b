/** Pieces every Block Kit renderer shares: text objects, options, the options a control starts with. Pure. */
import type { Json } from '../workspace/types.js';
import { isObject, objects } from './json.js';
import { mrkdwn, plainText, type RenderContext } from './mrkdwn.js';
import { h, textOf, type VNode } from './vnode.js';

export const textField = (t: unknown): string => (isObject(t) && typeof t.text === 'string' ? t.text : '');

/** A Block Kit text object (mrkdwn or plain_text). */
export const textObject = (t: unknown, ctx: RenderContext): VNode[] => {
  if (!isObject(t) || typeof t.text !== 'string') return [];
  return t.type === 'mrkdwn' ? mrkdwn(t.text, ctx) : plainText(t.text, t.emoji !== false);
};

export const optionsOf = (e: Json): Json[] => [
  ...objects(e.options),
  ...objects(e.option_groups).flatMap((g) => objects(g.options)),
];
export const optionValue = (o: unknown): string =>
  isObject(o) && typeof o.value === 'string' ? o.value : '';

export const optionList = (
  e: Json,
  selected: readonly string[],
  ctx: RenderContext,
  placeholder: boolean,
): VNode[] => [
  ...(placeholder
    ? [
        h(
          'option',
          { value: '', selected: selected.length === 0 },
          textField(e.placeholder) || 'Select an option',
        ),
      ]
    : []),
  ...optionsOf(e).map((opt) =>
    h(
      'option',
      { value: optionValue(opt), selected: selected.includes(optionValue(opt)) },
      textOf(textObject(opt.text, ctx)),
    ),
  ),
];

export const initialSelected = (e: Json): string[] => [
  ...(isObject(e.initial_option) ? [optionValue(e.initial_option)] : []),
  ...objects(e.initial_options).map(optionValue),
];

/** A control in a message, the Home tab or a modal's actions block: acts at once, like Slack. */
