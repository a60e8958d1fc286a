// Lint: typescript-eslint's recommended rules, plus the architecture rule that keeps the
// pure domain (src/core) free of I/O and of the shells around it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const shellDirs = ['db', 'server', 'cli', 'web', 'demo', 'engine/worker'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'net'], message: 'src/core is pure: no I/O or Node built-ins.' },
            { group: ['pg', '@electric-sql/*', 'hono', '@hono/*'], message: 'src/core must not depend on storage or HTTP.' },
            { group: shellDirs.map((d) => `**/${d}/**`), message: 'src/core must not import from the shells (db, server, cli, web, demo).' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
