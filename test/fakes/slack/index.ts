export type { BlockCheckResult } from './block-checks.js';
export type { SeedChannel } from './conversations.js';
export type { SeedUser } from './directory.js';
export type { FailNextOptions, RateLimitOptions } from './faults.js';
export type { FakeIdentity } from './methods.js';
export type { BlockKitViolation, Json, RecordedCall, RecordedEvent, RecordedResponse } from './recorder.js';
export { type SlackFake, type SlackFakeOptions, startSlackFake } from './server.js';
export type { DeliveryResult, EnvelopeType, RecordedEnvelope, SocketModeFake } from './socket-mode.js';
