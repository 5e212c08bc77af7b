import { describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/authgear/node-id.js';
import type { AuditLogEntry } from '../../../src/authgear/operations/audit-logs.js';
import {
  auditLogEntriesThatFit,
  auditLogLine,
  auditLogPage,
  auditLogStreamMessage,
  MAX_LOG_ENTRIES_PER_MESSAGE,
} from '../../../src/blocks/audit-log.js';
import { LIMITS } from '../../../src/blocks/primitives.js';
import { blockTextLength, checkMessageBlocks } from '../../support/block-kit.js';

const entry = (n: number, overrides: Partial<AuditLogEntry> = {}): AuditLogEntry => ({
  id: `log${n}`,
  activityType: 'USER_AUTHENTICATED',
  createdAt: '2026-01-02T03:04:05.000Z',
  ipAddress: '203.0.113.7',
  clientID: `client-${n}`,
  user: { id: encodeNodeId('User', `u${n}`), standardAttributes: { email: `user${n}@example.com` } },
  ...overrides,
});

describe('Authgear audit log blocks', () => {
  it('escapes text from Authgear so it cannot mention, link or format', () => {
    const line = auditLogLine(
      entry(1, {
        // @ts-expect-error: Authgear may answer an activity type newer than the schema the bot was built with
        activityType: '<!channel>',
        ipAddress: '<https://evil.example|x>',
        user: { id: 'x', standardAttributes: { email: '*bold* <@U123>' } },
      }),
    );
    expect(line).not.toMatch(/<!channel|<@U|<https/);
    expect(line).toContain('&lt;!channel&gt;');
    expect(line).toContain('&lt;@U123&gt;');
  });

  it('names the project when an entry has no user, and the raw ID when a user has no contact', () => {
    expect(auditLogLine(entry(1, { user: null }))).toContain('project');
    expect(
      auditLogLine(entry(1, { user: { id: encodeNodeId('User', 'raw-7'), standardAttributes: {} } })),
    ).toContain('raw-7');
  });

  it('packs a full batch into one valid message within Slack limits', () => {
    const entries = Array.from({ length: MAX_LOG_ENTRIES_PER_MESSAGE }, (_, i) =>
      entry(i, { user: { id: 'x', standardAttributes: { email: `${'long'.repeat(40)}${i}@example.com` } } }),
    );
    const message = auditLogStreamMessage(entries);
    expect(message.blocks.length).toBeLessThan(LIMITS.blocksPerMessage);
    for (let i = 0; i < entries.length; i++) expect(JSON.stringify(message.blocks)).toContain(`client-${i}`);
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    expect(() => auditLogStreamMessage([])).toThrow();
    expect(() => auditLogStreamMessage([...entries, entry(99)])).toThrow();
  });

  it('takes only as many entries as stay under 10,000 characters of block text', () => {
    const entries = Array.from({ length: MAX_LOG_ENTRIES_PER_MESSAGE }, (_, i) =>
      entry(i, { user: { id: 'x', standardAttributes: { email: `${'long'.repeat(40)}${i}@example.com` } } }),
    );
    const fits = auditLogEntriesThatFit(entries);
    expect(fits).toBeLessThan(MAX_LOG_ENTRIES_PER_MESSAGE);
    expect(blockTextLength(auditLogStreamMessage(entries.slice(0, fits)).blocks)).toBeLessThanOrEqual(10_000);
    expect(blockTextLength(auditLogStreamMessage(entries.slice(0, fits + 1)).blocks)).toBeGreaterThan(10_000);
    expect(auditLogEntriesThatFit(entries.slice(0, 3))).toBe(3);
  });

  it('shows the next-page command verbatim in a code span', () => {
    const page = auditLogPage({
      who: 'Ada <ada@example.com>',
      types: ['USER_DISABLED'],
      since: '7d',
      entries: [entry(1)],
      nextCommand: '/authgear audit --type USER_DISABLED --after b2Zmc2V0OjE5',
    });
    const json = JSON.stringify(page.blocks);
    expect(json).toContain('`/authgear audit --type USER_DISABLED --after b2Zmc2V0OjE5`');
    expect(json).toContain('Ada &lt;ada@example.com&gt;');
    expect(checkMessageBlocks(page.blocks)).toEqual([]);
  });
});
