import type { Logger } from '../ports.js';
import { PorchlightError, toErrorInfo, type ErrorInfo } from '../errors.js';
import type { Message } from '../messages/index.js';
import { secretAccountName, type SecretGeneration, type SecretOwner } from './accounts.js';
import type { SecretService } from './secret-service.js';

/**
 * When a saved secret is replaced, which older one the owner chose to keep as the previous:
 * `current` — the one saved now (if a previous is also saved, that oldest one is discarded);
 * `previous` — the already-kept previous (the newer, never-confirmed one is discarded).
 */
export type KeepChoice = 'current' | 'previous';

/** What the keychain holds for an owner: account names and which generations exist (never a value). */
export interface SavedGenerations {
  account: string;
  previousAccount: string;
  current: boolean;
  previous: boolean;
}

/** The outcome of saving a new secret over an owner's saved ones. */
export interface ReplaceOutcome {
  account: string;
  previousAccount: string;
  stored: boolean;
  error: ErrorInfo | null;
  /** After this call the keychain holds a previous generation that can still be revealed. */
  previousKept: boolean;
  /** Which saved secret this call removed for good (only ever with the owner's go-ahead). */
  discarded: 'none' | 'oldest' | 'unconfirmed';
}

/** How a secret is called in messages to the owner. */
function noun(owner: SecretOwner): Message {
  if (owner.kind === 'wifi') return { code: 'error.secret-of.wifi', params: { ssid: owner.ssid } };
  if (owner.kind === 'router') return { code: 'error.secret-of.router', params: {} };
  return { code: 'error.secret-of.device', params: { device: owner.id } };
}

/**
 * The rule that no saved secret is lost by one click. Making a new secret while one is saved
 * needs the owner's go-ahead (`keep`), and the saved one is kept in the keychain as
 * `<account>/previous` until the new one is confirmed in use (confirmInUse, called only by a
 * verification that can tell) or the owner discards it (discardPrevious). Only one previous is
 * kept per account: with two saved, the owner must say which one to keep, and the other is
 * discarded. Every change is ordered so that a keychain failure half-way leaves the old secrets
 * readable (rolled back), and nothing is ever written anywhere but the keychain.
 */
export class SecretGenerations {
  constructor(
    private readonly secrets: SecretService,
    private readonly log: Logger,
  ) {}

  /** Which generations are saved (reads the keychain; throws keychain-unavailable when it cannot tell). */
  saved(owner: SecretOwner): Promise<SavedGenerations> {
    return this.secrets.exclusive(() => this.look(owner));
  }

  private async look(owner: SecretOwner): Promise<SavedGenerations> {
    const account = secretAccountName(owner, 'current');
    const previousAccount = secretAccountName(owner, 'previous');
    const current = (await this.secrets.read(account)) !== null;
    const previous = (await this.secrets.read(previousAccount)) !== null;
    return { account, previousAccount, current, previous };
  }

