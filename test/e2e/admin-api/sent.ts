/** What the Admin API fake received, compared with the bot's own operations: the exact document and variables. */
import { expect } from 'vitest';
import type { Operation } from '../../../src/authgear/operation.js';
import type { RecordedRequest } from '../../fakes/authgear/index.js';
import type { TestApp } from '../../support/app.js';

/** Requests the fake received since `from` (an index into `requests`). */
export const sentSince = (t: { authgear: TestApp['authgear'] }, from: number): RecordedRequest[] =>
  t.authgear.requests.slice(from);

/** One request, as [operation name, document, variables]: compare with {@link expected}. */
export const asSent = (r: RecordedRequest): [string | null, string, Record<string, unknown>] => [
  r.operationName,
  r.query,
  r.variables,
];

/** What the fake should have received for `operation` with `variables`: the operation's exact document. */
export const expected = <V>(
  operation: Operation<V, unknown, never> | Operation<V, unknown, unknown>,
  variables: V,
): [string, string, unknown] => [operation.name, operation.document, variables];

/** The mutations among requests (the read-first queries left out). */
export const mutationsIn = (requests: readonly RecordedRequest[]): RecordedRequest[] =>
  requests.filter((r) => r.query.trimStart().startsWith('mutation'));

/** Exactly these requests were sent, in order. */
export const expectSent = (
  requests: readonly RecordedRequest[],
  ...wanted: [string, string, unknown][]
): void => {
  expect(requests.map(asSent)).toEqual(wanted);
};
