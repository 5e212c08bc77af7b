import { describe, expect, it } from 'vitest';
import { newApprovalId, newClaimToken } from '../../../src/approvals/ids.js';
import { approvalIdSchema, newApprovalRecord, parseApprovalRecord } from '../../../src/approvals/record.js';
import { approvalRequest } from '../../support/approvals.js';

const request = approvalRequest({ required: 2 });
const now = new Date('2030-01-01T00:00:00.000Z');

describe('approval IDs and claim tokens', () => {
  it('generates short URL-safe approval IDs that the record schema accepts', () => {
    const ids = Array.from({ length: 200 }, () => newApprovalId());
    for (const id of ids) {
      expect(id).toMatch(/^ap_[A-Za-z0-9_-]{12}$/);
      expect(approvalIdSchema.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('generates distinct claim tokens of 128 bits', () => {
    const a = newClaimToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(16);
    expect(newClaimToken()).not.toBe(a);
  });

  it.each(['short', 'has space 123', 'brace{tag}x', 'x'.repeat(65)])('rejects %j as an approval ID', (id) => {
    expect(approvalIdSchema.safeParse(id).success).toBe(false);
  });
});

describe('approval record', () => {
  it('builds a fresh pending record with version, revision and expiry', () => {
    const record = newApprovalRecord(request, { id: 'ap_abcdefgh', now, ttlMs: 60_000 });
    expect(record).toMatchObject({
      schemaVersion: 1,
      id: 'ap_abcdefgh',
      state: 'pending',
      approvals: [],
      revision: 1,
      createdAt: '2030-01-01T00:00:00.000Z',
      expiresAt: '2030-01-01T00:01:00.000Z',
    });
  });

  it.each([
    ['an unknown schema version', { schemaVersion: 2 }],
    ['an unknown state', { state: 'teleported' }],
    ['a required count of zero', { required: 0 }],
    ['a timestamp that is not ISO', { createdAt: 'yesterday' }],
  ])('treats a record with %s as corrupt, naming its ID', (_what, change) => {
    const record = { ...newApprovalRecord(request, { id: 'ap_abcdefgh', now, ttlMs: 60_000 }), ...change };
    expect(() => parseApprovalRecord(record, 'ap_abcdefgh')).toThrow(
      expect.objectContaining({
        code: 'internal',
        details: expect.objectContaining({ approvalId: 'ap_abcdefgh' }),
      }),
    );
  });
});
