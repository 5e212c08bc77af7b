import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root (the folder holding package.json). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Reference data shared next to the repository (`../shared`): schemas, specs, test vectors. */
export const sharedDir = path.resolve(projectRoot, '../shared');

/** Whether `../shared` exists; tests that need it use `it.runIf(hasShared)`. */
export const hasShared: boolean = existsSync(sharedDir);
