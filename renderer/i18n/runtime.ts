/**
 * The first screen's translations, without i18next. i18next and react-i18next (~19 KB gzip) are
 * not needed to show the welcome step, so they load right after it (./index.ts, "the engine",
 * `loadEngine`); until then the first screen's components translate through this module, which
 * reads the same catalogs with the part of i18next's lookup those catalogs use: `ns:key` and
 * namespace lists, dotted keys, the language then English, plurals by `count` (`_zero` for 0,
 * then `Intl.PluralRules`' suffix, then the bare key), `{{name}}` interpolation (nothing escaped),
 * `defaultValue` and `returnObjects`. test/unit/renderer/i18n-runtime.test.ts checks that it gives
 * i18next's own answer for every key of these catalogs in every language.
 *
 * Once the engine is attached (`attachEngine`) every call goes to i18next, and i18next's language
 * is the language; components re-render when it arrives, when the language changes and when
 * catalogs are added (as react-i18next's `bindI18nStore: 'added'` did).
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { i18n as I18next } from 'i18next';
import type * as Engine from './index';
import { isLanguage, type Language } from './languages';

/** What the UI can be shown in: the four languages, and the tests' pseudo-locale. */
export type UiLanguage = Language | typeof PSEUDO_LOCALE;
export const PSEUDO_LOCALE = 'en-XA';

export type TOptions = Record<string, unknown> & { ns?: string | readonly string[]; defaultValue?: string; returnObjects?: boolean; count?: number };
/** A translation function, as the components call it. */
export type TFunction = (key: string, options?: TOptions) => string;

type Catalog = Record<string, unknown>;

/** The English namespaces of the first screen (every catalog but the LATER_NAMESPACES of ./index.ts), keyed by file name without `.json`. */
const modules = import.meta.glob<Catalog>(['./en/*.json', '!./en/{accounts,audit,messages,passwords,secrets,survey,wifi}.json'], { eager: true, import: 'default' });
/**
 * `startup`: the part of the core's message catalog the notices shown at start use (a damaged or
 * unwritable file, browser mode; vite.config.ts picks it out of messages.json), so the first screen
 * words them instead of showing an empty notice until the whole catalog arrives.
 */
const startupEn = import.meta.glob<Catalog>('./en/messages.json', { query: '?startup', eager: true, import: 'default' });
const firstForeign = {
  ...import.meta.glob<Catalog>('./{de,es,fr}/{app,checks,glossary,panels,steps,wizard}.json', { import: 'default' }),
  ...import.meta.glob<Catalog>('./{de,es,fr}/messages.json', { query: '?startup', import: 'default' }),
};
export const nsOf = (path: string) => path.replace(/^.*\/(.+)\.json$/, '$1');
/** The namespace of the message catalog's start-up part (see above); renderer/i18n/messages.ts words from it until `messages` is there. */
export const STARTUP_NS = 'startup';
/** The namespace a first-screen file is added as: its name, or `startup` for the message catalog's start-up part. */
const firstNsOf = (path: string) => (nsOf(path) === 'messages' ? STARTUP_NS : nsOf(path));

export const EN_RESOURCES: Record<string, Catalog> = Object.fromEntries([...Object.entries(modules), ...Object.entries(startupEn)].map(([path, catalog]) => [firstNsOf(path), catalog]));

/** Every catalog added so far, by language and namespace (handed to i18next when it starts). */
export const resources: Record<string, Record<string, Catalog>> = { en: { ...EN_RESOURCES } };

let engine: I18next | null = null;
let language: string = 'en';
let version = 0;
const listeners = new Set<() => void>();
const changed = () => {
  version++;
  for (const l of listeners) l();
};

/** The language the UI is shown in now. */
export function currentLanguage(): string {
  return engine ? engine.language || 'en' : language;
}

/** Hands translation over to i18next (./index.ts calls this once it is initialised). */
export function attachEngine(i18n: I18next): void {
  if (engine === i18n) return;
  engine = i18n;
  i18n.on('languageChanged', changed);
  i18n.store.on('added', changed);
  changed();
}

let engineLoad: Promise<typeof Engine> | null = null;
/** Loads and starts i18next with every catalog (the later ones too); once, a failed load may be retried. */
export function loadEngine(): Promise<typeof Engine> {
  engineLoad ??= import('./index').then(
    async (m) => {
      await m.loadLaterCatalogs();
      return m;
    },
    (err: unknown) => {
      engineLoad = null;
      throw err;
    },
  );
  return engineLoad;
}

/** Adds a catalog (to i18next too, once it runs). */
export function addCatalog(lng: string, ns: string, catalog: Catalog): void {
  (resources[lng] ??= {})[ns] = catalog;
  if (engine) engine.addResourceBundle(lng, ns, catalog, true, true);
  else changed();
}

/**
 * Shows the UI in `lng` from now on, with no English shown first: before i18next runs, the first
 * screen's catalogs of that language are loaded (each its own chunk) and the rest come with
 * i18next; once it runs (or for the pseudo-locale, which is built by it), i18next switches.
 */
export async function setLanguage(lng: UiLanguage): Promise<void> {
  if (engine || lng === PSEUDO_LOCALE) {
    await (await loadEngine()).setLanguage(lng);
    return;
  }
  if (lng !== 'en') {
    await Promise.all(
      Object.entries(firstForeign)
        .filter(([path]) => path.startsWith(`./${lng}/`) && !resources[lng]?.[firstNsOf(path)])
        .map(async ([path, load]) => addCatalog(lng, firstNsOf(path), await load())),
    );
  }
  // i18next may have started meanwhile: it has these catalogs, and switches with its own.
  if (engine) {
    await (await loadEngine()).setLanguage(lng);
    return;
  }
  language = lng;
  changed();
  // (unchanged when it already is: setting it makes the browser restyle the page)
  if (typeof document !== 'undefined' && document.documentElement.lang !== lng) document.documentElement.lang = lng;
}

