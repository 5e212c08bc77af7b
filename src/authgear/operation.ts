import type { z } from 'zod';

/**
 * One Admin API operation: its GraphQL document (sent with variables only, never with user text spliced in),
 * the operation name, and a zod schema for its `data`. Every module in `src/authgear/operations/` exports its
 * operations made with `defineOperation`; a test validates each document against Authgear's real schema.
 */
export interface Operation<TVariables, TData> {
  readonly kind: 'authgear-operation';
  readonly name: string;
  readonly document: string;
  readonly data: z.ZodType<TData>;
  /** Phantom: only for type inference of variables. */
  readonly variables?: TVariables;
}

export const defineOperation = <TVariables, TData>(
  name: string,
  document: string,
  data: z.ZodType<TData>,
): Operation<TVariables, TData> => ({ kind: 'authgear-operation', name, document, data });

export const isOperation = (value: unknown): value is Operation<unknown, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (value as { kind?: unknown }).kind === 'authgear-operation' &&
  typeof (value as { document?: unknown }).document === 'string';
