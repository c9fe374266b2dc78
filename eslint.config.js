// ESLint: TypeScript rules plus the layer rule of design §1 as no-restricted-imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const otherRuntimes = (allowed) =>
  ['main', 'preload', 'renderer']
    .filter((folder) => folder !== allowed)
    .map((folder) => ({ group: [`**/${folder}/**`, `../${folder}/*`, `../../${folder}/*`], message: `Only common/ is shared between runtimes; do not import ${folder}/.` }));

const nodeModules = [{ group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http'], message: 'common/ is pure: no Node modules.' }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'common/ is pure: no Electron.' }, { name: 'react', message: 'common/ is pure: no React.' }],
        patterns: [...nodeModules, ...otherRuntimes('common')],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: otherRuntimes('main') }] },
  },
  {
    // The archive core runs under plain Node (CLI, browser shell, tests): only main/electron/ may use Electron.
    files: ['main/store/**', 'main/service/**', 'main/import/**', 'main/search/**', 'main/http/**', 'main/cli/**', 'main/export/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The archive core never imports electron (design §1).' }],
        patterns: otherRuntimes('main'),
      }],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: otherRuntimes('preload') }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer reaches the app only through the API client.' }],
        patterns: [...nodeModules, ...otherRuntimes('renderer')],
      }],
    },
  },
);
