/**
 * API resources, their scopes, and which OAuth clients may use them, as authgear-server keeps them in
 * _auth_resource, _auth_resource_scope, _auth_client_resource and _auth_client_resource_scope
 * (pkg/lib/resourcescope/store_resource.go, store_scope.go). Lookups are by URI and by scope string, as the
 * Admin API's mutations take them.
 */
import { randomUUID } from 'node:crypto';

export interface FakeResource {
  id: string;
  uri: string;
  name: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeScope {
  id: string;
  resourceId: string;
  scope: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeResourceSeed {
  uri: string;
  name?: string | null;
  /** Scope strings (with optional descriptions) to create with it. */
  scopes?: (string | { scope: string; description?: string | null })[];
  /** Client IDs the resource is associated with (seeding does not check the project configures them). */
  clients?: string[];
  createdAt?: string;
}

export class ResourceStore {
  private readonly resources = new Map<string, FakeResource>();
  private readonly scopes = new Map<string, FakeScope>();
  /** `${clientID}\n${resourceId}` */
  private readonly clientResources = new Set<string>();
  /** `${clientID}\n${scopeId}` */
  private readonly clientScopes = new Set<string>();

  constructor(private readonly nowIso: () => string) {}

  add(seed: FakeResourceSeed): FakeResource {
    const at = seed.createdAt ?? this.nowIso();
    const resource: FakeResource = {
      id: randomUUID(),
      uri: seed.uri,
      name: seed.name ?? null,
      createdAt: at,
      updatedAt: at,
    };
    this.resources.set(resource.id, resource);
    for (const s of seed.scopes ?? []) {
      const spec = typeof s === 'string' ? { scope: s } : s;
      this.addScope(resource, spec.scope, spec.description ?? null);
    }
    for (const client of seed.clients ?? []) this.link(client, resource.id);
    return resource;
  }

  addScope(resource: FakeResource, scope: string, description: string | null): FakeScope {
    const at = this.nowIso();
    const created: FakeScope = {
      id: randomUUID(),
      resourceId: resource.id,
      scope,
      description,
      createdAt: at,
      updatedAt: at,
    };
    this.scopes.set(created.id, created);
    return created;
  }

  /** Newest first, as `resources` orders them (created_at DESC; later insertions first on a tie). */
  list(): FakeResource[] {
    return [...this.resources.values()]
      .map((r, i) => ({ r, i }))
      .sort((a, b) => Date.parse(b.r.createdAt) - Date.parse(a.r.createdAt) || b.i - a.i)
      .map(({ r }) => r);
  }

  byId(id: string): FakeResource | undefined {
    return this.resources.get(id);
  }

  byUri(uri: string): FakeResource | undefined {
    return [...this.resources.values()].find((r) => r.uri === uri);
  }

  scopeById(id: string): FakeScope | undefined {
    return this.scopes.get(id);
  }

  /** A resource's scopes, ordered by scope string (ListScopes: ORDER BY s.scope ASC). */
  scopesOf(resourceId: string): FakeScope[] {
    return [...this.scopes.values()]
      .filter((s) => s.resourceId === resourceId)
      .sort((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
  }

  scope(resourceId: string, scope: string): FakeScope | undefined {
    return this.scopesOf(resourceId).find((s) => s.scope === scope);
  }

  clientIdsOf(resourceId: string): string[] {
    return [...this.clientResources]
      .map((k) => k.split('\n'))
      .filter(([, r]) => r === resourceId)
      .map(([c]) => c ?? '');
  }

  isLinked(clientId: string, resourceId: string): boolean {
    return this.clientResources.has(`${clientId}\n${resourceId}`);
  }

  link(clientId: string, resourceId: string): void {
    this.clientResources.add(`${clientId}\n${resourceId}`);
  }

  unlink(clientId: string, resourceId: string): void {
    this.clientResources.delete(`${clientId}\n${resourceId}`);
  }

  hasClientScope(clientId: string, scopeId: string): boolean {
    return this.clientScopes.has(`${clientId}\n${scopeId}`);
  }

  grantScope(clientId: string, scopeId: string): void {
    this.clientScopes.add(`${clientId}\n${scopeId}`);
  }

  revokeScope(clientId: string, scopeId: string): void {
    this.clientScopes.delete(`${clientId}\n${scopeId}`);
  }

  /** The scopes of a resource granted to a client (ListClientScopesByResourceID). */
  clientScopesOf(resourceId: string, clientId: string): FakeScope[] {
    return this.scopesOf(resourceId).filter((s) => this.hasClientScope(clientId, s.id));
  }

  /** commands.go DeleteScope: the client grants of the scope go with it. */
  removeScope(scope: FakeScope): void {
    for (const key of [...this.clientScopes])
      if (key.endsWith(`\n${scope.id}`)) this.clientScopes.delete(key);
    this.scopes.delete(scope.id);
  }

  /** commands.go DeleteResourceByURI: client links, client scope grants, scopes, then the resource. */
  remove(resource: FakeResource): void {
    for (const key of [...this.clientResources])
      if (key.endsWith(`\n${resource.id}`)) this.clientResources.delete(key);
    for (const s of this.scopesOf(resource.id)) this.removeScope(s);
    this.resources.delete(resource.id);
  }
}
