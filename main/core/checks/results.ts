import { z } from 'zod';
import type { CheckCatalog, CheckDefinition } from './catalog.js';
import { hasText, msg, NOT_CHECKED_YET as NOT_CHECKED_YET_MESSAGE, StoredTextSchema, toMessage, type Message } from '../messages/index.js';

export const CheckStatusSchema = z.enum(['pass', 'warn', 'fail', 'unknown', 'skipped']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

const isoDate = z.iso.datetime({ offset: true });

/** How Porchlight knows a status: measured itself, the user's dated word, or nothing yet. */
export const EvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('verified'), at: isoDate }),
  z.strictObject({ kind: z.literal('confirmed'), at: isoDate, expiresAt: isoDate }),
  z.strictObject({ kind: z.literal('none') }),
]);
export type Evidence = z.infer<typeof EvidenceSchema>;

/** A check's current result. `unknown` and `skipped` always carry a reason (enforced by the schema). */
export const CheckResultSchema = z
  .strictObject({
    id: z.string(),
    status: CheckStatusSchema,
    /** A message; prose from producers not converted to codes yet (and saved profiles) is still read. */
    reason: StoredTextSchema.nullable(),
    evidence: EvidenceSchema,
    detail: StoredTextSchema.nullable().default(null),
  })
  .refine((r) => !(r.status === 'unknown' || r.status === 'skipped') || hasText(r.reason), {
    message: 'unknown and skipped results need a reason',
    path: ['reason'],
  });
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** The legacy prose reason "not checked yet" (read as the message `common.not-checked-yet`). */
export const NOT_CHECKED_YET = 'not checked yet';

/** Every check of the catalog starts unknown with the reason `common.not-checked-yet`. */
export function initialResults(catalog: CheckCatalog): Record<string, CheckResult> {
  return Object.fromEntries(
    catalog.checks.map((c) => [c.id, { id: c.id, status: 'unknown', reason: NOT_CHECKED_YET_MESSAGE, evidence: { kind: 'none' }, detail: null } satisfies CheckResult]),
  );
}

/** A result joined with its catalog entry and its evidence state at `now`, as the summary shows it. */
export interface CheckView extends CheckDefinition {
  status: CheckStatus;
  /** Why it has this status, as a message (words come from the i18n catalogs). */
  reason: Message | null;
  /** What was seen, as a message. */
  detail: Message | null;
  evidence: Evidence;
  /** True when a confirmation is past its expiry: the status then reads `unknown` with reason "confirmation expired". */
  expired: boolean;
}

/** Joins results to the catalog; an expired confirmation turns the check back to unknown with its reason. */
export function viewChecks(catalog: CheckCatalog, results: Record<string, CheckResult>, now: Date): CheckView[] {
  return catalog.checks.map((def) => {
    const r = results[def.id] ?? initialResults({ ...catalog, checks: [def] })[def.id]!;
    const expired = r.evidence.kind === 'confirmed' && new Date(r.evidence.expiresAt).getTime() <= now.getTime();
    return {
      ...def,
      status: expired ? 'unknown' : r.status,
      reason: expired && r.evidence.kind === 'confirmed' ? msg('confirmation.expired', { date: r.evidence.expiresAt }) : toMessage(r.reason),
      detail: toMessage(r.detail),
      evidence: r.evidence,
      expired,
    };
  });
}

/** Adds whole days in UTC milliseconds, so an expiry is the same instant in every time zone and across DST. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}
