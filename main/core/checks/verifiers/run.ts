import { z } from 'zod';
import { CheckStatusSchema } from '../results.js';
import { hasText, msg, StoredTextSchema } from '../../messages/index.js';
import type { Consent, ConsentKind } from '../../model/index.js';
import { CHECK_IDS, runMemo, type AuditScope, type CheckId, type MeasuredCheck, type VerifierRegistry, type Verifier, type VerifyContext } from './types.js';

const MeasuredSchema = z
  .object({ status: CheckStatusSchema, reason: StoredTextSchema.nullable(), detail: StoredTextSchema.nullable().optional() })
  .refine((r) => !(r.status === 'unknown' || r.status === 'skipped') || hasText(r.reason));

/** Every measuring verifier's result by check id, and how long each took. */
export interface VerifiersOutcome {
  results: Partial<Record<CheckId, MeasuredCheck>>;
  timings: Partial<Record<CheckId, number>>;
  /** Checks not run because the owner did not allow the look they need: the kind, and the answer (false: refused; null: never answered). */
  notRun: Partial<Record<CheckId, { kind: ConsentKind; answer: false | null }>>;
}

/** What the owner allowed (the home model's consent), or null when scope flags decide (everything within them). */
export type ConsentGate = Pick<Consent, ConsentKind> | null;

async function withDeadline(v: Verifier, ctx: Omit<VerifyContext, 'signal'>): Promise<MeasuredCheck | null> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${Math.round(v.deadlineMs / 1000)} s`));
    }, v.deadlineMs);
  });
  try {
    return await Promise.race([v.verify({ ...ctx, signal: controller.signal }), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs every measuring verifier (one after another: they probe the same small network and must stay
 * polite), each within its deadline, sharing one survey and one Wi-Fi scan per run. A verifier that
 * throws, times out or answers something malformed turns its check `unknown` with the reason; it
 * never stops the audit. Confirmation-only checks are not run (their dated confirmation stands).
 * With a `consent` gate, a verifier whose look the owner did not allow is not run at all (nothing
 * is sent); it is listed in `notRun` with why.
 */
export async function runVerifiers(registry: VerifierRegistry, scope: AuditScope, now: () => number = Date.now, only?: readonly CheckId[], consent: ConsentGate = null): Promise<VerifiersOutcome> {
  const out: VerifiersOutcome = { results: {}, timings: {}, notRun: {} };
  const once = runMemo();
  for (const id of only ?? CHECK_IDS) {
    const v = registry[id];
    if (!v.measures) continue;
    const refused = consent ? [v.needs, ...(v.alsoNeeds ?? [])].find((k): k is ConsentKind => k !== undefined && consent[k] !== true) : undefined;
    if (consent && refused) {
      out.notRun[id] = { kind: refused, answer: consent[refused] === false ? false : null };
      continue;
    }
    const started = now();
    try {
      const m = await withDeadline(v, { scope, once });
      if (m !== null) {
        const parsed = MeasuredSchema.safeParse(m);
        out.results[id] = parsed.success ? { status: parsed.data.status, reason: parsed.data.reason, detail: parsed.data.detail ?? null } : { status: 'unknown', reason: msg('check.unreadable') };
      }
    } catch (err) {
      out.results[id] = { status: 'unknown', reason: msg('check.could-not-finish', { error: String((err as Error)?.message ?? 'unknown error').slice(0, 1000) }) };
    }
    out.timings[id] = now() - started;
  }
  return out;
}
