import { describe, expect, it } from 'vitest';
import { decodeNodeId, encodeNodeId } from '../../../src/authgear/node-id.js';

describe('node IDs', () => {
  it('encodes Type:id as unpadded base64url and decodes it back', () => {
    const id = encodeNodeId('User', '0f1e2d3c-4b5a-4968-8776-655443322110');
    expect(id).not.toMatch(/[=+/]/);
    expect(Buffer.from(id, 'base64url').toString()).toBe('User:0f1e2d3c-4b5a-4968-8776-655443322110');
    expect(decodeNodeId(id)).toEqual({ type: 'User', rawId: '0f1e2d3c-4b5a-4968-8776-655443322110' });
  });

  it.each(['', 'not base64!', 'VXNlcjphYmM=', Buffer.from('nocolon').toString('base64url')])(
    'rejects %s',
    (id) => {
      expect(decodeNodeId(id)).toBeUndefined();
    },
  );
});
