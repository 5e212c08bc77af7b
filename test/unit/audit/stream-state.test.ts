import { describe, expect, it } from 'vitest';
import { advance, anchorAt, reanchor } from '../../../src/audit/stream-state.js';

describe('audit stream position', () => {
  const start = anchorAt('2026-01-01T00:00:00.000Z', 'USER_DISABLED');

  it('advances the cursor and remembers every entry delivered at the latest time', () => {
    const s = advance(start, 'c2', [
      { id: 'a', createdAt: '2026-01-01T00:00:01.000Z' },
      { id: 'b', createdAt: '2026-01-01T00:00:02.000Z' },
      { id: 'c', createdAt: '2026-01-01T00:00:02.000Z' },
    ]);
    expect(s).toMatchObject({ after: 'c2', lastAt: '2026-01-01T00:00:02.000Z', lastIds: ['b', 'c'] });
    const t = advance(s, 'c3', [{ id: 'd', createdAt: '2026-01-01T00:00:02.000Z' }]);
    expect(t.lastIds).toEqual(['b', 'c', 'd']);
  });

  it('re-anchors at the last delivered time, skipping what was already delivered there', () => {
    const s = reanchor(advance(start, 'c2', [{ id: 'a', createdAt: '2026-01-01T00:00:05.000Z' }]));
    expect(s).toMatchObject({ since: '2026-01-01T00:00:05.000Z', after: null, skip: ['a'] });
  });

  it('a filter change drops the old cursor (it belonged to the old filter)', () => {
    const moved = reanchor({ ...start, after: 'c9' }, 'USER_DELETED');
    expect(moved).toMatchObject({ since: start.since, after: null, types: 'USER_DELETED' });
  });
});
