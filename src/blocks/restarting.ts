/** What a person sees when their request reaches a replica that is shutting down. Pure. */
import { type ModalView, plain, section } from './primitives.js';

export const RESTARTING_TEXT = 'The bot is restarting, so nothing was done. Please try again in a moment.';

/** For a global shortcut or a click on the App Home tab: Slack gives no other way to answer them. */
export const restartingModal = (): ModalView => ({
  type: 'modal',
  title: plain('Restarting', 24),
  close: plain('Close', 24),
  blocks: [section(`:hourglass_flowing_sand: ${RESTARTING_TEXT}`)],
});
