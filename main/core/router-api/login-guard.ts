/**
 * One login budget per router host, shared with the factory-password probes: every login attempt
 * takes from the same attempt ledger (main/core/credentials), and after a failed login no further
 * attempt is made on that host in this run — whichever client made it.
 */
import { msg } from '../messages/index.js';
import { RouterError } from './port.js';

export class LoginGuard {
  private readonly failed = new Set<string>();
  /** `ledger`: the run's AttemptLedger (main/core/credentials), the same one the factory-password probes use. */
  constructor(private readonly ledger: { take(host: string): boolean }) {}

  /** Takes one attempt for `host`, or throws the reason none is left (a failure earlier in this run, or the spent budget). */
  take(host: string): void {
    if (this.failed.has(host)) throw new RouterError('auth-failed', msg('router-api.error.auth-failed-earlier', { host }));
    if (!this.ledger.take(host)) throw new RouterError('auth-failed', msg('router-api.error.no-attempts-left', { host }));
  }

  /** Records a rejected login: no second attempt on `host` in this run. */
  fail(host: string): void {
    this.failed.add(host);
  }

  hasFailed(host: string): boolean {
    return this.failed.has(host);
  }
}
