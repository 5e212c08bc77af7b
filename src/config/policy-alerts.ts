/**
 * The policy's `alerts:` list: Authgear audit-log entries worth a person's attention, posted as they stream in with
 * buttons for what to do about them (each goes through the action pipeline like any other button).
 *
 *   alerts:
 *     - name: Sign-in blocked              # the alert's title
 *       activity_types: [AUTHENTICATION_BLOCKED]
 *       channel: C0SECURITY                # default: channels.audit
 *       actions: [show_user, revoke_sessions, disable]   # default: all three
 *     - name: Sign-in from a new country
 *       activity_types: [USER_AUTHENTICATED]
 *       when: new_country                  # only when the country was never seen for this user before
 */
import { z } from 'zod';
import { AUDIT_LOG_ACTIVITY_TYPES, type AuditLogActivityType } from '../authgear/operations/audit-logs.js';
import { didYouMean } from './suggest.js';

export const ALERT_ACTIONS = ['show_user', 'revoke_sessions', 'disable'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

const activityType = z.string().refine((t) => (AUDIT_LOG_ACTIVITY_TYPES as readonly string[]).includes(t), {
  error: (iss) =>
    `Authgear has no audit log type "${String(iss.input)}".${didYouMean(String(iss.input), AUDIT_LOG_ACTIVITY_TYPES)}`,
});

export const alertsSchema = z.array(
  z
    .object({
      name: z.string().trim().min(1).max(100),
      activity_types: z.array(activityType).min(1),
      channel: z
        .string()
        .regex(/^[CGD][A-Z0-9]+$/, 'must be a Slack channel ID (for example C0123ABCD)')
        .optional(),
      actions: z.array(z.enum(ALERT_ACTIONS)).default([...ALERT_ACTIONS]),
      when: z.enum(['new_country']).optional(),
    })
    .strict(),
);

export interface AlertRule {
  readonly name: string;
  readonly activityTypes: readonly AuditLogActivityType[];
  /** Where it is posted: the rule's channel, else the audit channel. */
  readonly channel: string;
  readonly actions: readonly AlertAction[];
  /** `new_country`: only a sign-in from a country this user was never seen signing in from (but from another). */
  readonly when: 'new_country' | undefined;
}

/** The rules with their channels resolved; problems (a rule with no channel at all) listed with their paths. */
export const toAlertRules = (
  parsed: z.output<typeof alertsSchema> | undefined,
  auditChannel: string | undefined,
): { rules: AlertRule[]; problems: string[] } => {
  const rules: AlertRule[] = [];
  const problems: string[] = [];
  for (const [i, rule] of (parsed ?? []).entries()) {
    const channel = rule.channel ?? auditChannel;
    if (channel === undefined) {
      problems.push(
        `✖ an alert needs a channel: set its channel, or channels.audit\n  → at alerts[${i}].channel`,
      );
      continue;
    }
    rules.push({
      name: rule.name,
      activityTypes: rule.activity_types as AuditLogActivityType[],
      channel,
      actions: rule.actions,
      when: rule.when,
    });
  }
  return { rules, problems };
};
