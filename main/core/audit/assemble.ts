import type { CheckCatalog } from '../checks/index.js';
import { NOT_CHECKED_YET, viewChecks, type CheckResult, type CheckView } from '../checks/index.js';
import type { AuditRecord } from './record.js';
import { NO_RUNNER_REASON, type MeasuredCheck } from './runners.js';
import type { NotRechecked } from './not-rechecked.js';
import { msg } from '../messages/index.js';

/** The check the audit measures itself: whether a report was exported recently. */
export const REPORT_CHECK_ID = 'docs.report';

/** Everything an audit knows about the checks, from every source, before they are merged. */
export interface CheckSources {
  /** `app`: the wizard's live results lead; `cli`: only this run's measurements count as *verified*. */
  host: 'app' | 'cli';
  /** Measurements made by this run's runners (CLI), by check id. */
  measured: Partial<Record<string, MeasuredCheck>>;
  /** Checks this run did not re-run because the owner did not allow the look they need (headless audit). */
  notRun?: Partial<Record<string, NotRechecked>>;
  /** The check board of the current wizard run (the progress document). */
  board: Record<string, CheckResult>;
  /** Confirmations (and skips) kept in the history store, one per check (see readConfirmations). */
  confirmations: Map<string, CheckResult>;
  /** The previous audit, whose confirmations and skips carry forward. */
  previous: AuditRecord | null;
  /** The docs.report result, computed from the export history. */
  report: CheckResult;
  now: Date;
}

const isInitial = (r: CheckResult | undefined) => !r || (r.evidence.kind === 'none' && r.status !== 'skipped');

/** Of two confirmations, the newer one (the user's latest word). */
function newer(a: CheckResult | null, b: CheckResult | null): CheckResult | null {
  if (!a) return b;
  if (!b) return a;
  const at = (r: CheckResult) => (r.evidence.kind === 'none' ? '' : r.evidence.at);
  return at(b) > at(a) ? b : a;
}

/**
 * Merges the sources into one result per catalog check, then applies expiry (viewChecks):
 * - a measurement of this run wins, unless it is `unknown` and a valid confirmation exists;
 * - in the app, the wizard's own results (verified or confirmed, or a skip) come next;
 * - then the newest confirmation (board, history store, previous audit), expired ones included
 *   so they are reported as *expired*; then a skip carried from the board or the previous audit;
 * - otherwise `unknown`: "no automated check available in this build" for a check only a
 *   measurement can settle, "not confirmed yet" for one the user confirms.
 */
export function assembleChecks(catalog: CheckCatalog, src: CheckSources): CheckView[] {
  const results: Record<string, CheckResult> = {};
  const prev = new Map((src.previous?.checks ?? []).map((c) => [c.id, c]));
  for (const def of catalog.checks) {
    const id = def.id;
    if (id === REPORT_CHECK_ID) {
      results[id] = src.report;
      continue;
    }
    const board = src.board[id];
    const stored = src.confirmations.get(id);
    const previous = prev.get(id);
    const confirmed = def.evidenceKinds.includes('confirmed')
      ? [
          board?.evidence.kind === 'confirmed' ? board : null,
          stored?.evidence.kind === 'confirmed' ? stored : null,
          previous?.evidence.kind === 'confirmed' ? { id, status: previous.status, reason: previous.reason, evidence: previous.evidence, detail: previous.detail } : null,
        ].reduce(newer, null)
      : null;
    const confirmedValid = confirmed?.evidence.kind === 'confirmed' && new Date(confirmed.evidence.expiresAt) > src.now ? confirmed : null;
    const skip = board?.status === 'skipped' ? board : stored?.status === 'skipped' ? stored : previous?.status === 'skipped' ? previous : null;
    const m = src.measured[id];
    const held = src.notRun?.[id];
    if (held && !confirmedValid) {
      // not re-run (the owner did not allow the look it needs): the last measured result stands with
      // its own date and says why it is not today's; with none, unknown saying why
      const had = previous?.evidence.kind === 'verified' && previous.status !== 'unknown' && previous.status !== 'skipped' ? previous : null;
      results[id] =
        had && had.evidence.kind === 'verified'
          ? { id, status: had.status, reason: had.reason, evidence: had.evidence, detail: held.kept(had.evidence.at) }
          : { id, status: 'unknown', reason: held.reason, evidence: { kind: 'none' }, detail: null };
      continue;
    }
    if (m && (m.status !== 'unknown' || !confirmedValid)) {
      // what this run could not re-check says so, and keeps the dated evidence it had
      const had = m.status === 'unknown' && previous?.evidence.kind === 'verified' && previous.status !== 'unknown' ? previous : null;
      const detail = had ? `last verified on ${had.evidence.kind === 'verified' ? had.evidence.at.slice(0, 10) : ''}: ${had.status}${had.reason ? ` (${had.reason})` : ''}`.slice(0, 4000) : (m.detail ?? null);
      results[id] = { id, status: m.status, reason: m.reason, evidence: { kind: 'verified', at: src.now.toISOString() }, detail };
      continue;
    }
    if (src.host === 'app' && !isInitial(board)) {
      results[id] = board!;
      continue;
    }
    const chosen = (board?.status === 'skipped' ? board : null) ?? confirmedValid ?? confirmed ?? skip;
    if (chosen) {
      results[id] = { id, status: chosen.status, reason: chosen.reason, evidence: chosen.evidence, detail: chosen.detail ?? null };
      continue;
    }
    const onlyMeasured = !def.evidenceKinds.includes('confirmed');
    const reason = !onlyMeasured ? 'not confirmed yet' : src.host === 'cli' ? NO_RUNNER_REASON : NOT_CHECKED_YET;
    results[id] = { id, status: 'unknown', reason, evidence: { kind: 'none' }, detail: null };
  }
  return viewChecks(catalog, results, src.now);
}

/**
 * The docs.report check: pass (verified, dated) when a report was exported within the interval,
 * fail when the last export is older or there has been none.
 */
export function reportCheck(audits: readonly AuditRecord[], intervalDays: number, now: Date): CheckResult {
  const last = audits.flatMap((a) => a.exports.map((e) => e.at)).sort().at(-1) ?? null;
  if (!last) return { id: REPORT_CHECK_ID, status: 'fail', reason: msg('audit.report-check.none'), evidence: { kind: 'verified', at: now.toISOString() }, detail: null };
  const ageDays = (now.getTime() - new Date(last).getTime()) / 86_400_000;
  if (ageDays <= intervalDays) return { id: REPORT_CHECK_ID, status: 'pass', reason: msg('audit.report-check.exported', { date: last }), evidence: { kind: 'verified', at: last }, detail: null };
  return {
    id: REPORT_CHECK_ID,
    status: 'fail',
    reason: msg('audit.report-check.old', { date: last, days: intervalDays }),
    evidence: { kind: 'verified', at: now.toISOString() },
    detail: null,
  };
}
