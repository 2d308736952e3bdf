/**
 * The compact KEV index the build writes beside the bundles (dist/kev-index.json,
 * scripts/kev-index.mjs): the snapshot's entries as columns holding only the fields the matcher and
 * the record read (no CWE list), each repeated text (maker, required action, ransomware use) stored
 * once. The build validates the whole snapshot with its full schema first; at load the index is
 * validated against its own schema, so a broken or truncated index is refused, never half-used.
 * It names the snapshot it was built from (size and SHA-256): an index that does not belong to the
 * snapshot in the resources folder in use is not used (the loader reads the snapshot instead).
 */
import { z } from 'zod';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { PorchlightError } from '../errors.js';
import type { KevCatalog, KevEntry } from './catalog.js';

/** File name of the index beside the bundle that uses it (dist/). */
export const KEV_INDEX_FILE = 'kev-index.json';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.array(z.string());

/** The index as the build writes it; every column has one value per entry. */
export const KevIndexSchema = z
  .strictObject({
    format: z.literal(1),
    source: z.strictObject({ bytes: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    catalogVersion: z.string().regex(/^\d{4}\.\d{2}\.\d{2}$/),
    dateReleased: z.string().min(10),
    count: z.number().int().positive(),
    /** De-duplicated texts the `vendor`, `action` and `ransomware` columns point into. */
    strings: z.array(z.string()),
    cve: z.array(z.string().regex(/^CVE-\d{4}-\d{4,19}$/)).min(1),
    vendor: z.array(z.number().int().nonnegative()),
    product: z.array(z.string().min(1)),
    name: text,
    dateAdded: z.array(day),
    description: text,
    action: z.array(z.number().int().nonnegative()),
    dueDate: z.array(day),
    ransomware: z.array(z.number().int().nonnegative()),
    notes: text,
  })
  .refine((x) => (['cve', 'vendor', 'product', 'name', 'dateAdded', 'description', 'action', 'dueDate', 'ransomware', 'notes'] as const).every((k) => x[k].length === x.count), {
    message: 'a column does not have one value per entry (truncated file?)',
    path: ['count'],
  })
  .refine((x) => [...x.vendor, ...x.action, ...x.ransomware].every((i) => i < x.strings.length && x.strings[i] !== ''), { message: 'a reference points outside the string table', path: ['strings'] })
  .refine((x) => new Set(x.cve).size === x.cve.length, { message: 'a CVE id appears twice', path: ['cve'] });
export type KevIndex = z.infer<typeof KevIndexSchema>;

/** Size and SHA-256 of a file, read in small pieces (the snapshot is never held whole for this). */
export function fileFingerprint(path: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(64 * 1024);
  const fd = openSync(path, 'r');
  let bytes = 0;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; bytes += n) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Builds the index from the snapshot (`c`, already validated with the snapshot's full schema:
 * scripts/kev-index.mjs uses `parseKevFile`) and the file's size and SHA-256.
 */
export function encodeKevIndex(c: KevCatalog, source: { bytes: number; sha256: string }): KevIndex {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const ref = (s: string): number => {
    let i = ids.get(s);
    if (i === undefined) ids.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const vs = c.vulnerabilities;
  return {
    format: 1,
    source,
    catalogVersion: c.catalogVersion,
    dateReleased: c.dateReleased,
    count: c.count,
    strings,
    cve: vs.map((e) => e.cveID),
    vendor: vs.map((e) => ref(e.vendorProject)),
    product: vs.map((e) => e.product),
    name: vs.map((e) => e.vulnerabilityName),
    dateAdded: vs.map((e) => e.dateAdded),
    description: vs.map((e) => e.shortDescription),
    action: vs.map((e) => ref(e.requiredAction)),
    dueDate: vs.map((e) => e.dueDate),
    ransomware: vs.map((e) => ref(e.knownRansomwareCampaignUse)),
    notes: vs.map((e) => e.notes),
  };
}

/**
 * Reads an index (JSON text) as the catalog the matcher takes; throws naming the failing field when
 * it does not pass its schema. The entries carry every field of the snapshot except the CWE list.
 */
export function decodeKevIndex(json: string, where: string): { index: KevIndex; catalog: KevCatalog } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new PorchlightError('internal', 'error.internal', { detail: `${where} could not be read as JSON: ${(err as Error).message}` }, { cause: err });
  }
  const parsed = KevIndexSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PorchlightError('internal', 'error.internal', { detail: `${where} is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}` });
  }
  const x = parsed.data;
  const vulnerabilities: KevEntry[] = x.cve.map((cveID, i) => ({
    cveID,
    vendorProject: x.strings[x.vendor[i]!]!,
    product: x.product[i]!,
    vulnerabilityName: x.name[i]!,
    dateAdded: x.dateAdded[i]!,
    shortDescription: x.description[i]!,
    requiredAction: x.strings[x.action[i]!]!,
    dueDate: x.dueDate[i]!,
    knownRansomwareCampaignUse: x.strings[x.ransomware[i]!]!,
    notes: x.notes[i]!,
  }));
  return { index: x, catalog: { catalogVersion: x.catalogVersion, dateReleased: x.dateReleased, count: x.count, vulnerabilities } };
}

/**
 * The snapshot at `snapshotPath` as read from the index `indexFile`, or null when there is no index
 * (run from source) or it was built from another snapshot (then the caller reads the snapshot).
 * An index that exists but does not pass its schema is refused with the failing field.
 */
export function readKevIndex(indexFile: URL | string, snapshotPath: string): KevCatalog | null {
  let json: string;
  try {
    json = readFileSync(indexFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const { index, catalog } = decodeKevIndex(json, String(indexFile));
  const snapshot = fileFingerprint(snapshotPath);
  return snapshot.bytes === index.source.bytes && snapshot.sha256 === index.source.sha256 ? catalog : null;
}
