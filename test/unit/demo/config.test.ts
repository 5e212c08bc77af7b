import { describe, expect, it } from 'vitest';
import { isLoopback, loadDemoConfig } from '../../../demo/config.js';
import { isAppError } from '../../../src/errors.js';

describe('demo configuration', () => {
  it('serves 127.0.0.1:3100 with approvals in memory by default', () => {
    expect(loadDemoConfig({})).toEqual({
      port: 3100,
      host: '127.0.0.1',
      redisUrl: undefined,
      redisPrefix: 'authgear-slack:',
      logLevel: 'warn',
    });
  });

  it('reads DEMO_PORT, DEMO_HOST and REDIS_URL', () => {
    const c = loadDemoConfig({
      DEMO_PORT: '3200',
      DEMO_HOST: '0.0.0.0',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(c).toMatchObject({ port: 3200, host: '0.0.0.0', redisUrl: 'redis://127.0.0.1:6379' });
  });

  it('refuses a port that is not one, naming the variable', () => {
    let error: unknown;
    try {
      loadDemoConfig({ DEMO_PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('config.invalid');
    expect(isAppError(error) && error.userMessage).toContain('DEMO_PORT');
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['192.168.1.5', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
