import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { ACTION_NAMES, type ActionName } from '../permissions/actions.js';
import { durationText, parseDuration } from './duration.js';

const slackId = (what: string, prefix: RegExp) =>
  z
    .string()
    .regex(prefix, `must be a Slack ${what} ID (for example ${what === 'user' ? 'U0123ABCD' : 'C0123ABCD'})`);

const actionRef = z.union([z.literal('*'), z.enum(ACTION_NAMES)], {
  error: (iss) => `unknown action "${String(iss.input)}"; expected one of: *, ${ACTION_NAMES.join(', ')}`,
});

/** A duration in the policy, bounded by `maxMs`. */
const duration = (maxMs: number) =>
  z.string().transform((text, ctx) => {
    const ms = parseDuration(text, maxMs);
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a duration up to ${durationText(maxMs)}, such as 30m, 1h or 7d`,
      });
      return z.NEVER;
    }
    return ms;
  });

/** An approval may wait at most this long; the audit stream polls at least this often. */
const MAX_APPROVAL_EXPIRY_MS = 30 * 86_400_000;
const MAX_STREAM_INTERVAL_MS = 3_600_000;

const roleName = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'role names use letters, digits, _ and - only');

const policySchema = z
  .object({
    channels: z
      .object({
        approvals: slackId('channel', /^[CGD][A-Z0-9]+$/).optional(),
        audit: slackId('channel', /^[CGD][A-Z0-9]+$/).optional(),
        commands: z.array(slackId('channel', /^[CGD][A-Z0-9]+$/)).optional(),
      })
      .strict()
      .default({}),
    roles: z.record(
      roleName,
      z
        .object({
          inherits: z.array(roleName).default([]),
          actions: z.array(actionRef).default([]),
        })
        .strict(),
    ),
    members: z
      .array(
        z.union([
          z
            .object({ slack_user: slackId('user', /^[UW][A-Z0-9]+$/), roles: z.array(roleName).min(1) })
            .strict(),
          z
            .object({
              slack_usergroup: z.string().regex(/^S[A-Z0-9]+$/, 'must be a Slack user group ID (S...)'),
              roles: z.array(roleName).min(1),
            })
            .strict(),
        ]),
      )
      .default([]),
    approvals: z
      .partialRecord(
        z.enum(ACTION_NAMES),
        z
          .object({
            approvers: z.array(roleName).min(1),
            required: z.number().int().min(1).max(10).default(1),
            expires_in: duration(MAX_APPROVAL_EXPIRY_MS).default(3_600_000),
            require_reason: z.boolean().default(false),
          })
          .strict(),
      )
      .default({}),
    audit_stream: z
      .object({
        enabled: z.boolean().default(false),
        activity_types: z.array(z.string().regex(/^[A-Z_]+$/)).default([]),
        interval: duration(MAX_STREAM_INTERVAL_MS).default(30_000),
      })
      .strict()
      .optional(),
  })
  .strict();

export type PolicyInput = z.input<typeof policySchema>;

export interface ApprovalRule {
  readonly approvers: readonly string[];
  readonly required: number;
  readonly expiresInMs: number;
  readonly requireReason: boolean;
}

export interface Policy {
  readonly channels: {
    readonly approvals?: string;
    readonly audit?: string;
    readonly commands?: readonly string[];
  };
  /** Role → the actions it grants, inheritance already resolved. */
  readonly roleActions: ReadonlyMap<string, ReadonlySet<ActionName | '*'>>;
  readonly userRoles: ReadonlyMap<string, readonly string[]>;
  readonly usergroupRoles: ReadonlyMap<string, readonly string[]>;
  readonly approvals: Partial<Record<ActionName, ApprovalRule>>;
  readonly auditStream: {
    readonly enabled: boolean;
    readonly activityTypes: readonly string[];
    readonly intervalMs: number;
  };
}

type Parsed = z.output<typeof policySchema>;

const referenceProblems = (p: Parsed): string[] => {
  const known = new Set(Object.keys(p.roles));
  const problems: string[] = [];
  const check = (role: string, path: string) => {
    if (!known.has(role)) problems.push(`✖ unknown role "${role}"\n  → at ${path}`);
  };
  for (const [name, role] of Object.entries(p.roles)) {
    for (const [i, r] of role.inherits.entries()) check(r, `roles.${name}.inherits[${i}]`);
  }
  for (const [i, m] of p.members.entries()) {
    for (const [j, r] of m.roles.entries()) check(r, `members[${i}].roles[${j}]`);
  }
  for (const [action, rule] of Object.entries(p.approvals)) {
    for (const [i, r] of (rule?.approvers ?? []).entries()) check(r, `approvals.${action}.approvers[${i}]`);
  }
  return problems;
};

const resolveRoles = (p: Parsed): { map: Map<string, Set<ActionName | '*'>>; problems: string[] } => {
  const map = new Map<string, Set<ActionName | '*'>>();
  const problems: string[] = [];
  const visit = (name: string, stack: string[]): Set<ActionName | '*'> => {
    const done = map.get(name);
    if (done) return done;
    if (stack.includes(name)) {
      problems.push(
        `✖ roles inherit in a cycle: ${[...stack, name].join(' → ')}\n  → at roles.${name}.inherits`,
      );
      return new Set();
    }
    const role = p.roles[name];
    const actions = new Set<ActionName | '*'>(role?.actions ?? []);
    for (const parent of role?.inherits ?? [])
      for (const a of visit(parent, [...stack, name])) actions.add(a);
    map.set(name, actions);
    return actions;
  };
  for (const name of Object.keys(p.roles)) visit(name, []);
  return { map, problems };
};

/** Validates a parsed YAML document; every problem is listed with its path inside the file. */
export const parsePolicy = (document: unknown, source = 'policy file'): Policy => {
  const parsed = policySchema.safeParse(document ?? {});
  if (!parsed.success) {
    throw new AppError('policy.invalid', `Invalid ${source}:\n${z.prettifyError(parsed.error)}`);
  }
  const p = parsed.data;
  const { map, problems } = resolveRoles(p);
  const all = [...referenceProblems(p), ...problems];
  if (all.length > 0) throw new AppError('policy.invalid', `Invalid ${source}:\n${all.join('\n')}`);

  const userRoles = new Map<string, string[]>();
  const usergroupRoles = new Map<string, string[]>();
  for (const m of p.members) {
    const [target, id] = 'slack_user' in m ? [userRoles, m.slack_user] : [usergroupRoles, m.slack_usergroup];
    target.set(id, [...(target.get(id) ?? []), ...m.roles]);
  }
  const approvals: Partial<Record<ActionName, ApprovalRule>> = {};
  for (const [action, rule] of Object.entries(p.approvals) as Array<
    [ActionName, Parsed['approvals'][ActionName]]
  >) {
    if (rule) {
      approvals[action] = {
        approvers: rule.approvers,
        required: rule.required,
        expiresInMs: rule.expires_in,
        requireReason: rule.require_reason,
      };
    }
  }
  return {
    channels: p.channels,
    roleActions: map,
    userRoles,
    usergroupRoles,
    approvals,
    auditStream: {
      enabled: p.audit_stream?.enabled ?? false,
      activityTypes: p.audit_stream?.activity_types ?? [],
      intervalMs: p.audit_stream?.interval ?? 30_000,
    },
  };
};

export const parsePolicyText = (text: string, source = 'policy file'): Policy => {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (cause) {
    throw new AppError('policy.invalid', `Invalid ${source}: not valid YAML (${(cause as Error).message})`, {
      cause,
    });
  }
  return parsePolicy(document, source);
};

export const loadPolicyFile = async (path: string): Promise<Policy> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new AppError(
      'policy.invalid',
      `Cannot read the policy file ${path} (set POLICY_FILE to its path)`,
      { cause },
    );
  }
  return parsePolicyText(text, `policy file ${path}`);
};
