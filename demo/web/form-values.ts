/** Reads what a person entered in a modal's inputs, in the shape the demo server turns into view.state.values. */

export interface ElementInput {
  value?: string | null;
  selected?: string[];
  dateTime?: number | null;
  date?: string | null;
}

export type ViewInputs = Record<string, Record<string, ElementInput>>;

const readOne = (el: HTMLElement): ElementInput => {
  if (el instanceof HTMLSelectElement)
    return { selected: [...el.selectedOptions].map((o) => o.value).filter((v) => v !== '') };
  if (el instanceof HTMLInputElement && el.dataset.kind === 'datetime') {
    const ms = el.value === '' ? Number.NaN : new Date(el.value).getTime();
    return { dateTime: Number.isFinite(ms) ? Math.floor(ms / 1000) : null };
  }
  if (el instanceof HTMLInputElement && el.dataset.kind === 'date')
    return { date: el.value === '' ? null : el.value };
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return { value: el.value };
  const checked = [...el.querySelectorAll<HTMLInputElement>('input[data-kind="choice"]')].filter(
    (i) => i.checked,
  );
  return { selected: checked.map((i) => i.value) };
};

/** Every input of the form, by block_id then action_id. */
export const readViewInputs = (form: HTMLElement): ViewInputs => {
  const values: ViewInputs = {};
  for (const el of form.querySelectorAll<HTMLElement>('[data-block-id][data-action-id]')) {
    const blockId = el.dataset.blockId ?? '';
    const actionId = el.dataset.actionId ?? '';
    values[blockId] = { ...values[blockId], [actionId]: readOne(el) };
  }
  return values;
};

/** The choice made on a control that acts at once (select, overflow, date). */
export const readControl = (el: HTMLElement): ElementInput | undefined => {
  if (el instanceof HTMLSelectElement)
    return { selected: [...el.selectedOptions].map((o) => o.value).filter((v) => v !== '') };
  if (el instanceof HTMLInputElement && el.type === 'date')
    return { date: el.value === '' ? null : el.value };
  return undefined;
};
