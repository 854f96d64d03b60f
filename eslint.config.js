// Import boundaries (see ARCHITECTURE.md "Where code may run"): only electron/hosts/desktop
// may import Electron; shared/ is pure TS; renderer/ is DOM only.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'path',
  'node:path',
  'child_process',
  'node:child_process',
  'http',
  'node:http',
  'net',
  'node:net',
  'os',
  'node:os',
  'crypto',
  'node:crypto',
];
const see = 'See ARCHITECTURE.md, "Where code may run".';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests read untyped JSON answers from a real server; `any` there keeps assertions readable.
    files: ['**/*.test.ts', '**/testing/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: `shared/ is pure TypeScript. ${see}` },
            ...NODE_BUILTINS.map((name) => ({
              name,
              message: `shared/ runs in the renderer too. ${see}`,
            })),
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: `shared/ imports nothing from electron/ or renderer/. ${see}`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/hosts/desktop/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: `Only electron/hosts/desktop may import electron. ${see}`,
            },
          ],
          patterns: [
            {
              group: ['**/renderer/**'],
              message: `Node-side code never imports the renderer. ${see}`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: `The renderer talks to main only through shared/contract. ${see}`,
            },
            ...NODE_BUILTINS.map((name) => ({ name, message: `The renderer is DOM only. ${see}` })),
          ],
          patterns: [
            {
              group: ['**/electron/**'],
              message: `The renderer imports only shared/ and renderer/. ${see}`,
            },
          ],
        },
      ],
    },
  },
);
