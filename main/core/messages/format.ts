import i18next, { type i18n } from 'i18next';
import type { Message } from './message.js';

/** A catalog: nested keys as in renderer/i18n/en/messages.json (leaf strings, plural suffixes allowed). */
export type MessageCatalog = { [key: string]: string | MessageCatalog };

/** What a code with no words in the catalog reads as (never the raw code). */
export const NO_WORDS_CODE = 'common.no-words';

/**
 * The custom formats the catalogs use inside `{{param, format}}`, registered on every i18next
 * instance that renders messages (here for Node; renderer/i18n/index.ts registers the same names):
 * `day` — an ISO date as the locale writes the day.
 */
export function formatDay(value: unknown, lng: string | undefined): string {
  const d = new Date(String(value));
  return Number.isNaN(d.getTime()) ? String(value ?? '') : new Intl.DateTimeFormat(lng ?? 'en', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/**
 * Params that carry a term's id, not words: the formatter reads the id's words from the catalog
 * group named here (`security: 'wpa2'` → `wifi.class.wpa2`), so no English leaves the core in a
 * param. renderer/i18n/messages.ts applies the same table (the renderer does not import the core);
 * test/unit/messages checks that both render a term alike.
 */
export const TERM_PARAMS: Readonly<Record<string, string>> = Object.freeze({ security: 'wifi.class' });

/** The params with each term id replaced by its words (an id with no words stays as the catalog's "no words" line). */
export function resolveTerms(instance: Pick<i18n, 't' | 'exists'>, params: Record<string, string | number | boolean | null>): Record<string, string | number | boolean | null> {
  const out = { ...params };
  for (const [name, group] of Object.entries(TERM_PARAMS)) {
    const id = out[name];
    if (typeof id !== 'string') continue;
    const key = `${group}.${id}`;
    out[name] = instance.exists(key, { ns: 'messages' }) ? instance.t(key, { ns: 'messages' }) : instance.t(NO_WORDS_CODE, { ns: 'messages' });
  }
  return out;
}

/** Turns messages into words with an i18next instance of its own (the report, the CLI). */
export interface MessageFormatter {
  format(message: Message | null | undefined): string;
  readonly language: string;
  /** The same catalogs in another language (English where a key is missing); absent → this one. */
  forLanguage?(language: string): MessageFormatter;
}

/**
 * A number param with a fraction (a wait of 1.5 seconds) as the language writes it ("1,5" in
 * German, Spanish and French); whole numbers stay numbers (ports, years and counts read the same in
 * every language here). `count` is left to the catalog (`{{count, number}}`), since i18next also
 * picks the plural form from it. renderer/i18n/messages.ts applies the same rule.
 */
export function localNumber(value: number, lng: string): string | number {
  if (Number.isInteger(value) || !Number.isFinite(value)) return value;
  return new Intl.NumberFormat(lng, { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/** The separator between the items of a list param (a list of messages), from the catalog. */
export const LIST_SEPARATOR_CODE = 'common.list-separator';

/**
 * Words for a message through a ready i18next instance with a `messages` namespace. A param that is
 * a message is put into words first (a list of messages: each, joined by the catalog's separator),
 * so a reason made of parts is translated part by part.
 */
export function formatWith(instance: Pick<i18n, 't' | 'exists'> & { readonly language?: string }, message: Message): string {
  const params: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(message.params)) {
    if (Array.isArray(v)) params[k] = v.map((m) => formatWith(instance, m)).join(instance.t(LIST_SEPARATOR_CODE, { ns: 'messages' }));
    else if (v !== null && typeof v === 'object') params[k] = formatWith(instance, v);
    else if (typeof v === 'number' && k !== 'count') params[k] = localNumber(v, instance.language ?? 'en');
    else params[k] = v;
  }
  const opts = { ns: 'messages', ...resolveTerms(instance, params) };
  if (!instance.exists(message.code, opts)) return instance.t(NO_WORDS_CODE, { ns: 'messages' });
  return instance.t(message.code, opts);
}

/** A formatter over the given catalogs (language → messages catalog), e.g. `{ en: messagesJson }`. */
export function createMessageFormatter(catalogs: Record<string, MessageCatalog>, language = 'en'): MessageFormatter {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(catalogs).map(([lng, messages]) => [lng, { messages }])),
    ns: ['messages'],
    defaultNS: 'messages',
    interpolation: { escapeValue: false }, // callers escape for their medium (the HTML report does).
    returnNull: false,
    initAsync: false,
  });
  instance.services.formatter?.add('day', (value, lng) => formatDay(value, lng));
  const inLanguage = (lng: string): MessageFormatter => {
    const fixed: Pick<i18n, 't' | 'exists'> & { language: string } = {
      language: lng,
      t: ((key: string, opts?: Record<string, unknown>) => instance.t(key, { ...opts, lng })) as i18n['t'],
      exists: ((key: string, opts?: Record<string, unknown>) => instance.exists(key, { ...opts, lng })) as i18n['exists'],
    };
    return { language: lng, format: (message) => (message ? formatWith(fixed, message) : ''), forLanguage: inLanguage };
  };
  return {
    language,
    format: (message) => (message ? formatWith(instance, message) : ''),
    forLanguage: inLanguage,
  };
}

/**
 * A formatter for hosts that wire no catalog (unit tests of other areas): the user's and legacy
 * prose text as written, anything else as the catalog's "no description" line would read.
 * Every real host (app, CLI, harness) wires the English catalog through main/compose.ts.
 */
export const PLAIN_FORMATTER: MessageFormatter = {
  language: 'en',
  format: (m) => (!m ? '' : (m.code === 'user.text' || m.code === 'common.prose') && typeof m.params.text === 'string' ? m.params.text : m.code),
};
