import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Test files may reach past the walls: they set up databases and drive views directly. */
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];

/** What the whole renderer may never import: it runs in a browser as well as in Electron. */
const RENDERER = [
  { group: ['electron', 'electron/*'], message: 'The renderer talks to the host only through platform/.' },
  { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'The renderer cannot use Node modules.' },
  { group: ['**/electron/**'], message: 'The renderer cannot import main-process code.' },
];

const VIEWS_READ_THROUGH_QUERIES = [
  {
    group: ['**/app/database', '**/db', '**/db/index', '**/db/schema', 'dexie'],
    allowTypeImports: true,
    message:
      'Views and hooks never hold the database: read with `queries` and change with `operations` from app/casebook.ts (add a typed query to db/queries/ if one is missing).',
  },
];

const DOMAIN_KNOWS_NO_VIEWS = [
  {
    group: ['react', 'react-dom', 'react-dom/*', 'react-router', 'dexie-react-hooks', '**/features/**', '**/components/**', '**/editor/**', '**/app/**'],
    message: 'The domain holds rules and transactions only: it imports neither React nor views. Put UI code in features/ and call the domain from there.',
  },
];

const PARSERS_STORE_NOTHING = [
  {
    group: ['../db', '../db/*', '../db/**', 'dexie', '../domain', '../domain/*', '../app/**', '../features/**', '../components/**', 'react'],
    allowTypeImports: true,
    message: 'Parsers in import/ only turn bytes into a parsed document; storing it is the pipeline\'s job (import/pipeline.ts).',
  },
];

const SERVICES_KNOW_NO_VIEWS = [
  {
    group: ['**/features/**', '**/components/**', '**/app/**', 'react', 'dexie-react-hooks'],
    message: 'An application service does not import views, hooks or the app\'s wiring: take what it needs as arguments, or move the shared piece to domain/ or html/.',
  },
];

const STORAGE_KNOWS_NO_SEARCH = [
  {
    group: ['**/search', '**/search/**', '**/features/**', '**/components/**', '**/app/**', 'react'],
    message: 'The database, anchoring and clean-up know nothing of search or views: wire search to the database in app/database.ts.',
  },
];

const SHARED_IMPORTS_NOTHING = [
  { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ is the contract both sides import: it imports nothing from renderer/ or electron/.' },
];

/**
 * The modules holding a Trusted Types policy that passes HTML as it is given: each may be imported only where what it
 * is given is known to be harmless (see shared/contentSecurityPolicy.ts).
 */
const SANITISER_POLICY = {
  group: ['**/html/trustedTypes'],
  message: 'Only the sanitiser (html/sanitize.ts, html/savedPage.ts) makes TrustedHTML: use sanitizedHtml(), sanitizedFragment() or originalPageDocument().',
};
const FRAME_POLICY = {
  group: ['**/html/frameDocument'],
  message: 'Only the print frame (sandboxed, no scripts) takes this policy: other HTML goes through the sanitiser.',
};

/**
 * One `no-restricted-imports` setting: the renderer's own limits plus a folder's walls (a later setting replaces an
 * earlier one), less the policies the files may use.
 */
const restrictImports = (walls = [], policies = []) => [
  'error',
  { patterns: [...RENDERER, ...[SANITISER_POLICY, FRAME_POLICY].filter((policy) => !policies.includes(policy)), ...walls] },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{js,mjs}', 'bench/**/*.ts', 'tests/**/*.ts', '*.config.{ts,js}'],
    ignores: ['bench/page/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // The benchmark's page runs in the browser beside the renderer, under the renderer's rules.
    files: ['renderer/**/*.{ts,tsx}', 'bench/page/**/*.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrictImports(),
    },
  },
  // The walls between the renderer's layers. Each message says where the code should go instead.
  {
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/components/**/*.{ts,tsx}', 'renderer/src/editor/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': restrictImports(VIEWS_READ_THROUGH_QUERIES) },
  },
  {
    files: ['renderer/src/domain/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': restrictImports(DOMAIN_KNOWS_NO_VIEWS) },
  },
  {
    files: ['renderer/src/import/**/*.ts'],
    ignores: [...TEST_FILES, 'renderer/src/import/pipeline.ts'],
    rules: { 'no-restricted-imports': restrictImports(PARSERS_STORE_NOTHING) },
  },
  {
    // The pipeline stores what the parsers return, through the domain; it is a service, not part of a view.
    files: ['renderer/src/import/pipeline.ts'],
    rules: { 'no-restricted-imports': restrictImports(SERVICES_KNOW_NO_VIEWS) },
  },
  {
    // The clean-up's line rules are pure text, like anchoring: the importer, the domain and the reader share them.
    files: ['renderer/src/db/**/*.ts', 'renderer/src/anchoring/**/*.ts', 'renderer/src/cleanup/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': restrictImports(STORAGE_KNOWS_NO_SEARCH) },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: SHARED_IMPORTS_NOTHING }] },
  },
  {
    // Text recognition's worker start, a classic worker script copied into the build as it is.
    files: ['renderer/src/ocr/trustedWorker.js'],
    languageOptions: { globals: globals.worker },
  },
  // The two homes of the HTML policies.
  {
    files: ['renderer/src/html/sanitize.ts', 'renderer/src/html/savedPage.ts'],
    rules: { 'no-restricted-imports': restrictImports([], [SANITISER_POLICY]) },
  },
  {
    files: ['renderer/src/features/report/printInBrowser.ts'],
    rules: { 'no-restricted-imports': restrictImports(VIEWS_READ_THROUGH_QUERIES, [FRAME_POLICY]) },
  },
  {
    // Only platform/ may touch the bridge object the preload exposes.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/platform/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='casebook'][object.name='window']", message: 'Use platform/ to reach the host.' },
      ],
    },
  },
  {
    // The preload and the main process never import renderer code.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'Main and preload cannot import renderer code.' }] }],
    },
  },
);
