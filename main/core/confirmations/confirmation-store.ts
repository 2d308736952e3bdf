import { z } from 'zod';
import type { Clock, DocumentStore } from '../ports.js';
import type { History, Settings } from '../store/index.js';
import { PorchlightError } from '../errors.js';
import { daysLeft, expiryOf, isExpired } from './expiry.js';

const isoDate = z.iso.datetime({ offset: true });
const CheckIdSchema = z.string().regex(/^[a-z]+\.[a-z0-9-]+$/).max(64);
/** A subject names what a confirmation is about: an account id, a device id (MAC), an assistant. */
export const SubjectSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'subjects are 1–64 of A-Z, a-z, 0-9 and . _ : -');

/** Non-secret facts the user gave (e.g. which 2FA method); never a password or code. */
export const AnswerSchema = z.record(z.string().max(40), z.union([z.string().max(300), z.number(), z.boolean(), z.null()]));
export type Answer = z.infer<typeof AnswerSchema>;

export const ConfirmedStatusSchema = z.enum(['pass', 'warn', 'fail', 'skipped']);
export type ConfirmedStatus = z.infer<typeof ConfirmedStatusSchema>;

const EarlierSchema = z.strictObject({ status: ConfirmedStatusSchema, confirmedAt: isoDate, answer: AnswerSchema });

/** One dated confirmation as kept in History.confirmations under `checkId` or `checkId:subject`. */
export const ConfirmationRecordSchema = z.strictObject({
  checkId: CheckIdSchema,
  subject: SubjectSchema.nullable(),
  status: ConfirmedStatusSchema,
  answer: AnswerSchema,
  note: z.string().max(2000).nullable(),
  confirmedAt: isoDate,
  expiresAt: isoDate,
  /** Up to the last five earlier answers, newest first, so a re-audit can say what changed. */
  earlier: z.array(EarlierSchema).max(5),
});
export type ConfirmationRecord = z.infer<typeof ConfirmationRecordSchema>;

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
  note?: string | null;
  /** Dates to keep instead of now/now+expiry, e.g. copied from the CheckBoard's evidence. */
  confirmedAt?: string;
  expiresAt?: string;
}

/** The history key of a confirmation: the check id, plus `:subject` when it is about one thing. */
export function confirmationKey(checkId: string, subject: string | null): string {
  return subject === null ? checkId : `${checkId}:${subject}`;
}

/**
 * The durable record of everything the user confirmed, with its date, in the history store.
 * It survives a new audit (the progress document is per audit) and hands back each record as
 * *expired* once `settings.confirmationExpiryDays` have passed. A malformed entry in the file is
 * reported and ignored, never a crash.
 */
export class ConfirmationStore {
  constructor(
    private readonly history: DocumentStore<History>,
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
    const doc = this.history.read();
    const prior = ConfirmationRecordSchema.safeParse(doc.confirmations[key]);
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
      throw new PorchlightError('invalid-arguments', `That confirmation could not be kept: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
    }
    this.history.write({ ...doc, confirmations: { ...doc.confirmations, [key]: parsed.data } });
    return this.view(key, parsed.data, now);
  }

  /** One confirmation, or null when there is none (or it is unreadable). */
  get(checkId: string, subject: string | null = null): ConfirmationView | null {
    const key = confirmationKey(checkId, subject);
    const parsed = ConfirmationRecordSchema.safeParse(this.history.read().confirmations[key]);
    return parsed.success ? this.view(key, parsed.data, this.clock.now()) : null;
  }

  /** Every readable confirmation (optionally of one check), plus a line per unreadable entry. */
  list(checkId?: string): { records: ConfirmationView[]; problems: string[] } {
    const now = this.clock.now();
    const records: ConfirmationView[] = [];
    const problems: string[] = [];
    for (const [key, raw] of Object.entries(this.history.read().confirmations)) {
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
    const doc = this.history.read();
    const dropped: string[] = [];
    const confirmations = { ...doc.confirmations };
    for (const r of this.list(checkId).records) {
      if (r.subject !== null && !keep(r.subject)) {
        delete confirmations[r.key];
        dropped.push(r.subject);
      }
    }
    if (dropped.length) this.history.write({ ...doc, confirmations });
    return dropped;
  }

  private view(key: string, r: ConfirmationRecord, now: Date): ConfirmationView {
    return { ...r, key, expired: isExpired(r.expiresAt, now), daysLeft: daysLeft(r.expiresAt, now) };
  }
}
