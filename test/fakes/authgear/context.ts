import type { FakeProjectConfig } from './project.js';
import type { FakeStore } from './store.js';

/** What every resolver gets as graphql-js `contextValue`: one per request. */
export interface FakeContext {
  store: FakeStore;
  /** The project configuration (authgear.yaml) at the time of the request. */
  config: FakeProjectConfig;
  /** The JWT's `audit_context` claim, copied into every audit log entry the request causes. */
  auditContext: Record<string, unknown> | null;
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

/** Authgear's audit log event context (pkg/api/event/context.go), as stored in an entry's `data.context`. */
export const eventContext = (ctx: FakeContext, userId: string | null): Record<string, unknown> => ({
  timestamp: Math.floor(ctx.store.now().getTime() / 1000),
  user_id: userId,
  triggered_by: 'admin_api',
  audit_context: ctx.auditContext ?? {},
});
