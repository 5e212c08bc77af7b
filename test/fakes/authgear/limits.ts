/**
 * What authgear-server checks around GraphQL execution (pkg/util/graphqlutil/handler.go, api_error.go): at most
 * 5 top-level mutation fields, a 1 MiB body, and how errors are shown.
 */
import {
  type DocumentNode,
  type ExecutionResult,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { FakeApiError } from './errors.js';

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_MUTATION_FIELDS = 5;

/** An `api.Response{Error}` body (pkg/api/response.go) for errors raised before GraphQL runs. */
export const apiErrorBody = (name: string, reason: string, message: string, code: number) => ({
  error: { name, reason, message, code },
});

/** handler.go countTopLevelFields: top-level fields of the chosen mutation, through fragments. */
export const mutationFieldCount = (document: DocumentNode, operationName: string | null): number => {
  const ops = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const op =
    operationName === null
      ? ops.length === 1
        ? ops[0]
        : undefined
      : ops.find((o) => o.name?.value === operationName);
  if (op === undefined || op.operation !== 'mutation') return 0;
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((n, sel) => {
      if (sel.kind === Kind.FIELD) return n + 1;
      if (sel.kind === Kind.INLINE_FRAGMENT) return n + count(sel.selectionSet);
      const f = fragments.get(sel.name.value);
      return f === undefined ? n : n + count(f.selectionSet);
    }, 0);
  return count(op.selectionSet);
};

/** api_error.go: an API error keeps its extensions; anything else becomes a bare "unexpected error". */
export const formatErrors = (result: ExecutionResult): Record<string, unknown> => {
  if (result.errors === undefined) return { data: result.data ?? null };
  const errors = result.errors.map((e) => {
    if (e.originalError === undefined || e.originalError instanceof FakeApiError || e.path === undefined)
      return e.toJSON();
    return { message: 'unexpected error', locations: e.locations, path: e.path };
  });
  return { data: result.data ?? null, errors };
};
