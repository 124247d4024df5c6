// Lint rules: typescript-eslint's recommended set plus the project's bans (see DEVELOPERS.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'src/adapters/freee/generated/**', '.test-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'parseFloat', message: 'Money is integer yen: never parse floats.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the injected Clock (src/app/clock.ts).' },
        {
          object: 'Number',
          property: 'parseFloat',
          message: 'Money is integer yen: never parse floats.',
        },
        { object: 'Math', property: 'random', message: 'Use crypto or a seeded generator.' },
      ],
    },
  },
  {
    // The domain is pure: no I/O, no clock, no adapters.
    files: ['src/domain/**/*.ts', 'src/domain/**/*.tsx'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'net', 'http', 'pg', 'pg-boss', 'hono', 'hono/*'],
              message: 'domain/ is pure: no I/O.',
            },
            {
              group: ['**/app/**', '**/adapters/**'],
              message: 'domain/ imports nothing from outer layers.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'domain/ has no clock.',
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**'],
              message: 'app/ does not import adapters; adapters are injected.',
            },
          ],
        },
      ],
    },
  },
  {
    // Size limits (issue 9): small files with one job, functions that fit on a screen. Tests are
    // exempt from the per-function limit (a test is read top to bottom); generated code is ignored.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 70, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: [
      'test/**/*.ts',
      'test/**/*.tsx',
      'src/**/*.test.ts',
      'bench/**/*.ts',
      'scripts/**/*.mjs',
      'bin/**/*.js',
    ],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: { 'no-restricted-properties': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
