import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDotEnv } from '../../../src/config/dotenv.js';

const names = ['AGS_DOTENV_FROM_FILE', 'AGS_DOTENV_ALREADY_SET'];
afterEach(() => {
  for (const n of names) delete process.env[n];
});

describe('loadDotEnv', () => {
  it('loads a .env file without overriding variables already set', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dotenv-')), '.env');
    writeFileSync(file, 'AGS_DOTENV_FROM_FILE=from-file\nAGS_DOTENV_ALREADY_SET=from-file\n');
    process.env.AGS_DOTENV_ALREADY_SET = 'from-environment';
    expect(loadDotEnv(file)).toBe(file);
    expect(process.env.AGS_DOTENV_FROM_FILE).toBe('from-file');
    expect(process.env.AGS_DOTENV_ALREADY_SET).toBe('from-environment');
  });

  it('does nothing when there is no file', () => {
    expect(loadDotEnv(path.join(tmpdir(), 'no-such-dir-for-dotenv', '.env'))).toBeUndefined();
  });
});
