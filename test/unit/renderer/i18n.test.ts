/**
 * Guards the renderer's "every user-visible string comes from a catalog" rule and the CSP rule
 * (no style props): parses every renderer .tsx with the TypeScript compiler and fails on raw text
 * in JSX, literal user-facing attributes, `style=` props, and `t('…')` keys missing from i18n/en.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const RENDERER = join(ROOT, 'renderer');
const CATALOG_DIR = join(RENDERER, 'i18n', 'en');
const USER_FACING_ATTRS = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const HAS_WORD = /[\p{L}]{2,}/u;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.tsx') || p.endsWith('.ts') ? [p] : [];
  });
}

const catalogs: Record<string, unknown> = Object.fromEntries(
  readdirSync(CATALOG_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(CATALOG_DIR, f), 'utf8'))]),
);

function has(ns: string, key: string): boolean {
  let node: unknown = catalogs[ns];
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== undefined;
}

interface Finding {
  file: string;
  line: number;
  problem: string;
}

/** Raw strings, literal user-facing attributes and style props in one .tsx file. */
export function findRawStrings(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Finding[] = [];
  const at = (n: ts.Node, problem: string) => out.push({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, problem });
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && HAS_WORD.test(n.text)) at(n, `raw text in JSX: ${JSON.stringify(n.text.trim())}`);
    if (ts.isJsxAttribute(n)) {
      const name = n.name.getText(sf);
      if (name === 'style') at(n, 'style= prop (the CSP forbids inline styles)');
      const init = n.initializer;
      const literal = init && ts.isStringLiteral(init) ? init : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression) ? init.expression : null;
      if (literal && USER_FACING_ATTRS.has(name) && HAS_WORD.test(literal.text)) at(n, `literal ${name}=${JSON.stringify(literal.text)}`);
    }
    if (ts.isJsxExpression(n) && n.expression && ts.isStringLiteralLike(n.expression) && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent)) && HAS_WORD.test(n.expression.text)) {
      at(n, `string literal child in JSX: ${JSON.stringify(n.expression.text)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** `t('ns:key')` / `t('key')` / `tList(t, 'key')` literals that no catalog of the file's namespaces holds. */
function findMissingKeys(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const namespaces = new Set<string>();
  const keys: Array<{ key: string; node: ts.Node }> = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
      const fn = n.expression.text;
      const args = n.arguments;
      if (fn === 'useTranslation' && args[0]) {
        const a = args[0];
        if (ts.isStringLiteral(a)) namespaces.add(a.text);
        if (ts.isArrayLiteralExpression(a)) for (const e of a.elements) if (ts.isStringLiteral(e)) namespaces.add(e.text);
      }
      if (fn === 't' && args[0] && ts.isStringLiteral(args[0])) keys.push({ key: args[0].text, node: n });
      if (fn === 'tList' && args[1] && ts.isStringLiteral(args[1])) keys.push({ key: args[1].text, node: n });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return keys
    .filter(({ key }) => {
      const [ns, rest] = key.includes(':') ? key.split(':', 2) : [null, key];
      return ns ? !has(ns, rest!) : ![...namespaces].some((n) => has(n, rest!));
    })
    .map(({ key, node }) => ({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, problem: `missing i18n key ${key}` }));
}

const files = walk(RENDERER).filter((f) => f.endsWith('.tsx'));

describe('renderer i18n discipline', () => {
  it('finds the renderer sources and at least the shell namespaces', () => {
    expect(files.length).toBeGreaterThan(15);
    for (const ns of ['app', 'wizard', 'steps', 'checks', 'panels', 'glossary']) expect(Object.keys(catalogs)).toContain(ns);
  });

  it('has no raw user-visible strings or style props in JSX', () => {
    const findings = files.flatMap((f) => findRawStrings(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(findings).toEqual([]);
  });

  it('resolves every literal t() key in the English catalogs', () => {
    const findings = files.flatMap((f) => findMissingKeys(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(findings).toEqual([]);
  });

  it('the detector itself catches raw text, literal labels and style props', () => {
    const bad = `const A = () => <div title="Hello there" style={{color:'red'}}>Hello world{'Plain words'}<b aria-label={'Close it'}>{' · '}</b></div>;`;
    const problems = findRawStrings('bad.tsx', bad).map((f) => f.problem);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('raw text'),
        expect.stringContaining('literal title'),
        expect.stringContaining('style='),
        expect.stringContaining('string literal child'),
        expect.stringContaining('literal aria-label'),
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('has step content (title, purpose, what you will do) for every wizard step', () => {
    const steps = ['welcome', 'survey', 'wifi', 'segmentation', 'passwords', 'accounts', 'assistant', 'updates', 'summary'];
    for (const s of steps) {
      expect(has('steps', `${s}.title`), s).toBe(true);
      expect(has('steps', `${s}.purpose`), s).toBe(true);
      expect(has('wizard', `steps.${s}`), s).toBe(true);
      const youWill = (catalogs.steps as Record<string, { youWill: unknown; terms: string[] }>)[s]!;
      expect(Array.isArray(youWill.youWill) && (youWill.youWill as unknown[]).length >= 2, s).toBe(true);
      for (const term of youWill.terms) expect(has('glossary', `${term}.explain`), `${s} term ${term}`).toBe(true);
    }
  });

  it('explains WPA3, SAE and 2FA in plain words', () => {
    expect(has('glossary', 'wpa3.plain') && has('glossary', 'sae.plain') && has('glossary', 'twoFa.plain')).toBe(true);
  });
});
