import { z } from 'zod';

/**
 * A message: what the core says about a check (a reason, evidence, a next action) as a code with
 * parameters, never as an English sentence. The renderer and the report turn it into words through
 * the i18n catalogs (renderer/i18n/en/messages.json; one key per code, i18next interpolation and
 * plurals), so another language is data.
 *
 * Adding a message: call `msg('area.what', { ...params })` with a literal code in main/core and add
 * the English words under the same key in renderer/i18n/en/messages.json; test/unit/messages fails
 * when a code used in main/core has no English entry, or an entry is used by nothing.
 *
 * Params carry names, not ids (a device's display name, the SSID), and never a secret. Text the user
 * typed (a skip reason, a note) travels as `user.text` with `{text}` (see `userText`).
 */

/** A code: lower-case dotted segments, e.g. `wifi.encryption.wpa2`, `common.not-checked-yet`. */
export const MESSAGE_CODE = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;

/** Option names i18next reads from the same object as the params: a param must never use one. */
export const RESERVED_PARAMS = new Set([
  'ns', 'lng', 'lngs', 'fallbackLng', 'defaultValue', 'context', 'returnObjects', 'returnDetails', 'joinArrays',
  'postProcess', 'interpolation', 'replace', 'keyPrefix', 'ordinal', 'skipInterpolation',
]);

export const MAX_PARAMS = 16;
export const MAX_PARAM_TEXT = 2000;

/** A plain value a message carries: a name, a number, a flag. */
export const MessageValueSchema = z.union([z.string().max(MAX_PARAM_TEXT), z.number().finite(), z.boolean(), z.null()]);

/** How deep messages may nest inside each other's params (a reason inside "stopped after 2 logins: …"). */
export const MAX_NESTING = 8;

/**
 * A param: a plain value, or a message (or a list of messages) that the formatter turns into words
 * first — so a reason built from parts ("stopped after 2 of 3 logins: the device showed a lockout
 * message") is codes all the way down, never English in a string param.
 */
export type MessageParam = z.infer<typeof MessageValueSchema> | Message | Message[];
export interface Message {
  code: string;
  params: Record<string, MessageParam>;
}

const ParamName = z.string().max(40).regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a param name is a plain identifier');

function depth(m: Message): number {
  let d = 1;
  for (const v of Object.values(m.params)) {
    if (Array.isArray(v)) for (const x of v) d = Math.max(d, 1 + depth(x));
    else if (v !== null && typeof v === 'object') d = Math.max(d, 1 + depth(v));
  }
  return d;
}

const MessageObjectSchema: z.ZodType<Message, Message> = z.strictObject({
  code: z.string().max(120).regex(MESSAGE_CODE, 'a message code is lower-case dotted segments'),
  get params() {
    return z
      .record(ParamName, MessageParamSchema)
      .refine((p) => Object.keys(p).length <= MAX_PARAMS, { message: `at most ${MAX_PARAMS} params` })
      .refine((p) => Object.keys(p).every((k) => !RESERVED_PARAMS.has(k)), { message: 'a param name must not be an i18next option' });
  },
});

export const MessageParamSchema: z.ZodType<MessageParam, MessageParam> = z.union([MessageValueSchema, z.lazy(() => MessageObjectSchema), z.array(z.lazy(() => MessageObjectSchema)).max(MAX_PARAMS)]);

export const MessageSchema: z.ZodType<Message, Message> = MessageObjectSchema.refine((m) => depth(m) <= MAX_NESTING, { message: `messages nest at most ${MAX_NESTING} deep` });
export type MessageParams = Message['params'];

/**
 * A message with its params. Pass the code as a literal (or a template whose fixed prefix names the
 * catalog group) so the catalog test can find it. Throws on a malformed code or param, so a bad
 * message fails where it is made, not where it is shown.
 */
export function msg(code: string, params: MessageParams = {}): Message {
  return MessageSchema.parse({ code, params });
}

/**
 * Text the user typed (a skip reason, a note), shown as "your note", never translated.
 * Catalog words are fragments that read after "Unknown because:" (lower-case, no full stop).
 */
export function userText(text: string): Message {
  return msg('user.text', { text: text.slice(0, MAX_PARAM_TEXT) });
}

/** True when the message carries the user's own words rather than something Porchlight measured. */
export function isUserText(m: Message | null | undefined): boolean {
  return m?.code === 'user.text';
}

/** Every check's first reason. */
export const NOT_CHECKED_YET: Message = Object.freeze(msg('common.not-checked-yet'));

/**
 * A reason or detail as stored: a message, or prose written before the core spoke in codes (saved
 * profiles, and producers not converted yet). Read it through `toMessage`.
 */
export const StoredTextSchema = z.union([MessageSchema, z.string().max(4000)]);
export type StoredText = z.infer<typeof StoredTextSchema>;

/** The legacy reason every check started with before codes. */
const LEGACY_NOT_CHECKED_YET = 'not checked yet';

/**
 * A stored reason or detail as a message: a message as is; prose (still written by some producers,
 * and kept in saved profiles) as `common.prose` with `{text}`, so it is shown as written but is
 * never mistaken for the user's own note. JSON that found its way into a detail is shown as its
 * values, never as raw JSON.
 */
export function toMessage(value: StoredText | null | undefined): Message | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text) return null;
  if (text === LEGACY_NOT_CHECKED_YET) return NOT_CHECKED_YET;
  return msg('common.prose', { text: unJson(text).slice(0, MAX_PARAM_TEXT) });
}

/** `{"a":1,"b":"x"}` → `a: 1; b: x`; anything that is not a JSON object or array is returned unchanged. */
function unJson(text: string): string {
  if (!/^[[{]/.test(text)) return text;
  try {
    const flat = (v: unknown): string =>
      Array.isArray(v) ? v.map(flat).join(', ') : v && typeof v === 'object' ? Object.entries(v).map(([k, x]) => `${k}: ${flat(x)}`).join('; ') : String(v);
    return flat(JSON.parse(text));
  } catch {
    return text;
  }
}

/** True when a stored reason says something (a message, or non-blank prose). */
export function hasText(value: StoredText | null | undefined): boolean {
  return value !== null && value !== undefined && (typeof value !== 'string' || value.trim().length > 0);
}

/** The user's own words carried by a `user.text` message, or null for anything else. */
export function userTextOf(m: Message | null | undefined): string | null {
  return m && isUserText(m) && typeof m.params.text === 'string' ? m.params.text : null;
}

/** The text carried by the user's words or by legacy prose (`user.text`, `common.prose`), else null. */
export function plainTextOf(m: Message | null | undefined): string | null {
  return m && (m.code === 'user.text' || m.code === 'common.prose') && typeof m.params.text === 'string' ? m.params.text : null;
}
