/**
 * i18next set-up ("the engine"): every English catalog under ./en/<namespace>.json is picked up
 * automatically (import.meta.glob), so adding a namespace is adding one JSON file. Catalogs are
 * bundled (no network, CSP-safe). The first screen does not wait for this module: it is shown
 * with ./runtime.ts (the first screen's catalogs, i18next's lookup for what they use), and this
 * module, i18next and react-i18next load right after it (`loadEngine` in ./runtime.ts, app.tsx)
 * or before any later panel renders (renderer/steps/registry.ts); `initI18n` hands every catalog
 * loaded so far to i18next and translation over to it. The step panels' own namespaces
 * (LATER_NAMESPACES) come in a chunk of their own, added by `loadLaterCatalogs`.
 *
 * Other languages (./de, ./es, ./fr: one JSON file per namespace, the same keys as ./en) are never
 * in the first-screen bundle: the first screen's namespaces of the chosen language load before it
 * is shown (./runtime.ts), the rest with i18next, and `setLanguage` imports a newly chosen
 * language's files on demand (each is a chunk of its own), with the check texts from
 * resources/l10n/<lang>/checks.json. English stays the fallback for any key a language lacks. The
 * pseudo-locale `en-XA` (tests only: `?lang=en-XA`) is generated from the English catalogs by
 * ./pseudo, also on demand.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from './languages';
import { attachEngine, formatDate, currentLanguage, EN_RESOURCES, nsOf, PSEUDO_LOCALE, resources, type UiLanguage } from './runtime';

export { checkText, EN_RESOURCES, formatDate, formatNumber, PSEUDO_LOCALE, requestedTestLanguage, tList, type UiLanguage } from './runtime';

const foreign = import.meta.glob<Record<string, unknown>>('./{de,es,fr}/*.json', { import: 'default' });
const foreignChecks = import.meta.glob<{ entries: Record<string, Partial<Record<CheckTextField, string>>> }>('../../resources/l10n/{de,es,fr}/checks.json', { import: 'default' });

/**
 * Namespaces not needed to show the first screen: the step panels' own (`secrets` is the
 * saved-secret questions of the Wi-Fi, segmentation and passwords panels), and `messages` (the
 * core's words for check results and notices) with the `catalog` check texts, which only the
 * step's checks use once they arrive. They load with i18next, in the background as soon as the
 * first step is on screen (app.tsx) and before any later panel renders (renderer/steps/registry.ts);
 * until then a check shows its own English title and no result words (`formatMessage`), and every
 * component re-renders when they are added (./runtime.ts).
 */
export const LATER_NAMESPACES = ['accounts', 'audit', 'messages', 'passwords', 'secrets', 'survey', 'wifi'] as const;

const later = import.meta.glob<Record<string, unknown>>('./en/{accounts,audit,messages,passwords,secrets,survey,wifi}.json', { import: 'default' });

let laterLoaded: Promise<void> | null = null;

/** Adds the LATER_NAMESPACES catalogs (once; a failed load may be retried). */
export function loadLaterCatalogs(): Promise<void> {
  const add = async (ns: string, catalog: Record<string, unknown>): Promise<void> => {
    const i18n = initI18n();
    i18n.addResourceBundle('en', ns, catalog, true, false);
    if (i18n.hasResourceBundle(PSEUDO_LOCALE, 'app')) {
      const { pseudoCatalog } = await import('./pseudo');
      i18n.addResourceBundle(PSEUDO_LOCALE, ns, pseudoCatalog(catalog), true, true);
    }
  };
  laterLoaded ??= Promise.all([
    ...Object.entries(later).map(async ([path, load]) => add(nsOf(path), await load())),
    import('../../resources/checks.json').then((m) => add('catalog', catalogNamespace(m.default.checks))),
    // The language shown: the first screen had its own catalogs only (./runtime.ts), these are all of them.
    ...(isForeign(currentLanguage()) ? [loadLanguage(currentLanguage() as Exclude<Language, 'en'>)] : []),
  ]).then(
    () => undefined,
    (err: unknown) => {
      laterLoaded = null;
      throw err;
    },
  );
  return laterLoaded;
}

