/**
 * The bot's Prometheus metrics (prom-client), one registry per app so replicas in one test process never share
 * counters. `/metrics` serves `registry.metrics()`; the README's metrics table lists every series.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What Slack asked the bot to acknowledge. */
export type AckKind = 'command' | 'action' | 'view' | 'shortcut' | 'options' | 'event' | 'other';

export interface Metrics {
  readonly registry: Registry;
  readonly ackSeconds: Histogram<'kind'>;
  readonly actions: Counter<'action' | 'outcome'>;
  readonly approvals: Counter<'state'>;
  readonly outboxDepth: Gauge;
  readonly outboxOldestAge: Gauge;
  readonly auditBuffered: Gauge;
  readonly slackRateLimited: Counter<'method'>;
  readonly slackErrors: Counter<'method' | 'error'>;
  readonly adminApiSeconds: Histogram<'operation'>;
  readonly adminApiErrors: Counter<'operation' | 'code'>;
  /** Runs before every scrape (gauges read from stores); failures leave the last values. */
  onCollect(collect: () => Promise<void>): void;
}

const PREFIX = 'authgear_slack_';

export const createMetrics = (): Metrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const collectors: Array<() => Promise<void>> = [];
  const registers = [registry];
  const outboxDepth = new Gauge({
    name: `${PREFIX}audit_outbox_depth`,
    help: 'Audit events waiting in the outbox for the audit channel',
    registers,
    // One collect hook for every store-backed gauge: it runs once per scrape.
    async collect() {
      await Promise.all(collectors.map((c) => c().catch(() => undefined)));
    },
  });
  return {
    registry,
    ackSeconds: new Histogram({
      name: `${PREFIX}ack_seconds`,
      help: 'Time from receiving a Slack request to acknowledging it, by kind',
      labelNames: ['kind'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
      registers,
    }),
    actions: new Counter({
      name: `${PREFIX}actions_total`,
      help: 'Action outcomes (executed, failed, denied, requested for approval, ...) by policy action',
      labelNames: ['action', 'outcome'],
      registers,
    }),
    approvals: new Counter({
      name: `${PREFIX}approvals_total`,
      help: 'Approval requests entering each state',
      labelNames: ['state'],
      registers,
    }),
    outboxDepth,
    auditBuffered: new Gauge({
      name: `${PREFIX}audit_buffered_events`,
      help: 'Audit events waiting in memory because the outbox (Redis) refused them; retried with backoff',
      registers,
    }),
    outboxOldestAge: new Gauge({
      name: `${PREFIX}audit_outbox_oldest_age_seconds`,
      help: 'Age of the oldest audit event still waiting in the outbox (0 when empty)',
      registers,
    }),
    slackRateLimited: new Counter({
      name: `${PREFIX}slack_rate_limited_total`,
      help: 'Slack Web API answers with HTTP 429, by method',
      labelNames: ['method'],
      registers,
    }),
    slackErrors: new Counter({
      name: `${PREFIX}slack_errors_total`,
      help: 'Slack Web API calls answered ok:false or failing at the HTTP level, by method and error',
      labelNames: ['method', 'error'],
      registers,
    }),
    adminApiSeconds: new Histogram({
      name: `${PREFIX}admin_api_seconds`,
      help: 'Authgear Admin API call latency by operation',
      labelNames: ['operation'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    adminApiErrors: new Counter({
      name: `${PREFIX}admin_api_errors_total`,
      help: 'Authgear Admin API calls that failed, by operation and error code',
      labelNames: ['operation', 'code'],
      registers,
    }),
    onCollect(collect) {
      collectors.push(collect);
    },
  };
};
