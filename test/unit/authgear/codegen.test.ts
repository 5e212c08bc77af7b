import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/shared.js';

/**
 * The generated types of every Admin API document are committed (src/authgear/documents/*.generated.ts). This
 * regenerates them in memory from Authgear's schema and the .graphql files, and fails when the committed output
 * differs: after changing a document or the schema, run `npm run codegen` and commit the result.
 */
const hasShared = existsSync(path.resolve(projectRoot, '../shared/authgear/admin-api.graphql'));
const documentsDir = path.resolve(projectRoot, 'src/authgear/documents');

describe.runIf(hasShared)('generated Admin API types', () => {
  it('are what `npm run codegen` makes from the schema and the documents', async () => {
    const cwd = process.cwd();
    process.chdir(projectRoot);
    try {
      const { config } = await loadCodegenConfig({
        configFilePath: path.resolve(projectRoot, 'codegen.yml'),
      });
      const files: { filename: string; content: string }[] = await generate(
        { ...config, silent: true, cwd: projectRoot },
        false,
      );
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const committed = path.resolve(projectRoot, file.filename);
        expect(existsSync(committed), `${file.filename} is not committed: run npm run codegen`).toBe(true);
        expect(readFileSync(committed, 'utf8'), `${file.filename} is stale: run npm run codegen`).toBe(
          file.content,
        );
      }
      const generated = new Set(files.map((f) => path.resolve(projectRoot, f.filename)));
      const leftovers = readdirSync(documentsDir)
        .filter((f) => f.endsWith('.generated.ts'))
        .filter((f) => !generated.has(path.join(documentsDir, f)));
      expect(leftovers, 'generated files codegen no longer makes').toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  }, 30_000);

  it('give every .graphql file exactly one operation or fragment, named after the file', () => {
    const kebab = (name: string) =>
      name
        .replace(/OOBOTP/g, 'OobOtp')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
        .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
        .toLowerCase();
    for (const file of readdirSync(documentsDir).filter((f) => f.endsWith('.graphql'))) {
      const text = readFileSync(path.join(documentsDir, file), 'utf8');
      const names = [...text.matchAll(/^(?:query|mutation|fragment) (\w+)/gm)].map((m) => m[1] ?? '');
      expect(names, file).toHaveLength(1);
      expect(`${kebab(names[0] ?? '')}.graphql`).toBe(file);
    }
  });
});
