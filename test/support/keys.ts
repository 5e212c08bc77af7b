/** RSA key pairs and Admin API JWTs for tests (the Authgear fake verifies what the bot signs with these). */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';

export interface AdminKey {
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

export const makeAdminKey = (): AdminKey => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { keyId: `test-key-${randomUUID()}`, privateKeyPem: privateKey, publicKeyPem: publicKey };
};

export interface AdminJwtOverrides {
  audience?: string;
  keyId?: string;
  /** Seconds since epoch; default now. */
  issuedAt?: number;
  /** Lifetime in seconds; default 60. */
  lifetimeSeconds?: number;
  claims?: Record<string, unknown>;
}

/** Signs an Admin API JWT the way Authgear expects (RS256, kid, aud, iat, exp). */
export const signAdminJwt = async (
  key: AdminKey,
  projectId: string,
  overrides: AdminJwtOverrides = {},
): Promise<string> => {
  const iat = overrides.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ ...overrides.claims })
    .setProtectedHeader({ alg: 'RS256', kid: overrides.keyId ?? key.keyId, typ: 'JWT' })
    .setAudience(overrides.audience ?? projectId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (overrides.lifetimeSeconds ?? 60))
    .sign(await importPKCS8(key.privateKeyPem, 'RS256'));
};

/** The smallest environment `loadConfig` accepts (HTTP mode, a made-up Authgear), plus `extra`. */
export const minimalEnv = (key: AdminKey, extra: Record<string, string> = {}): Record<string, string> => ({
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 's',
  AUTHGEAR_ENDPOINT: 'http://127.0.0.1:9',
  AUTHGEAR_PROJECT_ID: 'p',
  AUTHGEAR_ADMIN_KEY_ID: 'k',
  AUTHGEAR_ADMIN_PRIVATE_KEY: key.privateKeyPem,
  ...extra,
});
