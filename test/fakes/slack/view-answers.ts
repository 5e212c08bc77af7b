/**
 * How Slack reads the app's answer to a view_submission (RULES.md "Time limits"): `response_action: errors` must be
 * keyed by the `block_id` of input blocks in the submitted view, or Slack refuses the answer (the person sees a
 * generic error in the modal); a view given with `update` or `push` must be a valid modal. An empty answer closes the view, `clear` closes the whole stack; `errors`,
 * `update` and `push` keep it open. A closed view can no longer be updated: views.update answers `not_found`.
 */
import { checkModal } from '../../support/block-kit.js';
import type { Json } from './recorder.js';

const asObject = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;

const inputBlockIds = (view: Json): Set<string> =>
  new Set(
    (Array.isArray(view.blocks) ? view.blocks : [])
      .map(asObject)
      .filter((b): b is Json => b?.type === 'input' && typeof b.block_id === 'string')
      .map((b) => String(b.block_id)),
  );

/** Slack's refusal of `answer` to a submission of `view`, or undefined when Slack accepts it. */
export const viewAnswerRefusal = (view: Json, answer: unknown): string | undefined => {
  const a = asObject(answer);
  // A view given with `update` or `push` is checked as views.update / views.push would check it.
  if ((a?.response_action === 'update' || a?.response_action === 'push') && checkModal(a.view).length > 0)
    return 'invalid_blocks';
  if (a?.response_action !== 'errors') return undefined;
  const errors = asObject(a.errors) ?? {};
  const inputs = inputBlockIds(view);
  return Object.keys(errors).every((key) => inputs.has(key)) ? undefined : 'invalid_errors';
};

/** Which views an answer closes: the submitted one (empty answer), its whole stack (`clear`), or none. */
export const viewsClosedBy = (answer: unknown): 'view' | 'stack' | 'none' => {
  const action = asObject(answer)?.response_action;
  if (action === undefined) return 'view';
  return action === 'clear' ? 'stack' : 'none';
};
