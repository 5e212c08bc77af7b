/**
 * `resources`, the Resource and Scope types, and the eleven resource/scope/client mutations, following
 * pkg/admin/graphql/resource*.go and scope*.go over pkg/lib/resourcescope/commands.go: which lookups run first,
 * which error each gives, what a mutation answers.
 */
import { offsetPage, type PageArgs } from './connection.js';
import { type FakeContext, inputOf, type RootField, str, strList } from './context.js';
import {
  clientNotFound,
  resourceDuplicateURI,
  resourceNotAssociatedWithClient,
  resourceNotFound,
  scopeDuplicate,
  scopeNotFound,
} from './errors.js';
import { encodeNodeId } from './node-id.js';
import { checkCreateResource, checkCreateScope } from './resource-formats.js';
import type { FakeResource, FakeScope, ResourceStore } from './resource-store.js';

/** resource.go: `first` of Resource.scopes is capped at 1000; root lists at 100 (graphqlutil.NewPageArgs). */
const SCOPES_MAX_PAGE = 1000;

/** ILIKE '%keyword%' over some columns (store_resource.go applyListResourcesOptions, store_scope.go). */
const ilike = (keyword: string, ...values: (string | null)[]): boolean =>
  keyword === '' || values.some((v) => v?.toLowerCase().includes(keyword.toLowerCase()) === true);

export const scopeView = (s: FakeScope) => ({
  __typename: 'Scope',
  id: encodeNodeId('Scope', s.id),
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  resourceID: encodeNodeId('Resource', s.resourceId),
  scope: s.scope,
  description: s.description,
});

export const resourceView = (resources: ResourceStore, r: FakeResource) => ({
  __typename: 'Resource',
  id: encodeNodeId('Resource', r.id),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  resourceURI: r.uri,
  name: r.name,
  clientIDs: resources.clientIdsOf(r.id),
  scopes: (args: PageArgs & { clientID?: string | null; searchKeyword?: string | null }) => {
    const clientID = args.clientID ?? '';
    const keyword = args.searchKeyword ?? '';
    const found = resources
      .scopesOf(r.id)
      .filter(
        (s) =>
          ilike(keyword, s.scope, s.description) &&
          (clientID === '' || resources.hasClientScope(clientID, s.id)),
      );
    return offsetPage(found, args, scopeView, found.length, SCOPES_MAX_PAGE);
  },
});

const resourceOrThrow = (resources: ResourceStore, uri: string): FakeResource => {
  const found = resources.byUri(uri);
  if (found === undefined) throw resourceNotFound();
  return found;
};

const scopeOrThrow = (resources: ResourceStore, uri: string, scope: string): FakeScope => {
  const found = resources.scope(resourceOrThrow(resources, uri).id, scope);
  if (found === undefined) throw scopeNotFound();
  return found;
};

/** commands.go: a client ID must be one of the project's OAuth clients (OAuthConfig.GetClient). */
const configuredClient = (ctx: FakeContext, clientID: string): string => {
  if (!ctx.config.oauthClients.includes(clientID)) throw clientNotFound();
  return clientID;
};

/** `name` / `description` on update: absent or null keeps it, "" clears it, anything else sets it. */
const updatedText = (
  input: Record<string, unknown>,
  field: string,
  current: string | null,
): string | null => {
  const value = str(input[field]);
  if (value === undefined) return current;
  return value === '' ? null : value;
};

/** Resolves the scope strings of a client-scope mutation (GetScopesByResourceIDAndScopes): unknown → ScopeNotFound. */
const scopesNamed = (resources: ResourceStore, resource: FakeResource, names: string[]): FakeScope[] =>
  names.map((name) => {
    const found = resources.scope(resource.id, name);
    if (found === undefined) throw scopeNotFound();
    return found;
  });

/** The client, the resource and their association, checked in commands.go's order. */
const clientResource = (ctx: FakeContext, input: Record<string, unknown>) => {
  const { resources } = ctx.store;
  const clientID = configuredClient(ctx, str(input.clientID) ?? '');
  const resource = resourceOrThrow(resources, str(input.resourceURI) ?? '');
  return { resources, clientID, resource };
};

const associated = (ctx: FakeContext, input: Record<string, unknown>) => {
  const found = clientResource(ctx, input);
  if (!found.resources.isLinked(found.clientID, found.resource.id)) throw resourceNotAssociatedWithClient();
  return found;
};

const touch = (ctx: FakeContext, item: { updatedAt: string }): void => {
  item.updatedAt = ctx.store.nowIso();
};

