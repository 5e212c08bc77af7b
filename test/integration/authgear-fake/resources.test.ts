/**
 * The Authgear fake answers API resource and scope queries and mutations as authgear-server does
 * (pkg/admin/graphql/resource*.go, scope*.go, pkg/lib/resourcescope/): one test per behaviour.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { dataOf, errorOf, type FakeAdmin, startFake } from './answers.js';

let api: FakeAdmin;
beforeAll(async () => {
  api = await startFake();
});
afterAll(async () => api.close());

let n = 0;
const uri = () => `https://api${++n}.example.com`;
const store = () => api.fake.store.resources;
beforeEach(() => {
  api.fake.store.configure({ oauthClients: ['portal', 'mobile'] });
});

const CREATE_RESOURCE = `mutation($uri: String!, $name: String) {
  createResource(input: { resourceURI: $uri, name: $name }) { resource { id resourceURI name clientIDs } } }`;
const CREATE_SCOPE = `mutation($uri: String!, $scope: String!, $description: String) {
  createScope(input: { resourceURI: $uri, scope: $scope, description: $description }) {
    scope { id scope description resourceID } } }`;
const LIST = `query($keyword: String, $clientID: String, $first: Int, $after: String) {
  resources(searchKeyword: $keyword, clientID: $clientID, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { resourceURI name } } } }`;
const CLIENT_SCOPES = (field: string) => `mutation($uri: String!, $client: String!, $scopes: [String!]!) {
  ${field}(input: { resourceURI: $uri, clientID: $client, scopes: $scopes }) { scopes { scope } } }`;
const LINK = (field: string) => `mutation($uri: String!, $client: String!) {
  ${field}(input: { resourceURI: $uri, clientID: $client }) { resource { clientIDs } } }`;

describe('Authgear fake: createResource', () => {
  it('creates a resource, storing an empty name as none', async () => {
    const u = uri();
    const body = await api.gql(CREATE_RESOURCE, { uri: u, name: '' });
    expect(body.data?.createResource).toMatchObject({
      resource: { resourceURI: u, name: null, clientIDs: [] },
    });
  });

  it.each([
    ['http://api.example.com', 'invalid scheme: http'],
    ['api.example.com', 'resource URI must have non-empty host'],
    ['https:api.example.com', 'resource URI must start with https://'],
    ['https://user@api.example.com', 'resource URI must not have user info'],
    ['https://api.example.com/?a=1', 'resource URI must not have query'],
    ['https://api.example.com/#top', 'resource URI must not have fragment'],
    ['https://api.example.com/a/../b', 'invalid path: /a/../b'],
  ])('refuses %s as ValidationFailed with the format error (formats.go)', async (bad, error) => {
    const body = await api.gql(CREATE_RESOURCE, { uri: bad });
    expect(errorOf(body)).toEqual({
      errorName: 'Invalid',
      reason: 'ValidationFailed',
      info: {
        causes: [{ location: '/resourceURI', kind: 'format', details: { error, format: 'x_resource_uri' } }],
      },
    });
  });

  it('refuses a URI over 100 characters with maxLength', async () => {
    const long = `https://api.example.com/${'a'.repeat(90)}`;
    expect(errorOf(await api.gql(CREATE_RESOURCE, { uri: long })).info).toEqual({
      causes: [{ location: '/resourceURI', kind: 'maxLength', details: { actual: 114, expected: 100 } }],
    });
  });

  it('refuses a URI already used with ResourceDuplicateURI', async () => {
    const u = uri();
    await api.gql(CREATE_RESOURCE, { uri: u });
    expect(errorOf(await api.gql(CREATE_RESOURCE, { uri: u }))).toMatchObject({
      errorName: 'BadRequest',
      reason: 'ResourceDuplicateURI',
    });
  });
});

describe('Authgear fake: resources', () => {
  it('lists newest first with a total, matching the keyword in the URI or the name', async () => {
    const tag = `kw${++n}`;
    store().add({ uri: `https://a.example.com/${tag}`, createdAt: '2026-01-01T00:00:00.000Z' });
    store().add({
      uri: 'https://b.example.com',
      name: `The ${tag.toUpperCase()} API`,
      createdAt: '2026-02-01T00:00:00.000Z',
    });
    const body = await api.gql(LIST, { keyword: tag });
    expect(body.data?.resources).toEqual({
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      edges: [
        { node: { resourceURI: 'https://b.example.com', name: `The ${tag.toUpperCase()} API` } },
        { node: { resourceURI: `https://a.example.com/${tag}`, name: null } },
      ],
    });
  });

  it('caps first at 100 and says there is a next page when a page comes back full', async () => {
    const tag = `many${++n}`;
    for (let i = 0; i < 101; i++) store().add({ uri: `https://${tag}.example.com/${i}` });
    const page = (await api.gql(LIST, { keyword: tag, first: 500 })).data?.resources as {
      edges: unknown[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(page.edges).toHaveLength(100);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const last = (await api.gql(LIST, { keyword: tag, first: 1, after: page.pageInfo.endCursor })).data
      ?.resources as { edges: unknown[]; pageInfo: { hasNextPage: boolean } };
    expect(last.edges).toHaveLength(1);
    expect(last.pageInfo.hasNextPage).toBe(true);
    const empty = (await api.gql(LIST, { keyword: tag, first: 1, after: encodeNodeId('User', 'x') })).errors;
    expect(empty?.[0]?.extensions?.reason).toBe('InvalidCursor');
  });

  it('filters by client ID', async () => {
    const r = store().add({ uri: uri(), clients: ['mobile'] });
    store().add({ uri: uri() });
    const body = await api.gql(LIST, { clientID: 'mobile', keyword: '' });
    const uris = dataOf<{ edges: { node: { resourceURI: string } }[] }>(body, 'resources').edges.map(
      (e) => e.node.resourceURI,
    );
    expect(uris).toContain(r.uri);
    expect(uris.every((u) => store().isLinked('mobile', store().byUri(u)?.id ?? ''))).toBe(true);
  });

  it('serves a resource by node ID with its scopes ordered by scope and its client IDs', async () => {
    const r = store().add({
      uri: uri(),
      scopes: ['write', 'read', { scope: 'admin', description: 'All' }],
      clients: ['portal'],
    });
    const body = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Resource { resourceURI clientIDs
        scopes(first: 10) { totalCount edges { node { scope description resourceID } } } } } }`,
      { id: encodeNodeId('Resource', r.id) },
    );
    expect(body.data?.node).toEqual({
      resourceURI: r.uri,
      clientIDs: ['portal'],
      scopes: {
        totalCount: 3,
        edges: ['admin', 'read', 'write'].map((scope) => ({
          node: {
            scope,
            description: scope === 'admin' ? 'All' : null,
            resourceID: encodeNodeId('Resource', r.id),
          },
        })),
      },
    });
  });

  it('caps Resource.scopes at 1000 a page, not 100', async () => {
    const r = store().add({
      uri: uri(),
      scopes: Array.from({ length: 150 }, (_, i) => `s${String(i).padStart(3, '0')}`),
    });
    const body = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Resource { scopes(first: 5000) { edges { cursor } } } } }`,
      { id: encodeNodeId('Resource', r.id) },
    );
    expect(dataOf<{ scopes: { edges: unknown[] } }>(body, 'node').scopes.edges).toHaveLength(150);
  });
});

describe('Authgear fake: updateResource and deleteResource', () => {
  it('keeps the name when none is sent, and clears it with ""', async () => {
    const r = store().add({ uri: uri(), name: 'Orders' });
    const UPDATE = `mutation($uri: String!, $name: String) {
      updateResource(input: { resourceURI: $uri, name: $name }) { resource { name } } }`;
    expect((await api.gql(UPDATE, { uri: r.uri, name: null })).data?.updateResource).toEqual({
      resource: { name: 'Orders' },
    });
    expect((await api.gql(UPDATE, { uri: r.uri, name: '' })).data?.updateResource).toEqual({
      resource: { name: null },
    });
  });

  it('answers ResourceNotFound for an unknown URI', async () => {
    const body = await api.gql(
      `mutation { deleteResource(input: { resourceURI: "https://nowhere.example.com" }) { ok } }`,
    );
    expect(errorOf(body)).toMatchObject({ errorName: 'NotFound', reason: 'ResourceNotFound' });
  });

  it('deletes the resource with its scopes and every client association', async () => {
    const r = store().add({ uri: uri(), scopes: ['read'], clients: ['portal'] });
    const read = store().scope(r.id, 'read');
    store().grantScope('portal', read?.id ?? '');
    const body = await api.gql(
      `mutation($uri: String!) { deleteResource(input: { resourceURI: $uri }) { ok } }`,
      { uri: r.uri },
    );
    expect(body.data?.deleteResource).toEqual({ ok: true });
    expect(store().byUri(r.uri)).toBeUndefined();
    expect(store().scopeById(read?.id ?? '')).toBeUndefined();
    expect(store().hasClientScope('portal', read?.id ?? '')).toBe(false);
    expect(store().isLinked('portal', r.id)).toBe(false);
  });
});

describe('Authgear fake: scopes', () => {
  it('creates a scope, storing an empty description as none', async () => {
    const r = store().add({ uri: uri() });
    const body = await api.gql(CREATE_SCOPE, { uri: r.uri, scope: 'orders:read', description: '' });
    expect(body.data?.createScope).toMatchObject({
      scope: { scope: 'orders:read', description: null, resourceID: encodeNodeId('Resource', r.id) },
    });
  });

  it.each([
    [
      'a space',
      'read all',
      [
        {
          location: '/scope',
          kind: 'format',
          details: { error: 'invalid scope-token: forbidden character', format: 'x_scope_token' },
        },
      ],
    ],
    ['a reserved OIDC scope', 'openid', [{ location: '/scope', kind: 'not' }]],
    [
      'an authgear.com scope',
      'https://authgear.com/scopes/mine',
      [
        {
          location: '/scope',
          kind: 'format',
          details: { error: 'scope not allowed', format: 'x_scope_token' },
        },
      ],
    ],
  ])('refuses a scope with %s as ValidationFailed', async (_what, scope, causes) => {
    const r = store().add({ uri: uri() });
    expect(errorOf(await api.gql(CREATE_SCOPE, { uri: r.uri, scope }))).toEqual({
      errorName: 'Invalid',
      reason: 'ValidationFailed',
      info: { causes },
    });
  });

  it('checks the scope before the resource, then refuses a duplicate with ScopeDuplicate', async () => {
    expect(
      errorOf(await api.gql(CREATE_SCOPE, { uri: 'https://none.example.com', scope: 'x y' })).reason,
    ).toBe('ValidationFailed');
    expect(
      errorOf(await api.gql(CREATE_SCOPE, { uri: 'https://none.example.com', scope: 'read' })).reason,
    ).toBe('ResourceNotFound');
    const r = store().add({ uri: uri(), scopes: ['read'] });
    expect(errorOf(await api.gql(CREATE_SCOPE, { uri: r.uri, scope: 'read' }))).toMatchObject({
      errorName: 'BadRequest',
      reason: 'ScopeDuplicate',
    });
  });

  it('updates and deletes a scope by resource URI and scope, with ScopeNotFound for an unknown one', async () => {
    const r = store().add({ uri: uri(), scopes: [{ scope: 'read', description: 'Read' }] });
    const UPDATE = `mutation($uri: String!, $scope: String!, $d: String) {
      updateScope(input: { resourceURI: $uri, scope: $scope, description: $d }) { scope { description } } }`;
    expect(
      (await api.gql(UPDATE, { uri: r.uri, scope: 'read', d: 'Read orders' })).data?.updateScope,
    ).toEqual({
      scope: { description: 'Read orders' },
    });
    expect(errorOf(await api.gql(UPDATE, { uri: r.uri, scope: 'write', d: 'x' })).reason).toBe(
      'ScopeNotFound',
    );
    const DELETE = `mutation($uri: String!, $scope: String!) { deleteScope(input: { resourceURI: $uri, scope: $scope }) { ok } }`;
    expect((await api.gql(DELETE, { uri: r.uri, scope: 'read' })).data?.deleteScope).toEqual({ ok: true });
    expect(store().scope(r.id, 'read')).toBeUndefined();
  });
});

describe('Authgear fake: resources and scopes of clients', () => {
  it('refuses a client ID the project does not configure with ClientNotFound, before the resource', async () => {
    const body = await api.gql(LINK('addResourceToClientID'), {
      uri: 'https://none.example.com',
      client: 'ghost',
    });
    expect(errorOf(body)).toMatchObject({ errorName: 'NotFound', reason: 'ClientNotFound' });
  });

  it('adds a resource to a client once however often it is asked', async () => {
    const r = store().add({ uri: uri() });
    await api.gql(LINK('addResourceToClientID'), { uri: r.uri, client: 'portal' });
    const body = await api.gql(LINK('addResourceToClientID'), { uri: r.uri, client: 'portal' });
    expect(body.data?.addResourceToClientID).toEqual({ resource: { clientIDs: ['portal'] } });
  });

  it('refuses scopes for a client the resource is not associated with (Forbidden)', async () => {
    const r = store().add({ uri: uri(), scopes: ['read'] });
    const body = await api.gql(CLIENT_SCOPES('addScopesToClientID'), {
      uri: r.uri,
      client: 'portal',
      scopes: ['read'],
    });
    expect(errorOf(body)).toMatchObject({
      errorName: 'Forbidden',
      reason: 'ResourceNotAssociatedWithClient',
    });
  });

  it('adds and removes scopes, answering the client final scopes, and ScopeNotFound for an unknown one', async () => {
    const r = store().add({ uri: uri(), scopes: ['read', 'write', 'admin'], clients: ['portal'] });
    const add = await api.gql(CLIENT_SCOPES('addScopesToClientID'), {
      uri: r.uri,
      client: 'portal',
      scopes: ['write', 'read'],
    });
    expect(add.data?.addScopesToClientID).toEqual({ scopes: [{ scope: 'read' }, { scope: 'write' }] });
    const unknown = await api.gql(CLIENT_SCOPES('addScopesToClientID'), {
      uri: r.uri,
      client: 'portal',
      scopes: ['nope'],
    });
    expect(errorOf(unknown).reason).toBe('ScopeNotFound');
    const remove = await api.gql(CLIENT_SCOPES('removeScopesFromClientID'), {
      uri: r.uri,
      client: 'portal',
      scopes: ['read'],
    });
    expect(remove.data?.removeScopesFromClientID).toEqual({ scopes: [{ scope: 'write' }] });
  });

  it('replaces a client scopes, refusing only unknown scopes it would add', async () => {
    const r = store().add({ uri: uri(), scopes: ['read', 'write', 'admin'], clients: ['mobile'] });
    await api.gql(CLIENT_SCOPES('addScopesToClientID'), {
      uri: r.uri,
      client: 'mobile',
      scopes: ['read', 'write'],
    });
    const body = await api.gql(CLIENT_SCOPES('replaceScopesOfClientID'), {
      uri: r.uri,
      client: 'mobile',
      scopes: ['admin', 'write'],
    });
    expect(body.data?.replaceScopesOfClientID).toEqual({ scopes: [{ scope: 'admin' }, { scope: 'write' }] });
    const empty = await api.gql(CLIENT_SCOPES('replaceScopesOfClientID'), {
      uri: r.uri,
      client: 'mobile',
      scopes: [],
    });
    expect(empty.data?.replaceScopesOfClientID).toEqual({ scopes: [] });
  });

  it('removes a resource from a client but keeps the client scope grants recorded', async () => {
    const r = store().add({ uri: uri(), scopes: ['read'], clients: ['portal'] });
    await api.gql(CLIENT_SCOPES('addScopesToClientID'), { uri: r.uri, client: 'portal', scopes: ['read'] });
    const body = await api.gql(LINK('removeResourceFromClientID'), { uri: r.uri, client: 'portal' });
    expect(body.data?.removeResourceFromClientID).toEqual({ resource: { clientIDs: [] } });
    expect(
      store()
        .clientScopesOf(r.id, 'portal')
        .map((s) => s.scope),
    ).toEqual(['read']);
  });

  it('audits each mutation under its ADMIN_API_MUTATION_*_CLIENTID_EXECUTED type', async () => {
    const r = store().add({ uri: uri() });
    await api.gql(LINK('addResourceToClientID'), { uri: r.uri, client: 'portal' });
    expect(api.fake.store.auditLogs().at(-1)?.activityType).toBe(
      'ADMIN_API_MUTATION_ADD_RESOURCE_TO_CLIENTID_EXECUTED',
    );
  });
});
