/** What the three grant actions share: reading `role:<key>` / `group:<key>` and durations, and the policy's limits. */
import { z } from 'zod';
import { keyProblem } from '../../access/keys.js';
import { durationText } from '../../blocks/time.js';
import { MAX_DURATION_MS, readDuration } from '../../config/duration.js';
import type { Policy } from '../../config/policy.js';
import { type GrantPolicy, grantableBy, grantRightFor } from '../../config/policy-grants.js';
import { AppError } from '../../errors.js';
import type { GrantLedger } from '../../grants/ledger.js';
import type { GrantRecord } from '../../grants/record.js';
import type { Actor } from '../../permissions/authorize.js';
import type { ActionContext } from '../types.js';

export const TARGET_USAGE = 'role:<key>|group:<key>';

/** The access named by `role:<key>` or `group:<key>` (raw fields: zod names what is wrong). */
export const targetFields = (ref: string | undefined): { kind?: string; key?: string } => {
  const m = /^(role|group):(.*)$/i.exec(ref ?? '');
  return m ? { kind: m[1]?.toLowerCase(), key: m[2] } : ref === undefined ? {} : { key: ref };
};

/**
 * Stands for a duration longer than any the bot takes (`for 99999999999h`): still a duration, so `checkDuration`
 * answers it with the policy's limit, as it answers `for 10h`. No policy limit reaches it (policy durations are at
 * most MAX_DURATION_MS), so it is never scheduled.
 */
const LONGER_THAN_ANY = MAX_DURATION_MS + 1;

/**
 * A duration typed as `2h`, `30m`, `1h30m`: its milliseconds, 0 for `0m` (zod says it must be longer), and
 * LONGER_THAN_ANY for one past every bound; undefined (so zod asks for one) when it is not one.
 */
export const durationField = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const reading = readDuration(text);
  if (reading.kind === 'ok') return reading.ms;
  if (reading.kind === 'zero') return 0;
  return reading.kind === 'too_long' ? LONGER_THAN_ANY : undefined;
};

/** `kind` and `key` of a grant target, checked the way Authgear checks keys. */
export const targetSchema = {
  kind: z.enum(['role', 'group'], { error: 'Say what to give: `role:<key>` or `group:<key>`.' }),
  key: z.string({ error: 'Say what to give: `role:<key>` or `group:<key>`.' }).trim(),
};

export const reasonSchema = z
  .string()
  .trim()
  .max(500, { error: 'Keep the reason under 500 characters.' })
  .optional();

/** `role:<key> [for|by] <duration> [reason…]` → raw fields (zod names what is missing or wrong). */
export const timedArgs = (args: readonly string[], keywords: readonly string[]): Record<string, unknown> => {
  const [ref, ...rest] = args;
  const at = keywords.includes(rest[0]?.toLowerCase() ?? '') ? 1 : 0;
  const reason = rest.slice(at + 1).join(' ');
  return { ...targetFields(ref), durationMs: durationField(rest[at]), ...(reason ? { reason } : {}) };
};

export const durationSchema = z
  .number({ error: 'Say for how long, such as `2h` or `30m`.' })
  .int()
  .positive({ error: 'A grant must last longer than 0: say for how long, such as `2h` or `30m`.' });

/** Adds the key's problem (as Authgear would refuse it) to an object with `kind` and `key`. */
export const checkKey = (value: { kind: 'role' | 'group'; key: string }, ctx: z.RefinementCtx): void => {
  const problem = keyProblem(value.kind, value.key);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['key'], message: problem });
};

export const refOf = (input: { kind: string; key: string }): string => `${input.kind}:${input.key}`;

/**
 * The longest the policy lets someone with `roles` give `kind:key` from now. Deny by default: refuses a target the
 * policy does not list under `grants.targets`, or lists only for other roles (`by:`).
 */
export const limitFor = (
  grants: GrantPolicy,
  input: { kind: string; key: string },
  roles: readonly string[],
): number => {
  const ref = refOf(input);
  const right = grantRightFor(grants, ref, roles);
  if (right.ok) return right.maxMs;
  const yours = grantableBy(grants, roles).map((t) => `\`${t}\``);
  const allowed =
    yours.length > 0 ? `You may grant: ${yours.join(', ')}.` : 'You may grant nothing for a while.';
  throw new AppError(
    'permission.denied',
    right.reason === 'unlisted'
      ? `The policy does not let \`${ref}\` be granted for a while (it is not under \`grants.targets\`). ${allowed}`
      : `Your role may not grant \`${ref}\`: the policy (\`grants.targets\`) lets other roles grant it. ${allowed}`,
    { details: { action: 'user.grant', reason: right.reason, target: ref } },
  );
};

/** Refuses a target the actor may not grant, and a duration over the policy's limit, naming the limit. */
export const checkDuration = (
  policy: Policy,
  input: { kind: string; key: string; durationMs: number },
  actor: Actor | undefined,
): void => {
  const limit = limitFor(policy.grants, input, actor?.roles ?? []);
  if (input.durationMs > limit)
    throw new AppError(
      'input.invalid',
      `The longest grant of \`${refOf(input)}\` is ${durationText(limit)}; ask for ${durationText(limit)} or less.`,
    );
};

export const ledgerOf = (ctx: Pick<ActionContext, 'grants'>): GrantLedger => {
  if (!ctx.grants) throw new AppError('config.invalid', 'Time-boxed grants are not set up on this bot.');
  return ctx.grants;
};

/** The running grants of `kind:key` to one user, soonest end first. */
export const runningOf = async (
  ledger: GrantLedger,
  input: { userId: string; kind: string; key: string },
): Promise<GrantRecord[]> =>
  (await ledger.live(input.userId)).filter(
    (g) => g.state === 'active' && g.target.kind === input.kind && g.target.key === input.key,
  );
