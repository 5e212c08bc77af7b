/**
 * Block Kit to {@link VNode}s, as Slack lays it out: section (text, fields, accessory), header, context, divider,
 * actions, image (its alt text), input; buttons, selects, multi-selects, overflow menus, checkboxes, radio buttons,
 * date pickers and text inputs as real form controls. Pure: the page wires the controls (data-* attributes).
 */
import type { Json } from '../workspace/types.js';
import { isObject, objects } from './json.js';
import { mrkdwn, plainText, type RenderContext } from './mrkdwn.js';
import { h, textOf, type VNode } from './vnode.js';

export type Surface = 'message' | 'modal' | 'home';

export interface BlockOptions {
  readonly ctx: RenderContext;
  readonly surface: Surface;
  /** Unique per rendered surface, for element IDs (labels point at inputs). */
  readonly idPrefix: string;
  /** Inline errors by block_id (modals). */
  readonly errors?: Readonly<Record<string, string>>;
}

const textField = (t: unknown): string => (isObject(t) && typeof t.text === 'string' ? t.text : '');

/** A Block Kit text object (mrkdwn or plain_text). */
export const textObject = (t: unknown, ctx: RenderContext): VNode[] => {
  if (!isObject(t) || typeof t.text !== 'string') return [];
  return t.type === 'mrkdwn' ? mrkdwn(t.text, ctx) : plainText(t.text, t.emoji !== false);
};

const optionsOf = (e: Json): Json[] => [
  ...objects(e.options),
  ...objects(e.option_groups).flatMap((g) => objects(g.options)),
];
const optionValue = (o: unknown): string => (isObject(o) && typeof o.value === 'string' ? o.value : '');

interface At {
  readonly blockIndex: number;
  readonly elementIndex: number;
}
const where = (at: At) => ({ 'data-element': `${at.blockIndex}:${at.elementIndex}` });

const button = (e: Json, at: At, o: BlockOptions): VNode =>
  h(
    'button',
    {
      type: 'button',
      class: `bk-button${e.style === 'primary' ? ' primary' : e.style === 'danger' ? ' danger' : ''}`,
      ...where(at),
      ...(isObject(e.confirm) ? { 'data-confirm': '1' } : {}),
    },
    textObject(e.text, o.ctx),
  );

const optionList = (e: Json, selected: readonly string[], o: BlockOptions, placeholder: boolean): VNode[] => [
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
      textOf(textObject(opt.text, o.ctx)),
    ),
  ),
];

const initialSelected = (e: Json): string[] => [
  ...(isObject(e.initial_option) ? [optionValue(e.initial_option)] : []),
  ...objects(e.initial_options).map(optionValue),
];

/** A control in a message, the Home tab or a modal's actions block: acts at once, like Slack. */
const actionElement = (e: Json, at: At, o: BlockOptions, label: string): VNode => {
  switch (e.type) {
    case 'button':
      return button(e, at, o);
    case 'static_select':
    case 'multi_static_select':
      return h(
        'select',
        {
          class: 'bk-select',
          'aria-label': textField(e.placeholder) || label,
          multiple: e.type === 'multi_static_select',
          'data-act': 'change',
          ...where(at),
        },
        optionList(e, initialSelected(e), o, e.type === 'static_select'),
      );
    case 'overflow':
      return h(
        'select',
        { class: 'bk-overflow', 'aria-label': 'More actions', 'data-act': 'change', ...where(at) },
        h('option', { value: '' }, '⋯'),
        optionsOf(e).map((opt) =>
          h('option', { value: optionValue(opt) }, textOf(textObject(opt.text, o.ctx))),
        ),
      );
    case 'datepicker':
      return h('input', {
        type: 'date',
        'aria-label': label,
        value: String(e.initial_date ?? ''),
        'data-act': 'change',
        ...where(at),
      });
    case 'image':
      return h('span', { class: 'bk-image' }, `[image: ${String(e.alt_text ?? '')}]`);
    default:
      return h('span', { class: 'bk-unknown' }, `[${String(e.type)}]`);
  }
};

