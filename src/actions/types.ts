import type { z } from 'zod';
import type { AdminApi } from '../authgear/client.js';
import type { AuditContext } from '../authgear/jwt.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import type { Block } from '../blocks/primitives.js';
import type { Policy } from '../config/policy.js';
import type { GrantLedger } from '../grants/ledger.js';
import type { ActionName } from '../permissions/actions.js';
import type { Actor } from '../permissions/authorize.js';
import type { ActionKey } from './keys.js';

/** What the action needs from the outside world while it runs. */
export interface ActionContext {
  readonly api: AdminApi;
  readonly actor: Actor;
  readonly auditContext: AuditContext;
  readonly now: Date;
  /** Time-boxed grants: the schedule that takes access back (absent in an app built without one). */
  readonly grants?: GrantLedger | undefined;
  /** The users an action with `targets` acts on, as the execution resolved (and checked) them just before. */
  readonly targets?: readonly AuthgearUser[] | undefined;
}

/** What a precheck reads: the bot's own state, never an Admin API mutation. */
export type StateContext = Pick<ActionContext, 'grants'>;

/** What resolving an action's several target users needs. */
export type TargetsContext = Pick<ActionContext, 'api' | 'auditContext'>;

/** A modal field an action asks for; the same descriptor renders the input block and reads the submission. */
export type FieldSpec =
  | {
      readonly kind: 'text';
      readonly id: string;
      readonly label: string;
      readonly optional?: boolean;
      readonly multiline?: boolean;
      readonly placeholder?: string;
      readonly initial?: string;
      readonly maxLength?: number;
      readonly hint?: string;
    }
  | {
      readonly kind: 'select';
      readonly id: string;
      readonly label: string;
      readonly optional?: boolean;
      readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
      readonly initial?: string;
      readonly hint?: string;
    }
  | {
      readonly kind: 'multi_select';
      readonly id: string;
      readonly label: string;
      readonly optional?: boolean;
      readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
      readonly initial?: readonly string[];
      readonly hint?: string;
    }
  | {
      readonly kind: 'datetime';
      readonly id: string;
      readonly label: string;
      readonly optional?: boolean;
      /** The current value (ISO time), shown picked. */
      readonly initial?: string | null | undefined;
      readonly hint?: string;
    }
  | {
      readonly kind: 'checkbox';
      readonly id: string;
      readonly label: string;
      readonly optional?: boolean;
      readonly hint?: string;
    };

/** Raw values read from a modal: field id → string | string[] | undefined. */
export type FieldValues = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What the person confirms: the target and the consequences, in plain words. */
export interface Confirmation {
  readonly title: string;
  readonly target: string;
  readonly consequences: readonly string[];
  readonly confirmLabel: string;
  readonly danger: boolean;
}

/**
 * What an execution returns. `secret` (an OTP code, a generated password) is shown only to the requester in an
 * ephemeral or DM view; it is never logged, audited, stored, or posted in a channel.
 */
export interface ActionResult {
  readonly message: string;
  readonly blocks?: readonly Block[];
  readonly secret?: { readonly label: string; readonly value: string };
  /** It ran but changed nothing the person asked for (e.g. Authgear dropped every value): a warning, not success. */
  readonly warning?: boolean;
}

/**
 * One action, defined once. The same definition serves the slash verb, the card button and the modal; the
 * pipeline runs every definition the same way: parse → authorize → confirm → approval gate → execute → audit.
 */
export interface ActionDefinition<I extends { readonly userId?: string } = { readonly userId?: string }> {
  /** Stable key from {@link ActionKey} (keys.ts): carried by button values, modal metadata and approval records. */
  readonly key: ActionKey;
  /** Slash verbs that start it, e.g. ['disable']. */
  readonly verbs: readonly string[];
  readonly permission: ActionName;
  /** Short imperative title: "Disable user". */
  readonly title: string;
  /** One line for help: usage and what it does. */
  readonly usage: string;
  readonly description: string;
  /** Button label on the user card; omit to keep the action off the card. */
  readonly cardButton?: {
    readonly label: string;
    readonly style?: 'primary' | 'danger';
    /** Whether the button fits the user's state now (Authgear computes some of it from the time). */
    readonly show?: (user: AuthgearUser, now: Date) => boolean;
  };
  /** The full input, validated before anything runs. `userId` is the Authgear user node ID when the action targets one. */
  readonly input: z.ZodType<I>;
  /** Slash arguments after the target (already split) → raw input fields, or 'modal' when a form is needed. */
  readonly fromArgs?: (args: readonly string[]) => Record<string, unknown> | 'modal';
  /** Read-modify-write actions: the pipeline records the user's `updatedAt` as `expectedUpdatedAt` when it starts. */
  readonly versioned?: boolean;
  /**
   * The change cannot be undone (an immediate deletion, an erased authenticator): a policy should gate it with an
   * approval, and a start-up warning lists those it leaves ungated.
   */
  readonly irreversible?: boolean;
  /**
   * The action gives its target users access (a role or group, for good or for a while): the requester may run it
   * on their own Authgear account only through an approval by another person (see self-service.ts).
   */
  readonly needsAnotherPerson?: boolean;
  /**
   * The users an action that names several (`targetsUser: false`) acts on, each resolved exactly. The execution
   * resolves them once, checks them (`needsAnotherPerson`), and hands the same users to `execute` as `ctx.targets`.
   */
  readonly targets?: (ctx: TargetsContext, input: I) => Promise<readonly AuthgearUser[]>;
  /** Whether the action targets a user (the first slash argument is `<who>`). Default true. */
  readonly targetsUser?: boolean;
  /** Modal fields; `fromFields` maps their raw values to input fields (zod validates the result, by field id). */
  readonly fields?: (user: AuthgearUser | undefined) => readonly FieldSpec[];
  readonly fromFields?: (values: FieldValues) => Record<string, unknown>;
  /**
   * Read-first checks (state-dependent actions): throw AppError('state.no_change', ...) to stop with no mutation.
   * The pipeline and the execution pass the policy and the actor (roles read at that moment), for checks against
   * the policy's limits (what the actor may grant, and for how long).
   */
  readonly check?: (
    input: I,
    user: AuthgearUser | undefined,
    now: Date,
    policy?: Policy,
    actor?: Actor,
  ) => void;
  /**
   * Read-first checks of state the bot keeps (a running grant), before the confirmation is shown, so nobody confirms
   * what cannot run: throw AppError('state.no_change', ...). `execute` checks again, since things change meanwhile.
   */
  readonly precheck?: (state: StateContext, input: I, user: AuthgearUser | undefined) => Promise<void>;
  readonly confirm: (input: I, user: AuthgearUser | undefined) => Confirmation;
  /** Exactly one Admin API mutation. */
  readonly execute: (ctx: ActionContext, input: I, user: AuthgearUser | undefined) => Promise<ActionResult>;
  /** A secret-free one-line summary for the audit trail and approval cards. */
  readonly summary: (input: I, user: AuthgearUser | undefined) => string;
}

/** Type-erased definition for registries. */
// biome-ignore lint/suspicious/noExplicitAny: registry of heterogeneous definitions; each is checked where defined
export type AnyActionDefinition = ActionDefinition<any>;

export const defineAction = <I extends { readonly userId?: string }>(
  def: ActionDefinition<I>,
): ActionDefinition<I> => def;
