/** Resolving node IDs from mutation inputs, with Authgear's errors for bad or unknown IDs. */
import { invalidId, notFound, userNotFound } from './errors.js';
import type { FakeUser } from './model.js';
import { type NodeType, rawIdOf } from './node-id.js';
import type { FakeStore, Owned } from './store.js';

export const rawIdOrThrow = (nodeId: unknown, type: NodeType): string => {
  const raw = typeof nodeId === 'string' ? rawIdOf(nodeId, type) : undefined;
  if (raw === undefined) throw invalidId(type.toLowerCase());
  return raw;
};

export const requireUser = (store: FakeStore, userNodeId: unknown): FakeUser => {
  const user = store.user(rawIdOrThrow(userNodeId, 'User'));
  if (user === undefined) throw userNotFound();
  return user;
};

export const requireOwned = <T>(
  nodeId: unknown,
  type: 'Identity' | 'Authenticator' | 'Session' | 'Authorization',
  find: (rawId: string) => Owned<T> | undefined,
): Owned<T> => {
  const owned = find(rawIdOrThrow(nodeId, type));
  if (owned === undefined) throw notFound(`${type}NotFound`, `${type.toLowerCase()} not found`);
  return owned;
};
