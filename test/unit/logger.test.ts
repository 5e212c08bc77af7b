import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../../src/logger.js';

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

  it('redacts PEM private keys in free text', () => {
    expect(redactText('k=-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- done')).toBe(
      'k=[redacted] done',
    );
  });
});
