/** FACTS.md "Lists" and "Counts" (pkg/util/graphqlutil/page.go, pkg/admin/facade/rolesgroups.go, nodes.go). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { type FakeAdminClient, firstError, startFakeAdmin } from '../../support/admin-graphql.js';

let c: FakeAdminClient;
beforeAll(async () => {
  c = await startFakeAdmin();
  for (let i = 0; i < 120; i++) c.fake.store.addGroup({ key: `team_${String(i).padStart(3, '0')}` });
  c.fake.store.addGroup({ key: 'ops', roles: ['viewer'] });
  c.fake.store.addUser({ email: 'm1@example.com', groups: ['ops'], roles: ['viewer'] });
  c.fake.store.addUser({ email: 'm2@example.com', groups: ['ops'] });
});
afterAll(async () => c.close());

type Page = {
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
  totalCount: unknown;
};
const groups = async (vars: Record<string, unknown>): Promise<Page> => {
  const body = await c.gql(
    'query($k: String, $f: Int, $a: String) { groups(searchKeyword: $k, first: $f, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }',
    vars,
  );
  return body.data?.groups as Page;
};

describe('paging', () => {
  it('caps first at 100, silently', async () => {
    expect((await groups({ f: 500 })).edges).toHaveLength(100);
  });

  it('serves 100 when first is absent', async () => {
    expect((await groups({})).edges).toHaveLength(100);
  });

  it('says hasNextPage whenever a page is full, so the next page can be empty with endCursor ""', async () => {
    const first = await groups({ k: 'ops', f: 1 });
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await groups({ k: 'ops', f: 1, a: first.pageInfo.endCursor });
    expect(second.edges).toEqual([]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: '' });
  });

  it('uses base64url offset cursors', async () => {
    const page = await groups({ f: 2 });
    expect(page.edges.map((e) => Buffer.from(e.cursor, 'base64url').toString())).toEqual([
      'offset:0',
      'offset:1',
    ]);
  });

  it('refuses a cursor that is not one with InvalidCursor', async () => {
    const body = await c.gql('query { groups(first: 1, after: "bm9wZQ") { totalCount } }');
    expect(firstError(body)?.extensions).toMatchObject({ errorName: 'Invalid', reason: 'InvalidCursor' });
  });

  it('answers a node ID that does not decode with null, not an error', async () => {
    expect(await c.gql('query { node(id: "!!") { id } }')).toEqual({ data: { node: null } });
    expect(await c.gql(`query { node(id: "${encodeNodeId('User', 'ghost')}") { id } }`)).toEqual({
      data: { node: null },
    });
  });
});

describe('counts', () => {
  it('gives Group.users and Role.users a null totalCount', async () => {
    const body = await c.gql(
      'query { groups(searchKeyword: "ops") { edges { node { key users(first: 10) { totalCount edges { node { id } } } roles { totalCount } } } } roles { edges { node { users(first: 10) { totalCount } } } } }',
    );
    interface Conn<N> {
      edges: { node: N }[];
    }
    const data = body.data as {
      groups: Conn<{ users: { totalCount: unknown; edges: unknown[] }; roles: { totalCount: unknown } }>;
      roles: Conn<{ users: { totalCount: unknown } }>;
    };
    const ops = data.groups.edges[0]?.node;
    expect(ops?.users.totalCount).toBeNull();
    expect(ops?.users.edges).toHaveLength(2);
    expect(ops?.roles.totalCount).toBe(1);
    const role = data.roles.edges[0]?.node;
    expect(role?.users.totalCount).toBeNull();
  });

  it('counts ALL groups in the root totalCount, whatever the keyword', async () => {
    expect((await groups({ k: 'ops', f: 10 })).totalCount).toBe(121);
    expect((await groups({ k: 'nothing-matches', f: 10 })).totalCount).toBe(121);
  });
});
