/**
 * Words for the core's messages ({code, params}) through the `messages` namespace
 * (renderer/i18n/en/messages.json, the same catalog the report renders with in Node). Until that
 * catalog arrives (just after the first screen), the messages the start-up notices carry are
 * worded from its start-up part (`startup`, see ./runtime.ts); any other reads as nothing yet.
 */
import { currentLanguage, exists, hasCatalog, STARTUP_NS, translate } from './runtime';
import type { CheckView } from '../wizard/api';

/** A message from the core: a code with params (see main/core/messages). */
export type Message = NonNullable<CheckView['reason']>;

const t = (ns: string, key: string, options?: Record<string, unknown>): string => translate(ns, key, options) as string;

/** Params that carry a term's id (the same table as TERM_PARAMS in main/core/messages/format.ts). */
const TERM_PARAMS: Readonly<Record<string, string>> = { security: 'wifi.class' };

function resolveTerms(ns: string, params: Record<string, string | number | boolean | null>): Record<string, string | number | boolean | null> {
  const out = { ...params };
  for (const [name, group] of Object.entries(TERM_PARAMS)) {
    const id = out[name];
    if (typeof id !== 'string') continue;
    const key = `${group}.${id}`;
    out[name] = exists(key, { ns }) ? t(ns, key) : t(ns, 'common.no-words');
  }
  return out;
}

/**
 * A number param with a fraction as the language writes it ("1,5"); whole numbers stay numbers.
 * The same rule as localNumber in main/core/messages/format.ts (`count` is left to the catalog's
 * `{{count, number}}`, since i18next also picks the plural form from it).
 */
function localNumber(value: number): string | number {
  if (Number.isInteger(value) || !Number.isFinite(value)) return value;
  return new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/**
 * The words for a message; a code with no words reads as a generic line, never as the code. A param
 * that is a message is put into words first (a list: each, joined by the catalog's separator), as
 * formatWith in main/core/messages/format.ts does.
 */
export function formatMessage(message: Message | null | undefined): string {
  const ns = message ? wordsNsFor(message) : null;
  if (!message || !ns) return '';
  const params: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(message.params)) {
    if (Array.isArray(v)) params[k] = v.map((m) => formatMessage(m)).join(t(ns, 'common.list-separator'));
    else if (v !== null && typeof v === 'object') params[k] = formatMessage(v);
    else if (typeof v === 'number' && k !== 'count') params[k] = localNumber(v);
    else params[k] = v;
  }
  const opts = { ns, ...resolveTerms(ns, params) };
  if (!exists(message.code, opts)) return t(ns, 'common.no-words');
  return t(ns, message.code, opts);
}

/**
 * The namespace a message is worded from: the whole catalog once it is there (it arrives with the
 * later catalogs, just after the first screen: see LATER_NAMESPACES); before that its start-up
 * part, for a message whose every code is in it; else null (no words yet).
 */
function wordsNsFor(message: Message): string | null {
  if (hasCatalog('messages')) return 'messages';
  return inStartupPart(message) ? STARTUP_NS : null;
}

/** Whether the message, and every message among its params, has words in the start-up part. */
function inStartupPart(message: Message): boolean {
  if (!exists(message.code, { ns: STARTUP_NS })) return false;
  for (const [name, v] of Object.entries(message.params)) {
    if (name in TERM_PARAMS) return false;
    const nested = Array.isArray(v) ? v : v !== null && typeof v === 'object' ? [v] : [];
    if (!nested.every((m) => inStartupPart(m))) return false;
  }
  return true;
}

/** The message an error carries for the user (an ApiError, or the error info a result holds), if any. */
function userMessageOf(err: unknown): Message | null {
  const m = err !== null && typeof err === 'object' && 'userMessage' in err ? (err as { userMessage: unknown }).userMessage : null;
  return m !== null && typeof m === 'object' && typeof (m as Message).code === 'string' && typeof (m as Message).params === 'object' ? (m as Message) : null;
}

/**
 * What the user reads for an error: what happened and what to do, in the reader's language; a
 * translated generic sentence when the error carries no message (a crash, a lost connection) —
 * never the English log line.
 */
export function errorText(err: unknown): string {
  const m = userMessageOf(err);
  return (m ? formatMessage(m) : '') || (translate('app', 'errorUnknown') as string);
}

/** True when the message is the user's own text (a note, a skip reason). */
export function isUserText(message: Message | null | undefined): boolean {
  return message?.code === 'user.text';
}
