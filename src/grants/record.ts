/**
 * A time-boxed grant: one role or group given to one Authgear user until `exp`, then taken back. Records are
 * versioned and zod-parsed on every read; they change only through `GrantStore` transitions.
 *
 * The grants of one role (or group) to one user form an *assignment*: they share one record hash, so the revoke at
 * expiry can see whether another grant of the same access still runs (then access stays until that one ends).
 * Assignments are spread over a few shards by user; a shard's keys share one hash tag (Redis Cluster).
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.js';

export const GRANT_SCHEMA_VERSION = 1;
/** Shards of the schedule: the keys of one shard live in one Redis Cluster slot. */
export const GRANT_SHARDS = 8;

export type GrantKind = 'role' | 'group';

/**
 * States: active (access given, revoke scheduled at `exp`) → revoking (a worker holds the claim and is taking the
 * access back) → ended; revoking → overdue (Authgear failed; retried at `nextTry`) → revoking → … → ended.
 */
export const grantStates = ['active', 'revoking', 'overdue', 'ended'] as const;
export type GrantState = (typeof grantStates)[number];

/** How a grant ended: access taken back, kept by another grant of the same access, or nothing left to take. */
export const grantEndings = ['revoked', 'covered', 'gone'] as const;
export type GrantEnding = (typeof grantEndings)[number];

/** `<shard>.<user hash><access hash>`: where an assignment lives, and whose it is. */
export const assignmentTagSchema = z.string().regex(/^[0-7]\.[A-Za-z0-9_-]{24}$/);
/** `<assignment tag>.<random>`: a grant ID names its assignment, so one look-up finds it. */
export const grantIdSchema = z.string().regex(/^[0-7]\.[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{8,32}$/);

const ms = z.number().int().min(0);

export const grantRecordSchema = z.object({
  v: z.literal(GRANT_SCHEMA_VERSION),
  id: grantIdSchema,
  user: z.object({ id: z.string().min(1), label: z.string() }),
  target: z.object({ kind: z.enum(['role', 'group']), key: z.string().min(1) }),
  requester: z.object({
    userId: z.string().min(1),
    teamId: z.string().optional(),
    name: z.string().optional(),
  }),
  reason: z.string().optional(),
  approvalId: z.string().optional(),
  createdAt: ms,
  /** The duration first asked for (Extend offers it again). */
  durationMs: z.number().int().positive(),
  /** When access ends (epoch ms). */
  exp: ms,
  /** When the requester is reminded (with Extend); absent: no reminder. */
  remindAt: ms.optional(),
  /** The `remindAt` a reminder was sent for (an extension moves `remindAt`, so a new reminder is due). */
  remindedFor: ms.optional(),
  state: z.enum(grantStates),
  extensions: z.number().int().min(0).optional(),
  /** Failed revoke attempts, the next try, the last error code and since when the revoke is late. */
  attempts: z.number().int().min(0).optional(),
  nextTry: ms.optional(),
  lastError: z.string().optional(),
  overdueSince: ms.optional(),
  /** Ended before its time: by whom (a Slack user, or `system` when the grant itself failed) and why. */
  early: z.object({ by: z.string().min(1), at: ms, why: z.enum(['revoke', 'failed']) }).optional(),
  ended: z.object({ at: ms, how: z.enum(grantEndings) }).optional(),
});

export type GrantRecord = z.infer<typeof grantRecordSchema>;

const hash = (text: string): Buffer => createHash('sha256').update(text).digest();

/** The shard of a user's grants (all of one user's grants share a shard, so `grants <who>` reads one). */
export const shardOf = (userId: string): number => (hash(userId)[0] ?? 0) % GRANT_SHARDS;

/** A short name for the user with node ID `userId` inside their shard (the user index is keyed by it). */
export const userHashOf = (userId: string): string => hash(userId).toString('base64url').slice(0, 12);

/** The assignment tag of `kind:key` given to the user with node ID `userId`. */
export const assignmentTag = (userId: string, kind: GrantKind, key: string): string =>
  `${shardOf(userId)}.${userHashOf(userId)}${hash(`${userId}\n${kind}\n${key}`).toString('base64url').slice(0, 12)}`;

/** The shard and user hash an assignment tag starts with. */
export const tagParts = (tag: string): { readonly shard: number; readonly userHash: string } => ({
  shard: Number(tag.slice(0, 1)),
  userHash: tag.slice(2, 14),
});

/** The assignment a grant ID belongs to. */
export const tagOfGrant = (id: string): string => id.split('.').slice(0, 2).join('.');

export const newGrantId = (tag: string): string => `${tag}.${randomBytes(9).toString('base64url')}`;

/** `role:admin`, `group:oncall`. */
export const targetRef = (record: Pick<GrantRecord, 'target'>): string =>
  `${record.target.kind}:${record.target.key}`;

/** Whether the grant still holds (or may still hold) access: anything but ended. */
export const isLive = (record: GrantRecord): boolean => record.state !== 'ended';

export interface NewGrant {
  readonly user: GrantRecord['user'];
  readonly target: GrantRecord['target'];
  readonly requester: GrantRecord['requester'];
  readonly reason?: string | undefined;
  readonly approvalId?: string | undefined;
  readonly durationMs: number;
  /** How long before expiry to remind the requester; undefined = never. */
  readonly remindBeforeMs: number | undefined;
}

/** When to remind for a grant ending at `exp`: only when the grant is longer than the warning itself. */
export const remindAtFor = (
  startMs: number,
  exp: number,
  remindBeforeMs: number | undefined,
): number | undefined =>
  remindBeforeMs !== undefined && exp - remindBeforeMs > startMs ? exp - remindBeforeMs : undefined;

/** A fresh active grant starting `now`. */
export const newGrantRecord = (grant: NewGrant, now: Date): GrantRecord => {
  const nowMs = now.getTime();
  const exp = nowMs + grant.durationMs;
  const id = newGrantId(assignmentTag(grant.user.id, grant.target.kind, grant.target.key));
  const remindAt = remindAtFor(nowMs, exp, grant.remindBeforeMs);
  return parseGrantRecord(
    {
      v: GRANT_SCHEMA_VERSION,
      id,
      user: grant.user,
      target: grant.target,
      requester: grant.requester,
      ...(grant.reason ? { reason: grant.reason } : {}),
      ...(grant.approvalId ? { approvalId: grant.approvalId } : {}),
      createdAt: nowMs,
      durationMs: grant.durationMs,
      exp,
      ...(remindAt !== undefined ? { remindAt } : {}),
      state: 'active',
    },
    id,
  );
};

/** Parses stored data into a record; anything that does not fit is a corrupt record, never a silent crash. */
export const parseGrantRecord = (data: unknown, id: string): GrantRecord => {
  const parsed = grantRecordSchema.safeParse(data);
  if (!parsed.success) {
    throw new AppError('internal', 'A grant record could not be read.', {
      cause: parsed.error,
      details: { grantId: id, problem: z.prettifyError(parsed.error) },
    });
  }
  return parsed.data;
};
