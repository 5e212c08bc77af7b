import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isOperation, type Operation } from '../../src/authgear/operation.js';
import { fakeSchema } from '../fakes/authgear/schema.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const operationsDir = path.resolve(projectRoot, 'src/authgear/operations');
const realSchemaPath = path.resolve(projectRoot, '../shared/authgear/admin-api.graphql');
const hasShared = existsSync(realSchemaPath);

const moduleFiles = existsSync(operationsDir)
  ? readdirSync(operationsDir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'),
    )
  : [];

const collected: { file: string; exportName: string; operation: Operation<unknown, unknown> }[] = [];
for (const file of moduleFiles) {
  const mod: Record<string, unknown> = await import(pathToFileURL(path.join(operationsDir, file)).href);
  for (const [exportName, value] of Object.entries(mod)) {
    if (isOperation(value)) collected.push({ file, exportName, operation: value });
  }
}
const cases = collected.map((c) => ({ ...c, label: `${c.file} ${c.exportName} (${c.operation.name})` }));

describe('Admin API operations in src/authgear/operations', () => {
  it('exist (the folder exports at least one operation)', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it('have unique operation names', () => {
    const names = cases.map((c) => c.operation.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it.each(cases)('$label holds exactly one operation, named like the definition', ({ operation }) => {
    const ops = parse(operation.document).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(ops.map((o) => o.name?.value)).toEqual([operation.name]);
  });

  it.each(cases)('$label is servable by the Authgear fake', ({ operation }) => {
    expect(validate(fakeSchema(), parse(operation.document)).map((e) => e.message)).toEqual([]);
  });
});

describe.runIf(hasShared)("Admin API operations against Authgear's real schema", () => {
  const real = buildSchema(hasShared ? readFileSync(realSchemaPath, 'utf8') : 'type Query { x: Int }');

  it.each(cases)('$label validates with zero errors', ({ operation }) => {
    expect(validate(real, parse(operation.document)).map((e) => e.message)).toEqual([]);
  });
});
