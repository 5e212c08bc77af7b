/**
 * The policy's `grants:` section: time-boxed role and group grants (`/authgear grant`). Deny by default: only the
 * targets listed may be granted, and a target with `by:` only by those roles.
 *
 *   grants:
 *     max_duration: 8h        # the longest grant or extension anyone may ask for (default 8h)
 *     remind_before: 15m      # DM the requester this long before expiry, with Extend (default 15m; false = never)
 *     targets:                # what may be granted (absent or empty = nothing), each with its own longest duration
 *       role:support_lead: 4h                                  # by anyone with user.grant
 *       group:oncall: { max_duration: 12h, by: [oncall_lead] } # only by these roles (with user.grant)
 */
import { z } from 'zod';
import { isValidKey } from '../access/keys.js';
import { duration } from './duration.js';

export const DEFAULT_GRANT_MAX_MS = 8 * 3_600_000;
export const DEFAULT_GRANT_REMIND_MS = 15 * 60_000;

/** Whether `ref` is `role:<key>` or `group:<key>`, the way `grant` names what it gives. */
export const isGrantTargetRef = (ref: string): boolean =>
  /^(role|group):/.test(ref) && isValidKey(ref.replace(/^(role|group):/, ''));

const roleName = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'role names use letters, digits, _ and - only');

const targetRule = z.union([
  duration,
  z
    .object({
      max_duration: duration,
      /** The policy roles that may grant it (each still needs `user.grant`); absent = any role with `user.grant`. */
      by: z.array(roleName).min(1),
    })
    .strict(),
]);

export const grantsSchema = z
  .object({
    max_duration: duration.default(DEFAULT_GRANT_MAX_MS),
    remind_before: z.union([z.literal(false), duration]).default(DEFAULT_GRANT_REMIND_MS),
    targets: z
      .record(z.string(), targetRule)
      .superRefine((targets, ctx) => {
        for (const ref of Object.keys(targets))
          if (!isGrantTargetRef(ref))
            ctx.addIssue({
              code: 'custom',
              path: [ref],
              message: `"${ref}" is not a grant target: write role:<key> or group:<key> (letters, digits, : and _)`,
            });
      })
      .optional(),
  })
  .strict();

/** One grantable target: its longest grant, and the policy roles that may grant it (undefined = any granter). */
export interface GrantTarget {
  readonly maxMs: number;
  readonly by: readonly string[] | undefined;
}

export interface GrantPolicy {
  /** The longest grant or extension, unless the target has its own. */
  readonly maxDurationMs: number;
  /** How long before expiry the requester is reminded (with Extend); undefined = no reminder. */
  readonly remindBeforeMs: number | undefined;
  /** The only targets (`role:<key>`, `group:<key>`) that may be granted; empty = nothing may be granted. */
  readonly targets: ReadonlyMap<string, GrantTarget>;
}

export const toGrantPolicy = (parsed: z.output<typeof grantsSchema> | undefined): GrantPolicy => ({
  maxDurationMs: parsed?.max_duration ?? DEFAULT_GRANT_MAX_MS,
  remindBeforeMs:
    parsed === undefined
      ? DEFAULT_GRANT_REMIND_MS
      : parsed.remind_before === false
        ? undefined
        : parsed.remind_before,
  targets: new Map(
    Object.entries(parsed?.targets ?? {}).map(([ref, rule]) => [
      ref,
      typeof rule === 'number' ? { maxMs: rule, by: undefined } : { maxMs: rule.max_duration, by: rule.by },
    ]),
  ),
});

/** The roles named in `grants.targets.*.by`, with their paths (the policy checks that each exists). */
export const grantRoleRefs = (
  parsed: z.output<typeof grantsSchema> | undefined,
): Array<{ readonly role: string; readonly path: string }> =>
  Object.entries(parsed?.targets ?? {}).flatMap(([ref, rule]) =>
    typeof rule === 'number'
      ? []
      : rule.by.map((role, i) => ({ role, path: `grants.targets.${ref}.by[${i}]` })),
  );

/**
 * Whether someone holding `roles` may grant `target` (`role:<key>`), and for how long: deny by default, so a
 * target the policy does not list, or lists for other roles only, is refused.
 */
export const grantRightFor = (
  policy: GrantPolicy,
  target: string,
  roles: readonly string[],
):
  | { readonly ok: true; readonly maxMs: number }
  | { readonly ok: false; readonly reason: 'unlisted' | 'other_roles' } => {
  const rule = policy.targets.get(target);
  if (rule === undefined) return { ok: false, reason: 'unlisted' };
  if (rule.by !== undefined && !rule.by.some((r) => roles.includes(r)))
    return { ok: false, reason: 'other_roles' };
  return { ok: true, maxMs: rule.maxMs };
};

/** What `roles` may grant (for messages): the targets listed for them or for every granter. */
export const grantableBy = (policy: GrantPolicy, roles: readonly string[]): string[] =>
  [...policy.targets.keys()].filter((t) => grantRightFor(policy, t, roles).ok);
