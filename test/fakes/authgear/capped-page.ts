/**
 * A page of a list Authgear pages in SQL (pkg/util/graphqlutil/page.go, pkg/lib/infra/db/pagination.go): `first`
 * capped at `max` (100 for root lists; Resource.scopes uses 1000) and `max` when absent, cursors base64url
 * `offset:N`, `hasNextPage` true whenever the page came back full (so a "next" page can be empty), and an empty
 * page's `endCursor` is "".
 */
import { type Connection, encodeCursor, type PageArgs } from './connection.js';
import { FakeApiError } from './errors.js';

const offsetOf = (cursor: string | null | undefined): number => {
  if (cursor == null || cursor === '') return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // pkg/lib/infra/db/page_key.go: a cursor that does not decode is a BadRequest.
  if (match?.[1] === undefined) throw new FakeApiError('BadRequest', 'InvalidCursor', 'invalid cursor');
  return Number(match[1]) + 1;
};

export const cappedPage = <T, N>(
  items: readonly T[],
  args: PageArgs,
  toNode: (item: T) => N,
  max: number,
): Omit<Connection<N>, 'totalCount'> & { totalCount: number } => {
  const first = args.first != null && args.first >= 0 ? Math.min(args.first, max) : max;
  const start = offsetOf(args.after);
  const slice = items.slice(start, start + first);
  const edges = slice.map((item, i) => ({ cursor: encodeCursor(start + i), node: toNode(item) }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? '',
      endCursor: edges.at(-1)?.cursor ?? '',
      hasNextPage: slice.length === first,
      hasPreviousPage: true,
    },
    totalCount: items.length,
  };
};
