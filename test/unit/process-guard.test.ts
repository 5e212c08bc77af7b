import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { guardProcess } from '../../src/process-guard.js';

describe('guardProcess', () => {
  it('logs an unhandled rejection with a reference, a masked message and a short stack', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l) => void lines.push(l) } });
    const proc = new EventEmitter();
    guardProcess(proc, logger);
    proc.emit('unhandledRejection', new TypeError('token xoxb-1-2-abc cannot be read'));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({ level: 50, err: 'TypeError', message: 'token [redacted] cannot be read' });
    expect(line.ref).toMatch(/^[0-9a-f]{8}$/);
    expect(line.stack).toMatch(/^at /);
    expect(lines[0]).not.toContain('xoxb-1-2-abc');
  });
});
