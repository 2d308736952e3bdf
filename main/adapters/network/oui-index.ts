/**
 * A compact, read-only index of the IEEE MAC registry (MA-L 24-bit, MA-M 28-bit, MA-S 36-bit
 * prefixes), built once at build time from the oui-data package (scripts/oui-index.mjs) instead
 * of parsing its 5 MB JSON in every process: per prefix length a sorted key table searched by
 * bisection, each key pointing into one de-duplicated table of organisation names (first line of
 * the registry entry). About 1.4 MB, loaded only when a MAC is looked up, and names are decoded
 * one at a time as they are asked for.
 *
 * Layout (little-endian): 32-byte header "OUI1", version, count of 6-, 7- and 9-digit keys,
 * count of names, bytes of names, 0; then Float64 keys (the prefix as a number, per table, sorted
 * ascending), Uint32 name index per key, Uint32 name offsets (names + 1) and the UTF-8 names.
 */

const MAGIC = 0x3149554f; // "OUI1"
const VERSION = 1;
const HEADER = 32;
/** Prefix lengths in hex digits, longest (most specific) last in the file, first in lookups. */
export const OUI_PREFIX_LENGTHS = [6, 7, 9] as const;

const tidy = (entry: string) => entry.split('\n')[0]!.trim().replace(/\s+/g, ' ');

/** Encodes oui-data's `{ PREFIX: "Organisation\nAddress…" }` map into the index bytes. */
export function encodeOuiIndex(registry: Record<string, string>): Uint8Array {
  const tables = OUI_PREFIX_LENGTHS.map((len) =>
    Object.keys(registry)
      .filter((k) => k.length === len && /^[0-9A-F]+$/.test(k) && typeof registry[k] === 'string')
      .map((k) => ({ key: parseInt(k, 16), name: tidy(registry[k]!) }))
      .filter((e) => e.name !== '')
      .sort((a, b) => a.key - b.key),
  );
  const nameIds = new Map<string, number>();
  for (const t of tables) for (const e of t) if (!nameIds.has(e.name)) nameIds.set(e.name, nameIds.size);
  const encoder = new TextEncoder();
  const nameBytes = [...nameIds.keys()].map((n) => encoder.encode(n));
  const namesLength = nameBytes.reduce((a, b) => a + b.length, 0);
  const keys = tables.reduce((a, t) => a + t.length, 0);
  const size = HEADER + keys * 8 + keys * 4 + (nameIds.size + 1) * 4 + namesLength;
  const buf = new ArrayBuffer(size);
  const head = new Uint32Array(buf, 0, 8);
  head.set([MAGIC, VERSION, tables[0]!.length, tables[1]!.length, tables[2]!.length, nameIds.size, namesLength, 0]);
  const keyArr = new Float64Array(buf, HEADER, keys);
  const idxArr = new Uint32Array(buf, HEADER + keys * 8, keys);
  let i = 0;
  for (const t of tables) {
    for (const e of t) {
      keyArr[i] = e.key;
      idxArr[i] = nameIds.get(e.name)!;
      i++;
    }
  }
  const offsets = new Uint32Array(buf, HEADER + keys * 12, nameIds.size + 1);
  const bytes = new Uint8Array(buf, HEADER + keys * 12 + (nameIds.size + 1) * 4);
  let at = 0;
  nameBytes.forEach((b, n) => {
    offsets[n] = at;
    bytes.set(b, at);
    at += b.length;
  });
  offsets[nameIds.size] = at;
  return new Uint8Array(buf);
}

/** Reads an index made by encodeOuiIndex; lookups by exact upper-case hex prefix (6, 7 or 9 digits). */
export class OuiIndex {
  private readonly keys: Float64Array;
  private readonly nameOf: Uint32Array;
  private readonly offsets: Uint32Array;
  private readonly names: Uint8Array;
  /** [start, end) of each prefix length's table in keys. */
  private readonly ranges: Record<number, [number, number]>;
  private readonly decoder = new TextDecoder();

  constructor(data: Uint8Array) {
    // Typed views need aligned offsets: copy once if the bytes do not start on an 8-byte boundary.
    const bytes = data.byteOffset % 8 === 0 ? data : data.slice();
    if (bytes.byteLength < HEADER) throw new Error('the MAC vendor index is truncated');
    const head = new Uint32Array(bytes.buffer, bytes.byteOffset, 8);
    if (head[0] !== MAGIC || head[1] !== VERSION) throw new Error('the MAC vendor index has an unknown format');
    const [n6, n7, n9, nNames, namesLength] = [head[2]!, head[3]!, head[4]!, head[5]!, head[6]!];
    const keys = n6 + n7 + n9;
    const base = bytes.byteOffset + HEADER;
    if (bytes.byteLength !== HEADER + keys * 12 + (nNames + 1) * 4 + namesLength) throw new Error('the MAC vendor index is truncated');
    this.keys = new Float64Array(bytes.buffer, base, keys);
    this.nameOf = new Uint32Array(bytes.buffer, base + keys * 8, keys);
    this.offsets = new Uint32Array(bytes.buffer, base + keys * 12, nNames + 1);
    this.names = new Uint8Array(bytes.buffer, base + keys * 12 + (nNames + 1) * 4, namesLength);
    this.ranges = { 6: [0, n6], 7: [n6, n6 + n7], 9: [n6 + n7, keys] };
  }

  /** Number of prefixes of each length (MA-L 6, MA-M 7, MA-S 9 hex digits). */
  counts(): Record<6 | 7 | 9, number> {
    return { 6: this.ranges[6]![1] - this.ranges[6]![0], 7: this.ranges[7]![1] - this.ranges[7]![0], 9: this.ranges[9]![1] - this.ranges[9]![0] };
  }

  /** The organisation registered for exactly this prefix, or null. */
  organisation(prefixHex: string): string | null {
    const range = this.ranges[prefixHex.length];
    if (!range || !/^[0-9A-Fa-f]+$/.test(prefixHex)) return null;
    const key = parseInt(prefixHex, 16);
    let lo = range[0];
    let hi = range[1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid]!;
      if (k === key) {
        const n = this.nameOf[mid]!;
        return this.decoder.decode(this.names.subarray(this.offsets[n]!, this.offsets[n + 1]!));
      }
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }
}
