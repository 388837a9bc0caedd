import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyMetaTag } from './shared/contentSecurityPolicy';

/**
 * The renderer's build, shared by electron-vite (inside Electron) and by `npm run web` / the tests (plain Chromium),
 * so both hosts run the very same bundle.
 */
const { version, dependencies } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

/** The benchmark page (renderer/bench.html, its code in bench/page/) is built only for `npm run bench`, never shipped. */
const withBench = process.env.CASEBOOK_BENCH === '1';

const packageDirectory = (name: string) => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(resolve(packageDirectory(name), 'package.json'), 'utf8')) as { version: string }).version;

/** The languages text recognition ships: one @tesseract.js-data package each (OCR_LANGUAGES in shared/domain.ts). */
export const OCR_DATA_LANGUAGES = Object.keys(dependencies)
  .filter((name) => name.startsWith('@tesseract.js-data/'))
  .map((name) => name.slice('@tesseract.js-data/'.length));

/**
 * Text recognition's files, shipped with the app under `ocr/` with the names tesseract.js looks for (so its
 * workerPath, corePath and langPath can name folders of ours): its worker script, its WebAssembly core (with the
 * WebAssembly inside, in the three builds it chooses between by what the processor supports) and the language data
 * (the fast integer LSTM models, gzipped). Nothing is fetched from anywhere else.
 */
export const OCR_FILES: Readonly<Record<string, string>> = {
  // What the app starts: it lets the CSP's Trusted Types allow the scripts Tesseract's worker loads, then loads it.
  'ocr/worker.js': resolve(import.meta.dirname, 'renderer/src/ocr/trustedWorker.js'),
  'ocr/worker.min.js': resolve(packageDirectory('tesseract.js'), 'dist/worker.min.js'),
  ...Object.fromEntries(
    ['tesseract-core-relaxedsimd-lstm.wasm.js', 'tesseract-core-simd-lstm.wasm.js', 'tesseract-core-lstm.wasm.js'].map((file) => [
      `ocr/core/${file}`,
      resolve(packageDirectory('tesseract.js-core'), file),
    ]),
  ),
  ...Object.fromEntries(
    OCR_DATA_LANGUAGES.map((language) => [
      `ocr/lang/${language}.traineddata.gz`,
      resolve(packageDirectory(`@tesseract.js-data/${language}`), `4.0.0_best_int/${language}.traineddata.gz`),
    ]),
  ),
};

/** Copies OCR_FILES into the build, and serves them from node_modules while developing. */
function ocrFiles(): Plugin {
  return {
    name: 'casebook-ocr-files',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
        const source = OCR_FILES[path];
        if (!source) return next();
        response.setHeader('Content-Type', path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        createReadStream(source).pipe(response);
      });
    },
    generateBundle() {
      for (const [fileName, source] of Object.entries(OCR_FILES)) this.emitFile({ type: 'asset', fileName, source: readFileSync(source) });
    },
  };
}

/**
 * Writes the app's CSP (shared/contentSecurityPolicy.ts) into every page's head as a meta tag, first, before anything
 * it governs: the policy for a page opened without the header. The pages carry no policy of their own.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'casebook-content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, { filename }) => {
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset)) throw new Error(`${filename}: no ${charset} to put the CSP after.`);
        if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error(`${filename}: the CSP is written by the build, not by the page.`);
        return html.replace(charset, `${charset}\n    ${contentSecurityPolicyMetaTag()}`);
      },
    },
  };
}

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), ocrFiles(), contentSecurityPolicyMeta()],
  define: {
    __APP_VERSION__: JSON.stringify(version),
    __TESSERACT_VERSION__: JSON.stringify(packageVersion('tesseract.js')),
  },
  resolve: {
    alias: [
      // Dexie's package exports hand bundlers a prebuilt ES5 file that cannot be tree-shaken; its own build for modern
      // browsers (ES modules, what our Chromium target runs) is 11 KB smaller in the start-up bundle. One alias for
      // the whole renderer, workers included, so there is still one copy of Dexie per bundle.
      { find: /^dexie$/, replacement: resolve(packageDirectory('dexie'), 'dist/modern/dexie.mjs') },
      // React Router 7's package exports name only its development build, warnings and all, whatever the mode
      // (remix-run/react-router#14102, open); its production build ships beside it. Both entry points are aliased
      // together, so the router and its DOM bindings share one copy of its internals.
      { find: /^react-router$/, replacement: resolve(packageDirectory('react-router'), 'dist/production/index.mjs') },
      { find: /^react-router\/dom$/, replacement: resolve(packageDirectory('react-router'), 'dist/production/dom-export.mjs') },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // Chromium, the only browser this bundle runs in, has <link rel="modulepreload">: no polyfill at start.
    modulePreload: { polyfill: false },
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
  // The same policy as a header, as the desktop app sends it: a worker obeys its own script's header, not the page's
  // meta tag, and only a header can say `frame-ancestors`.
  server: { host: '127.0.0.1', port: 5183, strictPort: false, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  preview: { host: '127.0.0.1', port: 4183, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
