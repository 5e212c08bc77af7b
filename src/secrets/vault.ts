/**
 * Secrets delivered after an approval: sealed and kept for a short time (15 minutes by default) until their owner
 * reveals them once, in a modal (Slack does not keep modals; a DM would stay in history, search and exports).
 */
import { randomBytes } from 'node:crypto';
import { open, type SecretValue, seal, vaultKey } from './seal.js';
import type { SecretStore } from './store.js';

export const SECRET_TTL_MS = 15 * 60_000;

export type RevealOutcome =
  | { readonly kind: 'revealed'; readonly secret: SecretValue }
  | { readonly kind: 'not_yours' }
  | { readonly kind: 'gone' };

export interface SecretVault {
  /** Seals `secret` for `ownerId`; returns its ID and until when it can be revealed. */
  keep(ownerId: string, secret: SecretValue): Promise<{ readonly id: string; readonly until: Date }>;
  /** Reveals it once to its owner (and removes it); anyone else gets `not_yours` and takes nothing. */
  reveal(id: string, userId: string): Promise<RevealOutcome>;
}

export const newSecretId = (): string => `sv_${randomBytes(16).toString('base64url')}`;

export const createSecretVault = ({
  store,
  keyMaterial,
  now,
  ttlMs = SECRET_TTL_MS,
}: {
  store: SecretStore;
  /** A secret every replica shares (the Admin API private key PEM); the vault key is derived from it. */
  keyMaterial: string;
  now: () => Date;
  ttlMs?: number;
}): SecretVault => {
  const key = vaultKey(keyMaterial);
  return {
    async keep(ownerId, secret) {
      const id = newSecretId();
      const until = new Date(now().getTime() + ttlMs);
      await store.put(id, { ownerId, blob: seal(key, id, ownerId, secret), expiresAt: until });
      return { id, until };
    },
    async reveal(id, userId) {
      const taken = await store.take(id, userId, now());
      if (taken.kind !== 'taken') return taken;
      return { kind: 'revealed', secret: open(key, id, userId, taken.blob) };
    },
  };
};
