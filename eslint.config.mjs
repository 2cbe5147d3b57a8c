// Typed lint rules (promises, exhaustive switches) and the library boundary:
// another library is reached only through its index.ts (`@lms/<name>`).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import { LAYERS, layerPath } from './eslint.layers.mjs';

const LIBS = `(${readdirSync(new URL('./libs', import.meta.url)).join('|')})`; // every library under libs/

const LIBRARY_IMPORTS = [
  { regex: `^@lms/${LIBS}/.+`, message: 'Import another library only through its index: @lms/<name>.' },
  {
    regex: `^(\\.\\./)+(libs/)?${LIBS}/src(/.*)?$`,
    message: 'Import another library through @lms/<name>, not a relative path.',
  },
];
// Every CSV goes through core's toCsv/csvStream/csvBatchStream, which neutralise formulas (OWASP CSV injection).
const CSV_WRITER = {
  regex: '^csv-stringify(/.*)?$',
  message: 'Write CSV with toCsv, csvStream or csvBatchStream from @lms/core: they keep formulas out of spreadsheets.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '**/*.cjs', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': ['error', { patterns: [...LIBRARY_IMPORTS, CSV_WRITER] }],
    },
  },
  // Which library may import which: a wrong-way import is an error (test/lint/layers.spec.ts proves it).
  {
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        ...Object.keys(LAYERS).map((name) => ({ type: name, pattern: layerPath(name) })),
        { type: 'app', pattern: 'apps/*' },
        { type: 'test', pattern: 'test' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...Object.entries(LAYERS).map(([name, uses]) => ({
              from: { element: { type: name } },
              allow: { to: { element: { types: { anyOf: [name, ...uses] } } } },
            })),
            {
              from: { element: { types: { anyOf: ['app', 'test'] } } },
              allow: { to: { element: { type: '*' } } },
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/core/src/export/csv.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: LIBRARY_IMPORTS }] },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
