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
  {
    // The register page's browser scripts (src/adapters/register-ui/browser, served as plain files).
    files: ['src/adapters/register-ui/browser/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'navigator',
          'self',
          'caches',
          'fetch',
          'crypto',
          'indexedDB',
          'performance',
          'setTimeout',
          'clearTimeout',
          'Intl',
          'Node',
          'Response',
          'URL',
          'location',
          'history',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    // Layers (issue 9): src/main/ is the one composition root; driving adapters (http, console,
    // cli) see the App only; the sandbox is a world of its own; nothing imports main/ but main/.
    // Specifiers are resolved against the importing file: from adapters/http, a sibling "db" folder
    // reached by one level up counts as adapters/db.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: {
      layers: {
        rules: {
          'no-crossing': {
            meta: { type: 'problem', schema: [] },
            create(context) {
              const driven = ['db', 'jobs', 'freee', 'print', 'crypto', 'log', 'bank'].map(
                (name) => `src/adapters/${name}/`,
              );
              const bans = [
                {
                  from: /^src\/adapters\/(http|console|cli)\//,
                  to: [...driven, 'src/sandbox/', 'src/main/'],
                  why: 'driving adapters reach use cases through the App (src/app/app.ts) only',
                },
                {
                  from: /^src\/adapters\//,
                  to: ['src/main/', 'src/sandbox/'],
                  why: 'adapters are wired by src/main/ and know nothing of the sandbox',
                },
                {
                  from: /^src\/sandbox\//,
                  to: ['src/adapters/', 'src/app/', 'src/main/'],
                  why: 'the sandbox stands alone (its door: src/sandbox/index.ts)',
                },
                { from: /^src\/app\//, to: ['src/main/'], why: 'app/ is wired by src/main/' },
              ];
              const cwd = context.cwd.replace(/\\/g, '/');
              const file = context.filename.replace(/\\/g, '/');
              const relative = (path) =>
                path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
              const from = relative(file);
              const check = (node, spec) => {
                if (typeof spec !== 'string' || !spec.startsWith('.')) return;
                const dir = file.slice(0, file.lastIndexOf('/'));
                const parts = `${dir}/${spec}`.split('/');
                const out = [];
                for (const part of parts) {
                  if (part === '..') out.pop();
                  else if (part !== '.' && part !== '') out.push(part);
                }
                const target = relative(`/${out.join('/')}`);
                for (const ban of bans) {
                  if (!ban.from.test(from)) continue;
                  const hit = ban.to.find((prefix) => target.startsWith(prefix));
                  if (hit && !from.startsWith(hit))
                    context.report({ node, message: `${from} may not import ${hit}: ${ban.why}.` });
                }
              };
              const withSource = (node) => node.source && check(node, node.source.value);
              return {
                ImportDeclaration: withSource,
                ExportNamedDeclaration: withSource,
                ExportAllDeclaration: withSource,
                ImportExpression: (node) => check(node, node.source.value),
              };
            },
          },
        },
      },
    },
    rules: { 'layers/no-crossing': 'error' },
  },
);
