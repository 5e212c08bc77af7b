import type { types } from '@slack/bolt';
import type { FieldSpec } from '../actions/types.js';
import { CallbackIds } from './ids.js';
import { type Block, LIMITS, type ModalView, plain, section } from './primitives.js';

const option = (o: { value: string; label: string }): types.PlainTextOption => ({
  text: plain(o.label, LIMITS.optionText),
  value: o.value,
});

const element = (f: FieldSpec): types.InputBlockElement => {
  switch (f.kind) {
    case 'text':
      return {
        type: 'plain_text_input',
        action_id: f.id,
        ...(f.multiline ? { multiline: true } : {}),
        ...(f.placeholder ? { placeholder: plain(f.placeholder, 150) } : {}),
        ...(f.initial !== undefined && f.initial !== '' ? { initial_value: f.initial.slice(0, 3000) } : {}),
        ...(f.maxLength ? { max_length: f.maxLength } : {}),
      };
    case 'select': {
      const options = f.options.slice(0, 100).map(option);
      const initial = options.find((o) => o.value === f.initial);
      return {
        type: 'static_select',
        action_id: f.id,
        options,
        ...(initial ? { initial_option: initial } : {}),
      };
    }
    case 'multi_select': {
      const options = f.options.slice(0, 100).map(option);
      const initial = options.filter((o) => f.initial?.includes(o.value ?? ''));
      return {
        type: 'multi_static_select',
        action_id: f.id,
        options,
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      };
    }
    case 'datetime': {
      const ms = f.initial ? Date.parse(f.initial) : Number.NaN;
      return {
        type: 'datetimepicker',
        action_id: f.id,
        ...(Number.isFinite(ms) ? { initial_date_time: Math.floor(ms / 1000) } : {}),
      };
    }
    case 'checkbox':
      return { type: 'checkboxes', action_id: f.id, options: [{ text: plain(f.label, 75), value: 'yes' }] };
  }
};

/** One input block per field; block_id = action_id = field id, so zod errors map back to the field. */
export const fieldBlocks = (fieldsSpec: readonly FieldSpec[]): Block[] =>
  fieldsSpec.map((f) => ({
    type: 'input',
    block_id: f.id,
    label: plain(f.label, LIMITS.inputLabel),
    element: element(f),
    optional: f.optional ?? false,
    ...(f.hint ? { hint: plain(f.hint, 2000) } : {}),
  }));

/** The form an action opens when it needs input. Metadata (action, target, reply target) is encoded by the caller. */
export const actionForm = (
  title: string,
  target: string | undefined,
  fieldsSpec: readonly FieldSpec[],
  privateMetadata: string,
): ModalView => {
  if (privateMetadata.length > LIMITS.privateMetadata)
    throw new Error('private_metadata over 3000 characters');
  return {
    type: 'modal',
    callback_id: CallbackIds.actionModal,
    title: plain(title, LIMITS.modalTitle),
    submit: plain('Continue', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [...(target ? [section(`Target: ${target}`)] : []), ...fieldBlocks(fieldsSpec)],
  };
};

/**
 * The form as it opens, before the data it needs has been read: Slack's trigger_id opens a view only within 3 s,
 * and Authgear may take longer, so the bot opens this at once and fills the form in with views.update.
 */
export const loadingForm = (title: string): ModalView => ({
  type: 'modal',
  callback_id: CallbackIds.actionModal,
  title: plain(title, LIMITS.modalTitle),
  close: plain('Cancel', LIMITS.modalButton),
  blocks: [section(':hourglass_flowing_sand: Loading…')],
});

/** A form that cannot go on, replaced by what the person should know (an error, or where to look instead). */
export const formNotice = (title: string, blocks: readonly Block[]): ModalView => ({
  type: 'modal',
  callback_id: CallbackIds.actionModal,
  title: plain(title, LIMITS.modalTitle),
  close: plain('Close', LIMITS.modalButton),
  blocks: [...blocks],
});
