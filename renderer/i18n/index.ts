/**
 * i18next set-up: every English catalog under ./en/<namespace>.json is picked up automatically
 * (import.meta.glob), so adding a namespace is adding one JSON file. Catalogs are bundled (no
 * network, CSP-safe) and initialised synchronously before the first render.
 */
import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';

const modules = import.meta.glob<Record<string, unknown>>('./en/*.json', { eager: true, import: 'default' });

/** Every English namespace, keyed by file name without `.json`. */
export const EN_RESOURCES: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(modules).map(([path, catalog]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), catalog]),
);

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
