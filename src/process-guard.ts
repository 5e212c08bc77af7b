/**
 * The last line of defence for the process: a promise that rejects with nobody listening (a library's detached
 * async work, a request shape nobody foresaw) is logged with a reference and the bot keeps serving. Node's default
 * would stop the process, and with it every other person's request.
 */
import { randomUUID } from 'node:crypto';
import { type AppLogger, errorFields } from './logger.js';

export interface ProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export const guardProcess = (proc: ProcessEvents, logger: AppLogger): void => {
  proc.on('unhandledRejection', (reason) => {
    logger.error(
      { ref: randomUUID().slice(0, 8), ...errorFields(reason) },
      'a promise rejected with no handler; the bot keeps serving',
    );
  });
};