/** The control of an input block (modals): read when the form is submitted. */
const inputElement = (e: Json, block: Json, id: string, o: BlockOptions, describedBy: string): VNode => {
  const data = {
    'data-block-id': String(block.block_id ?? ''),
    'data-action-id': String(e.action_id ?? ''),
    'aria-describedby': describedBy,
  };
  const invalid = o.errors?.[String(block.block_id)] !== undefined;
  const common = {
    id,
    ...data,
    'aria-invalid': invalid ? 'true' : undefined,
    required: block.optional !== true,
  };
  switch (e.type) {
    case 'plain_text_input':
      return e.multiline === true
        ? h(
            'textarea',
            { ...common, 'data-kind': 'text', rows: 3, placeholder: textField(e.placeholder) || undefined },
            String(e.initial_value ?? ''),
          )
        : h('input', {
            ...common,
            type: 'text',
            'data-kind': 'text',
            value: String(e.initial_value ?? ''),
            placeholder: textField(e.placeholder) || undefined,
          });
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return h('input', {
        ...common,
        type: e.type === 'email_text_input' ? 'email' : e.type === 'url_text_input' ? 'url' : 'number',
        'data-kind': 'text',
        value: String(e.initial_value ?? ''),
      });
    case 'static_select':
    case 'multi_static_select':
      return h(
        'select',
        { ...common, multiple: e.type === 'multi_static_select', 'data-kind': 'select' },
        optionList(e, initialSelected(e), o, e.type === 'static_select'),
      );
    case 'checkboxes':
    case 'radio_buttons': {
      const selected = initialSelected(e);
      const kind = e.type === 'checkboxes' ? 'checkbox' : 'radio';
      return h(
        'div',
        { id, role: 'group', class: 'bk-choices', ...data },
        optionsOf(e).map((opt, i) =>
          h(
            'label',
            { class: 'bk-choice' },
            h('input', {
              type: kind,
              name: id,
              value: optionValue(opt),
              checked: selected.includes(optionValue(opt)),
              'data-kind': 'choice',
              id: `${id}-${i}`,
            }),
            ' ',
            textObject(opt.text, o.ctx),
          ),
        ),
      );
    }
    case 'datetimepicker':
      return h('input', { ...common, type: 'datetime-local', 'data-kind': 'datetime' });
    case 'datepicker':
      return h('input', {
        ...common,
        type: 'date',
        'data-kind': 'date',
        value: String(e.initial_date ?? ''),
      });
    default:
      return h('span', { class: 'bk-unknown' }, `[${String(e.type)}]`);
  }
};

const inputBlock = (block: Json, index: number, o: BlockOptions): VNode => {
  const element = isObject(block.element) ? block.element : {};
  const id = `${o.idPrefix}-input-${index}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const error = o.errors?.[String(block.block_id)];
  const labelText = textOf(textObject(block.label, o.ctx));
  const grouped = element.type === 'checkboxes' || element.type === 'radio_buttons';
  return h(
    'div',
    { class: 'bk-input', 'data-block': index },
    grouped
      ? h(
          'span',
          { class: 'bk-label', id: `${id}-label` },
          labelText,
          block.optional === true ? h('span', { class: 'optional' }, ' (optional)') : null,
        )
      : h(
          'label',
          { class: 'bk-label', for: id },
          labelText,
          block.optional === true ? h('span', { class: 'optional' }, ' (optional)') : null,
        ),
    inputElement(grouped ? { ...element } : element, block, id, o, `${hintId} ${errorId}`),
    isObject(block.hint) ? h('p', { class: 'bk-hint', id: hintId }, textObject(block.hint, o.ctx)) : null,
    h(
      'p',
      {
        class: 'bk-error',
        id: errorId,
        role: error ? 'alert' : undefined,
        'data-error-for': String(block.block_id ?? ''),
      },
      error ?? '',
    ),
  );
};

const block = (b: Json, index: number, o: BlockOptions): VNode => {
  const at = (elementIndex: number): At => ({ blockIndex: index, elementIndex });
  switch (b.type) {
    case 'section':
      return h(
        'div',
        { class: 'bk-section', 'data-block': index },
        h(
          'div',
          { class: 'bk-section-body' },
          b.text ? h('div', { class: 'bk-text' }, textObject(b.text, o.ctx)) : null,
          objects(b.fields).length > 0
            ? h(
                'div',
                { class: 'bk-fields' },
                objects(b.fields).map((f) => h('div', { class: 'bk-field' }, textObject(f, o.ctx))),
              )
            : null,
        ),
        isObject(b.accessory)
          ? h('div', { class: 'bk-accessory' }, actionElement(b.accessory, at(0), o, 'Options'))
          : null,
      );
    case 'header':
      return h('h3', { class: 'bk-header', 'data-block': index }, textObject(b.text, o.ctx));
    case 'context':
      return h(
        'div',
        { class: 'bk-context', 'data-block': index },
        objects(b.elements).map((e) =>
          e.type === 'image'
            ? h('span', { class: 'bk-image' }, `[${String(e.alt_text ?? 'image')}]`)
            : h('span', {}, textObject(e, o.ctx)),
        ),
      );
    case 'divider':
      return h('hr', { class: 'bk-divider', 'data-block': index });
    case 'actions':
      return h(
        'div',
        { class: 'bk-actions', role: 'group', 'data-block': index },
        objects(b.elements).map((e, i) => actionElement(e, at(i), o, 'Choose')),
      );
    case 'image':
      return h(
        'figure',
        { class: 'bk-image-block', 'data-block': index },
        isObject(b.title) ? h('figcaption', {}, textObject(b.title, o.ctx)) : null,
        h('span', { class: 'bk-image' }, `[image: ${String(b.alt_text ?? '')}]`),
      );
    case 'input':
      return inputBlock(b, index, o);
    default:
      return h('div', { class: 'bk-unknown', 'data-block': index }, `[unsupported block: ${String(b.type)}]`);
  }
};

/** Renders a surface's blocks in order. */
export const renderBlocks = (blocks: readonly Json[], o: BlockOptions): VNode[] =>
  blocks.map((b, i) => block(b, i, o));