export const resourceQueries: Record<string, RootField> = {
  /** query.go `resources`: newest first, keyword over URI and name, optional client filter, totalCount given. */
  resources: (args, { store }) => {
    const keyword = str(args.searchKeyword) ?? '';
    const clientID = str(args.clientID) ?? '';
    const found = store.resources
      .list()
      .filter(
        (r) => ilike(keyword, r.uri, r.name) && (clientID === '' || store.resources.isLinked(clientID, r.id)),
      );
    return offsetPage(found, args as PageArgs, (r) => resourceView(store.resources, r), found.length);
  },
};

export const resourceMutations: Record<string, RootField> = {
  createResource: (args, ctx) => {
    const input = inputOf(args);
    const uri = str(input.resourceURI) ?? '';
    checkCreateResource(uri);
    const { resources } = ctx.store;
    if (resources.byUri(uri) !== undefined) throw resourceDuplicateURI();
    const name = str(input.name);
    const resource = resources.add({ uri, name: name === '' ? null : (name ?? null) });
    return { resource: resourceView(resources, resource) };
  },
  updateResource: (args, ctx) => {
    const input = inputOf(args);
    const { resources } = ctx.store;
    const resource = resourceOrThrow(resources, str(input.resourceURI) ?? '');
    resource.name = updatedText(input, 'name', resource.name);
    touch(ctx, resource);
    return { resource: resourceView(resources, resource) };
  },
  deleteResource: (args, ctx) => {
    const { resources } = ctx.store;
    resources.remove(resourceOrThrow(resources, str(inputOf(args).resourceURI) ?? ''));
    return { ok: true };
  },
  createScope: (args, ctx) => {
    const input = inputOf(args);
    const scope = str(input.scope) ?? '';
    checkCreateScope(scope);
    const { resources } = ctx.store;
    const resource = resourceOrThrow(resources, str(input.resourceURI) ?? '');
    if (resources.scope(resource.id, scope) !== undefined) throw scopeDuplicate();
    const description = str(input.description);
    const created = resources.addScope(resource, scope, description === '' ? null : (description ?? null));
    return { scope: scopeView(created) };
  },
  updateScope: (args, ctx) => {
    const input = inputOf(args);
    const found = scopeOrThrow(ctx.store.resources, str(input.resourceURI) ?? '', str(input.scope) ?? '');
    found.description = updatedText(input, 'description', found.description);
    touch(ctx, found);
    return { scope: scopeView(found) };
  },
  deleteScope: (args, ctx) => {
    const input = inputOf(args);
    const { resources } = ctx.store;
    resources.removeScope(scopeOrThrow(resources, str(input.resourceURI) ?? '', str(input.scope) ?? ''));
    return { ok: true };
  },
  /** ON CONFLICT DO NOTHING: adding twice is fine. */
  addResourceToClientID: (args, ctx) => {
    const { resources, clientID, resource } = clientResource(ctx, inputOf(args));
    resources.link(clientID, resource.id);
    return { resource: resourceView(resources, resource) };
  },
  /** Removes only the association: the client's scope grants on the resource stay recorded. */
  removeResourceFromClientID: (args, ctx) => {
    const { resources, clientID, resource } = clientResource(ctx, inputOf(args));
    resources.unlink(clientID, resource.id);
    return { resource: resourceView(resources, resource) };
  },
  addScopesToClientID: (args, ctx) => {
    const input = inputOf(args);
    const { resources, clientID, resource } = associated(ctx, input);
    for (const s of scopesNamed(resources, resource, strList(input.scopes)))
      resources.grantScope(clientID, s.id);
    return { scopes: resources.clientScopesOf(resource.id, clientID).map(scopeView) };
  },
  removeScopesFromClientID: (args, ctx) => {
    const input = inputOf(args);
    const { resources, clientID, resource } = associated(ctx, input);
    for (const s of scopesNamed(resources, resource, strList(input.scopes)))
      resources.revokeScope(clientID, s.id);
    return { scopes: resources.clientScopesOf(resource.id, clientID).map(scopeView) };
  },
  /** Only scopes to add must exist; the ones to drop are the client's current grants. */
  replaceScopesOfClientID: (args, ctx) => {
    const input = inputOf(args);
    const { resources, clientID, resource } = associated(ctx, input);
    const wanted = strList(input.scopes);
    const current = resources.clientScopesOf(resource.id, clientID);
    const toAdd = scopesNamed(
      resources,
      resource,
      wanted.filter((w) => !current.some((c) => c.scope === w)),
    );
    for (const s of toAdd) resources.grantScope(clientID, s.id);
    for (const s of current) if (!wanted.includes(s.scope)) resources.revokeScope(clientID, s.id);
    return { scopes: resources.clientScopesOf(resource.id, clientID).map(scopeView) };
  },
};
