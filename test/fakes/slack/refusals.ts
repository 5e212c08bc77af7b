/**
 * Calls the Slack fake refused, and the refusals a test said it expects. A refusal nobody declared fails the test
 * (test/support/refusal-guard.ts settles every live fake after each test): a bot that Slack would refuse must not
 * pass just because the test did not look.
 */
import type { Json } from './recorder.js';

export interface Refusal {
  /** Web API method, or `response_url`. */
  readonly method: string;
  /** Slack's error code (`not_in_channel`, `expired_url`, `invalid_blocks`…). */
  readonly error: string;
  /** HTTP status of the answer (200 for Web API errors, 429, 404 or 400 for response URLs). */
  readonly status: number;
  readonly args: Json;
  readonly at: number;
  /** For response_url posts: the id in `/response/<id>`. */
  readonly responseId?: string;
  /** Armed by the test itself (`failNext`, `rateLimit`): declared by arming it. */
  readonly armed: boolean;
}

/** Which refusals a test expects: every field given must match (`channel` is the call's `channel` argument). */
export interface RefusalExpectation {
  readonly error: string;
  readonly method?: string;
  readonly channel?: string;
}

export interface RefusalLedger {
  /** Every refused call since the fake started (or `clear()`), in arrival order. */
  readonly refusals: Refusal[];
  add(refusal: Refusal): void;
  /** Declares that the current test expects Slack to refuse matching calls; at least one must happen. */
  expect(expectation: RefusalExpectation): void;
  /**
   * Problems since the last settle (refusals nobody declared or armed; declarations nothing matched), as
   * sentences; forgets the declarations. Empty when all is well.
   */
  settle(): string[];
  clear(): void;
}

const describeExpectation = (e: RefusalExpectation): string =>
  [e.method ?? 'any method', e.error, e.channel ? `in ${e.channel}` : undefined].filter(Boolean).join(' ');

const matches = (e: RefusalExpectation, r: Refusal): boolean =>
  e.error === r.error &&
  (e.method === undefined || e.method === r.method) &&
  (e.channel === undefined || r.args.channel === e.channel);

export const describeRefusal = (r: Refusal): string => {
  const where = typeof r.args.channel === 'string' ? ` in ${r.args.channel}` : '';
  const id = r.responseId ? ` ${r.responseId}` : '';
  return `${r.method}${id}${where} → ${r.status} ${r.error}`;
};

export const createRefusalLedger = (): RefusalLedger => {
  const refusals: Refusal[] = [];
  let expectations: RefusalExpectation[] = [];
  let settled = 0;
  return {
    refusals,
    add: (r) => {
      refusals.push(r);
    },
    expect: (e) => {
      expectations.push(e);
    },
    settle: () => {
      const fresh = refusals.slice(settled);
      settled = refusals.length;
      const problems = fresh
        .filter((r) => !r.armed && !expectations.some((e) => matches(e, r)))
        .map((r) => `Slack refused a call the test did not expect: ${describeRefusal(r)}`);
      for (const e of expectations) {
        if (!fresh.some((r) => matches(e, r)))
          problems.push(
            `The test expected Slack to refuse ${describeExpectation(e)}, but nothing was refused`,
          );
      }
      expectations = [];
      return problems;
    },
    clear: () => {
      refusals.length = 0;
      settled = 0;
      expectations = [];
    },
  };
};

interface Registered {
  readonly ledger: RefusalLedger;
  closed: boolean;
}

const live = new Set<Registered>();

/** Tracks a fake's ledger until it has been settled after closing; returns the handle to mark it closed. */
export const registerLedger = (ledger: RefusalLedger): { markClosed(): void } => {
  const entry: Registered = { ledger, closed: false };
  live.add(entry);
  return {
    markClosed: () => {
      entry.closed = true;
    },
  };
};

/** Settles every fake started in this process (closed ones for the last time) and returns all problems. */
export const settleAllRefusals = (): string[] => {
  const problems: string[] = [];
  for (const entry of [...live]) {
    problems.push(...entry.ledger.settle());
    if (entry.closed) live.delete(entry);
  }
  return problems;
};