/** The tests' pseudo-locale when the page asks for it (`?lang=en-XA`), else null. */
export function requestedTestLanguage(search = typeof location === 'undefined' ? '' : location.search): UiLanguage | null {
  if (!search.includes('lang=')) return null;
  const lang = new URLSearchParams(search).get('lang');
  return lang === PSEUDO_LOCALE || isLanguage(lang) ? lang : null;
}

const lookupPath = (catalog: Catalog | undefined, key: string): unknown => {
  let v: unknown = catalog;
  for (const part of key.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Catalog)[part];
  }
  return v;
};

const plurals = new Map<string, Intl.PluralRules>();
const pluralSuffix = (lng: string, count: number): string => {
  // English, whole numbers: "one" for 1 and -1, else "other" — known without building ICU's plural
  // rules (the first `Intl.PluralRules` of a page costs it milliseconds). Fractions go to Intl
  // (1.0000001 is "one" there: it rounds to 3 decimals). test/unit/renderer/i18n-runtime.test.ts compares.
  if (lng === 'en' && Number.isInteger(count)) return Math.abs(count) === 1 ? '_one' : '_other';
  let rules = plurals.get(lng);
  if (!rules) plurals.set(lng, (rules = new Intl.PluralRules(lng)));
  return `_${rules.select(count)}`;
};

const interpolate = (text: string, options: TOptions): string =>
  text.replace(/\{\{([^}]+)\}\}/g, (whole, name: string) => {
    const v = lookupPath(options, name.trim());
    return v === undefined || v === null ? whole : String(v);
  });

/** i18next's lookup as the first screen's catalogs use it (see the module comment). */
function lookup(lng: string, key: string, options: TOptions, defaultNs: readonly string[]): unknown {
  let namespaces = defaultNs;
  let path = key;
  const colon = key.indexOf(':');
  if (colon > 0) {
    namespaces = [key.slice(0, colon)];
    path = key.slice(colon + 1);
  }
  const codes = lng === 'en' ? ['en'] : [lng, 'en'];
  const count = typeof options.count === 'number' ? options.count : undefined;
  for (const ns of namespaces) {
    for (const code of codes) {
      const candidates = count === undefined ? [path] : [...(count === 0 ? [`${path}_zero`] : []), `${path}${pluralSuffix(code, count)}`, path];
      for (const candidate of candidates) {
        const v = lookupPath(resources[code]?.[ns], candidate);
        if (v !== undefined && v !== null) return v;
      }
    }
  }
  return undefined;
}

/** Translates `key` in the namespaces `ns` (the first is the default; `other:key` picks another). */
export function translate(ns: string | readonly string[], key: string, options: TOptions = {}): unknown {
  const namespaces = typeof ns === 'string' ? [ns] : ns;
  if (engine) return engine.t(key, { ns: namespaces as string[], ...options } as never);
  const own = options.ns === undefined ? namespaces : typeof options.ns === 'string' ? [options.ns] : options.ns;
  const found = lookup(language, key, options, own);
  if (found === undefined) {
    const fallback = options.defaultValue ?? (key.includes(':') ? key.slice(key.indexOf(':') + 1) : key);
    return interpolate(fallback, options);
  }
  if (typeof found === 'string') return interpolate(found, options);
  // A list read as a string: i18next's own words for that mistake.
  return options.returnObjects ? found : `key '${key.slice(key.indexOf(':') + 1)} (${language})' returned an object instead of string.`;
}

/** Whether a key has a translation (in the language or English). */
export function exists(key: string, options: TOptions = {}): boolean {
  if (engine) return engine.exists(key, options as never);
  return lookup(language, key, options, typeof options.ns === 'string' ? [options.ns] : (options.ns ?? ['app'])) !== undefined;
}

/** Whether a namespace's catalog is loaded (in English: the later ones come with i18next). */
export function hasCatalog(ns: string): boolean {
  return engine ? engine.hasResourceBundle('en', ns) : Boolean(resources.en?.[ns]);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => version;

/**
 * The components' translation hook (react-i18next's `useTranslation`, for what the components use
 * of it): `t` changes whenever the language or the catalogs do, so the component re-renders.
 */
export function useTranslation(ns: string | readonly string[] = 'app'): { t: TFunction; i18n: { language: string } } {
  const v = useSyncExternalStore(subscribe, snapshot, snapshot);
  const key = typeof ns === 'string' ? ns : ns.join('\u0000');
  // A new t when the version changes (`v`), so that components using it re-render and re-run effects.
  const t = useCallback<TFunction>((k, options) => (void v, translate(key.split('\u0000'), k, options) as string), [key, v]);
  return { t, i18n: { language: currentLanguage() } };
}

/** A catalog entry that is a list of paragraphs or bullet points. */
export function tList(t: TFunction, key: string): string[] {
  const value: unknown = t(key, { returnObjects: true });
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

type CheckTextField = 'title' | 'why' | 'passWhen' | 'next';

/** A check's catalog text in the user's language (the check view's own English text if a key is missing). */
export function checkText(check: { id: string } & Partial<Record<CheckTextField, string | null>>, field: CheckTextField): string {
  return translate('catalog', `${check.id}.${field}`, { defaultValue: check[field] ?? check.id }) as string;
}

/** A number as the user's language writes it. */
export function formatNumber(value: number, lng = currentLanguage()): string {
  return new Intl.NumberFormat(lng).format(value);
}

/** A date as the user's locale writes it (the day only: evidence dates, expiries). */
export function formatDate(iso: string, lng = currentLanguage()): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(lng, { dateStyle: 'medium' }).format(d);
}
