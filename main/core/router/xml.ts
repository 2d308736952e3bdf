/** Safe XML reading for device descriptions: validate first, parse second, never throw. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { msg, type Message } from '../messages/index.js';

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  // Descriptions are small; a deep or huge document is hostile or broken.
  isArray: (name) => name === 'device' || name === 'service',
});

/** Upper bound on the XML we are willing to parse. */
export const MAX_XML_CHARS = 256 * 1024;

/** A parse that failed: why, as a message (the parser's own error text is only ever a param). */
export type ParseFailure = { ok: false; reason: Message };

/** Parses XML into a plain object, or returns the reason it could not. */
export function readXml(text: string): { ok: true; doc: Record<string, unknown> } | ParseFailure {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, reason: msg('router.parse.empty') };
  if (text.length > MAX_XML_CHARS) return { ok: false, reason: msg('router.parse.too-large') };
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) return { ok: false, reason: msg('router.parse.malformed', { error: valid.err.msg.slice(0, 120) }) };
    const doc = parser.parse(text) as unknown;
    if (!doc || typeof doc !== 'object') return { ok: false, reason: msg('router.parse.not-xml') };
    return { ok: true, doc: doc as Record<string, unknown> };
  } catch (err) {
    return { ok: false, reason: msg('router.parse.malformed', { error: String((err as Error)?.message ?? err).slice(0, 120) }) };
  }
}

/** A trimmed, bounded string field of a parsed node, or null. */
export function field(node: unknown, key: string): string | null {
  if (!node || typeof node !== 'object') return null;
  const v = (node as Record<string, unknown>)[key];
  if (typeof v === 'string' || typeof v === 'number') {
    const s = String(v).replace(/\s+/g, ' ').trim();
    return s ? s.slice(0, 200) : null;
  }
  return null;
}

/** A child object of a parsed node, or null. */
export function child(node: unknown, key: string): Record<string, unknown> | null {
  if (!node || typeof node !== 'object') return null;
  const v = (node as Record<string, unknown>)[key];
  if (Array.isArray(v)) return (v[0] as Record<string, unknown>) ?? null;
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
}
