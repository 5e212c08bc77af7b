/** Audit events for tests, and what the audit channel in the Slack fake shows. */
import type { AuditEvent } from '../../src/audit/event.js';
import type { SlackFake } from '../fakes/slack/index.js';

type Json = Record<string, unknown>;

/** Event number `n` (id `evt<n>`): an executed disable by U0ALICE, with `extra` over it. */
export const auditEvent = (n: number, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  id: `evt${n}`,
  type: 'executed',
  at: '2026-01-02T03:04:05.000Z',
  actor: { userId: 'U0ALICE' },
  action: 'user.disable',
  actionKey: 'user.disable',
  summary: `Disabled user number ${n}`,
  ...extra,
});

/** `evt<from>` … `evt<to>`. */
export const auditEventIds = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `evt${from + i}`);

/** One line per audit event posted to `channel` (its section blocks: a message may batch several events). */
export const auditLinesIn = (slack: SlackFake, channel: string): string[] =>
  slack
    .messagesIn(channel)
    .flatMap((m) => (Array.isArray(m.args.blocks) ? (m.args.blocks as Json[]) : []))
    .filter((b) => b.type === 'section')
    .map((b) => String((b.text as Json | undefined)?.text ?? ''));
