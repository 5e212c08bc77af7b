import type { TypedDocument } from './typed-document.js';

/**
 * One Admin API operation: its document (generated with its types from Authgear's schema, see
 * src/authgear/documents/), and `read`, which turns Authgear's answer into what callers use. `read` is typed by the
 * schema, so reading a field the document does not select, or the schema does not have, is a type error. Where a
 * run-time check earns its place (JSON scalars the bot relies on), `read` parses with zod; a ZodError there becomes
 * `authgear.unexpected`. Every module in `src/authgear/operations/` exports its operations made with
 * `defineOperation`; a test validates each document against Authgear's real schema.
 */
export interface Operation<TVariables, TData, TResult = never> {
  readonly kind: 'authgear-operation';
  readonly name: string;
  readonly document: string;
  readonly read: (result: TResult) => TData;
  /** Phantom: only for type inference of variables. */
  readonly variables?: TVariables;
}

export function defineOperation<R, V>(document: TypedDocument<R, V>): Operation<V, R, R>;
export function defineOperation<R, V, D>(
  document: TypedDocument<R, V>,
  read: (result: R) => D,
): Operation<V, D, R>;
export function defineOperation<R, V, D>(
  document: TypedDocument<R, V>,
  read?: (result: R) => D,
): Operation<V, D | R, R> {
  return {
    kind: 'authgear-operation',
    name: document.name,
    document: document.text,
    read: read ?? ((result) => result),
  };
}

export const isOperation = (value: unknown): value is Operation<unknown, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (value as { kind?: unknown }).kind === 'authgear-operation' &&
  typeof (value as { document?: unknown }).document === 'string';
