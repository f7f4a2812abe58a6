import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Core modules take a Log from their caller; only commands.ts/step.ts speak workflow commands.
const ACTIONS_CORE = {
  name: '@actions/core',
  message: 'take a Log (packages/core/src/log.ts) from the caller; the action edge passes stepLog',
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.digestline/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A file is a room, not a warehouse; a function past 100 lines hides its phases. Physical lines:
    // comments and blank lines count, as they do for a reader.
    files: ['packages/*/src/**/*.ts', 'actions/*/src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 450, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': [
        'error',
        { max: 100, skipBlankLines: false, skipComments: false, IIFEs: true },
      ],
      'no-restricted-imports': ['error', { paths: [ACTIONS_CORE] }],
    },
  },
  {
    // The engine boundary: outside engine/, code knows only the ContainerEngine interface.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ACTIONS_CORE],
          patterns: [
            {
              group: ['**/engine/cli-engine*', '**/engine/docker*', '**/engine/podman*'],
              message:
                'use the ContainerEngine interface (engine/engine.ts) and selectEngine (engine/select.ts)',
            },
          ],
        },
      ],
    },
  },
  {
    // Core's tests test core; an action's own code is tested under actions/<name>/test.
    files: ['packages/core/test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/actions/*/src/**'], message: 'test action code under actions/<name>/test' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
      },
    },
  },
);
