// Lint rules that enforce the dependency direction of ARCHITECTURE.md, so it is kept by the
// tooling rather than by memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectronOrAdapters = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'main/core is Node-only: never import electron.' },
    { group: ['**/adapters/**', '**/adapters'], message: 'main/core depends on ports only, never on adapters.' },
    { group: ['**/renderer/**'], message: 'main/core never imports the renderer.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcMain']", message: 'Use main/ipc/register.ts, never raw ipcMain.' },
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'Only main/preload.ts may touch ipcRenderer.' },
      ],
    },
  },
  {
    files: ['main/ipc/register.ts', 'main/preload.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectronOrAdapters] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the main process only through the preload API.' }],
          patterns: [
            {
              // Everything under main/ is forbidden except the contract, and that only type-only
              // (enforced by the rule below together with consistent-type-imports).
              regex: '(^|/)main/(?!ipc/contract(\\.ts)?$)',
              message: 'The renderer may import only types from main/ipc/contract.ts.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[importKind='value'][source.value=/main\\/ipc\\/contract/]",
          message: 'Import main/ipc/contract.ts with `import type` only.',
        },
      ],
    },
  },
  {
    files: ['renderer/wizard/machine.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!xstate$).*', message: 'The wizard machine imports only xstate.' }] },
      ],
    },
  },
);
