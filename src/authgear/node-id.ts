/** Admin API node IDs are unpadded base64url of `Type:rawId`, e.g. `User:0f1e...`. */
export type NodeType =
  | 'User'
  | 'Group'
  | 'Role'
  | 'Identity'
  | 'Authenticator'
  | 'Session'
  | 'Authorization'
  | 'AuditLog';

export const encodeNodeId = (type: NodeType, rawId: string): string =>
  Buffer.from(`${type}:${rawId}`, 'utf8').toString('base64url');

/** Decodes a node ID; undefined when it is not one (wrong alphabet, padding, or no `Type:` prefix). */
export const decodeNodeId = (id: string): { type: string; rawId: string } | undefined => {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  if (Buffer.from(text, 'utf8').toString('base64url') !== id) return undefined;
  const match = /^([A-Z][A-Za-z]+):(.+)$/.exec(text);
  return match?.[1] && match[2] ? { type: match[1], rawId: match[2] } : undefined;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (text: string): boolean => UUID.test(text);
