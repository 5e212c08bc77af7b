import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.js';
import {
  type ActionName,
  expandActionName,
  isActionAlias,
  isPolicyActionName,
  POLICY_ACTION_NAMES,
  type PolicyActionName,
} from '../permissions/actions.js';
import { boundedDuration } from './duration.js';
import { type AlertRule, alertsSchema, toAlertRules } from './policy-alerts.js';
import { type GrantPolicy, grantRoleRefs, grantsSchema, toGrantPolicy } from './policy-grants.js';
import { didYouMean } from './suggest.js';

const slackId = (what: string, prefix: RegExp) =>
  z
    .string()
    .regex(prefix, `must be a Slack ${what} ID (for example ${what === 'user' ? 'U0123ABCD' : 'C0123ABCD'})`);

/** The message for a name that is not an action: the closest names, or else every name. */
const unknownAction = (name: string): string => {
  const hint = didYouMean(name, POLICY_ACTION_NAMES);
  return `unknown action "${name}".${hint || ` Expected one of: *, ${POLICY_ACTION_NAMES.join(', ')}`}`;
};

/** An approval may wait at most this long; the audit stream polls at least this often. */
const MAX_APPROVAL_EXPIRY_MS = 30 * 86_400_000;
const MAX_STREAM_INTERVAL_MS = 3_600_000;

const actionRef = z
  .string()
  .refine((name) => name === '*' || isPolicyActionName(name), {
    error: (iss) => unknownAction(String(iss.input)),
  })
  .transform((name) => name as PolicyActionName | '*');

const roleName = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'role names use letters, digits, _ and - only');

const policySchema = z
  .object({
    channels: z
      .object({
        approvals: slackId('channel', /^[CGD][A-Z0-9]+$/).optional(),
        audit: slackId('channel', /^[CGD][A-Z0-9]+$/).optional(),
        commands: z.array(slackId('channel', /^[CGD][A-Z0-9]+$/)).optional(),
        /** Under `commands`: which DMs count as allowed (default none). */
        direct_messages: z.enum(['none', 'bot', 'all']).optional(),
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
      .record(
        z.string(),
        z
          .object({
            approvers: z.array(roleName).min(1),
            required: z.number().int().min(1).max(10).default(1),
            expires_in: boundedDuration(MAX_APPROVAL_EXPIRY_MS).default(3_600_000),
            require_reason: z.boolean().default(false),
          })
          .strict(),
      )
      .superRefine((rules, ctx) => {
        for (const name of Object.keys(rules))
          if (!isPolicyActionName(name))
            ctx.addIssue({ code: 'custom', path: [name], message: unknownAction(name) });
      })
      .default({}),
    grants: grantsSchema.optional(),
    alerts: alertsSchema.optional(),
    audit_stream: z
      .object({
        enabled: z.boolean().default(false),
        activity_types: z.array(z.string().regex(/^[A-Z_]+$/)).default([]),
        interval: boundedDuration(MAX_STREAM_INTERVAL_MS).default(30_000),
      })
      .strict()
      .optional(),
  })
  .strict();

export type PolicyInput = z.input<typeof policySchema>;

export type DirectMessages = 'none' | 'bot' | 'all';

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
    /**
     * With `commands`: which direct messages are allowed places too. `none` (the default): none; `bot`: the
     * person's own DM with the bot; `all`: any DM, between people too. Without `commands` every place is allowed.
     */
    readonly direct_messages?: DirectMessages;
  };
  /** Role → the actions it grants, inheritance already resolved. */
  readonly roleActions: ReadonlyMap<string, ReadonlySet<ActionName | '*'>>;
  readonly userRoles: ReadonlyMap<string, readonly string[]>;
  readonly usergroupRoles: ReadonlyMap<string, readonly string[]>;
  /** Approval rules by fine action name (aliases already expanded; a fine name's own rule wins over its alias). */
  readonly approvals: Partial<Record<ActionName, ApprovalRule>>;
  /** Time-boxed grants: what may be granted (deny by default), by whom, for how long, and the reminder. */
  readonly grants: GrantPolicy;
  /** Authgear audit-log entries posted as alerts, with buttons for what to do. */
  readonly alerts: readonly AlertRule[];
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
  for (const { role, path } of grantRoleRefs(p.grants)) check(role, path);
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
    const actions = new Set<ActionName | '*'>(
      (role?.actions ?? []).flatMap(
        (a): ReadonlyArray<ActionName | '*'> => (a === '*' ? ['*'] : expandActionName(a)),
      ),
    );
    for (const parent of role?.inherits ?? [])
      for (const a of visit(parent, [...stack, name])) actions.add(a);
    map.set(name, actions);
    return actions;
  };
  for (const name of Object.keys(p.roles)) visit(name, []);
  return { map, problems };
};

/**
 * Approval rules by fine name: an alias (`group.manage`) gives its rule to each of its fine names, and a fine name
 * with a rule of its own (`group.delete`) keeps that one, whatever the order in the file.
 */
const expandApprovals = (rules: Parsed['approvals']): Partial<Record<ActionName, ApprovalRule>> => {
  const out: Partial<Record<ActionName, ApprovalRule>> = {};
  const entries = Object.entries(rules).filter((e): e is [PolicyActionName, (typeof e)[1]] =>
    isPolicyActionName(e[0]),
  );
  const ordered = [
    ...entries.filter(([name]) => isActionAlias(name)),
    ...entries.filter(([name]) => !isActionAlias(name)),
  ];
  for (const [name, rule] of ordered) {
    for (const fine of expandActionName(name)) {
      out[fine] = {
        approvers: rule.approvers,
        required: rule.required,
        expiresInMs: rule.expires_in,
        requireReason: rule.require_reason,
      };
    }
  }
  return out;
};

/** Validates a parsed YAML document; every problem is listed with its path inside the file. */
export const parsePolicy = (document: unknown, source = 'policy file'): Policy => {
  const parsed = policySchema.safeParse(document ?? {});
  if (!parsed.success) {
    throw new AppError('policy.invalid', `Invalid ${source}:\n${z.prettifyError(parsed.error)}`);
  }
  const p = parsed.data;
  const { map, problems } = resolveRoles(p);
  const alerts = toAlertRules(p.alerts, p.channels.audit);
  const all = [...referenceProblems(p), ...problems, ...alerts.problems];
  if (all.length > 0) throw new AppError('policy.invalid', `Invalid ${source}:\n${all.join('\n')}`);

  const userRoles = new Map<string, string[]>();
  const usergroupRoles = new Map<string, string[]>();
  for (const m of p.members) {
    const [target, id] = 'slack_user' in m ? [userRoles, m.slack_user] : [usergroupRoles, m.slack_usergroup];
    target.set(id, [...(target.get(id) ?? []), ...m.roles]);
  }
  const approvals = expandApprovals(p.approvals);
  return {
    channels: p.channels,
    roleActions: map,
    userRoles,
    usergroupRoles,
    approvals,
    grants: toGrantPolicy(p.grants),
    alerts: alerts.rules,
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
