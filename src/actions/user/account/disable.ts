import { z } from 'zod';
import { accountState } from '../../../authgear/account-state.js';
import { setDisabledStatus } from '../../../authgear/operations/account.js';
import { AppError, ValidationError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import {
  joinArgs,
  labelOf,
  noChange,
  quoted,
  REASON_MAX,
  targetOf,
  textValue,
  userIdSchema,
  whenText,
} from './shared.js';

const when = z.iso.datetime({ offset: true, error: 'Pick a date and time.' }).optional();

const disableInput = z
  .object({
    userId: userIdSchema,
    reason: z
      .string({ error: 'Give a reason: it goes to the audit trail and is shown in Authgear.' })
      .trim()
      .min(1, 'Give a reason: it goes to the audit trail and is shown in Authgear.')
      .max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`),
    temporarilyDisabledFrom: when,
    temporarilyDisabledUntil: when,
  })
  .superRefine((v, ctx) => {
    const from = v.temporarilyDisabledFrom;
    const until = v.temporarilyDisabledUntil;
    if (from !== undefined && until === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['temporarilyDisabledUntil'],
        message: 'Pick when the temporary disable ends (or clear the start).',
      });
    if (from === undefined && until !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['temporarilyDisabledFrom'],
        message: 'Pick when the temporary disable starts (or clear the end).',
      });
    if (from !== undefined && until !== undefined && Date.parse(from) >= Date.parse(until))
      ctx.addIssue({
        code: 'custom',
        path: ['temporarilyDisabledUntil'],
        message: 'The end must be after the start.',
      });
  });
export type DisableInput = z.output<typeof disableInput>;

const windowText = (i: DisableInput): string =>
  i.temporarilyDisabledFrom && i.temporarilyDisabledUntil
    ? ` from ${whenText(i.temporarilyDisabledFrom)} until ${whenText(i.temporarilyDisabledUntil)}`
    : '';

export const disableAction = defineAction<DisableInput>({
  key: ActionKeys.disable,
  verbs: ['disable'],
  permission: 'user.disable',
  title: 'Disable user',
  usage: 'disable <who> <reason…>',
  description: 'Disable an account so it cannot sign in (a form also offers a temporary window).',
  cardButton: { label: 'Disable', style: 'danger', show: (u, now) => accountState(u, now).kind === 'active' },
  input: disableInput,
  fromArgs: (args) => {
    const reason = joinArgs(args);
    return reason === undefined ? 'modal' : { reason };
  },
  fields: () => [
    { kind: 'text', id: 'reason', label: 'Reason', multiline: true, maxLength: REASON_MAX },
    {
      kind: 'datetime',
      id: 'temporarilyDisabledFrom',
      label: 'Temporarily disabled from',
      optional: true,
      hint: 'Leave both dates empty to disable until someone enables the account again.',
    },
    { kind: 'datetime', id: 'temporarilyDisabledUntil', label: 'Temporarily disabled until', optional: true },
  ],
  fromFields: (values) => ({
    reason: textValue(values, 'reason'),
    temporarilyDisabledFrom: textValue(values, 'temporarilyDisabledFrom'),
    temporarilyDisabledUntil: textValue(values, 'temporarilyDisabledUntil'),
  }),
  check: (input, user, now) => {
    // Authgear disables from "normal" (even outside the valid period) and from a running window; a window
    // may also be set on a disabled account (account_status.go DisableIndefinitely / DisableTemporarily).
    const state = user === undefined ? undefined : accountState(user, now);
    const windowed = input.temporarilyDisabledFrom !== undefined;
    if (state?.kind === 'disabled' && !windowed) noChange(`${labelOf(user)} is already disabled.`);
    if (
      state?.kind === 'anonymized' ||
      state?.kind === 'scheduled_deletion' ||
      state?.kind === 'scheduled_anonymization'
    )
      throw new AppError(
        'state.conflict',
        `${labelOf(user)} has its deletion or anonymization scheduled (or done): there is nothing to disable.`,
      );
    const until = input.temporarilyDisabledUntil;
    if (until !== undefined && Date.parse(until) <= now.getTime())
      throw new ValidationError('The end of the window is already past.', {
        temporarilyDisabledUntil: 'Pick an end in the future.',
      });
  },
  confirm: (input, user) => ({
    title: 'Disable user',
    target: labelOf(user),
    consequences: [
      input.temporarilyDisabledFrom
        ? `They cannot sign in${windowText(input)}.`
        : 'They cannot sign in until someone enables the account again.',
      `Reason (visible in Authgear): ${quoted(input.reason)}`,
    ],
    confirmLabel: 'Disable',
    danger: false,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(
      setDisabledStatus,
      {
        userID: input.userId,
        isDisabled: true,
        reason: input.reason,
        ...(input.temporarilyDisabledFrom && input.temporarilyDisabledUntil
          ? {
              temporarilyDisabledFrom: input.temporarilyDisabledFrom,
              temporarilyDisabledUntil: input.temporarilyDisabledUntil,
            }
          : {}),
      },
      ctx.auditContext,
    );
    return { message: `${labelOf(target)} is disabled${windowText(input)}.` };
  },
  summary: (input, user) => `Disable ${labelOf(user)}${windowText(input)}`,
});
