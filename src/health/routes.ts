/**
 * `/healthz`, `/readyz` and `/metrics` as plain Node request handlers: Bolt custom routes on the HTTP receiver,
 * or the small health server in Socket Mode (./server.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from '../metrics/metrics.js';
import type { Readiness } from './readiness.js';

export interface HealthRoute {
  readonly path: string;
  readonly method: 'GET';
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
}

const send = (res: ServerResponse, status: number, contentType: string, body: string): void => {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
};

const json = (res: ServerResponse, status: number, body: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

/** Runs an async handler; a failure answers 500 instead of leaving the probe hanging. */
const handle =
  (work: (res: ServerResponse) => Promise<void>) =>
  (_req: IncomingMessage, res: ServerResponse): void => {
    work(res).catch(() => {
      if (!res.headersSent) json(res, 500, { status: 'error' });
      else res.end();
    });
  };

export const healthRoutes = (deps: { readiness: Readiness; metrics: Metrics }): HealthRoute[] => [
  {
    path: '/healthz',
    method: 'GET',
    handler: handle(async (res) => json(res, 200, { status: 'ok' })),
  },
  {
    path: '/readyz',
    method: 'GET',
    handler: handle(async (res) => {
      const report = await deps.readiness.report();
      const status = report.shuttingDown
        ? 'shutting down'
        : report.ready
          ? 'ready'
          : `not ready: ${report.failed.join(', ')}`;
      json(res, report.ready ? 200 : 503, { status, checks: report.checks });
    }),
  },
  {
    path: '/metrics',
    method: 'GET',
    handler: handle(async (res) =>
      send(res, 200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics()),
    ),
  },
];
