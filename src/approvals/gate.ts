import type { AnyActionDefinition } from '../actions/types.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import type { Actor } from '../permissions/authorize.js';

export interface GateRequest {
  readonly def: AnyActionDefinition;
  readonly input: Record<string, unknown>;
  readonly user: AuthgearUser | undefined;
  readonly actor: Actor;
  readonly reason?: string | undefined;
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

/** For policies without approvals: every action proceeds. */
export const noApprovalGate: ApprovalGate = {
  rule: () => ({ needed: false, requireReason: false }),
  submit: async () => ({ kind: 'proceed' }),
};
