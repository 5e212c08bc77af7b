import { createPublicKey } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenSource } from '../../../src/authgear/jwt.js';
import { makeAdminKey } from '../../support/keys.js';

const key = makeAdminKey();

describe('Admin API tokens', () => {
  it('signs RS256 with kid, aud, iat, exp within five minutes and the Slack actor as audit_context', async () => {
    const now = Date.UTC(2030, 0, 1);
    const tokens = createTokenSource({
      projectId: 'proj',
      keyId: key.keyId,
      privateKeyPem: key.privateKeyPem,
      now: () => now,
    });
    const jwt = await tokens.token({ slack_user_id: 'U0A', slack_user_name: 'ada', slack_team_id: 'T0' });
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'RS256', kid: key.keyId });
    const { payload } = await jwtVerify(jwt, createPublicKey(key.publicKeyPem), {
      audience: 'proj',
      currentDate: new Date(now),
    });
    expect((payload.exp ?? Number.POSITIVE_INFINITY) - (payload.iat ?? 0)).toBeLessThanOrEqual(300);
    expect(payload.audit_context).toEqual({
      actor_type: 'slack',
      slack_user_id: 'U0A',
      slack_user_name: 'ada',
      slack_team_id: 'T0',
    });
  });

  it('reuses a token until shortly before it expires, then signs a new one', async () => {
    let now = Date.UTC(2030, 0, 1);
    const tokens = createTokenSource({
      projectId: 'p',
      keyId: 'k',
      privateKeyPem: key.privateKeyPem,
      now: () => now,
    });
    const first = await tokens.token({ slack_user_id: 'U0A' });
    now += 200_000;
    expect(await tokens.token({ slack_user_id: 'U0A' })).toBe(first);
    expect(await tokens.token({ slack_user_id: 'U0B' })).not.toBe(first);
    now += 80_000;
    expect(await tokens.token({ slack_user_id: 'U0A' })).not.toBe(first);
  });
});
