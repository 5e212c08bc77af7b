/** Counting the commands one client sends to Redis (its round trips), with MONITOR. Used by tests and benchmarks. */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Counts the commands `redis` sends while `work` runs, using a MONITOR connection (commands run inside Lua scripts
 * are reported with source 'lua' and left out): the client's round trips to Redis.
 */
export const countCommands = async (
  monitor: Redis,
  redis: Redis,
  work: () => Promise<void>,
): Promise<number> => {
  const marker = `count-${randomBytes(8).toString('hex')}`;
  let counting = false;
  let count = 0;
  let onMonitor: (time: string, args: string[], source: string) => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    onMonitor = (_time, args, source) => {
      const isMarker = args[0]?.toLowerCase() === 'echo' && args[1] === marker;
      if (isMarker) {
        if (counting) resolve();
        counting = true;
      } else if (counting && source !== 'lua') {
        count += 1;
      }
    };
  });
  monitor.on('monitor', onMonitor);
  await redis.echo(marker);
  await work();
  await redis.echo(marker);
  await finished;
  monitor.off('monitor', onMonitor);
  return count;
};
