import type { AnyActionDefinition } from '../actions/types.js';
import type { AdminApi } from '../authgear/client.js';
import type { AuditContext } from '../authgear/jwt.js';
import type { Policy } from '../config/policy.js';
import type { ActionName } from '../permissions/actions.js';
import type { Actor } from '../permissions/authorize.js';
import type { ReplyMessage } from '../slack/reply.js';
import type { UserResolver } from '../users/resolve.js';

/** What a read-only verb may use. Extra services (approvals, audit log) are added by their modules. */
export interface QueryContext {
  readonly api: AdminApi;
  readonly users: UserResolver;
  readonly policy: Policy;
  readonly actor: Actor;
  readonly auditContext: AuditContext;
  readonly actions: readonly AnyActionDefinition[];
  readonly now: Date;
  readonly services: QueryServices;
}

/** Optional services that some queries need; a module adds its own key here. */
export interface QueryServices {
  readonly [name: string]: unknown;
}

/** A read: authorized by `permission` (in runQuery, never by the caller), answers one message. */
export interface ReadQuery {
  readonly permission: ActionName;
  run(ctx: QueryContext, args: readonly string[], rawArgs: string): Promise<ReplyMessage>;
}

/** A read-only slash verb (`user`, `search`, `groups`...). */
export interface QueryVerb extends ReadQuery {
  readonly verbs: readonly string[];
  readonly usage: string;
  readonly description: string;
}
