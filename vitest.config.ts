import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['renderer/src/**/*.test.{ts,tsx}', 'electron/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/unit.ts'],
  },
});
