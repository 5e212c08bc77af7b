import type { FakeStore } from './store.js';

/** What every resolver gets as graphql-js `contextValue`. */
export interface FakeContext {
  store: FakeStore;
  passwordMinLength: number;
  /** Days until a scheduled deletion/anonymization (Authgear's default grace period is 30). */
  gracePeriodDays: number;
}

/** Mutation/query root functions as graphql-js calls them on the `rootValue`. */
export type RootField = (args: Record<string, unknown>, ctx: FakeContext) => unknown;

/** Reads `args.input` (every Admin API mutation takes one input object). */
export const inputOf = (args: Record<string, unknown>): Record<string, unknown> => {
  const input = args.input;
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
};

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const strList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
