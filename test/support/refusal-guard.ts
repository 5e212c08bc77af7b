/**
 * Fails a test when the Slack fake refused a call that the test did not declare with `expectRefusal` (or arm with
 * `failNext` / `rateLimit`), and when a declared refusal never happened. Loaded by vitest.config.ts for every file.
 */
import { afterAll, afterEach } from 'vitest';
import { settleAllRefusals } from '../fakes/slack/refusals.js';

const settle = (): void => {
  const problems = settleAllRefusals();
  if (problems.length > 0) throw new Error(problems.join('\n'));
};

afterEach(settle);
afterAll(settle);
