// Lint rules that enforce the dependency direction of ARCHITECTURE.md, so it is kept by the
// tooling rather than by memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORE = resolve(dirname(fileURLToPath(import.meta.url)), 'main', 'core');

/** The area of main/core a path is in (its first folder), or null for the core's root files and anything outside. */
function coreArea(file) {
  const rel = relative(CORE, file);
  if (rel.startsWith('..') || !rel.includes(sep)) return null;
  return rel.split(sep)[0];
}

/**
 * Like VS Code's layering rules: a core area (main/core/<area>/) imports another area only through
 * that area's public index.ts, never its internals. The core's root files (ports, errors, app-core)
 * are shared by every area and are not an area.
 */
const coreAreaIndex = {
  meta: { type: 'problem', schema: [], messages: { internal: 'main/core/{{from}} may import main/core/{{to}} only through its public index ("{{index}}"), not "{{source}}".' } },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = coreArea(file);
    if (!from) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      const to = coreArea(target);
      if (!to || to === from) return;
      if (relative(resolve(CORE, to), target).replace(/\.(js|ts)$/, '') === 'index') return;
      const index = relative(dirname(file), resolve(CORE, to, 'index.js')).split(sep).join('/');
      context.report({ node: node.source, messageId: 'internal', data: { from, to, source, index: index.startsWith('.') ? index : `./${index}` } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/**
 * No words typed straight into JSX (issue 17): every text a person reads comes from a catalog, so
 * it can be translated. Reports JSX text and string/template literals placed as JSX children, and
 * literal aria-label/title/placeholder/alt attributes, when they contain a letter. Punctuation and
 * symbols (' · ', '✓', '(') are allowed.
 */
const LETTER = /\p{L}/u;
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']);
const noJsxLiterals = {
  meta: { type: 'problem', schema: [], messages: { literal: 'Text "{{text}}" is written into JSX: put it in a renderer/i18n/en catalog and use t().' } },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    const literalText = (node) => {
      if (!node) return null;
      if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').join('');
      return null;
    };
    return {
      JSXText(node) {
        if (LETTER.test(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type !== 'JSXElement' && node.parent?.type !== 'JSXFragment') return;
        const text = literalText(node.expression);
        if (text !== null && LETTER.test(text)) report(node, text);
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!TEXT_ATTRIBUTES.has(name)) return;
        const value = node.value?.type === 'JSXExpressionContainer' ? literalText(node.value.expression) : literalText(node.value);
        if (value !== null && LETTER.test(value)) report(node, value);
      },
    };
  },
};

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
    plugins: { porchlight: { rules: { 'core-area-index': coreAreaIndex } } },
    rules: { 'no-restricted-imports': ['error', noElectronOrAdapters], 'porchlight/core-area-index': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { porchlight: { rules: { 'no-jsx-literals': noJsxLiterals } } },
    rules: {
      'porchlight/no-jsx-literals': 'error',
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
        {
          // "1.5" is English: a number a person reads goes through Intl (formatNumber in renderer/i18n/runtime.ts).
          selector: "CallExpression[callee.property.name=/^(toFixed|toPrecision)$/]",
          message: 'Write numbers for people with formatNumber (renderer/i18n/runtime.ts), which uses Intl for the current language.',
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
