import type { Json, SlackFake } from '../fakes/slack/index.js';
import { type WaitForOptions, waitFor } from './wait.js';

const isForm = (view: unknown): view is Json & { blocks: Json[] } =>
  typeof view === 'object' &&
  view !== null &&
  'blocks' in view &&
  Array.isArray(view.blocks) &&
  view.blocks.some((b: Json) => b.type === 'input');

/**
 * The form a person sees once the bot has filled it in: the newest accepted views.open or views.update (a form
 * opens as a loading view first) after call number `since` whose view has input blocks.
 */
export const formShown = (
  slack: SlackFake,
  since = 0,
  options: WaitForOptions = {},
): Promise<Json & { blocks: Json[] }> =>
  waitFor(
    () =>
      slack.calls
        .slice(since)
        .filter((c) => c.ok && (c.method === 'views.open' || c.method === 'views.update'))
        .map((c) => c.args.view)
        .filter(isForm)
        .at(-1),
    { message: 'a form with inputs', ...options },
  );
