import { describe, expect, it } from 'vitest';
import { userCard } from '../../../src/blocks/user-card.js';
import { conn, makeUser } from '../../support/authgear-user.js';
import { checkMessageBlocks } from '../../support/block-kit.js';

const now = new Date('2030-01-01T00:00:00.000Z');

describe('user card', () => {
  it('shows group and role keys exactly as Authgear stores them, so they copy cleanly', () => {
    const user = makeUser({
      standardAttributes: { email: 'alice@example.com' },
      groups: conn([{ id: 'g1', key: 'support_team', name: 'Support' }]),
      roles: conn([{ id: 'r1', key: 'billing:admin', name: null }]),
    });
    const text = JSON.stringify(userCard(user, [], now));
    expect(text).toContain('`support_team`');
    expect(text).toContain('`billing:admin`');
  });

  it('escapes a key that is not a valid Authgear key, and keeps within Block Kit', () => {
    const user = makeUser({ groups: conn([{ id: 'g1', key: '<!channel>', name: null }]) });
    const blocks = userCard(user, [], now);
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    expect(checkMessageBlocks(blocks)).toEqual([]);
  });
});
