export type { FakeContext } from './context.js';
export { type ApiErrorExtensions, FakeApiError } from './errors.js';
export { addFraudDecision, type FraudDecisionSeed } from './fraud.js';
export type {
  FakeAuditLog,
  FakeAuthenticator,
  FakeAuthorization,
  FakeGroup,
  FakeIdentity,
  FakeRole,
  FakeSentMessage,
  FakeSession,
  FakeUser,
  LoginIdKey,
} from './model.js';
export { decodeNodeId, encodeNodeId, type NodeType } from './node-id.js';
export {
  type CustomAttributeConfig,
  defaultProjectConfig,
  e2eProjectConfig,
  type FakeProjectConfig,
} from './project.js';
export type { FakeResource, FakeResourceSeed, FakeScope, ResourceStore } from './resource-store.js';
export { fakeSchema, fakeSchemaSdl } from './schema.js';
export { DEFAULT_SEED_PASSWORD, type FakeUserSeed } from './seed.js';
export {
  ADMIN_GRAPHQL_PATH,
  type AuthgearFake,
  type AuthgearFakeOptions,
  type FakeFailure,
  type RecordedRequest,
  type RejectedRequest,
  startAuthgearFake,
} from './server.js';
export { type FakeAuditLogSeed, type FakeGroupSeed, type FakeRoleSeed, FakeStore } from './store.js';
