import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_TYPES, type AuditEvent } from '../../../src/audit/event.js';
import {
  auditEventsThatFit,
  auditMessage,
  escapeOnce,
  MAX_AUDIT_EVENTS_PER_MESSAGE,
} from '../../../src/blocks/audit.js';
import { auditEvent } from '../../support/audit.js';
import { blockTextLength, checkMessageBlocks, MESSAGE_BLOCK_TEXT_LIMIT } from '../../support/block-kit.js';

const event = (n: number, extra: Partial<AuditEvent> = {}): AuditEvent =>
  auditEvent(n, {
    target: { userId: 'u1', label: 'Bob &lt;bob@example.com&gt;' },
    approvalId: 'apr_1',
    approvalLink: 'https://example.slack.com/archives/C1/p123',
    ...extra,
  });

const texts = (blocks: unknown): string => JSON.stringify(blocks);

describe('auditMessage', () => {
  it('renders every event of a batch in order within the block limit', () => {
    const events = Array.from({ length: MAX_AUDIT_EVENTS_PER_MESSAGE }, (_, i) => event(i));
    const message = auditMessage(events);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const body = texts(message.blocks);
    const positions = events.map((e) => body.indexOf(`event \`${e.id}\``));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(message.text.split('\n')).toHaveLength(events.length + 1);
    for (const e of events) expect(message.text).toContain(e.summary);
  });

  it('splits a burst of long events by text, so every message stays under 10,000 characters of block text', () => {
    const long = (n: number) =>
      event(n, {
        type: 'rejected',
        target: { userId: `u${n}`, label: `${'Someone Important '.repeat(15)}&lt;vip${n}@example.com&gt;` },
        summary: `Disable user number ${n}: “${'a very long reason that goes on '.repeat(9)}”`,
        reason: 'because the reviewer wrote a long paragraph about it '.repeat(6),
      });
    const events = Array.from({ length: 24 }, (_, i) => long(i));
    const sent: string[] = [];
    for (let rest = events; rest.length > 0; ) {
      const count = auditEventsThatFit(rest);
      const message = auditMessage(rest.slice(0, count));
      expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(10_000);
      expect(checkMessageBlocks(message.blocks)).toEqual([]);
      sent.push(message.text);
      rest = rest.slice(count);
    }
    expect(sent.length).toBeGreaterThan(Math.ceil(24 / MAX_AUDIT_EVENTS_PER_MESSAGE));
    const all = sent.join('\n');
    for (const e of events) expect(all).toContain(`Disable user number ${e.id.slice(3)}:`);
    expect(blockTextLength(auditMessage(events).blocks)).toBeGreaterThan(MESSAGE_BLOCK_TEXT_LIMIT);
  });

  it.each(AUDIT_EVENT_TYPES)('names the %s event type on its line', (type) => {
    const message = auditMessage([event(1, { type })]);
    expect(message.text).toContain(`*${type}*`);
    expect(message.text).not.toContain('undefined');
  });

  it('produces blocks Slack accepts', () => {
    const message = auditMessage([event(1), event(2, { type: 'denied', reason: 'no_permission' })]);
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
  });

  it('neutralises raw control characters but does not double-escape producer-escaped text', () => {
    const message = auditMessage([event(1, { summary: 'Set name to <!channel> & co' })]);
    const body = texts(message.blocks);
    expect(body).toContain('Set name to &lt;!channel&gt; &amp; co');
    expect(body).not.toContain('<!channel>');
    expect(body).toContain('Bob &lt;bob@example.com&gt;');
    expect(body).not.toContain('&amp;lt;');
    expect(escapeOnce('a &amp; b & c')).toBe('a &amp; b &amp; c');
  });

  it('drops an approval link that is not a plain https URL', () => {
    const message = auditMessage([event(1, { approvalLink: 'javascript:alert(1)|click' })]);
    expect(texts(message.blocks)).not.toContain('javascript');
  });

  it('uses the event line as fallback text for a single event', () => {
    const message = auditMessage([event(7)]);
    expect(message.text).toContain('Disabled user number 7');
    expect(message.text).toContain('<@U0ALICE>');
  });

  it('refuses empty and oversized batches instead of dropping events', () => {
    expect(() => auditMessage([])).toThrow();
    const tooMany = Array.from({ length: MAX_AUDIT_EVENTS_PER_MESSAGE + 1 }, (_, i) => event(i));
    expect(() => auditMessage(tooMany)).toThrow();
  });
});

describe('audit lines with free text', () => {
  it('shows an approver comment or reject reason quoted and escaped, and a denial reason as a code', () => {
    const base = {
      id: 'e1',
      at: '2030-01-01T00:00:00.000Z',
      actor: { userId: 'U0A' },
      action: 'user.disable',
      actionKey: 'disable',
      summary: 'Disable alice',
    } as const;
    const rejected = JSON.stringify(
      auditMessage([{ ...base, type: 'rejected', reason: 'not <!here> *now*' }]),
    );
    expect(rejected).toContain('&lt;!here&gt;');
    expect(rejected).not.toContain('<!here>');
    const denied = JSON.stringify(auditMessage([{ ...base, type: 'denied', reason: 'not_granted' }]));
    expect(denied).toContain('denial `not_granted`');
  });

  it("labels an approver's comment `comment`, not `reason`", () => {
    const line = auditMessage([
      {
        id: 'e3',
        type: 'approved',
        at: '2030-01-01T00:00:00.000Z',
        actor: { userId: 'U0ADA' },
        action: 'user.disable',
        actionKey: 'disable',
        summary: 'Disable alice',
        comment: 'ok, checked',
      },
    ]).text;
    expect(line).toContain('comment “ok, checked”');
    expect(line).not.toContain('reason');
  });

  const occurrences = (text: string, part: string) => text.split(part).length - 1;

  it('says who, what, target, reason and result once each, with the same labels on every line', () => {
    const line = auditMessage([
      {
        id: 'e2',
        type: 'requested',
        at: '2030-01-01T00:00:00.000Z',
        actor: { userId: 'U0SAM' },
        action: 'user.disable',
        actionKey: 'disable',
        target: { userId: 'u1', label: 'alice@example.com' },
        summary: 'Disable alice@example.com',
        reason: 'left the company',
        errorCode: 'authgear.timeout',
      },
    ]).text;
    expect(occurrences(line, 'alice@example.com')).toBe(1);
    expect(occurrences(line, 'left the company')).toBe(1);
    expect(line).toContain('*requested* Disable alice@example.com');
    expect(line).toContain('action `user.disable`');
    expect(line).toContain('by <@U0SAM>');
    expect(line).toContain('reason “left the company”');
    expect(line).toContain('error `authgear.timeout`');
    const other = auditMessage([
      {
        id: 'e3',
        type: 'executed',
        at: '2030-01-01T00:00:00.000Z',
        actor: { userId: 'U0SAM' },
        action: 'user.grant',
        actionKey: 'grant',
        target: { userId: 'u1', label: 'bob@example.com' },
        summary: 'Grant role `oncall` for 2h',
      },
    ]).text;
    expect(other).toContain('target bob@example.com');
  });
});
