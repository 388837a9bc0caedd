import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      // The renderer runs in a browser as well as in Electron: it never reaches Electron or Node directly.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The renderer talks to the host only through platform/.' },
            { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'The renderer cannot use Node modules.' },
            { group: ['**/electron/**'], message: 'The renderer cannot import main-process code.' },
          ],
        },
      ],
    },
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
