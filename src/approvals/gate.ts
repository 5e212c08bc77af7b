import type { AnyActionDefinition } from '../actions/types.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import type { Actor } from '../permissions/authorize.js';

export interface GateRequest {
  readonly def: AnyActionDefinition;
  readonly input: Record<string, unknown>;
  readonly user: AuthgearUser | undefined;
  readonly actor: Actor;
  readonly reason?: string | undefined;
  /** Set when the requester may not see users: what they typed (all they are told names only this). */
  readonly typed?: string | undefined;
  /**
   * The request's ID when the caller derives it (from the confirmation that opens it), so a repeated submit for the
   * same confirmation finds the existing request instead of opening a second one. Default: a new random ID.
   */
  readonly approvalId?: string | undefined;
}

export type GateOutcome =
  | { readonly kind: 'proceed' }
  | { readonly kind: 'pending'; readonly approvalId: string; readonly message: string };

/** The pipeline's approval seam: proceed now, or park the request for a second person. */
export interface ApprovalGate {
  /** Whether this action needs an approval and a reason from the requester. */
  rule(def: AnyActionDefinition): { readonly needed: boolean; readonly requireReason: boolean };
  submit(request: GateRequest): Promise<GateOutcome>;
}
