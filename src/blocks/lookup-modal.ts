import { BlockIds, CallbackIds } from './ids.js';
import { type ModalView, plain } from './primitives.js';

/** The global shortcut's form: one `<who>` field. */
export const lookupModal = (): ModalView => ({
  type: 'modal',
  callback_id: CallbackIds.lookupModal,
  title: plain('Look up a user', 24),
  submit: plain('Look up', 24),
  close: plain('Cancel', 24),
  blocks: [
    {
      type: 'input',
      block_id: BlockIds.who,
      label: plain('Who?'),
      element: {
        type: 'plain_text_input',
        action_id: BlockIds.who,
        max_length: 320,
        placeholder: plain('Email, phone, username or Authgear user ID'),
      },
    },
  ],
});
