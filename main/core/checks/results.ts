import { z } from 'zod';
import type { CheckCatalog, CheckDefinition } from './catalog.js';

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
    reason: z.string().max(2000).nullable(),
    evidence: EvidenceSchema,
    detail: z.string().max(4000).nullable().default(null),
  })
  .refine((r) => !(r.status === 'unknown' || r.status === 'skipped') || (r.reason !== null && r.reason.trim().length > 0), {
    message: 'unknown and skipped results need a reason',
    path: ['reason'],
  });
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const NOT_CHECKED_YET = 'not checked yet';

/** Every check of the catalog starts unknown with the reason "not checked yet". */
export function initialResults(catalog: CheckCatalog): Record<string, CheckResult> {
  return Object.fromEntries(
    catalog.checks.map((c) => [c.id, { id: c.id, status: 'unknown', reason: NOT_CHECKED_YET, evidence: { kind: 'none' }, detail: null } satisfies CheckResult]),
  );
}

/** A result joined with its catalog entry and its evidence state at `now`, as the summary shows it. */
export interface CheckView extends CheckDefinition {
  status: CheckStatus;
  reason: string | null;
  detail: string | null;
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
      reason: expired ? `confirmation expired on ${r.evidence.kind === 'confirmed' ? r.evidence.expiresAt.slice(0, 10) : ''}` : r.reason,
      detail: r.detail,
      evidence: r.evidence,
      expired,
    };
  });
}

/** Adds whole days in UTC milliseconds, so an expiry is the same instant in every time zone and across DST. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}
