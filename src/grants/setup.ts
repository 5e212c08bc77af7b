/** Builds the time-boxed grants from the app's parts: the store, the worker, the loop that runs it, the ledger. */
import type { AuditSink } from '../audit/event.js';
import type { AdminApi } from '../authgear/client.js';
import type { Policy } from '../config/policy.js';
import type { AppLogger } from '../logger.js';
import { grants as grantsRight } from '../permissions/authorize.js';
import type { SlackUserRef, WebClient } from '../services.js';
import { createGrantLedger, type GrantLedger } from './ledger.js';
import { createMemoryGrantStore } from './memory-store.js';
import { createReminder } from './remind.js';
import { createGrantScheduler, type GrantScheduler } from './scheduler.js';
import type { GrantStore } from './store.js';
import { createGrantWorker, type GrantWorker } from './worker.js';

export interface GrantOptions {
  /** The schedule: Redis in production; memory by default (single instance). */
  readonly store: GrantStore;
  /** The longest sleep of the loop (default 1000 ms). */
  readonly pollMs?: number;
  /** How long a worker holds an assignment (default 60 s). */
  readonly leaseMs?: number;
  /** The wait before retry n of a failed revoke (default 1 s doubling, at most 5 minutes). */
  readonly backoffMs?: (attempt: number) => number;
}

export interface Grants {
  readonly ledger: GrantLedger;
  readonly worker: GrantWorker;
  readonly scheduler: GrantScheduler;
}

export const createGrants = (deps: {
  readonly options: GrantOptions | undefined;
  readonly api: AdminApi;
  readonly audit: AuditSink;
  readonly client: WebClient;
  readonly policy: Policy;
  readonly logger: AppLogger;
  readonly now: () => Date;
  /** A Slack user's roles now (for the buttons a reminder offers). */
  readonly rolesOf: (user: SlackUserRef) => Promise<readonly string[]>;
}): Grants => {
  const { options, now } = deps;
  const logger = deps.logger.child({ component: 'grants' });
  const granters = [...deps.policy.roleActions.keys()].filter((r) =>
    grantsRight(deps.policy, [r], 'user.grant'),
  );
  if (granters.length > 0 && deps.policy.grants.targets.size === 0)
    logger.warn(
      { roles: granters },
      'these roles have user.grant but grants.targets lists nothing, so nothing can be granted for a while; list what may be granted under grants.targets',
    );
  const store = options?.store ?? createMemoryGrantStore();
  const worker = createGrantWorker({
    store,
    api: deps.api,
    audit: deps.audit,
    logger,
    now,
    remind: createReminder(deps.client, deps.policy, now, deps.rolesOf),
    ...(options?.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options?.backoffMs ? { backoffMs: options.backoffMs } : {}),
  });
  return {
    worker,
    ledger: createGrantLedger({ store, worker, policy: deps.policy.grants, logger, now }),
    scheduler: createGrantScheduler(worker, {
      logger,
      now,
      ...(options?.pollMs ? { pollMs: options.pollMs } : {}),
    }),
  };
};
