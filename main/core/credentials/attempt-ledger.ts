/** The product's hard ceiling: credential attempts per host per audit. */
export const MAX_ATTEMPTS_PER_HOST = 5;

/**
 * Counts credential attempts per host within one audit, across every probe call, so re-checks
 * after a password change can never push a host past the ceiling. An attempt is recorded before
 * its request is sent. Lives as long as the core (one app run, one CLI invocation); `startAudit`
 * begins a new budget.
 */
export class AttemptLedger {
  private counts = new Map<string, number>();
  private auditId: string;

  constructor(
    auditId = 'initial',
    readonly max = MAX_ATTEMPTS_PER_HOST,
  ) {
    this.auditId = auditId;
  }

  /** The audit the budget belongs to. */
  get audit(): string {
    return this.auditId;
  }

  /** Starts a new audit: every host gets a fresh budget. A repeated id keeps the current counts. */
  startAudit(id: string): void {
    if (id === this.auditId) return;
    this.auditId = id;
    this.counts.clear();
  }

  used(host: string): number {
    return this.counts.get(host) ?? 0;
  }

  remaining(host: string): number {
    return Math.max(0, this.max - this.used(host));
  }

  /** Takes one attempt from the host's budget; false (nothing taken) when the budget is spent. */
  take(host: string): boolean {
    if (this.remaining(host) <= 0) return false;
    this.counts.set(host, this.used(host) + 1);
    return true;
  }
}
