/**
 * Keys and IDs in code spans stay copyable: Slack formats nothing inside a code span, so no zero-width characters
 * are put around `_` there (they would break a command the ID is pasted into). Commands typed with zero-width
 * characters (pasted from an older message) are read without them.
 */
import { describe, expect, it } from 'vitest';
import { showKey } from '../../../src/access/keys.js';
import { newApprovalRecord } from '../../../src/approvals/record.js';
import { approvalCard } from '../../../src/blocks/approval-card.js';
import { accessText } from '../../../src/blocks/grants.js';
import { codeSpan } from '../../../src/blocks/primitives.js';
import { splitCommand } from '../../../src/handlers/command-text.js';

const ZERO_WIDTH = /\u200b|\u200c|\u200d|\u2060|\ufeff/;

describe('code spans', () => {
  it('keep `_`, `*` and `~` as they are, escape <>& and cannot be closed early', () => {
    expect(codeSpan('billing_admin')).toBe('`billing_admin`');
    expect(codeSpan('a*b~c')).toBe('`a*b~c`');
    const odd = codeSpan('x` <!here> & y');
    expect(odd).not.toMatch(ZERO_WIDTH);
    expect(odd).toContain('&lt;!here&gt; &amp;');
    expect(odd.slice(1, -1)).not.toContain('`');
  });

  it('show an invalid key and an approval ID without zero-width characters', () => {
    expect(showKey('bad key_with space')).not.toMatch(ZERO_WIDTH);
    expect(accessText({ target: { kind: 'role', key: 'billing_admin' } } as never)).toBe(
      'role `billing_admin`',
    );
    const record = newApprovalRecord(
      {
        action: 'user.disable',
        actionKey: 'disable',
        input: { userId: 'x' },
        summary: 'Disable alice',
        requester: { userId: 'U0SUPPORT' },
        approverRoles: ['admin'],
        required: 1,
      },
      { id: 'ap_abc_defgh', now: new Date('2026-01-01T00:00:00Z'), ttlMs: 60_000 },
    );
    const text = JSON.stringify(approvalCard(record).blocks);
    expect(text).toContain('`ap_abc_defgh`');
    expect(text).not.toMatch(ZERO_WIDTH);
  });
});

describe('command text', () => {
  it('is read without zero-width characters pasted with it', () => {
    const { verb, args } = splitCommand(
      '\u200bgrant bob@example.com role:billing\u200b_\u200badmin\ufeff for 2h',
    );
    expect(verb).toBe('grant');
    expect(args).toEqual(['bob@example.com', 'role:billing_admin', 'for', '2h']);
  });
});
