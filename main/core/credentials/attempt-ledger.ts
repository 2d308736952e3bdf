import { z } from 'zod';
import type { DocumentStore } from '../ports.js';

/** The product's hard ceiling: credential attempts per host per audit. */
export const MAX_ATTEMPTS_PER_HOST = 5;

/** The persisted ledger (profile file `probe-ledger.json`): attempt counts of the open audit. No secrets. */
export const ProbeLedgerSchema = z.strictObject({
  schemaVersion: z.literal(1),
  auditKey: z.string().max(200),
  hosts: z.record(z.string().max(64), z.number().int().min(0).max(1000)),
});
export type ProbeLedgerDoc = z.infer<typeof ProbeLedgerSchema>;
export const DEFAULT_PROBE_LEDGER: ProbeLedgerDoc = { schemaVersion: 1, auditKey: 'initial', hosts: {} };

/**
 * Counts credential attempts per host within one audit, across every probe call — and, when a
 * store is given, across restarts of the app — so re-checks after a password change can never push
 * a host past the ceiling. An attempt is recorded before its request is sent. The audit is named
 * by `auditKey()` (the app: "after the last saved audit"); a new key starts fresh budgets.
 */
export class AttemptLedger {
  private memory: ProbeLedgerDoc;
  private fixedKey: string;

  constructor(
    auditId = 'initial',
    readonly max = MAX_ATTEMPTS_PER_HOST,
    private readonly store?: DocumentStore<ProbeLedgerDoc>,
    private readonly auditKey?: () => string,
  ) {
    this.fixedKey = auditId;
    this.memory = { ...DEFAULT_PROBE_LEDGER, auditKey: auditId };
  }

  private key(): string {
    return this.auditKey ? this.auditKey() : this.fixedKey;
  }

  private doc(): ProbeLedgerDoc {
    const current = this.store ? this.store.read() : this.memory;
    const key = this.key();
    return current.auditKey === key ? current : { schemaVersion: 1, auditKey: key, hosts: {} };
  }

  private save(doc: ProbeLedgerDoc): void {
    if (this.store) this.store.write(doc);
    else this.memory = doc;
  }

  /** The audit the budget belongs to. */
  get audit(): string {
    return this.key();
  }

  /** Starts a new audit explicitly (hosts without an audit key provider): every host gets a fresh budget. */
  startAudit(id: string): void {
    if (id === this.fixedKey) return;
    this.fixedKey = id;
    if (!this.auditKey) this.save({ schemaVersion: 1, auditKey: id, hosts: {} });
  }

  used(host: string): number {
    return this.doc().hosts[host] ?? 0;
  }

  remaining(host: string): number {
    return Math.max(0, this.max - this.used(host));
  }

  /** Takes one attempt from the host's budget; false (nothing taken) when the budget is spent. */
  take(host: string): boolean {
    const doc = this.doc();
    const used = doc.hosts[host] ?? 0;
    if (used >= this.max) return false;
    this.save({ ...doc, hosts: { ...doc.hosts, [host]: used + 1 } });
    return true;
  }
}
