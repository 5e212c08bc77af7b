/**
 * Admin API node IDs: unpadded base64url of `Type:rawId` (e.g. `User:<uuid>`), as relay global IDs in Authgear.
 */
export type NodeType =
  | 'User'
  | 'Group'
  | 'Role'
  | 'Identity'
  | 'Authenticator'
  | 'Session'
  | 'Authorization'
  | 'AuditLog'
  | 'Resource'
  | 'Scope'
  | 'FraudProtectionDecisionRecord';

export const NODE_TYPES: readonly NodeType[] = [
  'User',
  'Group',
  'Role',
  'Identity',
  'Authenticator',
  'Session',
  'Authorization',
  'AuditLog',
  'Resource',
  'Scope',
  'FraudProtectionDecisionRecord',
];

export const encodeNodeId = (type: NodeType, rawId: string): string =>
  Buffer.from(`${type}:${rawId}`, 'utf8').toString('base64url');

export interface DecodedNodeId {
  type: string;
  id: string;
}

/** Decodes any `Type:id` global ID (padded or not); `undefined` when it is not one. */
export const decodeNodeId = (nodeId: string): DecodedNodeId | undefined => {
  if (!/^[A-Za-z0-9_\-+/]+={0,2}$/.test(nodeId)) return undefined;
  const text = Buffer.from(nodeId.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return undefined;
  return { type: text.slice(0, colon), id: text.slice(colon + 1) };
};

/** The raw ID when `nodeId` is a node ID of `type`, else `undefined`. */
export const rawIdOf = (nodeId: string, type: NodeType): string | undefined => {
  const decoded = decodeNodeId(nodeId);
  return decoded !== undefined && decoded.type === type ? decoded.id : undefined;
};
