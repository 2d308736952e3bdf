import { addDays } from '../checks/index.js';

/** Days after the due date at which a re-audit counts as overdue rather than just due. */
export const OVERDUE_GRACE_DAYS = 14;

/**
 * Where the re-audit schedule stands: `never` (no audit yet: the first audit is due now),
 * `scheduled` (before the due date), `due` (from the due date for OVERDUE_GRACE_DAYS), `overdue`.
 */
export type DueState = 'never' | 'scheduled' | 'due' | 'overdue';

export interface ReauditSchedule {
  lastAuditAt: string | null;
  intervalDays: number;
  /** The next re-audit date (last audit + interval), null before the first audit. */
  nextDueAt: string | null;
  state: DueState;
  /** Whole days until the due date (negative once past it), null before the first audit. */
  daysUntilDue: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Computes the re-audit schedule at `now`; dates are instants, so zones and DST do not shift them. */
export function reauditSchedule(lastAuditAt: string | null, intervalDays: number, now: Date): ReauditSchedule {
  if (!lastAuditAt) return { lastAuditAt: null, intervalDays, nextDueAt: null, state: 'never', daysUntilDue: null };
  const due = addDays(new Date(lastAuditAt), intervalDays);
  const untilMs = due.getTime() - now.getTime();
  const daysUntilDue = Math.ceil(untilMs / DAY_MS);
  let state: DueState = 'scheduled';
  if (untilMs <= 0) state = -untilMs >= OVERDUE_GRACE_DAYS * DAY_MS ? 'overdue' : 'due';
  return { lastAuditAt, intervalDays, nextDueAt: due.toISOString(), state, daysUntilDue: Object.is(daysUntilDue, -0) ? 0 : daysUntilDue };
}

/** True when the user should be reminded: the due date has passed (a first audit is the wizard, not a reminder). */
export function isReauditDue(s: ReauditSchedule): boolean {
  return s.state === 'due' || s.state === 'overdue';
}
