/**
 * What the grant actions use: give access with its revoke scheduled first, extend, end early, list. The Admin API
 * mutation that gives access stays in the action (it is its one mutation); the ledger makes sure a grant is in the
 * schedule before Authgear is asked, so no access is ever given without the revoke that takes it back.
 */
import { accessText } from '../blocks/grants.js';
import { dateText } from '../blocks/time.js';
import type { GrantPolicy } from '../config/policy-grants.js';
import { AppError, asAppError } from '../errors.js';
import { type AppLogger, errorFields } from '../logger.js';
import { type GrantRecord, type NewGrant, newGrantRecord, remindAtFor, tagOfGrant } from './record.js';
import type { GrantStore } from './store.js';
import type { GrantWorker } from './worker.js';

export interface GrantLedger {
  readonly policy: GrantPolicy;
  /** Schedules the grant, then runs `add` (the Admin API mutation); when `add` fails the grant ends at once. */
  grant(grant: Omit<NewGrant, 'remindBeforeMs'>, add: () => Promise<void>): Promise<GrantRecord>;
  get(id: string): Promise<GrantRecord | undefined>;
  /** Grants not yet ended (one user's, by node ID, or everyone's), soonest end first. */
  live(userId?: string): Promise<GrantRecord[]>;
  /** Moves a running grant's end `byMs` later (never past the policy's limit from now). */
  extend(id: string, byMs: number, limitMs: number): Promise<GrantRecord>;
  /** Ends a running grant now and takes the access back (unless another grant of it runs on); says what happened. */
  revokeNow(id: string, by: string): Promise<{ readonly record: GrantRecord; readonly message: string }>;
}

const LIST_LIMIT = 200;

const ended = (): AppError =>
  new AppError('state.no_change', 'That grant has already ended. Ask for a new one with `/authgear grant`.');

export const createGrantLedger = (deps: {
  readonly store: GrantStore;
  readonly worker: Pick<GrantWorker, 'runAssignment'>;
  readonly policy: GrantPolicy;
  readonly logger: AppLogger;
  readonly now: () => Date;
}): GrantLedger => {
  const { store, worker, policy, logger, now } = deps;

  const running = async (id: string): Promise<GrantRecord> => {
    const record = await store.get(id);
    if (!record) throw new AppError('input.invalid', 'That grant no longer exists.');
    if (record.state !== 'active' || record.exp <= now().getTime()) throw ended();
    return record;
  };

  return {
    policy,

    async grant(grant, add) {
      const record = newGrantRecord({ ...grant, remindBeforeMs: policy.remindBeforeMs }, now());
      const created = await store.create(record, now());
      if (created.kind !== 'ok')
        throw new AppError(
          'state.conflict',
          `${accessText(record)} is being taken back from ${record.user.label} right now. Try again in a few seconds.`,
        );
      try {
        await add();
      } catch (e) {
        // Nothing may be left behind: end it now, so the schedule takes back whatever Authgear may have done.
        await store
          .endNow(record.id, { by: 'system', why: 'failed', now: now() })
          .catch((cleanup: unknown) =>
            logger.warn(
              { grantId: record.id, ...errorFields(cleanup) },
              'grant cleanup waits for its expiry',
            ),
          );
        throw asAppError(e);
      }
      return record;
    },

    get: (id) => store.get(id),

    live: (userId) => store.live({ ...(userId ? { userId } : {}), limit: LIST_LIMIT }),

    async extend(id, byMs, limitMs) {
      const record = await running(id);
      const nowMs = now().getTime();
      const exp = Math.max(record.exp, nowMs) + byMs;
      if (exp - nowMs > limitMs)
        throw new AppError(
          'input.invalid',
          `That would leave ${accessText(record)} for more than the policy's longest grant from now. Extend by less.`,
        );
      const outcome = await store.extend(id, {
        expiresAtMs: exp,
        remindAtMs: remindAtFor(nowMs, exp, policy.remindBeforeMs),
        now: now(),
      });
      if (outcome.kind !== 'ok') throw ended();
      return outcome.record;
    },

    async revokeNow(id, by) {
      const outcome = await store.endNow(id, { by, why: 'revoke', now: now() });
      if (outcome.kind === 'refused') {
        if (outcome.reason === 'not_found')
          throw new AppError('input.invalid', 'That grant no longer exists.');
        throw new AppError('state.no_change', 'That grant has already ended, or is being revoked right now.');
      }
      await worker
        .runAssignment(tagOfGrant(id))
        .catch((e: unknown) =>
          logger.warn({ grantId: id, ...errorFields(e) }, 'revoke now: the schedule will finish it'),
        );
      const record = (await store.get(id)) ?? outcome.record;
      const what = `${accessText(record)} for ${record.user.label}`;
      if (record.ended?.how === 'covered') {
        const others = (await store.live({ userId: record.user.id, limit: LIST_LIMIT })).filter(
          (g) => g.target.kind === record.target.kind && g.target.key === record.target.key,
        );
        const until = Math.max(...others.map((g) => g.exp));
        return {
          record,
          message: `Ended the grant of ${what}. Another grant of the same access runs on${Number.isFinite(until) ? ` until ${dateText(until)}` : ''}: revoke that one too to end the access now.`,
        };
      }
      if (record.state === 'ended')
        return { record, message: `Revoked: the grant of ${what} has ended and the access is taken back.` };
      if (record.state === 'overdue')
        return {
          record,
          message: `Ended the grant of ${what}, but Authgear did not answer. The bot keeps trying to take the access back; \`/authgear grants\` shows it as overdue.`,
        };
      return {
        record,
        message: `Ending the grant of ${what} now; the audit channel shows when the access is gone.`,
      };
    },
  };
};
