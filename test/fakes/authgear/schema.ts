/** The fake's own schema (test/fakes/authgear/schema.graphql), loaded once. */
import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';

export const FAKE_SCHEMA_PATH = new URL('./schema.graphql', import.meta.url);

let cached: GraphQLSchema | undefined;

export const fakeSchemaSdl = (): string => readFileSync(FAKE_SCHEMA_PATH, 'utf8');

export const fakeSchema = (): GraphQLSchema => {
  cached ??= buildSchema(fakeSchemaSdl());
  return cached;
};
