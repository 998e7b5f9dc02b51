// Layering (ARCHITECTURE.md): renderer -> app/api only; main -> app; app never
// imports main or renderer; app/template and app/policy import no Node modules.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'os', 'crypto', 'http', 'https', 'net', 'worker_threads', 'url', 'stream', 'zlib'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'resources/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/main/**', '**/main'], message: 'The renderer talks to the core through app/api only.' },
          { regex: '^(\\.\\./)+app/(?!api(/|$))', message: 'The renderer may import app/api only.' },
          { group: nodeBuiltins, message: 'The renderer runs in a sandbox without Node.' },
        ],
      }],
    },
  },
  {
    files: ['app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(\\.\\./)+(main|renderer)(/|$)', message: 'app/ never imports main/ or renderer/.' },
        ],
      }],
    },
  },
  {
    files: ['app/template/**/*.ts', 'app/policy/**/*.ts', 'app/api/**/*.ts', 'app/errors/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(\\.\\./)+(main|renderer)(/|$)', message: 'app/ never imports main/ or renderer/.' },
          { group: nodeBuiltins, message: 'This layer is pure: the host hands in file access, a clock and crypto.' },
        ],
      }],
    },
  },
);
