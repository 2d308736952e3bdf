/**
 * Every language speaks every key of English: each renderer/i18n/en/<ns>.json has a de/es/fr file
 * with the same keys (plural keys in the plural forms the language's CLDR rules use: _one/_other
 * for German, _one/_many/_other for Spanish and French), the same interpolation variables and the
 * same list lengths, and no key English lacks. Also: the renderer's language list mirrors the core's.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES as CORE_LANGUAGES, pickLanguage, resolveLanguage } from '../../../main/core/messages/index.js';
import { LANGUAGES as UI_LANGUAGES, pickLanguage as uiPick } from '../../../renderer/i18n/languages.js';
import { pseudo } from '../../../renderer/i18n/pseudo.js';

const I18N = join(import.meta.dirname, '..', '..', '..', 'renderer', 'i18n');
const OTHERS = ['de', 'es', 'fr'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Leaves = Map<string, string>;

function leaves(node: unknown, prefix = '', out: Leaves = new Map()): Leaves {
  if (typeof node === 'string') out.set(prefix, node);
  else if (Array.isArray(node)) {
    out.set(`${prefix}[]`, String(node.length));
    node.forEach((v, i) => leaves(v, `${prefix}[${i}]`, out));
  } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const read = (lng: string, ns: string): unknown => JSON.parse(readFileSync(join(I18N, lng, `${ns}.json`), 'utf8'));
const vars = (s: string) => [...new Set([...s.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => m[1]))].sort();
const namespaces = readdirSync(join(I18N, 'en')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

describe.each(OTHERS)('the %s catalogs', (lng) => {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories as string[];
  it.each(namespaces)('%s.json has every English key with the same variables, in this language’s plural forms', (ns) => {
    expect(existsSync(join(I18N, lng, `${ns}.json`)), `${lng}/${ns}.json is missing`).toBe(true);
    const en = leaves(read('en', ns));
    const other = leaves(read(lng, ns));
    const problems: string[] = [];
    const expected = new Map<string, string>(); // key in `lng` → English text it translates
    for (const [key, text] of en) {
      const m = PLURAL.exec(key);
      if (!m) expected.set(key, text);
      else if (m[1] === 'other' || m[1] === 'one') {
        const base = key.slice(0, -m[0].length);
        for (const c of categories) if (c === m[1] || (m[1] === 'other' && c !== 'one')) expected.set(`${base}_${c}`, text);
      }
    }
    for (const [key, text] of expected) {
      const got = other.get(key);
      if (got === undefined) problems.push(`missing ${key}`);
      else if (!key.endsWith('[]') && JSON.stringify(vars(got)) !== JSON.stringify(vars(text)) && !(key.endsWith('_one') && vars(got).join() === vars(text).filter((v) => v !== 'count').join()))
        problems.push(`${key}: variables ${vars(got).join(',')} ≠ English ${vars(text).join(',')}`);
      else if (key.endsWith('[]') && got !== text) problems.push(`${key}: ${got} items, English has ${text}`);
    }
    for (const key of other.keys()) if (!expected.has(key)) problems.push(`${key} is not an English key`);
    expect(problems).toEqual([]);
  });
  it('has a glossary entry for every English term, and uses no English-only word list', () => {
    expect(Object.keys(read(lng, 'glossary') as object).sort()).toEqual(Object.keys(read('en', 'glossary') as object).sort());
  });
});

describe('languages', () => {
  it('the renderer and the core speak the same languages and pick them the same way', () => {
    expect([...UI_LANGUAGES]).toEqual([...CORE_LANGUAGES]);
    for (const prefs of [['de-AT', 'en'], ['pt-BR', 'fr-CA'], ['zh'], [], ['ES'], ['fr_FR.UTF-8']]) expect(uiPick(prefs)).toBe(pickLanguage(prefs));
    expect(pickLanguage(['de-CH'])).toBe('de');
    expect(pickLanguage(['pt', 'es-MX'])).toBe('es');
    expect(pickLanguage(['ja'])).toBe('en');
    expect(resolveLanguage('fr', ['de'])).toBe('fr');
    expect(resolveLanguage('system', ['de'])).toBe('de');
  });
  it('the pseudo-locale wraps and accents text and keeps interpolations and tags', () => {
    expect(pseudo('Saved on {{date, day}} for <1>{{name}}</1>')).toBe('⟦Šáṽéð óñ {{date, day}} ƒóŕ <1>{{name}}</1>⟧');
  });
});
