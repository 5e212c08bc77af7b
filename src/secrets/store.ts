/**
 * Where sealed secrets wait to be revealed: once, by their owner, until they expire. `take` is one atomic step
 * (one Redis script), so two clicks on Reveal, even on two replicas, reveal a secret at most once.
 */
import { z } from 'zod';

/** `sv_` + 128 random bits. */
export const secretIdSchema = z.string().regex(/^sv_[A-Za-z0-9_-]{22}$/);

export interface SealedSecret {
  readonly ownerId: string;
  /** The sealed blob (seal.ts); never the secret in clear. */
  readonly blob: string;
  readonly expiresAt: Date;
}

export type TakeOutcome =
  | { readonly kind: 'taken'; readonly blob: string }
  /** Someone else clicked: nothing was taken. */
  | { readonly kind: 'not_yours' }
  /** Already revealed, or expired. */
  | { readonly kind: 'gone' };

export interface SecretStore {
  put(id: string, sealed: SealedSecret): Promise<void>;
  /** Removes and returns the blob when `userId` owns it. */
  take(id: string, userId: string, now: Date): Promise<TakeOutcome>;
  close(): Promise<void>;
}
