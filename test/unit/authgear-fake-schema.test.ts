import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { auditedActivityType } from '../fakes/authgear/resolvers.js';
import { fakeSchemaSdl } from '../fakes/authgear/schema.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const realSchemaPath = path.resolve(projectRoot, '../shared/authgear/admin-api.graphql');
const hasShared = existsSync(realSchemaPath);

const argsOf = (args: readonly GraphQLArgument[]): string =>
  args.map((a) => `${a.name}: ${String(a.type)}`).join(', ');

const compareFields = (
  where: string,
  fake: Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>,
  real: Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>,
): string[] =>
  Object.values(fake).flatMap((field) => {
    const other = real[field.name];
    if (other === undefined) return [`${where}.${field.name}: missing in the real schema`];
    const problems: string[] = [];
    if (String(field.type) !== String(other.type)) {
      problems.push(`${where}.${field.name}: type ${String(field.type)} ≠ real ${String(other.type)}`);
    }
    const fakeArgs = 'args' in field ? argsOf(field.args) : '';
    const realArgs = 'args' in other ? argsOf(other.args) : '';
    if (fakeArgs !== realArgs)
      problems.push(`${where}.${field.name}: args (${fakeArgs}) ≠ real (${realArgs})`);
    return problems;
  });

const compareType = (fake: GraphQLNamedType, real: GraphQLNamedType | undefined): string[] => {
  if (real === undefined) return [`${fake.name}: missing in the real schema`];
  if (fake.constructor !== real.constructor) return [`${fake.name}: kind differs`];
  if (isObjectType(fake) && isObjectType(real)) {
    const names = (t: typeof fake) =>
      t
        .getInterfaces()
        .map((i) => i.name)
        .sort()
        .join(',');
    const problems = compareFields(fake.name, fake.getFields(), real.getFields());
    return names(fake) === names(real) ? problems : [...problems, `${fake.name}: interfaces differ`];
  }
  if (isInterfaceType(fake) && isInterfaceType(real))
    return compareFields(fake.name, fake.getFields(), real.getFields());
  if (isInputObjectType(fake) && isInputObjectType(real)) {
    const problems = compareFields(fake.name, fake.getFields(), real.getFields());
    const realExtra = Object.values(real.getFields()).filter((f) => fake.getFields()[f.name] === undefined);
    return [
      ...problems,
      ...realExtra.map((f) => `${fake.name}.${f.name}: input field of the real schema missing`),
    ];
  }
  if (isEnumType(fake) && isEnumType(real)) {
    const realValues = new Set(real.getValues().map((v) => v.name));
    return fake
      .getValues()
      .filter((v) => !realValues.has(v.name))
      .map((v) => `${fake.name}.${v.name}: no such enum value`);
  }
  if (isUnionType(fake) && isUnionType(real)) {
    const realMembers = new Set(real.getTypes().map((t) => t.name));
    return fake
      .getTypes()
      .filter((t) => !realMembers.has(t.name))
      .map((t) => `${fake.name} | ${t.name}: no such member`);
  }
  return [];
};

/** Every problem with `fake` as a subset of `real` (empty = the fake only declares what Authgear has, identically). */
const schemaDifferences = (fake: GraphQLSchema, real: GraphQLSchema): string[] =>
  Object.values(fake.getTypeMap())
    .filter((t) => !t.name.startsWith('__'))
    .flatMap((t) => compareType(t, real.getType(t.name) ?? undefined));

describe('schemaDifferences', () => {
  it('reports a field whose type differs from the reference', () => {
    const real = buildSchema('type Query { user(id: ID!): User } type User { id: ID! }');
    const wrong = buildSchema('type Query { user(id: ID!): User } type User { id: String }');
    expect(schemaDifferences(wrong, real)).toEqual(['User.id: type String ≠ real ID!']);
  });

  it('reports a changed argument, an unknown enum value and a missing input field', () => {
    const real = buildSchema('type Query { f(a: Int): E } enum E { A } input I { x: Int!, y: Int }');
    const wrong = buildSchema('type Query { f(a: String): E } enum E { A B } input I { x: Int! }');
    expect(schemaDifferences(wrong, real)).toEqual([
      'Query.f: args (a: String) ≠ real (a: Int)',
      'E.B: no such enum value',
      'I.y: input field of the real schema missing',
    ]);
  });
});

describe.runIf(hasShared)("the Authgear fake's schema", () => {
  const real = buildSchema(hasShared ? readFileSync(realSchemaPath, 'utf8') : 'type Query { x: Int }');
  const fake = buildSchema(fakeSchemaSdl());

  it('declares only types, fields, arguments, enum values and members that exist identically in Authgear', () => {
    expect(schemaDifferences(fake, real)).toEqual([]);
  });

  it('contains no descriptions', () => {
    expect(fakeSchemaSdl()).not.toMatch(/"/);
  });

  it('audits every mutation under an activity type Authgear defines, except the MFA grace period ones', () => {
    const fields = Object.keys(fake.getMutationType()?.getFields() ?? {});
    expect(fields.length).toBe(57);
    expect(fields.filter((f) => auditedActivityType(f) === undefined)).toEqual([
      'removeMFAGracePeriod',
      'setMFAGracePeriod',
    ]);
    expect(auditedActivityType('generateOOBOTPCode')).toBe(
      'ADMIN_API_MUTATION_GENERATE_OOB_OTP_CODE_EXECUTED',
    );
  });
});
