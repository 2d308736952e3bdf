/**
 * Translated resource texts (resources/l10n/<lang>/<file>.json): every sidecar parses, names only
 * entries and fields the English file has, in the same shape (text for text, list for list), and
 * the check catalog is complete in every language. Other files may be partial — the test prints
 * what is still English so the gap is visible, never hidden. The loader lays translations over
 * English and falls back to English for whatever a sidecar lacks.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSidecar, localizeEntries, localizeResource, sidecarProblems, TRANSLATABLE } from '../../../main/core/l10n/index.js';

const RESOURCES = join(import.meta.dirname, '..', '..', '..', 'resources');
const LANGS = ['de', 'es', 'fr'];
/** Files that must be fully translated in every language. */
const COMPLETE = new Set(['checks.json']);

describe.each(LANGS)('resources/l10n/%s', (lng) => {
  it.each(Object.keys(TRANSLATABLE))('%s: no stale or misshapen entry; complete where required', (file) => {
    const english = JSON.parse(readFileSync(join(RESOURCES, file), 'utf8')) as Record<string, unknown>;
    const sidecar = loadSidecar(RESOURCES, lng, file);
    const problems = sidecarProblems(english, sidecar, file);
    const missing = problems.filter((p) => p.endsWith(' missing'));
    const wrong = problems.filter((p) => !p.endsWith(' missing'));
    expect(wrong).toEqual([]);
    if (COMPLETE.has(file)) expect(missing).toEqual([]);
    else if (missing.length) console.info(`${lng}/${file}: ${missing.length} texts still English (fallback)`);
  });
  it('has no sidecar for a file without declared translatable fields', () => {
    const dir = join(RESOURCES, 'l10n', lng);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    for (const f of files) expect(Object.keys(TRANSLATABLE), f).toContain(f);
  });
});

describe('the loader', () => {
  it('lays a translation over English by id and falls back to English', () => {
    const entries = [
      { id: 'a', title: 'Hello', steps: ['one', 'two'] },
      { id: 'b', title: 'Bye', steps: [] },
    ];
    const out = localizeEntries(entries, { version: 1, source: 'x.json', entries: { a: { title: 'Hallo', steps: ['eins'] }, b: { steps: 'not a list' } } }, ['title', 'steps']);
    expect(out).toEqual([
      { id: 'a', title: 'Hallo', steps: ['eins'] },
      { id: 'b', title: 'Bye', steps: [] },
    ]);
    expect(entries[0]!.title).toBe('Hello');
  });
  it('reads the German FRITZ!Box steps with FRITZ!OS menu labels, and English for a family not translated', () => {
    const english = JSON.parse(readFileSync(join(RESOURCES, 'wifi-router-guides.json'), 'utf8')) as { families: Array<{ id: string; wpa3Only: string[] }> };
    const de = localizeResource(RESOURCES, 'wifi-router-guides.json', english, 'de') as typeof english;
    expect(de.families.find((f) => f.id === 'avm-fritzbox')!.wpa3Only.join(' ')).toContain('WLAN > Sicherheit > Verschlüsselung');
    const other = de.families.find((f) => f.id !== 'avm-fritzbox')!;
    expect(other.wpa3Only).toEqual(english.families.find((f) => f.id === other.id)!.wpa3Only);
    expect(localizeResource(RESOURCES, 'wifi-router-guides.json', english, 'en')).toEqual(english);
  });
});
