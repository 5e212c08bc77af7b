/**
 * Relay connections the two ways authgear-server builds them:
 * - {@link offsetPage}: root lists (users, groups, roles, audit logs) and Group.users / Role.users, paged in the
 *   database (pkg/util/graphqlutil/page.go + pkg/lib/infra/db/pagination.go): `first` capped at 100 (100 when
 *   absent), `hasNextPage` true whenever the page came back full, cursors base64url `offset:N`.
 * - {@link arrayConnection}: lists loaded whole (a user's identities, sessions, groups..., Group.roles,
 *   Role.groups) through relay's ConnectionFromArray (pkg/graphqlgo/relay/array_connection.go): exact
 *   `hasNextPage`, std-base64 `arrayconnection:N` cursors, `totalCount` the length.
 */
import { invalidCursor, unsupportedPagination } from './errors.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: { startCursor: string; endCursor: string; hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount: number | null;
}

export const MAX_PAGE_SIZE = 100;

export const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');

/** db.NewFromPageCursor: "" → none; anything but unpadded base64url of `offset:N` → InvalidCursor. */
const decodeCursor = (cursor: string | null | undefined): number | undefined => {
  if (cursor == null || cursor === '') return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match?.[1] === undefined) throw invalidCursor();
  return Number(match[1]);
};

const edgesOf = <T, N>(
  items: readonly T[],
  offset: number,
  toCursor: (i: number) => string,
  toNode: (t: T) => N,
) => items.map((item, i) => ({ cursor: toCursor(offset + i), node: toNode(item) }));

/** A page the way Authgear's SQL stores serve one, with `totalCount` as the caller computes it (or null). */
export const offsetPage = <T, N>(
  items: readonly T[],
  args: PageArgs,
  toNode: (item: T) => N,
  totalCount: number | null,
  /** graphqlutil.NewPageArgsWithMaxPageSize: 100 for root lists; Resource.scopes asks for 1000 (resource.go). */
  maxPageSize: number = MAX_PAGE_SIZE,
): Connection<N> => {
  // NewPageArgsWithMaxPageSize: negative means absent; absent both → first = the maximum.
  let first = args.first != null && args.first >= 0 ? Math.min(args.first, maxPageSize) : undefined;
  const last = args.last != null && args.last >= 0 ? Math.min(args.last, maxPageSize) : undefined;
  if (first === undefined && last === undefined) first = maxPageSize;
  const after = decodeCursor(args.after);
  const before = decodeCursor(args.before);
  // db.ApplyPageArgs
  let offset: number;
  let limit: number | undefined;
  if (after === undefined && before === undefined && last === undefined) {
    offset = 0;
    limit = first;
  } else if (after !== undefined && before === undefined && first !== undefined && last === undefined) {
    offset = after + 1;
    limit = first;
  } else if (after !== undefined && before !== undefined) {
    offset = after + 1;
    limit = Math.max(before - offset, 0);
    if (first !== undefined && first < limit) limit = first;
    if (last !== undefined && last < limit) {
      offset += limit - last;
      limit = last;
    }
  } else {
    throw unsupportedPagination();
  }
  const slice = items.slice(offset, limit === undefined ? undefined : offset + limit);
  const edges = edgesOf(slice, offset, encodeCursor, toNode);
  // graphqlutil.NewPageResult: both true, then the side being paged is false only on a short page.
  const pageLimit = first ?? last;
  const short = pageLimit !== undefined && slice.length < pageLimit;
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? '',
      endCursor: edges.at(-1)?.cursor ?? '',
      hasNextPage: first !== undefined ? !short : true,
      hasPreviousPage: first === undefined && last !== undefined ? !short : true,
    },
    totalCount,
  };
};

const arrayCursor = (offset: number): string => Buffer.from(`arrayconnection:${offset}`).toString('base64');

const arrayOffset = (cursor: string | null | undefined, fallback: number): number => {
  if (cursor == null || cursor === '') return fallback;
  const n = Number(Buffer.from(cursor, 'base64').toString('utf8').replace('arrayconnection:', ''));
  return Number.isInteger(n) ? n : fallback;
};

/** relay.ConnectionFromArray as graphqlutil.NewConnectionFromArray uses it: no cap, exact page info. */
export const arrayConnection = <T, N>(
  items: readonly T[],
  args: PageArgs,
  toNode: (item: T) => N,
): Connection<N> => {
  const length = items.length;
  const first = args.first ?? -1;
  const last = args.last ?? -1;
  const beforeOffset = arrayOffset(args.before, length);
  const afterOffset = arrayOffset(args.after, -1);
  let start = Math.max(afterOffset, -1) + 1;
  let end = Math.min(length, beforeOffset);
  if (first !== -1) end = Math.min(end, start + first);
  if (last !== -1) start = Math.max(start, end - last);
  if (start > end)
    return {
      edges: [],
      pageInfo: { startCursor: '', endCursor: '', hasNextPage: false, hasPreviousPage: false },
      totalCount: length,
    };
  const edges = edgesOf(items.slice(start, end), start, arrayCursor, toNode);
  const lowerBound = args.after ? afterOffset + 1 : 0;
  const upperBound = args.before ? beforeOffset : length;
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? '',
      endCursor: edges.at(-1)?.cursor ?? '',
      hasPreviousPage: last !== -1 ? start > lowerBound : false,
      hasNextPage: first !== -1 ? end < upperBound : false,
    },
    totalCount: length,
  };
};
