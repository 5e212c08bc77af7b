/**
 * Debian's Chromium for real-browser tests, driven by playwright-core. Missing Chromium fails the test with how to
 * install it: the demo's browser test must never be skipped silently.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's /usr/bin/chromium. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a closed network: without the background-networking ones Chromium's own connections (updates,
 * sync, QUIC probes) are refused and slow every page.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  /** A context on a fresh profile (its own --user-data-dir, removed at close). */
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export const launchChromium = async (): Promise<LaunchedBrowser> => {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}. Install it with \`apt-get install -y chromium\` ` +
        '(Debian/Ubuntu; .ci/run does this), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'authgear-slack-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};
