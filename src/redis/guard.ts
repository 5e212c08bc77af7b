/**
 * Calls to Redis from a store: wait (briefly) for a (re)connecting client, and turn failures into AppErrors. A
 * script or data error is ours (`internal`); anything about reaching Redis is `store.unavailable`, with a kind
 * message naming what is unavailable.
 */
import { ReplyError } from 'ioredis';
import { AppError } from '../errors.js';
import { type RedisClient, waitUntilReady } from './client.js';

const TRANSIENT_REPLY = /^(LOADING|BUSY|MASTERDOWN|READONLY|CLUSTERDOWN|TRYAGAIN|TIMEOUT)\b/;

/** Runs `work` once the client is ready; failures become AppErrors. */
export type RedisGuard = <T>(work: () => Promise<T>) => Promise<T>;

export const createRedisGuard = (
  redis: RedisClient,
  {
    readyWaitMs = 750,
    unavailableMessage,
    rejectedMessage,
  }: { readyWaitMs?: number; unavailableMessage: string; rejectedMessage: string },
): RedisGuard => {
  const unavailable = (cause: unknown): AppError =>
    new AppError('store.unavailable', unavailableMessage, { cause });

  /** Maps a Redis failure: a script or data error is ours ('internal'); anything about reaching Redis is not. */
  const storeError = (error: unknown): AppError => {
    if (error instanceof AppError) return error;
    if (error instanceof ReplyError && error instanceof Error && !TRANSIENT_REPLY.test(error.message)) {
      return new AppError('internal', rejectedMessage, { cause: error });
    }
    return unavailable(error);
  };

  /** Resolves once the client is ready, or rejects with store.unavailable after `readyWaitMs`. */
  const readyWithin = (): Promise<void> => {
    if (redis.status === 'end') return Promise.reject(unavailable(new Error('Redis connection closed')));
    if (redis.status === 'wait') void redis.connect().catch(() => undefined);
    return waitUntilReady(redis, readyWaitMs).catch((error: unknown) => {
      throw unavailable(error);
    });
  };

  // Calls arriving while the client (re)connects share one wait.
  let pendingReady: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    if (redis.status === 'ready') return Promise.resolve();
    pendingReady ??= readyWithin().finally(() => {
      pendingReady = undefined;
    });
    return pendingReady;
  };

  return async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      await ready();
      return await work();
    } catch (error) {
      throw storeError(error);
    }
  };
};
