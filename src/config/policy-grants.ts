/**
 * The policy's `grants:` section: time-boxed role and group grants (`/authgear grant`).
 *
 *   grants:
 *     max_duration: 8h        # the longest grant or extension anyone may ask for (default 8h)
 *     remind_before: 15m      # DM the requester this long before expiry, with Extend (default 15m; false = never)
 *     targets:                # optional: only these may be granted, each with its own longest duration
 *       role:support_lead: 4h
 *       group:oncall: 12h
 */
import { z } from 'zod';
import { isValidKey } from '../access/keys.js';
import { duration } from './duration.js';

export const DEFAULT_GRANT_MAX_MS = 8 * 3_600_000;
export const DEFAULT_GRANT_REMIND_MS = 15 * 60_000;

/** Whether `ref` is `role:<key>` or `group:<key>`, the way `grant` names what it gives. */
export const isGrantTargetRef = (ref: string): boolean =>
  /^(role|group):/.test(ref) && isValidKey(ref.replace(/^(role|group):/, ''));

export const grantsSchema = z
  .object({
    max_duration: duration.default(DEFAULT_GRANT_MAX_MS),
    remind_before: z.union([z.literal(false), duration]).default(DEFAULT_GRANT_REMIND_MS),
    targets: z
      .record(z.string(), duration)
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

export interface GrantPolicy {
  /** The longest grant or extension, unless the target has its own. */
  readonly maxDurationMs: number;
  /** How long before expiry the requester is reminded (with Extend); undefined = no reminder. */
  readonly remindBeforeMs: number | undefined;
  /** When set, only these targets (`role:<key>`, `group:<key>`) may be granted, each up to its own duration. */
  readonly targets: ReadonlyMap<string, number> | undefined;
}

export const toGrantPolicy = (parsed: z.output<typeof grantsSchema> | undefined): GrantPolicy => ({
  maxDurationMs: parsed?.max_duration ?? DEFAULT_GRANT_MAX_MS,
  remindBeforeMs:
    parsed === undefined
      ? DEFAULT_GRANT_REMIND_MS
      : parsed.remind_before === false
        ? undefined
        : parsed.remind_before,
  targets: parsed?.targets ? new Map(Object.entries(parsed.targets)) : undefined,
});

/** The longest grant of `target` (`role:<key>`) the policy allows; undefined when it may not be granted at all. */
export const grantLimitFor = (policy: GrantPolicy, target: string): number | undefined =>
  policy.targets === undefined ? policy.maxDurationMs : policy.targets.get(target);
