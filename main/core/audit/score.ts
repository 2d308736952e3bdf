import type { Severity } from '../checks/index.js';
import type { CheckStatus, CheckView } from '../checks/index.js';

/**
 * The audit score, out of 100, weighted by severity. The rules (documented in docs/report-schema.md):
 * - each check weighs by its severity: critical 10, high 6, medium 3, low 1;
 * - pass earns all its weight, warn half, fail nothing;
 * - unknown earns nothing: Porchlight gives no credit for what it cannot show (an expired
 *   confirmation is unknown, so it costs its points until it is confirmed again);
 * - skipped (not applicable, with a reason) is left out of both sides of the ratio;
 * - with nothing applicable the score is 100 (there is nothing left open).
 */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { critical: 10, high: 6, medium: 3, low: 1 };

/** Share of a check's weight each status earns; `skipped` is excluded rather than credited. */
export const STATUS_CREDIT: Readonly<Record<Exclude<CheckStatus, 'skipped'>, number>> = { pass: 1, warn: 0.5, fail: 0, unknown: 0 };

/** What one check did to the score, in points out of 100 (one decimal). */
export interface ScoreFactor {
  id: string;
  title: string;
  step: CheckView['step'];
  severity: Severity;
  status: CheckStatus;
  weight: number;
  /** Points this check added to the score. */
  earned: number;
  /** Points this check kept the score from reaching (what fixing it would add). */
  lost: number;
}

export interface ScoreBreakdown {
  score: number;
  /** Checks that added points, biggest first. */
  raised: ScoreFactor[];
  /** Checks that cost points, biggest first (the same order as the remaining actions). */
  lowered: ScoreFactor[];
  /** Checks left out because they were skipped as not applicable. */
  excluded: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Order in which equally weighted open checks are listed: a known failure before an unknown before a warning. */
const OPEN_ORDER: Record<CheckStatus, number> = { fail: 0, unknown: 1, warn: 2, pass: 3, skipped: 4 };

type Scored = Pick<CheckView, 'id' | 'title' | 'step' | 'severity' | 'status'>;

/** Computes the score and, for each check, the points it earned and the points it cost. */
export function scoreChecks(checks: readonly Scored[]): ScoreBreakdown {
  const applicable = checks.filter((c) => c.status !== 'skipped');
  const total = applicable.reduce((sum, c) => sum + SEVERITY_WEIGHT[c.severity], 0);
  const factors: ScoreFactor[] = applicable.map((c) => {
    const weight = SEVERITY_WEIGHT[c.severity];
    const credit = STATUS_CREDIT[c.status as Exclude<CheckStatus, 'skipped'>];
    return {
      id: c.id,
      title: c.title,
      step: c.step,
      severity: c.severity,
      status: c.status,
      weight,
      earned: round1((100 * weight * credit) / total),
      lost: round1((100 * weight * (1 - credit)) / total),
    };
  });
  const earnedWeight = applicable.reduce((sum, c) => sum + SEVERITY_WEIGHT[c.severity] * STATUS_CREDIT[c.status as Exclude<CheckStatus, 'skipped'>], 0);
  const index = new Map(checks.map((c, i) => [c.id, i]));
  const byImpact = (a: ScoreFactor, b: ScoreFactor) =>
    b.lost - a.lost || OPEN_ORDER[a.status] - OPEN_ORDER[b.status] || index.get(a.id)! - index.get(b.id)!;
  return {
    score: total === 0 ? 100 : Math.round((100 * earnedWeight) / total),
    raised: factors.filter((f) => f.earned > 0).sort((a, b) => b.earned - a.earned || index.get(a.id)! - index.get(b.id)!),
    lowered: factors.filter((f) => f.lost > 0).sort(byImpact),
    excluded: checks.filter((c) => c.status === 'skipped').map((c) => c.id),
  };
}
