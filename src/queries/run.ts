import { auditContextOf } from '../actions/execute.js';
import type { AnyActionDefinition } from '../actions/types.js';
import type { AdminApi } from '../authgear/client.js';
import type { Policy } from '../config/policy.js';
import type { Actor } from '../permissions/authorize.js';
import { requireRight } from '../permissions/denial.js';
import { type PlaceOf, plainPlaceOf } from '../slack/place.js';
import type { ReplyMessage } from '../slack/reply.js';
import type { UserResolver } from '../users/resolve.js';
import type { QueryContext, QueryServices, ReadQuery } from './types.js';

/** What a read uses from the app (Services has all of it). */
export interface QueryDeps {
  readonly api: AdminApi;
  readonly users: UserResolver;
  readonly policy: Policy;
  readonly actions: readonly AnyActionDefinition[];
  readonly now: () => Date;
  readonly extras: QueryServices;
  /** Where a request happened, for the allow-list (is a DM the one with the bot?). */
  readonly placeOf?: PlaceOf;
}

/** A query's arguments: split words and the raw text after the verb. */
export interface QueryArgs {
  readonly args: readonly string[];
  readonly rawArgs: string;
}

export const queryArgs = (args: readonly string[], rawArgs = args.join(' ')): QueryArgs => ({
  args,
  rawArgs,
});

/**
 * The one read path: authorize, then run. Every read-only entry point (the slash command, paging, View buttons,
 * the look-up shortcuts) goes through here, so none can skip the check; only here is a QueryContext built.
 */
export const runQuery = async (
  deps: QueryDeps,
  actor: Actor,
  query: ReadQuery,
  args: QueryArgs,
  at: { readonly channelId?: string | undefined },
): Promise<ReplyMessage> => {
  requireRight(
    actor,
    query.permission,
    await (deps.placeOf ?? plainPlaceOf)(actor.userId, at.channelId),
    deps.policy,
  );
  const ctx: QueryContext = {
    api: deps.api,
    users: deps.users,
    policy: deps.policy,
    actor,
    auditContext: auditContextOf(actor),
    actions: deps.actions,
    now: deps.now(),
    services: deps.extras,
  };
  return query.run(ctx, args.args, args.rawArgs);
};
