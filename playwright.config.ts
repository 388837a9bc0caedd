import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, MISSING_CHROMIUM_MESSAGE, findChromium } from './tests/chromium';

const executablePath = findChromium();
if (!executablePath) {
  console.error(MISSING_CHROMIUM_MESSAGE);
  process.exit(1);
}

/**
 * The end-to-end tests that keep a core busy for seconds at a time: text recognition (OCR), and the report, whose
 * printing is Chromium's layout of the whole report (the offline session prints one too). Beside the others they slowed the stories running next to them
 * past their time limits.
 */
const HEAVY_TESTS = /(ocr|report|report-export|offline)\.spec\.ts$/;

// CASEBOOK_E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.CASEBOOK_E2E_PORT ?? 4183);

/**
 * Limits, not waits: a passing test never waits for them, it waits for what the user would see. They are wide so that
 * the suite passes on a busy machine too (two cores, with other browsers or a CPU hog beside it, everything runs
 * three or four times slower); a story that needs more than a quiet machine's minute calls `test.slow()`, which
 * triples its limit.
 */
export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    // Playwright's own default is no limit: a click on what never shows would wait for the whole test's time, silent.
    // A minute also bounds the waits for an event (a download, a file chooser) that follows an action.
    actionTimeout: 60_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testDir: 'tests/e2e',
      testIgnore: HEAVY_TESTS,
      use: { launchOptions: { executablePath, args: CHROMIUM_ARGS } },
    },
    {
      // They run after the other tests, not beside them, so the others' timings stay their own. `--no-deps` runs them
      // alone.
      name: 'chromium-heavy',
      testDir: 'tests/e2e',
      testMatch: HEAVY_TESTS,
      dependencies: ['chromium'],
      use: { launchOptions: { executablePath, args: CHROMIUM_ARGS } },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
  webServer: {
    // The built renderer, exactly as Electron loads it, served on loopback so IndexedDB has a real origin.
    command: `npx vite preview --config vite.web.config.ts --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
