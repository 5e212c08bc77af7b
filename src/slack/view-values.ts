import type { FieldSpec, FieldValues } from '../actions/types.js';
import { fromTypedText } from './text.js';

interface StateValue {
  readonly type?: string;
  readonly value?: string | null;
  readonly selected_option?: { readonly value?: string } | null;
  readonly selected_options?: ReadonlyArray<{ readonly value?: string }>;
  readonly selected_date_time?: number | null;
}

type StateValues = Readonly<Record<string, Readonly<Record<string, StateValue>>>>;

const readOne = (f: FieldSpec, v: StateValue | undefined): string | readonly string[] | undefined => {
  if (v === undefined) return undefined;
  switch (f.kind) {
    case 'text':
      return v.value == null ? undefined : fromTypedText(v.value);
    case 'select':
      return v.selected_option?.value ?? undefined;
    case 'multi_select':
      return (v.selected_options ?? []).flatMap((o) => (o.value ? [o.value] : []));
    case 'datetime':
      return typeof v.selected_date_time === 'number'
        ? new Date(v.selected_date_time * 1000).toISOString()
        : undefined;
    case 'checkbox':
      return (v.selected_options ?? []).length > 0 ? 'yes' : undefined;
  }
};

/**
 * Reads `view.state.values` for the given fields (block_id = action_id = field id); text as typed, with the
 * client's smart quotes straightened (slack/text.ts).
 */
export const readFields = (spec: readonly FieldSpec[], values: StateValues): FieldValues => {
  const out: Record<string, string | readonly string[] | undefined> = {};
  for (const f of spec) out[f.id] = readOne(f, values[f.id]?.[f.id]);
  return out;
};

const KIND_BY_ELEMENT: Record<string, FieldSpec['kind']> = {
  plain_text_input: 'text',
  static_select: 'select',
  multi_static_select: 'multi_select',
  datetimepicker: 'datetime',
  checkboxes: 'checkbox',
};

interface ViewLike {
  readonly blocks: ReadonlyArray<{
    readonly type: string;
    readonly block_id?: string;
    readonly element?: { readonly type?: string };
  }>;
  readonly state: { readonly values: StateValues };
}

/** Reads every input of a submitted view by its block ID, whatever fields the form was rendered with. */
export const readViewFields = (view: ViewLike): { values: FieldValues; ids: string[] } => {
  const spec: FieldSpec[] = [];
  for (const b of view.blocks) {
    const kind = b.type === 'input' && b.element?.type ? KIND_BY_ELEMENT[b.element.type] : undefined;
    if (kind && b.block_id) spec.push({ kind, id: b.block_id, label: b.block_id } as FieldSpec);
  }
  return { values: readFields(spec, view.state.values), ids: spec.map((f) => f.id) };
};
