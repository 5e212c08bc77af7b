import type { webApi } from '@slack/bolt';
import type { Pipeline } from './actions/pipeline.js';
import type { AnyActionDefinition } from './actions/types.js';
import type { AuditSink } from './audit/event.js';
import type { AdminApi } from './authgear/client.js';
import type { Policy } from './config/policy.js';
import type { AppLogger } from './logger.js';
import type { Actor } from './permissions/authorize.js';
import { rolesFor } from './permissions/authorize.js';
import type { QueryServices, QueryVerb } from './queries/types.js';
import type { SecretVault } from './secrets/vault.js';
import type { Directory } from './slack/directory.js';
import type { PlaceOf } from './slack/place.js';
import type { UserResolver } from './users/resolve.js';

/** Everything handlers use, built once in createApp from injected dependencies. */
export interface Services {
  readonly policy: Policy;
  readonly api: AdminApi;
  readonly users: UserResolver;
  readonly directory: Directory;
  readonly pipeline: Pipeline;
  readonly actions: readonly AnyActionDefinition[];
  readonly actionsByKey: ReadonlyMap<string, AnyActionDefinition>;
  readonly queries: readonly QueryVerb[];
  readonly audit: AuditSink;
  readonly logger: AppLogger;
  readonly now: () => Date;
  readonly extras: QueryServices;
  /** The person's roles: user-group membership from a short cache, or read from Slack now with `fresh`. */
  readonly actorOf: (user: SlackUserRef, options?: { readonly fresh?: boolean }) => Promise<Actor>;
  /** Secrets delivered after an approval, revealed once by their owner. */
  readonly secrets: SecretVault;
  /** Where a request happened, for the allow-list (is a DM the one with the bot?). */
  readonly placeOf: PlaceOf;
  /** Where a response_url may point (Slack's hooks hosts and the configured API URL's origin). */
  readonly responseUrlOrigins: readonly string[];
}

export interface SlackUserRef {
  readonly id: string;
  readonly teamId?: string | undefined;
  readonly name?: string | undefined;
}

/**
 * Resolves a Slack user to an Actor: direct grants plus user-group grants (usergroups.users.list, cached briefly;
 * with `fresh`, read from Slack now, as every mutation does).
 */
export const createActorResolver =
  (policy: Policy, directory: Directory) =>
  async (user: SlackUserRef, options: { readonly fresh?: boolean } = {}): Promise<Actor> => {
    const groupIds = [...policy.usergroupRoles.keys()];
    const groups = groupIds.length > 0 ? await directory.usergroupsOf(user.id, groupIds, options) : [];
    return {
      userId: user.id,
      teamId: user.teamId,
      name: user.name,
      roles: rolesFor(policy, user.id, groups),
    };
  };

export type WebClient = webApi.WebClient;
