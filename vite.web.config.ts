import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The renderer's build, shared by electron-vite (inside Electron) and by `npm run web` / the tests (plain Chromium),
 * so both hosts run the very same bundle.
 */
const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/** The benchmark page (renderer/bench.html, its code in bench/page/) is built only for `npm run bench`, never shipped. */
const withBench = process.env.CASEBOOK_BENCH === '1';

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'renderer/index.html'),
        ...(withBench ? { bench: resolve(import.meta.dirname, 'renderer/bench.html') } : {}),
      },
    },
  },
};

export default defineConfig({
  ...rendererConfig,
  server: { host: '127.0.0.1', port: 5183, strictPort: false },
  preview: { host: '127.0.0.1', port: 4183, strictPort: true },
});
