import { z } from 'zod';
import type { FieldValues } from '../types.js';

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 500;

/** An optional name/description: trimmed; "" is kept (it means "clear" in updates). */
export const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep the ${what} under ${max} characters.` })
    .optional();

/** A single text value from a modal (undefined when empty or absent). */
export const textValue = (values: FieldValues, id: string): string | undefined => {
  const v = values[id];
  const text = typeof v === 'string' ? v.trim() : undefined;
  return text === '' ? undefined : text;
};

/** Whether a modal checkbox is ticked (Slack sends the selected options; readers may pass 'true' or a list). */
export const isChecked = (values: FieldValues, id: string): boolean => {
  const v = values[id];
  if (v === undefined) return false;
  if (typeof v === 'string') return v !== '' && v !== 'false';
  return v.length > 0;
};

/** Joins the slash words after a position into one text, or undefined when there are none. */
export const restOf = (args: readonly string[], from: number): string | undefined =>
  args.length > from ? args.slice(from).join(' ') : undefined;

/** Preset input a button may carry (e.g. `{ key: 'support' }` from a group card). */
export type Preset = Readonly<Record<string, unknown>>;

/** Prefills a form's key field from a preset, when the form is rendered with one. */
export const initialKey = (preset: Preset | undefined): { initial?: string } =>
  typeof preset?.key === 'string'
    ? { initial: preset.key }
    : typeof preset?.current === 'string'
      ? { initial: preset.current }
      : {};
