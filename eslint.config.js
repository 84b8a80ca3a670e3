// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Folder boundaries from docs/ARCHITECTURE.md: plugin → launch ← server → adapters → launch.
const nodeBuiltins = { group: ['node:*'], message: 'Browser and runtime-neutral code cannot use Node APIs.' };
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'coverage',
      '.data',
      '**/*.mjs',
      'eslint.config.js',
      'server/launch/assets',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['plugin/**'],
    ignores: ['plugin/vite.config.ts'],
    rules: restrict([
      nodeBuiltins,
      {
        group: ['**/server/**', '!**/server/contract', '!**/server/contract/**'],
        message: 'plugin/ may import only server/contract types.',
      },
      {
        group: ['**/adapters/**', '**/fhir-fixtures/**'],
        message: 'plugin/ may not import adapters or fixtures.',
      },
    ]),
  },
  {
    files: ['launch/**'],
    rules: restrict([
      nodeBuiltins,
      {
        group: ['**/server/**', '**/adapters/**', '**/plugin/**', '**/fhir-fixtures/**'],
        message: 'launch/ imports nothing local.',
      },
    ]),
  },
  {
    files: ['adapters/**'],
    rules: restrict([
      {
        group: ['**/server/**', '**/plugin/**', '**/fhir-fixtures/**', 'express'],
        message: 'adapters/ may import only launch/ types.',
      },
    ]),
  },
  {
    files: ['server/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict([
      {
        group: ['**/plugin/**', '**/fhir-fixtures/**'],
        message: 'server/ never imports the plugin or fixtures.',
      },
    ]),
  },
  {
    files: ['fhir-fixtures/**'],
    rules: restrict([{ group: ['**/plugin/**'], message: 'fixtures never import the plugin.' }]),
  },
  {
    files: ['**/*.test.ts', 'test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
