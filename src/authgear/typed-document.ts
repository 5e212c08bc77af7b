/**
 * A GraphQL document typed by its result and variables. Every Admin API document is one: written in
 * src/authgear/documents/<name>.graphql and generated beside it by `npm run codegen` from Authgear's schema
 * (../shared/authgear/admin-api.graphql), so a variable or result field the schema lacks is a type error.
 */
export interface TypedDocument<TResult, TVariables> {
  /** The operation name, e.g. `GetUserNode`. */
  readonly name: string;
  /** The operation and the fragments it spreads, sent as they are (variables travel apart, never spliced in). */
  readonly text: string;
  /** Phantom: carries the types only, never set. */
  readonly types?: { readonly result: TResult; readonly variables: TVariables };
}

export const typedDocument = <TResult, TVariables>(
  name: string,
  text: string,
): TypedDocument<TResult, TVariables> => ({ name, text });

export type ResultOf<D> = D extends TypedDocument<infer R, unknown> ? R : never;
export type VariablesOf<D> = D extends TypedDocument<unknown, infer V> ? V : never;
