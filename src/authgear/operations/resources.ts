import {
  AddResourceToClientIDDocument,
  AddScopesToClientIDDocument,
  CreateResourceDocument,
  CreateScopeDocument,
  DeleteResourceDocument,
  DeleteScopeDocument,
  GetResourceNodeDocument,
  type GetResourceNodeQuery,
  RemoveResourceFromClientIDDocument,
  RemoveScopesFromClientIDDocument,
  ReplaceScopesOfClientIDDocument,
  SearchResourcesDocument,
  type SearchResourcesQuery,
  UpdateResourceDocument,
  UpdateScopeDocument,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';
import { type Connection, connectionOf, type NodeOf } from './user-fields.js';

/** API resources (an API the project's apps call), their scopes, and which OAuth clients may use them. */

export type ListedResource = NodeOf<SearchResourcesQuery['resources']>;

export interface ResourcePage {
  /** Authgear counts the matches (with the keyword and client filter). */
  readonly totalCount: number | undefined;
  readonly hasNextPage: boolean;
  readonly endCursor: string | undefined;
  readonly nodes: ListedResource[];
}

export const searchResources = defineOperation(
  SearchResourcesDocument,
  ({ resources }): ResourcePage => ({
    totalCount: resources?.totalCount ?? undefined,
    hasNextPage: resources?.pageInfo.hasNextPage ?? false,
    endCursor: resources?.pageInfo.endCursor || undefined,
    nodes: connectionOf(resources).nodes,
  }),
);

type ResourceNode = Extract<NonNullable<GetResourceNodeQuery['node']>, { __typename: 'Resource' }>;
export type ResourceScope = NodeOf<ResourceNode['scopes']>;
export type ResourceDetail = Omit<ResourceNode, 'scopes'> & {
  readonly scopes: Connection<ResourceScope> & { readonly more: boolean };
};

/** One resource with its client IDs and (up to 100 of) its scopes, or only a client's scopes with `clientID`. */
export const getResourceNode = defineOperation(
  GetResourceNodeDocument,
  ({ node }): { node: ResourceDetail | null } => ({
    node:
      node?.__typename === 'Resource'
        ? {
            ...node,
            scopes: { ...connectionOf(node.scopes), more: node.scopes?.pageInfo.hasNextPage ?? false },
          }
        : null,
  }),
);

export const createResource = defineOperation(CreateResourceDocument);
export const updateResource = defineOperation(UpdateResourceDocument);
export const deleteResource = defineOperation(DeleteResourceDocument);
export const createScope = defineOperation(CreateScopeDocument);
export const updateScope = defineOperation(UpdateScopeDocument);
export const deleteScope = defineOperation(DeleteScopeDocument);
export const addResourceToClientId = defineOperation(AddResourceToClientIDDocument);
export const removeResourceFromClientId = defineOperation(RemoveResourceFromClientIDDocument);
export const addScopesToClientId = defineOperation(AddScopesToClientIDDocument);
export const removeScopesFromClientId = defineOperation(RemoveScopesFromClientIDDocument);
export const replaceScopesOfClientId = defineOperation(ReplaceScopesOfClientIDDocument);
