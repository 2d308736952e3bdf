import { z } from 'zod';
import { VulnRecordSchema } from '../vulns/index.js';
import { CheckStatusSchema, EvidenceSchema } from '../checks/index.js';
import { hasText, StoredTextSchema } from '../messages/index.js';

/**
 * The audit record kept in the history store for every completed audit. It holds statuses,
 * evidence, the inventory and the router identity — by construction never a secret: no field can
 * carry a passphrase or password, only check reasons and device facts seen on the network.
 */

const isoDate = z.iso.datetime({ offset: true });
const short = (max: number) => z.string().max(max);

export const AuditModeSchema = z.enum(['first-time', 're-audit']);
export type AuditMode = z.infer<typeof AuditModeSchema>;

/** Which host completed the audit: the app's summary step or the headless `porchlight audit`. */
export const AuditSourceSchema = z.enum(['app', 'cli']);

/** One check as it stood when the audit was completed. */
export const AuditCheckSchema = z
  .strictObject({
    id: short(64),
    status: CheckStatusSchema,
    /** A message; prose in audits saved before message codes. */
    reason: StoredTextSchema.nullable(),
    evidence: EvidenceSchema,
    detail: StoredTextSchema.nullable(),
    /** True when the check rests on a confirmation that had expired at the audit's date. */
    expired: z.boolean(),
  })
  .refine((r) => !(r.status === 'unknown' || r.status === 'skipped') || hasText(r.reason), {
    message: 'unknown and skipped results need a reason',
    path: ['reason'],
  });
export type AuditCheck = z.infer<typeof AuditCheckSchema>;

/** A device of the inventory: what the survey saw, keyed by MAC (or a stable id when there is none). */
export const InventoryDeviceSchema = z.strictObject({
  key: short(100),
  name: short(200).nullable(),
  ip: short(64).nullable(),
  mac: short(32).nullable(),
  vendor: short(200).nullable(),
  category: short(40).nullable(),
  firmware: short(100).nullable(),
  firstSeen: isoDate.nullable(),
  lastSeen: isoDate.nullable(),
});
export type InventoryDevice = z.infer<typeof InventoryDeviceSchema>;

/** The router as identified without logging in, with the sources that said so. */
export const RouterIdentitySchema = z.strictObject({
  address: short(64).nullable(),
  vendor: short(200).nullable(),
  model: short(200).nullable(),
  firmware: short(100).nullable(),
  sources: z.array(short(100)).max(20),
});
export type RouterIdentity = z.infer<typeof RouterIdentitySchema>;

/** A report written from this audit (the `docs.report` check reads these dates). */
export const ExportEntrySchema = z.strictObject({ format: z.enum(['html', 'json', 'pdf']), at: isoDate });

export const AuditRecordSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  at: isoDate,
  mode: AuditModeSchema,
  source: AuditSourceSchema,
  appVersion: short(40),
  score: z.number().int().min(0).max(100),
  checks: z.array(AuditCheckSchema).max(500),
  inventory: z.array(InventoryDeviceSchema).max(2000),
  router: RouterIdentitySchema.nullable(),
  exports: z.array(ExportEntrySchema).max(1000),
  /** Known exploited vulnerabilities per device (CISA KEV snapshot); null in audits saved before this was recorded. */
  vulnerabilities: VulnRecordSchema.nullable().default(null),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** The newest audit of a history (audits are kept newest last), or null. */
export function latestAudit(audits: readonly AuditRecord[]): AuditRecord | null {
  return audits.length ? audits[audits.length - 1]! : null;
}
