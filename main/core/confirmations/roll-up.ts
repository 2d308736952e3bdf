import type { DocumentStore } from '../ports.js';
import { msg, plainTextOf, userTextOf } from '../messages/index.js';
import type { Progress } from '../store/index.js';
import type { CheckCatalog } from '../checks/index.js';
import type { CheckBoard } from '../checks/index.js';
import type { CheckResult, CheckView } from '../checks/index.js';
import type { ConfirmationStore, ConfirmedStatus } from './confirmation-store.js';

const SEVERITY: Record<'pass' | 'warn' | 'fail', number> = { pass: 0, warn: 1, fail: 2 };

/** The worst of several statuses (fail > warn > pass); `skipped` ones do not count; null when none count. */
export function worstStatus(statuses: readonly ConfirmedStatus[]): 'pass' | 'warn' | 'fail' | null {
  let worst: 'pass' | 'warn' | 'fail' | null = null;
  for (const s of statuses) {
    if (s === 'skipped') continue;
    if (worst === null || SEVERITY[s] > SEVERITY[worst]) worst = s;
  }
  return worst;
}

/**
 * Rolls the current per-subject confirmations of a check (e.g. `accounts.2fa:amazon`,
 * `accounts.2fa:ring`) up into one CheckBoard result — the worst of them, with each subject's
 * note as the reason — and keeps a check-level history record with the very dates the board
 * gave the evidence, so history and progress agree. With nothing to count it skips the check
 * with `emptyReason`.
 */
export function rollUp(store: ConfirmationStore, checks: CheckBoard, checkId: string, emptyReason: string): CheckView {
  const subjects = store.currentSubjects(checkId);
  const status = worstStatus(subjects.map((s) => s.status));
  const note = subjects
    .map((s) => `${s.subject}: ${s.note ?? s.status}`)
    .join('; ')
    .slice(0, 1900);
  if (status === null) {
    const reason = subjects.length ? `${emptyReason} (${note})`.slice(0, 1900) : emptyReason;
    const view = checks.skip(checkId, msg('common.prose', { text: reason }));
    store.record({ checkId, subject: null, status: 'skipped', answer: { subjects: subjects.length }, note: reason });
    return view;
  }
  // The subjects' answers are Porchlight's summary, not the user's own note.
  const view = checks.confirm(checkId, status, note ? msg('confirmation.subjects', { list: note }) : undefined);
  if (view.evidence.kind === 'confirmed') {
    store.record({
      checkId,
      subject: null,
      status,
      answer: { subjects: subjects.length },
      note: note || null,
      confirmedAt: view.evidence.at,
      expiresAt: view.evidence.expiresAt,
    });
  }
  return view;
}

/**
 * Puts the check-level confirmations kept in the home model back into a fresh audit's progress
 * document, with their original dates, for every check the audit has no evidence for yet. The
 * board then shows each as *confirmed on DATE* — or *expired*, once its date has passed — which
 * is what a re-audit asks the user about again. Returns the ids restored.
 */
export function restoreConfirmations(store: ConfirmationStore, progress: DocumentStore<Progress>, catalog: CheckCatalog): string[] {
  const doc = progress.read();
  const checksDoc = { ...doc.checks };
  const restored: string[] = [];
  for (const r of store.list().records) {
    if (r.subject !== null) continue;
    const def = catalog.checks.find((c) => c.id === r.checkId);
    if (!def || !def.evidenceKinds.includes('confirmed')) continue;
    const existing = checksDoc[r.checkId];
    if (existing && existing.evidence.kind !== 'none') continue;
    if (existing && existing.status === 'skipped') continue;
    const result: CheckResult =
      r.status === 'skipped'
        ? { id: r.checkId, status: 'skipped', reason: r.note ?? 'skipped in an earlier audit', evidence: { kind: 'none' }, detail: null }
        : { id: r.checkId, status: r.status, reason: r.note, evidence: { kind: 'confirmed', at: r.confirmedAt, expiresAt: r.expiresAt }, detail: null };
    checksDoc[r.checkId] = result;
    restored.push(r.checkId);
  }
  if (restored.length) progress.write({ ...doc, checks: checksDoc });
  return restored;
}

/**
 * Copies check-level confirmations the user gave straight on the board (the quick Yes / Partly /
 * Not yet answers, or a skip) into history with the board's own dates, so every confirmation is
 * durable, not only those of the guided steps. Idempotent: a record with the same date is left
 * alone. Returns the ids written.
 */
export function syncFromBoard(store: ConfirmationStore, checks: CheckBoard, ids: readonly string[]): string[] {
  const written: string[] = [];
  for (const id of ids) {
    const view = checks.get(id);
    const kept = store.get(id);
    if (view.evidence.kind === 'confirmed' && !view.expired) {
      if (view.status !== 'pass' && view.status !== 'warn' && view.status !== 'fail') continue;
      if (kept && kept.confirmedAt === view.evidence.at && kept.status === view.status) continue;
      store.record({ checkId: id, subject: null, status: view.status, note: userTextOf(view.reason), confirmedAt: view.evidence.at, expiresAt: view.evidence.expiresAt });
      written.push(id);
    } else if (view.status === 'skipped' && view.reason) {
      const note = plainTextOf(view.reason);
      if (kept && kept.status === 'skipped' && kept.note === note) continue;
      store.record({ checkId: id, subject: null, status: 'skipped', note });
      written.push(id);
    }
  }
  return written;
}
