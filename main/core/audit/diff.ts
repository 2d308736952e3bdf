import type { CheckStatus } from '../checks/index.js';
import type { AuditCheck, AuditRecord, InventoryDevice } from './record.js';

/** A check whose status changed between two audits. */
export interface CheckChange {
  id: string;
  from: CheckStatus;
  to: CheckStatus;
}

/** A confirmation that was valid at the previous audit and has expired since. */
export interface ExpiredConfirmation {
  id: string;
  confirmedAt: string;
  expiredAt: string;
}

/** What changed since the previous audit. `previous` is null for a first audit (then every list is empty). */
export interface AuditDiff {
  previous: { id: string; at: string; score: number } | null;
  scoreDelta: number | null;
  newDevices: InventoryDevice[];
  goneDevices: InventoryDevice[];
  regressed: CheckChange[];
  improved: CheckChange[];
  /** Status changes that are neither better nor worse (to or from skipped, fail → unknown). */
  otherChanges: CheckChange[];
  expiredConfirmations: ExpiredConfirmation[];
}

/**
 * How good a status is, for regressions: pass > warn > unknown > fail. Going to `unknown` from a
 * known-good status is a regression (Porchlight can no longer show it); reaching `unknown` from
 * `fail` is not counted as an improvement. `skipped` has no rank.
 */
const RANK: Partial<Record<CheckStatus, number>> = { pass: 3, warn: 2, unknown: 1, fail: 0 };

type DiffSide = Pick<AuditRecord, 'id' | 'at' | 'score'> & { checks: readonly AuditCheck[]; inventory: readonly InventoryDevice[] };

function classify(from: CheckStatus, to: CheckStatus): 'regressed' | 'improved' | 'other' {
  const a = RANK[from];
  const b = RANK[to];
  if (a === undefined || b === undefined) return 'other';
  if (b < a) return 'regressed';
  if (b > a && to !== 'unknown') return 'improved';
  return 'other';
}

/**
 * The devices the latest survey of an inventory saw: a device listed with an older last-seen date
 * (one marked to move to the IoT network stays listed after it left) was not seen; a device without
 * dates (added by hand) counts as present.
 */
function seenInLatestSurvey(inventory: readonly InventoryDevice[]): Set<string> {
  const latest = inventory.reduce<string | null>((max, d) => (d.lastSeen && (!max || d.lastSeen > max) ? d.lastSeen : max), null);
  return new Set(inventory.filter((d) => !d.lastSeen || !latest || d.lastSeen >= latest).map((d) => d.key));
}

/** Compares an audit (or the current state) with the previous audit. */
export function diffAudits(previous: DiffSide | null, current: DiffSide): AuditDiff {
  if (!previous) {
    return { previous: null, scoreDelta: null, newDevices: [], goneDevices: [], regressed: [], improved: [], otherChanges: [], expiredConfirmations: [] };
  }
  const before = new Map(previous.inventory.map((d) => [d.key, d]));
  const seenBefore = seenInLatestSurvey(previous.inventory);
  const seenNow = seenInLatestSurvey(current.inventory);
  const prevChecks = new Map(previous.checks.map((c) => [c.id, c]));
  const diff: AuditDiff = {
    previous: { id: previous.id, at: previous.at, score: previous.score },
    scoreDelta: current.score - previous.score,
    newDevices: current.inventory.filter((d) => !before.has(d.key)),
    // Gone: seen in the previous survey, not seen in this one (absent, or listed only because it was marked to move).
    goneDevices: previous.inventory.filter((d) => seenBefore.has(d.key) && !seenNow.has(d.key)),
    regressed: [],
    improved: [],
    otherChanges: [],
    expiredConfirmations: [],
  };
  for (const now of current.checks) {
    const then = prevChecks.get(now.id);
    if (now.expired && now.evidence.kind === 'confirmed' && !(then?.expired ?? false)) {
      diff.expiredConfirmations.push({ id: now.id, confirmedAt: now.evidence.at, expiredAt: now.evidence.expiresAt });
    }
    if (!then || then.status === now.status) continue;
    const change = { id: now.id, from: then.status, to: now.status };
    const kind = classify(then.status, now.status);
    if (kind === 'regressed') diff.regressed.push(change);
    else if (kind === 'improved') diff.improved.push(change);
    else diff.otherChanges.push(change);
  }
  return diff;
}
