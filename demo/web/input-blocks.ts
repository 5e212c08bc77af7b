/** Input blocks (modals): a label tied to its control, hint, and the inline error from `response_action: errors`. Pure. */
import type { Json } from '../workspace/types.js';
import { initialSelected, optionList, optionsOf, optionValue, textField, textObject } from './block-parts.js';
import type { BlockOptions } from './blocks.js';
import { isObject } from './json.js';
import { h, textOf, type VNode } from './vnode.js';

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
        optionList(e, initialSelected(e), o.ctx, e.type === 'static_select'),
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

export const inputBlock = (block: Json, index: number, o: BlockOptions): VNode => {
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
