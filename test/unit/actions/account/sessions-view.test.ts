import { describe, expect, it } from 'vitest';
import type { SessionNode } from '../../../../src/authgear/operations/account-sessions.js';
import { sessionsMessage } from '../../../../src/queries/sessions.js';
import { makeUser } from '../../../support/authgear-user.js';

const session = (id: string, overrides: Partial<SessionNode> = {}): SessionNode => ({
  id,
  type: 'IDP',
  displayName: 'Chrome on macOS',
  applicationName: null,
  lastAccessedAt: '2025-05-01T00:00:00Z',
  lastAccessedByIP: '203.0.113.10',
  createdAt: '2025-04-01T00:00:00Z',
  ...overrides,
});

const json = (v: unknown) => JSON.stringify(v);

describe('sessions message', () => {
  it('lists each session with a Revoke button that starts revoke-session with the session preset', () => {
    const user = makeUser();
    const m = sessionsMessage(user, [session('U2Vzc2lvbjpzMQ'), session('U2Vzc2lvbjpzMg')], 2, true);
    const buttons = (m.blocks ?? []).flatMap((b) =>
      b.type === 'section' && b.accessory?.type === 'button' ? [b.accessory] : [],
    );
    expect(buttons.map((b) => [b.action_id, b.value ? JSON.parse(b.value) : undefined])).toEqual([
      [
        'start_action:revoke-session',
        { k: 'revoke-session', u: user.id, a: { sessionId: 'U2Vzc2lvbjpzMQ' } },
      ],
      [
        'start_action:revoke-session',
        { k: 'revoke-session', u: user.id, a: { sessionId: 'U2Vzc2lvbjpzMg' } },
      ],
    ]);
    expect(json(m.blocks)).toContain('203.0.113.10');
  });

  it('escapes session names, application names and IPs', () => {
    const m = sessionsMessage(
      makeUser(),
      [
        session('U2Vzc2lvbjpzMQ', {
          displayName: '<!here> *x*',
          applicationName: '<@U1>',
          lastAccessedByIP: '<b>',
        }),
      ],
      1,
      true,
    );
    const text = json(m.blocks);
    expect(text).not.toContain('<!here>');
    expect(text).not.toContain('<@U1>');
    expect(text).toContain('&lt;!here&gt;');
    expect(text).toContain('&lt;b&gt;');
  });

  it('shows no Revoke buttons to a viewer who may not revoke sessions', () => {
    const m = sessionsMessage(makeUser(), [session('U2Vzc2lvbjpzMQ')], 1, false);
    expect(json(m.blocks)).not.toContain('start_action');
  });

  it('says so when there are no sessions', () => {
    expect(sessionsMessage(makeUser(), [], 0, true).text).toBe('No active sessions');
  });

  it('notes how many are not shown', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      session(Buffer.from(`Session:s${i}`).toString('base64url')),
    );
    const m = sessionsMessage(makeUser(), many, 75, true);
    expect(json(m.blocks)).toContain('Showing 40 of 75');
    expect((m.blocks ?? []).length).toBeLessThanOrEqual(50);
  });
});
