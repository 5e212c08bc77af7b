import { describe, expect, it } from 'vitest';
import { createAdminLog, MASK, maskSecrets, toOperation } from '../../../demo/authgear-log.js';
import type { RecordedRequest } from '../../fakes/authgear/index.js';

const request = (
  query: string,
  variables: Record<string, unknown>,
  answer: unknown,
  actor?: string,
): RecordedRequest => ({
  operationName: null,
  query,
  variables,
  jwt: {
    header: { alg: 'RS256' },
    claims: actor ? { audit_context: { actor_type: 'slack', slack_user_id: actor } } : {},
  },
  at: new Date('2025-06-15T12:00:00Z'),
  answer,
});

describe('the Admin API panel', () => {
  it('masks passwords and one-time codes wherever they are nested, and keeps everything else', () => {
    expect(
      maskSecrets({
        input: { password: 'Secret123!', userID: 'u1' },
        list: [{ code: '123456' }],
        code: '',
        n: 3,
      }),
    ).toEqual({ input: { password: MASK, userID: 'u1' }, list: [{ code: MASK }], code: '', n: 3 });
  });

  it('names the operation, its kind and the Slack user it ran for; failed answers are marked', () => {
    const op = toOperation(
      request(
        'mutation generateOTP($target: String!) { generateOOBOTPCode(input: { target: $target }) { code } }',
        { target: '+14155550100' },
        { data: { generateOOBOTPCode: { code: '654321' } } },
        'U0ADA',
      ),
      7,
    );
    expect(op).toMatchObject({
      seq: 7,
      operationName: 'generateOTP',
      kind: 'mutation',
      actor: 'U0ADA',
      ok: true,
    });
    expect(JSON.stringify(op)).not.toContain('654321');
    const failed = toOperation(
      request('query { node(id: "x") { id } }', {}, { data: null, errors: [{ message: 'no' }] }),
      8,
    );
    expect(failed).toMatchObject({
      operationName: '(anonymous)',
      kind: 'query',
      actor: undefined,
      ok: false,
    });
  });

  it('lists the newest first and keeps a bounded number', () => {
    const log = createAdminLog(2);
    for (const name of ['a', 'b', 'c']) log.add(request(`query ${name} { x }`, {}, { data: {} }));
    expect(log.latest(10).map((o) => o.operationName)).toEqual(['c', 'b']);
  });
});
