import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags that let Chromium run as root in a container with no network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const MISSING_CHROMIUM_MESSAGE =
  'No Chromium found for the tests: set CHROME_PATH to a Chrome or Chromium binary, run `npx playwright install chromium`, or install it (Debian: `apt-get install chromium`).';

/** The Chromium the tests and benchmarks drive: CHROME_PATH, Playwright's own browser, or Debian's /usr/bin/chromium. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROME_PATH, safe(() => chromium.executablePath()), '/usr/bin/chromium'];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate))) ?? null;
}

function safe(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
