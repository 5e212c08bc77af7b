/** Socket Mode has no HTTP receiver: this small server answers the health routes on HEALTH_PORT. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthRoute } from './routes.js';

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

export const startHealthServer = async (
  port: number,
  routes: readonly HealthRoute[],
  host?: string,
): Promise<HealthServer> => {
  const server: Server = createServer((req, res) => {
    const path = URL.parse(req.url ?? '/', 'http://localhost')?.pathname;
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (route) route.handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"status":"not found"}');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (host === undefined) server.listen(port, () => resolve());
    else server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
