/** Relay connections over an in-memory list, with opaque offset cursors (Authgear's cursors are opaque too). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: {
    startCursor: string | null;
    endCursor: string | null;
    hasNextPage: boolean;
    hasPreviousPage: boolean;
  };
  totalCount: number;
}

export const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');

const decodeCursor = (cursor: string | null | undefined): number | undefined => {
  if (cursor == null) return undefined;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

export const connectionOf = <T, N>(
  items: readonly T[],
  args: PageArgs,
  toNode: (item: T) => N,
): Connection<N> => {
  let start = 0;
  let end = items.length;
  const after = decodeCursor(args.after);
  const before = decodeCursor(args.before);
  if (after !== undefined) start = Math.min(after + 1, items.length);
  if (before !== undefined) end = Math.max(Math.min(before, end), start);
  if (args.first != null) end = Math.min(end, start + Math.max(args.first, 0));
  if (args.last != null) start = Math.max(start, end - Math.max(args.last, 0));
  const edges = items
    .slice(start, end)
    .map((item, i) => ({ cursor: encodeCursor(start + i), node: toNode(item) }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
    },
    totalCount: items.length,
  };
};
