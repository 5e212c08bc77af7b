import { z } from 'zod';
import { removeMfaGracePeriod, setMfaGracePeriod } from '../../../authgear/operations/authenticators.js';
import { parseDuration } from '../../../config/duration.js';
import { ValidationError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, textValue, userIdSchema, whenText } from './shared.js';

/** Authgear refuses a grace period in the past or more than 90 days ahead (MFAGracePeriodInvalid). */
const MAX_DAYS = 90;
const DAY_MS = 86_400_000;
const OFF_WORDS = ['off', 'end', 'remove', 'none'];

/** When the grace period ends: `off`, a duration from when it runs (`7d`), or a point in time. */
type Until = { kind: 'off' } | { kind: 'for'; ms: number; text: string } | { kind: 'at'; iso: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const parseUntil = (text: string): Until | undefined => {
  const t = text.trim();
  if (OFF_WORDS.includes(t.toLowerCase())) return { kind: 'off' };
  const ms = parseDuration(t);
  if (ms !== undefined) return { kind: 'for', ms, text: t };
  if (DATE.test(t) || DATETIME.test(t)) {
    const at = Date.parse(DATE.test(t) ? `${t}T00:00:00Z` : t);
    return Number.isNaN(at) ? undefined : { kind: 'at', iso: new Date(at).toISOString() };
  }
  return undefined;
};

const UNTIL_HELP =
  'Say how long (`7d`, `36h`), until when (`2026-09-30` or `2026-09-30T18:00Z`, UTC), or `off` to end it.';

const mfaGraceInput = z.object({
  userId: userIdSchema,
  until: z
    .string({ error: UNTIL_HELP })
    .trim()
    .max(40, UNTIL_HELP)
    .refine((v) => parseUntil(v) !== undefined, UNTIL_HELP),
});
export type MfaGraceInput = z.output<typeof mfaGraceInput>;

const untilOf = (input: MfaGraceInput): Until => parseUntil(input.until) ?? { kind: 'off' };

/** The end as Authgear will get it: a duration counts from `now` (when the action runs, after any approval). */
const endAt = (until: Until, now: Date): string | undefined =>
  until.kind === 'off'
    ? undefined
    : until.kind === 'at'
      ? until.iso
      : new Date(now.getTime() + until.ms).toISOString();

const describe = (until: Until): string =>
  until.kind === 'at' ? `until ${whenText(until.iso)}` : until.kind === 'for' ? `for ${until.text}` : '';

const PRESETS = [
  ['1d', '1 day'],
  ['3d', '3 days'],
  ['7d', '7 days'],
  ['14d', '14 days'],
  ['30d', '30 days'],
  ['90d', '90 days (the longest Authgear allows)'],
  ['off', 'End the grace period now'],
] as const;

export const mfaGraceAction = defineAction<MfaGraceInput>({
  key: ActionKeys.mfaGrace,
  verbs: ['mfa-grace'],
  permission: 'user.mfa_grace',
  title: 'MFA grace period',
  usage: 'mfa-grace <who> <7d|2026-09-30|off>',
  description: `let a user who lost their second factor sign in and enroll anew (≤ ${MAX_DAYS} days)`,
  cardButton: { label: 'MFA grace period', show: (u) => !u.isAnonymized },
  input: mfaGraceInput,
  fromArgs: (args) => (args.length === 0 ? 'modal' : { until: args.join(' ') }),
  fields: (user) => [
    {
      kind: 'select',
      id: 'until',
      label: 'Grace period',
      options: PRESETS.filter(([value]) => value !== 'off' || user?.mfaGracePeriodEndAt).map(
        ([value, label]) => ({ value, label }),
      ),
      initial: '7d',
      hint: 'Counted from when it runs (after approval, if one is needed).',
    },
  ],
  fromFields: (values) => ({ until: textValue(values, 'until') }),
  check: (input, user, now) => {
    const until = untilOf(input);
    if (until.kind === 'off') {
      if (user && !user.mfaGracePeriodEndAt) noChange(`${labelOf(user)} has no MFA grace period.`);
      return;
    }
    const end = Date.parse(endAt(until, now) ?? '');
    if (end <= now.getTime())
      throw new ValidationError('That time is already past.', { until: 'Pick an end in the future.' });
    if (end > now.getTime() + MAX_DAYS * DAY_MS)
      throw new ValidationError(`Authgear allows a grace period of at most ${MAX_DAYS} days.`, {
        until: `Pick at most ${MAX_DAYS} days.`,
      });
  },
  confirm: (input, user) => {
    const until = untilOf(input);
    return {
      title: until.kind === 'off' ? 'End MFA grace period' : 'Give an MFA grace period',
      target: labelOf(user),
      consequences:
        until.kind === 'off'
          ? [
              `Their grace period${user?.mfaGracePeriodEndAt ? ` (until ${whenText(user.mfaGracePeriodEndAt)})` : ''} ends now: where the project requires a second factor, they need one to sign in.`,
            ]
          : [
              `${describe(until).replace(/^./, (c) => c.toUpperCase())}, they can sign in without a second factor and enroll a new one, where the project requires MFA.`,
              'A lost authenticator still works for whoever has it: remove it with `remove-authenticator`.',
            ],
      confirmLabel: until.kind === 'off' ? 'End grace period' : 'Give grace period',
      danger: false,
    };
  },
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    const end = endAt(untilOf(input), ctx.now);
    if (end === undefined) {
      await ctx.api.run(removeMfaGracePeriod, { userID: input.userId }, ctx.auditContext);
      return { message: `The MFA grace period of ${labelOf(target)} has ended.` };
    }
    await ctx.api.run(setMfaGracePeriod, { userID: input.userId, endAt: end }, ctx.auditContext);
    return { message: `${labelOf(target)} has an MFA grace period until ${whenText(end)}.` };
  },
  summary: (input, user) => {
    const until = untilOf(input);
    return until.kind === 'off'
      ? `End the MFA grace period of ${labelOf(user)}`
      : `Give ${labelOf(user)} an MFA grace period ${describe(until)}`;
  },
});
