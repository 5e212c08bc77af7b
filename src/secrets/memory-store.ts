/** In-memory `SecretStore` with the Redis store's semantics (one process; each call is atomic). */
import { type SealedSecret, type SecretStore, secretIdSchema } from './store.js';

export const createMemorySecretStore = (): SecretStore => {
  const slots = new Map<string, SealedSecret>();
  return {
    async put(id, sealed) {
      slots.set(id, { ...sealed });
    },
    async take(id, userId, now) {
      const slot = secretIdSchema.safeParse(id).success ? slots.get(id) : undefined;
      if (!slot || slot.expiresAt.getTime() <= now.getTime()) {
        slots.delete(id);
        return { kind: 'gone' };
      }
      if (slot.ownerId !== userId) return { kind: 'not_yours' };
      slots.delete(id);
      return { kind: 'taken', blob: slot.blob };
    },
    async close() {
      slots.clear();
    },
  };
};
