/**
 * i18next set-up: every English catalog under ./en/<namespace>.json is picked up automatically
 * (import.meta.glob), so adding a namespace is adding one JSON file. Catalogs are bundled (no
 * network, CSP-safe). The ones the first screen uses are initialised synchronously before the
 * first render; the step panels' own namespaces (LATER_NAMESPACES) come in a chunk of their own,
 * which `loadLaterCatalogs` adds before any of those panels renders (renderer/steps/registry.ts).
 */
import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import checkCatalog from '../../resources/checks.json';

/** Namespaces used only inside the step panels that load on demand (not by the first screen; `secrets` is the saved-secret questions of the Wi-Fi, segmentation and passwords panels). */
export const LATER_NAMESPACES = ['accounts', 'audit', 'passwords', 'secrets', 'survey', 'wifi'] as const;

const modules = import.meta.glob<Record<string, unknown>>(['./en/*.json', '!./en/{accounts,audit,passwords,secrets,survey,wifi}.json'], { eager: true, import: 'default' });
const later = import.meta.glob<Record<string, unknown>>('./en/{accounts,audit,passwords,secrets,survey,wifi}.json', { import: 'default' });
const nsOf = (path: string) => path.replace(/^.*\/(.+)\.json$/, '$1');

/** The English namespaces of the first screen, keyed by file name without `.json`. */
export const EN_RESOURCES: Record<string, Record<string, unknown>> = Object.fromEntries(Object.entries(modules).map(([path, catalog]) => [nsOf(path), catalog]));

let laterLoaded: Promise<void> | null = null;

/** Adds the LATER_NAMESPACES catalogs (once; a failed load may be retried). */
export function loadLaterCatalogs(): Promise<void> {
  laterLoaded ??= Promise.all(
    Object.entries(later).map(async ([path, load]) => {
      const catalog = await load();
      initI18n().addResourceBundle('en', nsOf(path), catalog, true, false);
    }),
  ).then(
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
