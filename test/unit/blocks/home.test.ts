import { describe, expect, it } from 'vitest';
import { type ApprovalRecord, newApprovalRecord } from '../../../src/approvals/record.js';
import { HOME_SHOWN, homeView } from '../../../src/blocks/home.js';
import { approvalRequest } from '../../support/approvals.js';
import { checkHomeView } from '../../support/block-kit.js';

const at = new Date('2026-01-01T00:00:00Z');
const record = (id: string, overrides: Partial<ApprovalRecord> = {}): ApprovalRecord => ({
  ...newApprovalRecord(approvalRequest({ reason: 'left <!channel> *now*' }), {
    id,
    now: at,
    ttlMs: 3_600_000,
  }),
  ...overrides,
});

/** `action_id:value` of every button in the view's actions blocks. */
const buttons = (view: ReturnType<typeof homeView>): string[] =>
  view.blocks
    .flatMap((b) => ('elements' in b && b.type === 'actions' ? b.elements : []))
    .map((e) => (e.type === 'button' ? `${e.action_id}:${e.value ?? ''}` : e.type));

describe('homeView', () => {
  it('lists what waits on the viewer with Approve and Reject, and their own pending request with Cancel', () => {
    const view = homeView({
      kind: 'lists',
      waiting: [record('ap_waiting1')],
      recent: [record('ap_mine0001')],
    });
    expect(checkHomeView(view)).toEqual([]);
    expect(buttons(view)).toEqual([
      'approval_approve:ap_waiting1',
      'approval_reject:ap_waiting1',
      'approval_cancel:ap_mine0001',
    ]);
  });

  it('shows the state of each recent request and offers nothing on decided ones', () => {
    const view = homeView({
      kind: 'lists',
      waiting: [],
      recent: [
        record('ap_rejected1', {
          state: 'rejected',
          rejection: { userId: 'U0ADMIN', at: at.toISOString(), reason: 'no <b>' },
        }),
        record('ap_executed1', { state: 'executed' }),
      ],
    });
    const text = JSON.stringify(view);
    expect(text).toContain('rejected');
    expect(text).toContain('no &lt;b&gt;');
    expect(text).toContain('approved and done');
    expect(text).toContain('Nothing waits on your approval');
    expect(buttons(view)).toEqual([]);
  });

  it('escapes what people typed so it cannot ping or format', () => {
    const text = JSON.stringify(homeView({ kind: 'lists', waiting: [record('ap_waiting1')], recent: [] }));
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('stays within the Home tab limits with many requests and says how many are hidden', () => {
    const many = Array.from({ length: 60 }, (_, i) => record(`ap_many${String(i).padStart(4, '0')}`));
    const view = homeView({ kind: 'lists', waiting: many, recent: many });
    expect(checkHomeView(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view)).toContain(`Showing ${HOME_SHOWN} of 60`);
  });

  it('shows a notice instead of the lists when there is something to say', () => {
    const view = homeView({ kind: 'notice', text: 'Approvals are unavailable for a moment.' });
    expect(checkHomeView(view)).toEqual([]);
    expect(JSON.stringify(view)).toContain('unavailable');
    expect(buttons(view)).toEqual([]);
  });
});
