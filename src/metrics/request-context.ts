/**
 * Per-request context carried through async work (AsyncLocalStorage): when the Slack request that led to the
 * current work arrived, so an outcome log line can say how long the request took end to end.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  readonly startedAt: number;
  readonly kind: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const runInRequest = <T>(context: RequestContext, work: () => T): T => storage.run(context, work);

/** The current Slack request, if this code runs on behalf of one. */
export const currentRequest = (): RequestContext | undefined => storage.getStore();