  /**
   * Saves `secret` as the owner's current secret, keeping what was saved as agreed. Refuses (and
   * changes nothing) when a secret is saved and `keep` does not match what is saved now. Keychain
   * trouble is reported as not stored, with the old secrets left as they were.
   */
  replace(owner: SecretOwner, secret: string, keep?: KeepChoice): Promise<ReplaceOutcome> {
    return this.secrets.exclusive(async () => {
      const account = secretAccountName(owner, 'current');
      const previousAccount = secretAccountName(owner, 'previous');
      const base = { account, previousAccount };
      let oldCurrent: string | null;
      let oldPrevious: string | null;
      try {
        oldCurrent = await this.secrets.read(account);
        oldPrevious = await this.secrets.read(previousAccount);
      } catch (err) {
        // Cannot tell what is saved: writing now could overwrite the one in use.
        return { ...base, stored: false, error: toErrorInfo(err), previousKept: false, discarded: 'none' };
      }
      const what = noun(owner);
      if (oldCurrent !== null && oldPrevious === null && keep !== 'current') {
        throw keep === 'previous' ? new PorchlightError('refused', 'error.generation.changed-meanwhile', { what }) : new PorchlightError('refused', 'error.generation.confirm-keep', { what });
      }
      if (oldCurrent !== null && oldPrevious !== null && keep === undefined) {
        throw new PorchlightError('refused', 'error.generation.choose-kept', { what });
      }

      try {
        if (oldCurrent === null) {
          await this.secrets.write(account, secret);
          this.log.info('secret stored', { account });
          return { ...base, stored: true, error: null, previousKept: oldPrevious !== null, discarded: 'none' };
        }
        if (oldPrevious !== null && keep === 'previous') {
          // The newer one was never confirmed in use: it is the one replaced; the previous stays.
          await this.secrets.write(account, secret);
          this.log.info('secret stored; the unconfirmed one it replaced was discarded', { account, previousAccount });
          return { ...base, stored: true, error: null, previousKept: true, discarded: 'unconfirmed' };
        }
        // Keep the saved one as the previous first, then write the new one; undo on failure.
        await this.secrets.write(previousAccount, oldCurrent);
        try {
          await this.secrets.write(account, secret);
        } catch (err) {
          await this.undoPrevious(previousAccount, oldPrevious);
          throw err;
        }
        this.log.info('secret stored; the one before it is kept as the previous', { account, previousAccount, oldestDiscarded: oldPrevious !== null });
        return { ...base, stored: true, error: null, previousKept: true, discarded: oldPrevious !== null ? 'oldest' : 'none' };
      } catch (err) {
        const info = toErrorInfo(err);
        this.log.warn('secret not stored', { account, code: info.code });
        return { ...base, stored: false, error: info, previousKept: oldPrevious !== null, discarded: 'none' };
      }
    });
  }

  private async undoPrevious(previousAccount: string, oldPrevious: string | null): Promise<void> {
    try {
      if (oldPrevious === null) await this.secrets.delete(previousAccount);
      else await this.secrets.write(previousAccount, oldPrevious);
    } catch (err) {
      this.log.warn('could not undo keeping the previous secret', { previousAccount, code: toErrorInfo(err).code });
    }
  }

  /**
   * The new secret is confirmed in use by a verification that can tell (`how` names it, for the
   * log): the previous is removed. Refuses when no current secret is saved — then the previous is
   * the only copy and only the owner may discard it.
   */
  confirmInUse(owner: SecretOwner, how: string, verified?: string): Promise<{ previousAccount: string; discarded: boolean }> {
    return this.secrets.exclusive(async () => {
      const s = await this.look(owner);
      if (!s.current) throw new PorchlightError('refused', 'error.generation.only-copy', { what: noun(owner) });
      // the verification tried one value: if a newer one was saved meanwhile, that one is not confirmed
      if (verified !== undefined && (await this.secrets.read(s.account)) !== verified) {
        throw new PorchlightError('refused', 'error.generation.changed-while-checked', { what: noun(owner) });
      }
      const discarded = s.previous ? await this.secrets.delete(s.previousAccount) : false;
      this.log.info('new secret confirmed in use', { account: s.account, how, previousRemoved: discarded });
      return { previousAccount: s.previousAccount, discarded };
    });
  }

  /**
   * The current secret, for a verification the core runs itself (e.g. logging in with the new
   * router password): never for display, not logged as a reveal, never handed to a host.
   */
  readForVerification(owner: SecretOwner): Promise<string | null> {
    return this.secrets.exclusive(() => this.secrets.read(secretAccountName(owner, 'current')));
  }

  /** The owner discards the previous secret explicitly. */
  discardPrevious(owner: SecretOwner): Promise<{ previousAccount: string; discarded: boolean }> {
    return this.secrets.exclusive(async () => {
      const previousAccount = secretAccountName(owner, 'previous');
      const discarded = await this.secrets.delete(previousAccount);
      this.log.info('previous secret discarded by the owner', { previousAccount, discarded });
      return { previousAccount, discarded };
    });
  }

  /** A deliberate reveal of one generation (throws not-found when it is not saved). */
  reveal(owner: SecretOwner, generation: SecretGeneration): Promise<{ account: string; secret: string }> {
    return this.secrets.exclusive(async () => {
      const account = secretAccountName(owner, generation);
      return { account, secret: await this.secrets.reveal(account) };
    });
  }
}
