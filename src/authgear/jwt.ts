import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

/** Who acted through Slack; carried in the Admin API JWT so Authgear's own audit log names them. */
export interface AuditContext {
  /** Who asked (for an approved action: the requester). */
  readonly slack_user_id: string;
  readonly slack_user_name?: string | undefined;
  readonly slack_team_id?: string | undefined;
  /** An approved action: the approval request's ID, and the Slack user IDs of the people who approved it. */
  readonly approval_id?: string | undefined;
  readonly approved_by?: readonly string[] | undefined;
}

export interface TokenSourceOptions {
  readonly projectId: string;
  readonly keyId: string;
  readonly privateKeyPem: string;
  readonly now?: () => number;
  /** Lifetime of a token in seconds; Authgear accepts at most 5 minutes. */
  readonly lifetimeSeconds?: number;
  /** Renew this many seconds before expiry. */
  readonly renewBeforeSeconds?: number;
}

export interface TokenSource {
  token(context: AuditContext | undefined): Promise<string>;
}

const MAX_CACHED = 500;

/** RS256 Admin API tokens with `kid`, `aud`, `iat`, `exp` and `audit_context`, cached per actor until near expiry. */
export const createTokenSource = (options: TokenSourceOptions): TokenSource => {
  const key: KeyObject = createPrivateKey(options.privateKeyPem);
  const now = options.now ?? Date.now;
  const lifetime = Math.min(options.lifetimeSeconds ?? 300, 300);
  const renewBefore = options.renewBeforeSeconds ?? 30;
  const cache = new Map<string, { jwt: string; exp: number }>();

  const sign = async (context: AuditContext | undefined, iat: number): Promise<string> => {
    const jwt = new SignJWT(
      context === undefined ? {} : { audit_context: { actor_type: 'slack', ...context } },
    )
      .setProtectedHeader({ alg: 'RS256', kid: options.keyId, typ: 'JWT' })
      .setAudience(options.projectId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + lifetime);
    return jwt.sign(key);
  };

  return {
    async token(context) {
      const cacheKey = JSON.stringify(context ?? null);
      const seconds = Math.floor(now() / 1000);
      const hit = cache.get(cacheKey);
      if (hit && hit.exp - renewBefore > seconds) return hit.jwt;
      const jwt = await sign(context, seconds);
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '');
      cache.set(cacheKey, { jwt, exp: seconds + lifetime });
      return jwt;
    },
  };
};
