import { existsSync } from 'node:fs';

/**
 * Loads `.env` (or `path`) into `process.env` when the file exists; variables already set win over the file, as
 * with Node's `--env-file`. Returns the path it loaded, for the start-up log line.
 */
export const loadDotEnv = (path = '.env'): string | undefined => {
  if (!existsSync(path)) return undefined;
  process.loadEnvFile(path);
  return path;
};

/** The process environment: the one place outside tests that reads it. */
export const processEnv = (): Record<string, string | undefined> => process.env;
