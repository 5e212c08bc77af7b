import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/shared.js';

/**
 * Every Query and Mutation field of Authgear's Admin API is used by some document in src/authgear/documents, except
 * the ones left out on purpose. A field Authgear adds later fails this test until the bot uses it or a line here
 * says why not.
 */
const LEFT_OUT: Readonly<Record<string, string>> = {
  'Mutation.createSession':
    'issues tokens to act as the user: impersonation from chat is a credential-theft path (README, "Left out on purpose")',
};

const realSchemaPath = path.resolve(projectRoot, '../shared/authgear/admin-api.graphql');
const hasShared = existsSync(realSchemaPath);
const documentsDir = path.resolve(projectRoot, 'src/authgear/documents');

/** `Query.x` / `Mutation.y` for each root field an operation in `text` selects. */
const rootFieldsOf = (text: string): string[] =>
  parse(text).definitions.flatMap((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION) return [];
    const root = d.operation === 'mutation' ? 'Mutation' : d.operation === 'query' ? 'Query' : 'Subscription';
    return d.selectionSet.selections.flatMap((s) =>
      s.kind === Kind.FIELD ? [`${root}.${s.name.value}`] : [],
    );
  });

describe.runIf(hasShared)("the bot's use of Authgear's Admin API", () => {
  const schema = buildSchema(hasShared ? readFileSync(realSchemaPath, 'utf8') : 'type Query { x: Int }');
  const fields = [
    ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
    ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
  ];
  const used = new Set(
    readdirSync(documentsDir)
      .filter((f) => f.endsWith('.graphql'))
      .flatMap((f) => rootFieldsOf(readFileSync(path.join(documentsDir, f), 'utf8'))),
  );

  it('lists the schema root fields (12 queries and 58 mutations at the snapshot)', () => {
    expect(fields.length).toBeGreaterThanOrEqual(70);
  });

  it('uses every Query and Mutation field in some document, except the ones left out on purpose', () => {
    const unused = fields.filter((f) => !used.has(f) && LEFT_OUT[f] === undefined);
    expect(unused).toEqual([]);
  });

  it('does not use a field it says it leaves out', () => {
    expect(Object.keys(LEFT_OUT).filter((f) => used.has(f))).toEqual([]);
  });

  it('finds root fields the way a document selects them', () => {
    expect(rootFieldsOf('query Q { a: nodes(ids: []) { id } node(id: "x") { id } }')).toEqual([
      'Query.nodes',
      'Query.node',
    ]);
    expect(rootFieldsOf('mutation M { createUser(input: {}) { user { id } } }')).toEqual([
      'Mutation.createUser',
    ]);
  });
});
