import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['renderer/src/**/*.test.{ts,tsx}', 'electron/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/unit.ts'],
    // Limits for a busy machine (see playwright.config.ts): a test that passes never waits for them.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
