/**
 * Words for the core's messages ({code, params}) through the `messages` namespace
 * (renderer/i18n/en/messages.json, the same catalog the report renders with in Node).
 */
import i18next from 'i18next';
import type { CheckView } from '../wizard/api';

/** A message from the core: a code with params (see main/core/messages). */
export type Message = NonNullable<CheckView['reason']>;

/** Params that carry a term's id (the same table as TERM_PARAMS in main/core/messages/format.ts). */
const TERM_PARAMS: Readonly<Record<string, string>> = { security: 'wifi.class' };

function resolveTerms(params: Record<string, string | number | boolean | null>): Record<string, string | number | boolean | null> {
  const out = { ...params };
  for (const [name, group] of Object.entries(TERM_PARAMS)) {
    const id = out[name];
    if (typeof id !== 'string') continue;
    const key = `${group}.${id}`;
    out[name] = i18next.exists(key, { ns: 'messages' }) ? i18next.t(key, { ns: 'messages' }) : i18next.t('common.no-words', { ns: 'messages' });
  }
  return out;
}

/**
 * The words for a message; a code with no words reads as a generic line, never as the code. A param
 * that is a message is put into words first (a list: each, joined by the catalog's separator), as
 * formatWith in main/core/messages/format.ts does.
 */
export function formatMessage(message: Message | null | undefined): string {
  // The words arrive with the later catalogs, just after the first screen (see LATER_NAMESPACES).
  if (!message || !i18next.hasResourceBundle('en', 'messages')) return '';
  const params: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(message.params)) {
    if (Array.isArray(v)) params[k] = v.map((m) => formatMessage(m)).join(i18next.t('common.list-separator', { ns: 'messages' }));
    else if (v !== null && typeof v === 'object') params[k] = formatMessage(v);
    else params[k] = v;
  }
  const opts = { ns: 'messages', ...resolveTerms(params) };
  if (!i18next.exists(message.code, opts)) return i18next.t('common.no-words', { ns: 'messages' });
  return i18next.t(message.code, opts);
}

/** True when the message is the user's own text (a note, a skip reason). */
export function isUserText(message: Message | null | undefined): boolean {
  return message?.code === 'user.text';
}