type CheckTextField = 'title' | 'why' | 'passWhen' | 'next';

/**
 * The `catalog` namespace: every check's title, why, passes-when and next action, keyed by check id.
 * English is read from resources/checks.json itself (one source, nothing copied); a translation is a
 * data file with the same keys. Components get these strings through `checkText`.
 */
function catalogNamespace(checks: readonly ({ id: string } & Record<CheckTextField, string>)[]): Record<string, Record<string, Record<CheckTextField, string>>> {
  const ns: Record<string, Record<string, Record<CheckTextField, string>>> = {};
  for (const c of checks) {
    const [area, name] = c.id.split('.') as [string, string];
    (ns[area] ??= {})[name] = { title: c.title, why: c.why, passWhen: c.passWhen, next: c.next };
  }
  return ns;
}

const loadedLanguages = new Set<string>(['en']);
const isForeign = (lng: string): lng is Exclude<Language, 'en'> => lng === 'de' || lng === 'es' || lng === 'fr';

/** Adds one language's catalogs (all namespaces, and its check texts) to i18next, once. */
async function loadLanguage(lng: Exclude<Language, 'en'>): Promise<void> {
  if (loadedLanguages.has(lng)) return;
  const i18n = initI18n();
  await Promise.all([
    ...Object.entries(foreign)
      .filter(([path]) => path.startsWith(`./${lng}/`))
      .map(async ([path, load]) => i18n.addResourceBundle(lng, nsOf(path), await load(), true, true)),
    ...Object.entries(foreignChecks)
      .filter(([path]) => path.includes(`/l10n/${lng}/`))
      .map(async ([, load]) => {
        const { entries } = await load();
        const ns: Record<string, Record<string, Partial<Record<CheckTextField, string>>>> = {};
        for (const [id, text] of Object.entries(entries)) {
          const [area, name] = id.split('.') as [string, string];
          (ns[area] ??= {})[name] = text;
        }
        i18n.addResourceBundle(lng, 'catalog', ns, true, true);
      }),
  ]);
  loadedLanguages.add(lng);
}

/** Builds the pseudo-locale from every English catalog (the later ones included). */
async function loadPseudo(): Promise<void> {
  await loadLaterCatalogs();
  const { pseudoCatalog } = await import('./pseudo');
  const i18n = initI18n();
  for (const ns of Object.keys(i18n.store.data.en ?? {})) {
    i18n.addResourceBundle(PSEUDO_LOCALE, ns, pseudoCatalog(i18n.getResourceBundle('en', ns) as Record<string, unknown>), true, true);
  }
}

/**
 * Shows the UI in `lng` from now on: loads its catalogs (on demand), switches i18next (every
 * component with useTranslation re-renders at once) and sets the page's `lang`.
 */
export async function setLanguage(lng: UiLanguage): Promise<void> {
  const i18n = initI18n();
  if (lng === PSEUDO_LOCALE) await loadPseudo();
  else if (lng !== 'en') await loadLanguage(lng);
  await i18n.changeLanguage(lng);
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

/** Initialises i18next once; safe to call repeatedly (tests, hot reload). */
export function initI18n(): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      // What the first screen showed: its language, and every catalog loaded so far (./runtime.ts).
      lng: currentLanguage(),
      fallbackLng: 'en',
      resources: Object.fromEntries(Object.entries(resources).map(([lng, nss]) => [lng, { ...nss }])),
      ns: Object.keys(EN_RESOURCES),
      defaultNS: 'app',
      interpolation: { escapeValue: false }, // React escapes already.
      returnNull: false,
      initAsync: false,
      // Re-render when the later catalogs are added (LATER_NAMESPACES).
      react: { useSuspense: false, bindI18nStore: 'added' },
    });
    // `{{date, day}}` in the messages catalog (the report registers the same format in Node).
    i18next.services.formatter?.add('day', (value: unknown, lng: string | undefined) => formatDate(String(value), lng ?? 'en'));
    attachEngine(i18next);
  }
  return i18next;
}
