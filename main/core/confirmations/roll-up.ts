import type { DocumentStore } from '../ports.js';
import { isUserText, msg, plainTextOf, type Message, type MessageParam } from '../messages/index.js';
import type { Progress } from '../store/index.js';
import type { CheckCatalog } from '../checks/index.js';
import type { CheckBoard } from '../checks/index.js';
import type { CheckResult, CheckView } from '../checks/index.js';
import { confirmationNote, type ConfirmationStore, type ConfirmationView, type ConfirmedStatus } from './confirmation-store.js';

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
 * How a step names the subject of a confirmation for the reader (`ring` → "Ring", `assistant-alexa`
 * → "Amazon Alexa"): a name, or a message for a name that has words of its own ("your router");
 * null when the step does not know the subject.
 */
export type SubjectNamer = (subject: string) => MessageParam | null;

/** How many subjects a reason lists by name; the rest are counted ("and 3 more"). */
export const LISTED_SUBJECTS = 12;

/** A subject's name: the step's, else the one kept with the answer (`answer.name`), never its id. */
function nameOf(r: ConfirmationView, namer: SubjectNamer | undefined): MessageParam {
  const named = r.subject === null ? null : (namer?.(r.subject) ?? null);
  if (named !== null && named !== '') return named;
  const kept = r.answer.name;
  return typeof kept === 'string' && kept.trim() ? kept.trim() : msg('confirmation.unnamed-subject');
}

const same = (a: Message | null, b: Message | null) => JSON.stringify(a) === JSON.stringify(b);

/** Each subject's answer as `name: answer` (at most LISTED_SUBJECTS, then "and N more"). */
function subjectList(subjects: readonly ConfirmationView[], namer: SubjectNamer | undefined): Message[] {
  const items = subjects.map((s) =>
    msg('confirmation.subject-answer', { name: nameOf(s, namer), answer: confirmationNote(s) ?? msg(`confirmation.status.${s.status}`) }),
  );
  if (items.length <= LISTED_SUBJECTS) return items;
  return [...items.slice(0, LISTED_SUBJECTS), msg('confirmation.more-subjects', { count: items.length - LISTED_SUBJECTS })];
}

/**
 * Rolls the current per-subject confirmations of a check (e.g. `accounts.2fa:amazon`,
 * `accounts.2fa:ring`) up into one CheckBoard result — the worst of them, with each subject's
 * answer, by name, as the reason (a message listing one message per subject, so every word is the
 * reader's language) — and keeps a check-level history record with that reason and the very dates
 * the board gave the evidence, so history and progress agree. With nothing to count it skips the
 * check with `emptyReason`, followed by the subjects' own reasons where they say something else.
 * `namer` names the subjects; without it (or where it knows none) the name kept with the answer is used.
 */
export function rollUp(store: ConfirmationStore, checks: CheckBoard, checkId: string, emptyReason: Message, namer?: SubjectNamer): CheckView {
  const subjects = store.currentSubjects(checkId);
  const status = worstStatus(subjects.map((s) => s.status));
  if (status === null) {
    // Subjects skipped for the very reason the check is skipped are not repeated after it.
    const own = subjects.filter((s) => !same(confirmationNote(s), emptyReason));
    const reason = own.length ? msg('confirmation.skipped-because', { reason: emptyReason, list: subjectList(own, namer) }) : emptyReason;
    const view = checks.skip(checkId, reason);
    store.record({ checkId, subject: null, status: 'skipped', answer: { subjects: subjects.length }, note: reason });
    return view;
  }
  // The subjects' answers are Porchlight's summary, not the user's own note.
  const reason = msg('confirmation.subjects', { list: subjectList(subjects, namer) });
  const view = checks.confirm(checkId, status, reason);
  if (view.evidence.kind === 'confirmed') {
    store.record({
      checkId,
      subject: null,
      status,
      answer: { subjects: subjects.length },
      note: reason,
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
        ? { id: r.checkId, status: 'skipped', reason: confirmationNote(r) ?? msg('confirmation.skipped-earlier'), evidence: { kind: 'none' }, detail: null }
        : { id: r.checkId, status: r.status, reason: confirmationNote(r), evidence: { kind: 'confirmed', at: r.confirmedAt, expiresAt: r.expiresAt }, detail: null };
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
      // The user's own words travel as they are; a board answer without words keeps no note.
      store.record({ checkId: id, subject: null, status: view.status, note: isUserText(view.reason) ? view.reason : null, confirmedAt: view.evidence.at, expiresAt: view.evidence.expiresAt });
      written.push(id);
    } else if (view.status === 'skipped' && view.reason) {
      // The skip's reason as a message; one kept as prose before codes with the same words counts as the same.
      const note = view.reason;
      const keptNote = kept ? confirmationNote(kept) : null;
      const text = plainTextOf(note);
      if (kept && kept.status === 'skipped' && (same(keptNote, note) || (text !== null && plainTextOf(keptNote) === text))) continue;
      store.record({ checkId: id, subject: null, status: 'skipped', note });
      written.push(id);
    }
  }
  return written;
}
