/**
 * Admin API JWT check after pkg/lib/admin/authz/middleware.go: the `kid` must name the key (jwx key set), the
 * signature must verify, `aud` must be the project ID; `exp`/`iat`/`nbf` are checked only when present, with
 * 5 minutes of clock skew (pkg/util/duration ClockSkew); no maximum lifetime.
 */
import {
  type CryptoKey,
  decodeProtectedHeader,
  importSPKI,
  type JWTPayload,
  jwtVerify,
  type ProtectedHeaderParameters,
} from 'jose';

export interface AdminKeyConfig {
  projectId: string;
  keyId: string;
  publicKeyPem: string;
}

export type JwtCheck =
  | { ok: true; header: ProtectedHeaderParameters; claims: JWTPayload }
  | { ok: false; reason: string };

export const CLOCK_SKEW_SECONDS = 300;

export const makeJwtChecker = (config: AdminKeyConfig, now: () => Date) => {
  let key: Promise<CryptoKey> | undefined;
  const publicKey = (): Promise<CryptoKey> => {
    key ??= importSPKI(config.publicKeyPem, 'RS256');
    return key;
  };

  return async (authorization: string | undefined): Promise<JwtCheck> => {
    const match = /^Bearer (.+)$/.exec(authorization ?? '');
    const token = match?.[1];
    if (token === undefined) return { ok: false, reason: 'missing bearer token' };
    let header: ProtectedHeaderParameters;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      return { ok: false, reason: 'malformed token' };
    }
    if (header.alg !== 'RS256') return { ok: false, reason: `alg ${String(header.alg)} is not RS256` };
    if (header.kid !== config.keyId) return { ok: false, reason: `unknown kid ${String(header.kid)}` };
    try {
      const { payload } = await jwtVerify(token, await publicKey(), {
        algorithms: ['RS256'],
        audience: config.projectId,
        currentDate: now(),
        clockTolerance: CLOCK_SKEW_SECONDS,
      });
      if (typeof payload.iat === 'number' && payload.iat > now().getTime() / 1000 + CLOCK_SKEW_SECONDS)
        return { ok: false, reason: 'iat in the future' };
      return { ok: true, header, claims: payload };
    } catch (e) {
      return { ok: false, reason: e instanceof Error ? e.message : 'invalid token' };
    }
  };
};
