import type { Logger, SecretStore } from '../ports.js';
import { PorchlightError, toErrorInfo, type ErrorInfo } from '../errors.js';

/** What a host is told after a store attempt: either stored, or *not stored* with the reason. */
export type StoreOutcome =
  | { account: string; stored: true }
  | { account: string; stored: false; error: ErrorInfo };

/**
 * Wraps the SecretStore port with the product rule: an unreachable keychain yields *not stored*
 * with an actionable message, and there is no plaintext fallback anywhere.
 */
export class SecretService {
  constructor(
    private readonly store: SecretStore,
    private readonly log: Logger,
  ) {}

  /** Stores a secret; never throws for keychain trouble, so the wizard can go on with it marked not stored. */
  async put(account: string, secret: string): Promise<StoreOutcome> {
    try {
      await this.store.set(account, secret);
      this.log.info('secret stored', { account });
      return { account, stored: true };
    } catch (err) {
      const info = toErrorInfo(err);
      this.log.warn('secret not stored', { account, code: info.code });
      return { account, stored: false, error: info };
    }
  }

  /** Returns a secret only on an explicit reveal; throws not-found or keychain-unavailable. */
  async reveal(account: string): Promise<string> {
    const value = await this.store.get(account);
    if (value === null) throw new PorchlightError('not-found', 'error.nothing-stored', { account });
    this.log.info('secret revealed', { account });
    return value;
  }

  async delete(account: string): Promise<boolean> {
    return this.store.delete(account);
  }

  /** Reads a secret for a core rule (e.g. keeping it as the previous one): never for display, not logged as a reveal. */
  async read(account: string): Promise<string | null> {
    return this.store.get(account);
  }

  /** Writes a secret and lets keychain trouble throw (for multi-step changes that must roll back). */
  async write(account: string, secret: string): Promise<void> {
    await this.store.set(account, secret);
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** Runs keychain work one job at a time: keychain calls must never overlap, and a read-then-write must not interleave. */
  exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Lists accounts; reports keychain trouble as `available: false` rather than throwing. */
  async list(): Promise<{ available: true; accounts: string[] } | { available: false; accounts: []; error: ErrorInfo }> {
    try {
      return { available: true, accounts: (await this.store.list()).sort() };
    } catch (err) {
      return { available: false, accounts: [], error: toErrorInfo(err) };
    }
  }
}
