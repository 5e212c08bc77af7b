/**
 * The account valid period (setAccountValidPeriod / setAccountValidFrom / setAccountValidUntil). Outside it
 * Authgear reads the user as disabled, and re-enabling does not help (pkg/lib/authn/user/account_status.go):
 * these verbs are the fix. Their own policy action, `user.valid_period`: widening a period re-opens an account
 * and narrowing it closes one, so it is neither `user.disable` nor `user.enable`.
 */
import { z } from 'zod';
import { accountState, isOutsideValidPeriod } from '../../../authgear/account-state.js';
import {
  setAccountValidFrom,
  setAccountValidPeriod,
  setAccountValidUntil,
} from '../../../authgear/operations/account.js';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { AppError, ValidationError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { type ActionDefinition, defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, textValue, userIdSchema, whenText } from './shared.js';

const BOUND = z.union([
  z.iso.datetime({ offset: true, error: 'Give a date (2026-05-01) or a time with a zone.' }),
  z.null(),
]);
const CLEAR = ['clear', 'none', '-'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A typed bound: `clear`/`none`/`-` → null, a date → its start in UTC, a time with a zone → that instant. */
export const parseBound = (token: string, usage: string): string | null => {
  const t = token.trim();
  if (CLEAR.includes(t.toLowerCase())) return null;
  const iso = DATE.test(t) ? `${t}T00:00:00Z` : DATETIME.test(t) ? t : undefined;
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(ms))
    throw new AppError(
      'input.usage',
      `I can't read "${t.slice(0, 40).replace(/[<>&`]/g, '')}" as a date. Usage: \`/authgear ${usage}\` with dates like 2026-05-01, times like 2026-05-01T09:00Z, or \`clear\`.`,
    );
  return new Date(ms).toISOString();
};

/** Two bounds are the same instant (Authgear and the bot may spell a time differently). */
const sameInstant = (a: string | null | undefined, b: string | null | undefined): boolean =>
  a == null || b == null ? (a ?? null) === (b ?? null) : Date.parse(a) === Date.parse(b);

const boundText = (iso: string | null | undefined, open: string): string => (iso ? whenText(iso) : open);

export const periodText = (from: string | null | undefined, until: string | null | undefined): string =>
  from == null && until == null
    ? 'no valid period (always valid)'
    : `from ${boundText(from, 'any time')} until ${boundText(until, 'no end')}`;

const requireOrder = (
  from: string | null | undefined,
  until: string | null | undefined,
  field: string,
): void => {
  if (from != null && until != null && Date.parse(from) >= Date.parse(until)) {
    const message = 'The valid period must start before it ends.';
    throw new ValidationError(message, { [field]: message });
  }
};

const requireNotAnonymized = (user: AuthgearUser | undefined): void => {
  if (user?.isAnonymized)
    throw new AppError('state.conflict', 'An anonymized account has no valid period to change.');
};

const CONSEQUENCE =
  'Outside this period Authgear treats them as disabled: they cannot sign in, and their sessions end if the change puts them outside it now.';

const resultMessage = (user: AuthgearUser, from: string | null, until: string | null, now: Date): string => {
  const outside = isOutsideValidPeriod(
    accountState(
      { ...user, accountValidFrom: from, accountValidUntil: until, isDisabled: user.isDisabled },
      now,
    ),
  );
  return `${labelOf(user)} is now valid ${periodText(from, until)}.${outside ? ' That is outside the period now: they cannot sign in.' : ''}`;
};

const periodInput = z
  .object({ userId: userIdSchema, accountValidFrom: BOUND, accountValidUntil: BOUND })
  .superRefine((v, ctx) => {
    if (
      v.accountValidFrom !== null &&
      v.accountValidUntil !== null &&
      Date.parse(v.accountValidFrom) >= Date.parse(v.accountValidUntil)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['accountValidUntil'],
        message: 'The valid period must start before it ends.',
      });
  });
type PeriodInput = z.output<typeof periodInput>;

const PERIOD_USAGE = 'valid-period <who> [from|-] [until|-]';

