/**
 * A guard in front of Bolt's HTTP receiver: it reads the body of each POST to the events endpoint once (bounded),
 * refuses shapes Bolt cannot handle with 400 (see body-shape.ts), and hands everything else to Bolt with the body
 * already buffered (Bolt reuses a `rawBody` Buffer instead of reading the stream again).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AppLogger } from '../logger.js';
import { malformedBodyReason } from './body-shape.js';

export interface RequestGuardOptions {
  /** Paths Bolt treats as Slack requests (HTTPReceiver `endpoints`). */
  readonly endpoints: readonly string[];
  /** Largest body read, in bytes (Bolt's own limit is 4 MiB). */
  readonly bodyLimit: number;
  readonly logger: AppLogger;
}

type Buffered = IncomingMessage & { rawBody?: Buffer };

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else if (!over) chunks.push(chunk);
    });
    req.once('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)));
    req.once('error', reject);
  });

const refuse = (res: ServerResponse, status: number): void => {
  res.writeHead(status);
  res.end();
};

export const guardRequests =
  (next: RequestListener, { endpoints, bodyLimit, logger }: RequestGuardOptions): RequestListener =>
  (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method?.toUpperCase() !== 'POST' || !endpoints.includes(path)) {
      next(req, res);
      return;
    }
    readBody(req, bodyLimit).then(
      (body) => {
        if (body === 'too_large') {
          logger.warn({ path, limit: bodyLimit }, 'refused a Slack request: body too large');
          refuse(res, 413);
          return;
        }
        const reason = malformedBodyReason(req.headers['content-type'], body.toString('utf8'));
        if (reason !== undefined) {
          logger.warn({ path, reason, bytes: body.length }, 'refused a malformed Slack request');
          refuse(res, 400);
          return;
        }
        (req as Buffered).rawBody = body;
        try {
          next(req, res);
        } catch {
          if (!res.headersSent) refuse(res, 500);
        }
      },
      () => {
        if (!res.headersSent) refuse(res, 400);
      },
    );
  };
