/**
 * Block Kit to {@link VNode}s, as Slack lays it out: section (text, fields, accessory), header, context, divider,
 * actions, image (its alt text), input; buttons, selects, multi-selects, overflow menus, checkboxes, radio buttons,
 * date pickers and text inputs as real form controls. Pure: the page wires the controls (data-* attributes).
 */
import type { Json } from '../workspace/types.js';
import { initialSelected, optionList, optionsOf, optionValue, textField, textObject } from './block-parts.js';
import { inputBlock } from './input-blocks.js';
import { isObject, objects } from './json.js';
import type { RenderContext } from './mrkdwn.js';
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
        optionList(e, initialSelected(e), o.ctx, e.type === 'static_select'),
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
