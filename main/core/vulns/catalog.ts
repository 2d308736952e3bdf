/**
 * The CISA Known Exploited Vulnerabilities catalog as a dated, local snapshot (resources/kev/), and
 * the normalisation table the matcher reads. Both are validated at load: a broken or truncated file
 * is refused with the failing field, never half-used. The app never fetches the catalog.
 */
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PorchlightError } from '../errors.js';
import { KEV_INDEX_FILE, readKevIndex } from './kev-index.js';

/** Reads and validates one JSON file; a broken one is refused naming the file and the failing field. */
export function parseKevFile<T>(path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new PorchlightError('internal', 'error.internal', { detail: `${path} could not be read as JSON: ${(err as Error).message}` }, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PorchlightError('internal', 'error.internal', { detail: `${path} is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}` });
  }
  return parsed.data;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One catalog entry, as CISA publishes it (known_exploited_vulnerabilities_schema.json). */
export const KevEntrySchema = z.object({
  cveID: z.string().regex(/^CVE-\d{4}-\d{4,19}$/),
  vendorProject: z.string().min(1),
  product: z.string().min(1),
  vulnerabilityName: z.string(),
  dateAdded: day,
  shortDescription: z.string(),
  requiredAction: z.string().min(1),
  dueDate: day,
  knownRansomwareCampaignUse: z.string(),
  notes: z.string(),
  cwes: z.array(z.string()).optional(),
});
export type KevEntry = z.infer<typeof KevEntrySchema>;

/** The whole catalog; `count` must equal the entries (a truncated download is refused). */
export const KevCatalogSchema = z
  .object({
    title: z.string().optional(),
    catalogVersion: z.string().regex(/^\d{4}\.\d{2}\.\d{2}$/),
    dateReleased: z.string().min(10),
    count: z.number().int().positive(),
    vulnerabilities: z.array(KevEntrySchema).min(1),
  })
  .refine((c) => c.count === c.vulnerabilities.length, { message: 'count does not match the number of entries (truncated file?)', path: ['count'] })
  .refine((c) => new Set(c.vulnerabilities.map((v) => v.cveID)).size === c.vulnerabilities.length, { message: 'a CVE id appears twice', path: ['vulnerabilities'] });
export type KevCatalog = z.infer<typeof KevCatalogSchema>;

/** The normalisation table: each maker's spellings and the model families KEV names without models. */
export const VendorTableSchema = z.strictObject({
  version: z.number().int().positive(),
  vendors: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), kev: z.array(z.string().min(1)).min(1), aliases: z.array(z.string().min(1)).min(1) }))
    .min(1),
  families: z.array(
    z.strictObject({
      vendor: z.string(),
      kevProduct: z.string().min(1),
      /** Only these entries of the product (KEV often names one product, "Multiple Routers", for different model lines). */
      cves: z.array(z.string().regex(/^CVE-\d{4}-\d{4,19}$/)).min(1).optional(),
      name: z.string().min(3),
      models: z.array(z.string().refine((s) => { try { new RegExp(s, 'i'); return true; } catch { return false; } }, 'not a regular expression')).min(1),
    }),
  ),
}).refine((t) => t.families.every((f) => t.vendors.some((v) => v.id === f.vendor)), { message: 'a family names an unknown vendor', path: ['families'] });
export type VendorTable = z.infer<typeof VendorTableSchema>;

/** Where the snapshot lives under resources/. */
export const KEV_SNAPSHOT_FILE = 'kev/known_exploited_vulnerabilities.json';
export const VENDOR_TABLE_FILE = 'kev/vendor-aliases.json';

const cache = new Map<string, { catalog: KevCatalog; table: VendorTable }>();

/**
 * Loads (once per resources folder) the snapshot and the table, both schema-checked. The snapshot
 * comes from the compact index the build wrote beside the bundle (`indexFile`, see kev-index.ts)
 * when that index was built from this very snapshot; else (run from source, or another resources
 * folder) from the snapshot itself.
 */
export function loadKevData(resourcesDir: string, indexFile: URL | string = new URL(`./${KEV_INDEX_FILE}`, import.meta.url)): { catalog: KevCatalog; table: VendorTable } {
  const key = `${resourcesDir}\0${String(indexFile)}`;
  let hit = cache.get(key);
  if (!hit) {
    const snapshot = join(resourcesDir, KEV_SNAPSHOT_FILE);
    hit = { catalog: readKevIndex(indexFile, snapshot) ?? parseKevFile(snapshot, KevCatalogSchema), table: parseKevFile(join(resourcesDir, VENDOR_TABLE_FILE), VendorTableSchema) };
    cache.set(key, hit);
  }
  return hit;
}
