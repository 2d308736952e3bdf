/**
 * i18next set-up: every English catalog under ./en/<namespace>.json is picked up automatically
 * (import.meta.glob), so adding a namespace is adding one JSON file. Catalogs are bundled (no
 * network, CSP-safe) and initialised synchronously before the first render.
 */
import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import checkCatalog from '../../resources/checks.json';

const modules = import.meta.glob<Record<string, unknown>>('./en/*.json', { eager: true, import: 'default' });

/** Every English namespace, keyed by file name without `.json`. */
export const EN_RESOURCES: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(modules).map(([path, catalog]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), catalog]),
);

type CheckTextField = 'title' | 'why' | 'passWhen' | 'next';

/**
 * The `catalog` namespace: every check's title, why, passes-when and next action, keyed by check id.
 * English is read from resources/checks.json itself (one source, nothing copied); a translation is a
 * data file with the same keys. Components get these strings through `checkText`.
 */
function catalogNamespace(): Record<string, Record<string, Record<CheckTextField, string>>> {
  const ns: Record<string, Record<string, Record<CheckTextField, string>>> = {};
  for (const c of checkCatalog.checks) {
    const [area, name] = c.id.split('.') as [string, string];
    (ns[area] ??= {})[name] = { title: c.title, why: c.why, passWhen: c.passWhen, next: c.next };
  }
  return ns;
}
EN_RESOURCES.catalog = catalogNamespace();

/** A check's catalog text in the user's language (the check view's own English text if a key is missing). */
export function checkText(check: { id: string } & Partial<Record<CheckTextField, string | null>>, field: CheckTextField): string {
  return i18next.t(`${check.id}.${field}`, { ns: 'catalog', defaultValue: check[field] ?? check.id });
}

/** Initialises i18next once; safe to call repeatedly (tests, hot reload). */
export function initI18n(): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: EN_RESOURCES },
      ns: Object.keys(EN_RESOURCES),
      defaultNS: 'app',
      interpolation: { escapeValue: false }, // React escapes already.
      returnNull: false,
      initAsync: false,
      react: { useSuspense: false },
    });
    // `{{date, day}}` in the messages catalog (the report registers the same format in Node).
    i18next.services.formatter?.add('day', (value: unknown, lng: string | undefined) => formatDate(String(value), lng ?? 'en'));
  }
  return i18next;
}

/** A catalog entry that is a list of paragraphs or bullet points. */
export function tList(t: TFunction, key: string): string[] {
  const value: unknown = t(key, { returnObjects: true });
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A date as the user's locale writes it (the day only: evidence dates, expiries). */
export function formatDate(iso: string, language = i18next.language || 'en'): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(d);
}
