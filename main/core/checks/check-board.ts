import type { Clock, DocumentStore } from '../ports.js';
import type { Progress, Settings } from '../store/index.js';
import type { CheckCatalog } from './catalog.js';
import { addDays, initialResults, viewChecks, type CheckResult, type CheckView } from './results.js';
import { PorchlightError } from '../errors.js';
import { userText, type Message, type StoredText } from '../messages/index.js';

/**
 * The live check registry of the current audit. Steps report into it; results persist in the
 * progress document. The renderer may only confirm (evidence *confirmed*) or skip; *verified*
 * results come only from core measurements through `recordVerified`.
 */
export class CheckBoard {
  constructor(
    private readonly catalog: CheckCatalog,
    private readonly progress: DocumentStore<Progress>,
    private readonly settings: DocumentStore<Settings>,
    private readonly clock: Clock,
  ) {}

  private results(): Record<string, CheckResult> {
    return { ...initialResults(this.catalog), ...this.progress.read().checks };
  }

  private definition(id: string) {
    const def = this.catalog.checks.find((c) => c.id === id);
    if (!def) throw new PorchlightError('not-found', 'error.check-unknown', { check: id });
    return def;
  }

  private save(result: CheckResult): CheckView {
    const doc = this.progress.read();
    this.progress.write({ ...doc, checks: { ...doc.checks, [result.id]: result } });
    return this.get(result.id);
  }

  list(): CheckView[] {
    return viewChecks(this.catalog, this.results(), this.clock.now());
  }

  get(id: string): CheckView {
    this.definition(id);
    return this.list().find((v) => v.id === id)!;
  }

  /** Records the user's word, dated, expiring after the configured number of days. */
  /** `note` as a string is the user's own words; a core caller passes a message. */
  confirm(id: string, status: 'pass' | 'warn' | 'fail', note?: string | Message): CheckView {
    const def = this.definition(id);
    if (!def.evidenceKinds.includes('confirmed')) {
      throw new PorchlightError('refused', 'error.check-measured', { check: def.id });
    }
    const now = this.clock.now();
    const expiresAt = addDays(now, this.settings.read().confirmationExpiryDays);
    return this.save({
      id,
      status,
      reason: typeof note === 'string' ? (note.trim() ? userText(note) : null) : (note ?? null),
      evidence: { kind: 'confirmed', at: now.toISOString(), expiresAt: expiresAt.toISOString() },
      detail: null,
    });
  }

  /** Marks a check not applicable, always with the user's reason. */
  skip(id: string, reason: string | Message): CheckView {
    this.definition(id);
    return this.save({ id, status: 'skipped', reason: typeof reason === 'string' ? userText(reason) : reason, evidence: { kind: 'none' }, detail: null });
  }

  /** Records a measurement made by the core itself. */
  recordVerified(id: string, status: CheckResult['status'], reason: StoredText | null, detail: StoredText | null = null): CheckView {
    this.definition(id);
    return this.save({ id, status, reason, evidence: { kind: 'verified', at: this.clock.now().toISOString() }, detail });
  }
}
