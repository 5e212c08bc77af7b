import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { parsePolicyText } from '../../src/config/policy.js';
import { createLogger, maskedMessage, redactText } from '../../src/logger.js';
import { DEFAULT_POLICY } from '../support/app.js';
import { makeAdminKey, minimalEnv } from '../support/keys.js';

describe('logger redaction', () => {
  it('masks secrets in fields and token-looking text in messages', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', destination: { write: (l) => void lines.push(l) } });
    logger.info(
      {
        password: 'Hunter2!Hunter2',
        otp: '123456',
        variables: { x: 1 },
        token: 'xoxb-abc',
        approvalId: 'ap_1',
      },
      'hello',
    );
    logger.warn('got xoxb-1234-5678-abcdef and eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl');
    const all = lines.join('');
    for (const secret of ['Hunter2!Hunter2', '123456', 'xoxb-abc', 'xoxb-1234', 'eyJhbGci'])
      expect(all).not.toContain(secret);
    expect(all).toContain('ap_1');
  });

  it.each([
    'http request body: {"channel":"D0X","text":"*One-time code:* `467774`"}',
    'http request result: {"ok":true,"message":{"text":"`467774`"}}',
    'Received a message on the WebSocket: {"payload":{"view":{"state":{"password":"467774"}}}}',
    'Sending a WebSocket message: {"envelope_id":"e","payload":{"text":"467774"}}',
    'ack() call begins (body: {"text":"467774"})',
  ])('keeps the Slack SDKs from logging a body: %s', (line) => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', destination: { write: (l) => void lines.push(l) } });
    logger.debug(line);
    expect(lines.join('')).not.toContain('467774');
    expect(lines.join('')).toContain('[payload redacted]');
  });

  it('redacts PEM private keys in free text', () => {
    expect(redactText('k=-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- done')).toBe(
      'k=[redacted] done',
    );
  });

  it('masks an error message: tokens hidden, an embedded request with its variables dropped', () => {
    const error = new Error(
      'GraphQL Error (Code: 500): {"response":{"status":500},"request":{"variables":{"password":"Secret!Pass1"}}}',
    );
    expect(maskedMessage(error)).toBe('GraphQL Error (Code: 500): […]');
    expect(maskedMessage(new Error('token xoxb-1-2-abc refused'))).toBe('token [redacted] refused');
    expect(maskedMessage('not an error')).toBeUndefined();
    expect(maskedMessage(new Error('x'.repeat(1000)))?.length).toBeLessThanOrEqual(301);
  });
});

describe('LOG_LEVEL and Bolt', () => {
  const key = makeAdminKey();
  it.each(['debug', 'info', 'warn', 'error'])(
    'keeps LOG_LEVEL=%s after the app hands the logger to Bolt',
    (level) => {
      const config = loadConfig(minimalEnv(key, { LOG_LEVEL: level }));
      const lines: string[] = [];
      const logger = createLogger({
        level: config.logLevel,
        destination: { write: (l) => void lines.push(l) },
      });
      const built = createApp({ config, policy: parsePolicyText(DEFAULT_POLICY), logger });
      expect(logger.pino.level).toBe(level);
      built.app.logger.debug('a Bolt debug line');
      expect(lines.some((l) => l.includes('a Bolt debug line'))).toBe(level === 'debug');
    },
  );
});
