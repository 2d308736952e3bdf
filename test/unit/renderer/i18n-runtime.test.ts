/**
 * The first screen translates without i18next (renderer/i18n/runtime.ts) and must read exactly as
 * it will once i18next takes over: for every key of the first screen's catalogs, in every language
 * (the real catalogs, loaded as the app loads them), with every placeholder filled and plurals at
 * 0, 1, 2 and 5, the runtime's answer is i18next's own (an i18next instance set up as
 * renderer/i18n/index.ts sets it up).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type i18n } from 'i18next';
import { EN_RESOURCES, resources, setLanguage, translate, tList, checkText, exists, requestedTestLanguage } from '../../../renderer/i18n/runtime';
import { LANGUAGES } from '../../../renderer/i18n/languages';

const FIRST = Object.keys(EN_RESOURCES).sort();

/** Every key path of a catalog (arrays are leaves: they are read with returnObjects). */
function keys(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{([^}]+)\}\}/g)].map((m) => m[1]!.trim()) : [];
}

let engine: i18n;

beforeAll(async () => {
  for (const lng of LANGUAGES) if (lng !== 'en') await setLanguage(lng);
  await setLanguage('en');
  engine = i18next.createInstance();
  await engine.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: structuredClone(resources),
    ns: FIRST,
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
});

describe('first-screen translations without i18next', () => {
  it('the first screen has its namespaces in every language before it is shown', () => {
    expect(FIRST).toEqual(['app', 'checks', 'glossary', 'panels', 'startup', 'steps', 'wizard']);
    for (const lng of LANGUAGES) expect(Object.keys(resources[lng] ?? {}).sort(), lng).toEqual(FIRST);
  });

  for (const lng of LANGUAGES) {
    it(`reads every first-screen key as i18next does (${lng})`, async () => {
      await setLanguage(lng);
      await engine.changeLanguage(lng);
      let compared = 0;
      for (const ns of FIRST) {
        const all = new Set(keys(EN_RESOURCES[ns]).concat(keys(resources[lng]?.[ns])));
        // Plural forms are read through their bare key with a count.
        const bare = new Set([...all].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
        for (const key of bare) {
          const texts = [...all].filter((k) => k === key || k.startsWith(`${key}_`)).flatMap((k) => [engine.getResource(lng, ns, k), engine.getResource('en', ns, k)]);
          const vars = Object.fromEntries([...new Set(texts.flatMap(placeholders))].filter((v) => v !== 'count').map((v) => [v, `‹${v}›`]));
          const plural = [...all].some((k) => k.startsWith(`${key}_`) && /_(zero|one|two|few|many|other)$/.test(k));
          // whole, negative and fractional counts too (English answers whole ones without Intl.PluralRules)
          const variants: Record<string, unknown>[] = plural ? [0, 1, 2, 5, -1, 21, 1.5, 1.0000001, 0.5].map((count) => ({ ...vars, count })) : [vars];
          if (texts.some(Array.isArray)) variants.push({ returnObjects: true });
          for (const opts of variants) {
            expect(translate(ns, key, opts), `${lng} ${ns}:${key} ${JSON.stringify(opts)}`).toEqual(engine.t(key, { ns, ...opts }));
            // The same key named with its namespace, from a component of another namespace.
            expect(translate(['wizard', 'app'], `${ns}:${key}`, opts)).toEqual(engine.t(`${ns}:${key}`, { ns: ['wizard', 'app'], ...opts }));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(200);
    });
  }

  it('looks through a list of namespaces in order, and falls back as i18next does', async () => {
    await setLanguage('de');
    await engine.changeLanguage('de');
    const nsList = ['steps', 'wizard', 'checks'];
    for (const key of ['nav.next', 'steps.welcome', 'welcome.title', 'no.such.key', 'status.pass']) {
      expect(translate(nsList, key), key).toEqual(engine.t(key, { ns: nsList }));
    }
    expect(translate('app', 'no.such.key', { defaultValue: 'Fallback {{x}}', x: 1 })).toEqual(engine.t('no.such.key', { ns: 'app', defaultValue: 'Fallback {{x}}', x: 1 }));
    expect(exists('name', { ns: 'app' })).toBe(true);
    expect(exists('no.such.key', { ns: 'app' })).toBe(false);
    const t = (k: string, o?: Record<string, unknown>) => translate('panels', k, o) as string;
    const list = Object.entries(EN_RESOURCES.panels ?? {}).length;
    expect(list).toBeGreaterThan(0);
    expect(tList(t, 'no.such.list')).toEqual([]);
    // A check's text: its own English view until the check texts arrive with i18next.
    expect(checkText({ id: 'wifi.encryption', title: 'Wi-Fi uses WPA3' }, 'title')).toBe('Wi-Fi uses WPA3');
    await setLanguage('en');
  });
});

describe('the language a test page asks for (?lang=)', () => {
  it.each([
    ['', null],
    ['?step=wifi', null],
    ['?lang=de', 'de'],
    ['?x=1&lang=en-XA', 'en-XA'],
    ['?lang=klingon', null],
    ['?language=de', null],
    ['?flang=de', null],
  ])('%j → %j', (search, expected) => {
    expect(requestedTestLanguage(search)).toBe(expected);
  });
});
