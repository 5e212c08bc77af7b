/**
 * What Slack puts in a payload for an interactive element: the `actions[]` entry of block_actions, and the
 * `view.state.values` of a modal. Pure: built from the element as Slack stored it and what the person chose.
 */
import { isObject, objects } from '../web/json.js';
import type { Json } from '../workspace/types.js';

/** What the person entered or chose in one element, as the page reports it. */
export interface ElementInput {
  readonly value?: string | null | undefined;
  /** Option values chosen (selects, overflow, checkboxes, radio buttons). */
  readonly selected?: readonly string[] | undefined;
  /** datetimepicker: seconds since the epoch. */
  readonly dateTime?: number | null | undefined;
  /** datepicker: YYYY-MM-DD. */
  readonly date?: string | null | undefined;
}

/** The options an element offers, option groups flattened. */
export const optionsOf = (element: Json): Json[] => {
  return [...objects(element.options), ...objects(element.option_groups).flatMap((g) => objects(g.options))];
};

/** The chosen options, in the element's order; values the element does not offer are dropped (Slack sends none). */
const chosen = (element: Json, selected: readonly string[] | undefined): Json[] =>
  optionsOf(element).filter((o) => selected?.includes(String(o.value)) === true);

const SINGLE = new Set(['static_select', 'overflow', 'radio_buttons']);
const MULTI = new Set(['multi_static_select', 'checkboxes']);
const TEXT = new Set(['plain_text_input', 'email_text_input', 'url_text_input', 'number_input']);

/** The `value`-like part Slack reports for an element's current input. */
export const reportedValue = (element: Json, input: ElementInput | undefined): Json => {
  const type = String(element.type);
  if (TEXT.has(type)) return { value: input?.value === undefined || input.value === '' ? null : input.value };
  if (SINGLE.has(type)) return { selected_option: chosen(element, input?.selected)[0] ?? null };
  if (MULTI.has(type)) return { selected_options: chosen(element, input?.selected) };
  if (type === 'datetimepicker') return { selected_date_time: input?.dateTime ?? null };
  if (type === 'datepicker') return { selected_date: input?.date ?? null };
  return {};
};

/** One `actions[]` entry of a block_actions payload. */
export const actionEntry = (
  element: Json,
  blockId: string,
  input: ElementInput | undefined,
  actionTs: string,
): Json => {
  const type = String(element.type);
  const common = { type, action_id: element.action_id, block_id: blockId, action_ts: actionTs };
  if (type === 'button') {
    return {
      ...common,
      text: element.text,
      ...(element.value === undefined ? {} : { value: element.value }),
      ...(element.style === undefined ? {} : { style: element.style }),
    };
  }
  const reported = reportedValue(element, input);
  return {
    ...common,
    ...reported,
    ...(element.placeholder === undefined ? {} : { placeholder: element.placeholder }),
  };
};

/** The interactive element at a position in a surface's blocks: an actions element, an accessory or an input's element. */
export const elementAt = (
  blocks: readonly Json[],
  blockIndex: number,
  elementIndex: number,
): Json | undefined => {
  const block = blocks[blockIndex];
  if (!block) return undefined;
  if (block.type === 'actions' && Array.isArray(block.elements)) {
    const element: unknown = block.elements[elementIndex];
    return isObject(element) ? element : undefined;
  }
  if (block.type === 'section' && isObject(block.accessory)) return block.accessory;
  if (block.type === 'input' && isObject(block.element)) return block.element;
  return undefined;
};

/** `view.state.values`: every input (and actions element with a value) of a view, from what the person entered. */
export const stateValues = (
  blocks: readonly Json[],
  inputs: Readonly<Record<string, Readonly<Record<string, ElementInput>>>>,
): Record<string, Record<string, Json>> => {
  const values: Record<string, Record<string, Json>> = {};
  for (const block of blocks) {
    const blockId = String(block.block_id ?? '');
    const elements =
      block.type === 'input' && isObject(block.element)
        ? [block.element]
        : block.type === 'actions'
          ? objects(block.elements).filter((e) => e.type !== 'button')
          : [];
    for (const element of elements) {
      const actionId = String(element.action_id ?? '');
      const reported = reportedValue(element, inputs[blockId]?.[actionId]);
      values[blockId] = { ...values[blockId], [actionId]: { type: element.type, ...reported } };
    }
  }
  return values;
};