export const validPeriodAction: ActionDefinition<PeriodInput> = defineAction<PeriodInput>({
  key: ActionKeys.validPeriod,
  verbs: ['valid-period'],
  permission: 'user.valid_period',
  title: 'Set valid period',
  usage: PERIOD_USAGE,
  description: 'Set when the account may sign in (`-` leaves a bound open; `clear` removes the period).',
  cardButton: { label: 'Valid period', show: (u) => !u.isAnonymized },
  input: periodInput,
  fromArgs: (args) => {
    if (args.length === 0) return 'modal';
    if (args.length > 2) throw new AppError('input.usage', `Usage: \`/authgear ${PERIOD_USAGE}\``);
    const [from = '-', until = '-'] = args;
    return {
      accountValidFrom: parseBound(from, PERIOD_USAGE),
      accountValidUntil: parseBound(until, PERIOD_USAGE),
    };
  },
  // Opened for a known user (their card), the form shows the period as it is now.
  fields: (user) => [
    {
      kind: 'datetime',
      id: 'accountValidFrom',
      label: 'Valid from',
      optional: true,
      initial: user?.accountValidFrom,
      hint: 'Empty: no start.',
    },
    {
      kind: 'datetime',
      id: 'accountValidUntil',
      label: 'Valid until',
      optional: true,
      initial: user?.accountValidUntil,
      hint: 'Empty: no end.',
    },
  ],
  fromFields: (values) => ({
    accountValidFrom: textValue(values, 'accountValidFrom') ?? null,
    accountValidUntil: textValue(values, 'accountValidUntil') ?? null,
  }),
  check: (input, user) => {
    requireNotAnonymized(user);
    if (
      user !== undefined &&
      sameInstant(user.accountValidFrom, input.accountValidFrom) &&
      sameInstant(user.accountValidUntil, input.accountValidUntil)
    )
      noChange(
        `${labelOf(user)} is already valid ${periodText(input.accountValidFrom, input.accountValidUntil)}.`,
      );
  },
  confirm: (input, user) => ({
    title: 'Set valid period',
    target: labelOf(user),
    consequences: [
      `Valid ${periodText(input.accountValidFrom, input.accountValidUntil)} (was ${periodText(user?.accountValidFrom, user?.accountValidUntil)}).`,
      CONSEQUENCE,
    ],
    confirmLabel: 'Set valid period',
    danger: false,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    const variables = {
      userID: input.userId,
      accountValidFrom: input.accountValidFrom,
      accountValidUntil: input.accountValidUntil,
    };
    await ctx.api.run(setAccountValidPeriod, variables, ctx.auditContext);
    return { message: resultMessage(target, input.accountValidFrom, input.accountValidUntil, ctx.now) };
  },
  summary: (input, user) =>
    `Set the valid period of ${labelOf(user)}: ${periodText(input.accountValidFrom, input.accountValidUntil)}`,
});

type Bound = 'accountValidFrom' | 'accountValidUntil';

/** `valid-from` / `valid-until`: one bound, the other kept as it is. */
const defineBoundAction = (bound: Bound) => {
  const isFrom = bound === 'accountValidFrom';
  const verb = isFrom ? 'valid-from' : 'valid-until';
  const usage = `${verb} <who> <date|clear>`;
  const input = z.object({ userId: userIdSchema, value: BOUND });
  type Input = z.output<typeof input>;
  const periodWith = (user: AuthgearUser | undefined, value: string | null) => ({
    from: isFrom ? value : (user?.accountValidFrom ?? null),
    until: isFrom ? (user?.accountValidUntil ?? null) : value,
  });
  return defineAction<Input>({
    key: isFrom ? ActionKeys.validFrom : ActionKeys.validUntil,
    verbs: [verb],
    permission: 'user.valid_period',
    title: isFrom ? 'Set valid from' : 'Set valid until',
    usage,
    description: `Set or clear when the account ${isFrom ? 'starts being able' : 'stops being able'} to sign in; the other bound stays.`,
    input,
    fromArgs: (args) => {
      if (args.length === 0) return 'modal';
      if (args.length > 1) throw new AppError('input.usage', `Usage: \`/authgear ${usage}\``);
      return { value: parseBound(args[0] ?? '', usage) };
    },
    fields: () => [
      {
        kind: 'datetime',
        id: 'value',
        label: isFrom ? 'Valid from' : 'Valid until',
        optional: true,
        hint: 'Empty: remove it.',
      },
    ],
    fromFields: (values) => ({ value: textValue(values, 'value') ?? null }),
    check: (i, user) => {
      requireNotAnonymized(user);
      const p = periodWith(user, i.value);
      requireOrder(p.from, p.until, 'value');
      if (user !== undefined && sameInstant(user[bound], i.value))
        noChange(`${labelOf(user)} is already valid ${periodText(p.from, p.until)}.`);
    },
    confirm: (i, user) => {
      const p = periodWith(user, i.value);
      return {
        title: isFrom ? 'Set valid from' : 'Set valid until',
        target: labelOf(user),
        consequences: [
          `Valid ${periodText(p.from, p.until)} (was ${periodText(user?.accountValidFrom, user?.accountValidUntil)}).`,
          CONSEQUENCE,
        ],
        confirmLabel: i.value === null ? 'Remove it' : 'Set it',
        danger: false,
      };
    },
    execute: async (ctx, i, user) => {
      const target = targetOf(user);
      if (isFrom)
        await ctx.api.run(
          setAccountValidFrom,
          { userID: i.userId, accountValidFrom: i.value },
          ctx.auditContext,
        );
      else
        await ctx.api.run(
          setAccountValidUntil,
          { userID: i.userId, accountValidUntil: i.value },
          ctx.auditContext,
        );
      const p = periodWith(target, i.value);
      return { message: resultMessage(target, p.from, p.until, ctx.now) };
    },
    summary: (i, user) =>
      `${isFrom ? 'Valid from' : 'Valid until'} of ${labelOf(user)}: ${i.value ? whenText(i.value) : 'removed'}`,
  });
};

export const validFromAction = defineBoundAction('accountValidFrom');
export const validUntilAction = defineBoundAction('accountValidUntil');
