export type { BlockCheckResult } from './block-checks.js';
export type { SeedChannel } from './conversations.js';
export type { SeedUser } from './directory.js';
export type { FailNextOptions, RateLimitOptions } from './faults.js';
export {
  type MessageSource,
  RESPONSE_URL_MAX_POSTS,
  RESPONSE_URL_TTL_MS,
  TRIGGER_TTL_MS,
} from './interactions.js';
export type { FakeIdentity } from './methods.js';
export type { BlockKitViolation, Json, RecordedCall, RecordedEvent, RecordedResponse } from './recorder.js';
export type { Refusal, RefusalExpectation } from './refusals.js';
export { type SlackFake, type SlackFakeOptions, type SlackNames, startSlackFake } from './server.js';
export type { DeliveryResult, EnvelopeType, RecordedEnvelope, SocketModeFake } from './socket-mode.js';
