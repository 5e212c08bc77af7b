import {
  GetFraudOverviewDocument,
  type GetFraudOverviewQuery,
  ListFraudDecisionsDocument,
  type ListFraudDecisionsQuery,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';
import { connectionOf, type NodeOf } from './user-fields.js';

/** Fraud protection: what Authgear decided about the SMS it was asked to send (allowed, flagged, blocked) and why. */

export type FraudOverview = GetFraudOverviewQuery['fraudProtectionOverview']['sendSMS'];
export type FraudDecision = NodeOf<ListFraudDecisionsQuery['fraudProtectionLogs']>;

export interface FraudDecisionPage {
  readonly totalCount: number | undefined;
  readonly hasNextPage: boolean;
  readonly endCursor: string | undefined;
  readonly nodes: FraudDecision[];
}

/** Totals and top sources over a window (Authgear requires both ends, at most 90 days apart). */
export const getFraudOverview = defineOperation(
  GetFraudOverviewDocument,
  ({ fraudProtectionOverview }): FraudOverview => fraudProtectionOverview.sendSMS,
);

/** The decisions in a window, newest first, paged. */
export const listFraudDecisions = defineOperation(
  ListFraudDecisionsDocument,
  ({ fraudProtectionLogs: logs }): FraudDecisionPage => ({
    totalCount: logs?.totalCount ?? undefined,
    hasNextPage: logs?.pageInfo.hasNextPage ?? false,
    endCursor: logs?.pageInfo.endCursor || undefined,
    nodes: connectionOf(logs).nodes,
  }),
);
