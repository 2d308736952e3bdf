import { z } from 'zod';
import type { Clock, DocumentStore } from '../ports.js';
import type { Settings } from '../store/index.js';
import { AnswerSchema, ConfirmationRecordSchema, ConfirmedStatusSchema, SubjectSchema, type Answer, type ConfirmationRecord, type ConfirmedStatus, type HomeModel } from '../model/index.js';
import { PorchlightError } from '../errors.js';
import { toMessage, type Message } from '../messages/index.js';
import { daysLeft, expiryOf, isExpired } from './expiry.js';

const CheckIdSchema = z.string().regex(/^[a-z]+\.[a-z0-9-]+$/).max(64);
/** The record schemas live in the home model (one document holds what the owner confirmed). */
export { SubjectSchema, AnswerSchema, ConfirmedStatusSchema, ConfirmationRecordSchema };
export type { Answer, ConfirmedStatus, ConfirmationRecord };

/** A record as of now: whether it has expired and how many days it has left. */
export interface ConfirmationView extends ConfirmationRecord {
  key: string;
  expired: boolean;
  daysLeft: number;
}

export interface RecordInput {
  checkId: string;
  subject: string | null;
  status: ConfirmedStatus;
  answer?: Answer;
  /** What the answer means, as a message with names (never ids) in its params; never English prose. */
  note?: Message | null;
  /** Dates to keep instead of now/now+expiry, e.g. copied from the CheckBoard's evidence. */
  confirmedAt?: string;
  expiresAt?: string;
}

/**
 * A record's note as a message: one written as a message as is, English prose kept from a version
 * before codes as `common.prose` (shown as written), none as null.
 */
export function confirmationNote(r: Pick<ConfirmationRecord, 'note'>): Message | null {
  return toMessage(r.note);
}

/** The history key of a confirmation: the check id, plus `:subject` when it is about one thing. */
export function confirmationKey(checkId: string, subject: string | null): string {
  return subject === null ? checkId : `${checkId}:${subject}`;
}

/**
 * The durable record of everything the user confirmed, with its date, in the home model (one
 * document; profiles that kept them in the history are moved by migrateConfirmations).
 * It survives a new audit (the progress document is per audit) and hands back each record as
 * *expired* once `settings.confirmationExpiryDays` have passed. A malformed entry in the file is
 * reported and ignored, never a crash.
 */
export class ConfirmationStore {
  constructor(
    private readonly model: Pick<HomeModel, 'confirmations' | 'setConfirmations'>,
    private readonly settings: DocumentStore<Settings>,
    private readonly clock: Clock,
  ) {}

  /** Records (or renews) a confirmation; the previous answer moves to `earlier`. */
  record(input: RecordInput): ConfirmationView {
    const checkId = CheckIdSchema.parse(input.checkId);
    const subject = input.subject === null ? null : SubjectSchema.parse(input.subject);
    const now = this.clock.now();
    const confirmedAt = input.confirmedAt ?? now.toISOString();
    const expiresAt = input.expiresAt ?? expiryOf(new Date(confirmedAt), this.settings.read().confirmationExpiryDays).toISOString();
    const key = confirmationKey(checkId, subject);
    const all = this.model.confirmations();
    const prior = ConfirmationRecordSchema.safeParse(all[key]);
    const earlier = prior.success
      ? [{ status: prior.data.status, confirmedAt: prior.data.confirmedAt, answer: prior.data.answer }, ...prior.data.earlier].slice(0, 5)
      : [];
    const parsed = ConfirmationRecordSchema.safeParse({
      checkId,
      subject,
      status: input.status,
      answer: input.answer ?? {},
      note: input.note ?? null,
      confirmedAt,
      expiresAt,
      earlier,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PorchlightError('invalid-arguments', 'error.confirmation-invalid', { detail: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() });
    }
    this.model.setConfirmations({ ...all, [key]: parsed.data });
    return this.view(key, parsed.data, now);
  }

  /** One confirmation, or null when there is none (or it is unreadable). */
  get(checkId: string, subject: string | null = null): ConfirmationView | null {
    const key = confirmationKey(checkId, subject);
    const parsed = ConfirmationRecordSchema.safeParse(this.model.confirmations()[key]);
    return parsed.success ? this.view(key, parsed.data, this.clock.now()) : null;
  }

  /** Every readable confirmation (optionally of one check), plus a line per unreadable entry. */
  list(checkId?: string): { records: ConfirmationView[]; problems: string[] } {
    const now = this.clock.now();
    const records: ConfirmationView[] = [];
    const problems: string[] = [];
    for (const [key, raw] of Object.entries(this.model.confirmations())) {
      const parsed = ConfirmationRecordSchema.safeParse(raw);
      if (!parsed.success || confirmationKey(parsed.data.checkId, parsed.data.subject) !== key) {
        problems.push(`The saved confirmation "${key.slice(0, 80)}" could not be read and is ignored.`);
        continue;
      }
      if (checkId === undefined || parsed.data.checkId === checkId) records.push(this.view(key, parsed.data, now));
    }
    records.sort((a, b) => a.key.localeCompare(b.key));
    return { records, problems };
  }

  /** The current (not expired) per-subject confirmations of a check. */
  currentSubjects(checkId: string): ConfirmationView[] {
    return this.list(checkId).records.filter((r) => r.subject !== null && !r.expired);
  }

  /** Drops the subject records of a check that `keep` rejects (an account the user no longer has). */
  forgetSubjects(checkId: string, keep: (subject: string) => boolean): string[] {
    const dropped: string[] = [];
    const confirmations = { ...this.model.confirmations() };
    for (const r of this.list(checkId).records) {
      if (r.subject !== null && !keep(r.subject)) {
        delete confirmations[r.key];
        dropped.push(r.subject);
      }
    }
    if (dropped.length) this.model.setConfirmations(confirmations);
    return dropped;
  }

  private view(key: string, r: ConfirmationRecord, now: Date): ConfirmationView {
    return { ...r, key, expired: isExpired(r.expiresAt, now), daysLeft: daysLeft(r.expiresAt, now) };
  }
}
