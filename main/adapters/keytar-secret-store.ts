import type { SecretStore } from '../core/ports.js';
import { PorchlightError, type ErrorMessageCode } from '../core/errors.js';
import { KEYCHAIN_SERVICE } from '../core/secrets/accounts.js';
import { dbusDefaultCollectionLocked, dbusLockedItemsProbe, type LockedItemsProbe } from './secret-service-lock.js';
import { listInChild, type ListInChild } from './keychain-lister.js';
import { serializeKeychain } from './keychain-queue.js';

import type * as KeytarModule from 'keytar';

type Keytar = typeof KeytarModule;

/** What a homeowner reads when the OS keychain cannot be reached (a catalog code: what happened, what to do). */
export const KEYCHAIN_UNAVAILABLE_MESSAGE: ErrorMessageCode = 'error.keychain.not-stored';

/** The same trouble when reading, listing or removing: nothing was lost, nothing can be shown now. */
export const KEYCHAIN_UNREADABLE_MESSAGE: ErrorMessageCode = 'error.keychain.unreadable';

/** What is shown when the keychain is reachable but locked (and unlocking was declined or impossible). */
export const KEYCHAIN_LOCKED_MESSAGE: ErrorMessageCode = 'error.keychain.locked';

/**
 * SecretStore over keytar (macOS Keychain, Windows Credential Manager, libsecret on Linux).
 * keytar is loaded lazily so a missing native module or Secret Service becomes a typed
 * `keychain-unavailable` error instead of a crash at start.
 *
 * Every operation (with its read-back and lock probes) runs through the process-wide queue of
 * keychain-queue.ts, so no two native calls overlap. Listing (findCredentials, which crashes the
 * process when any process deletes an item while it runs) runs in a child process, where a
 * crash is retried and at worst becomes a typed error: see keychain-lister.ts.
 */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | null = null;

  constructor(
    private readonly service: string = KEYCHAIN_SERVICE,
    /** Counts this service's items in locked collections; see secret-service-lock.ts for why. */
    private readonly lockedItems: LockedItemsProbe = dbusLockedItemsProbe,
    /** Whether the collection new secrets go to is locked (null: cannot tell). */
    private readonly defaultLocked: () => Promise<boolean | null> = dbusDefaultCollectionLocked,
    /** Lists account names in a separate process (keychain-lister.ts). */
    private readonly listAccounts: ListInChild = listInChild,
  ) {}

  /** Throws the "locked" error when some of this service's items sit in a locked collection. */
  private async failIfLocked(): Promise<void> {
    const locked = await this.lockedItems(this.service);
    if (locked !== null && locked > 0) throw new PorchlightError('keychain-unavailable', KEYCHAIN_LOCKED_MESSAGE);
  }

  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar').then((m) => ((m as unknown as { default?: Keytar }).default ?? m) as Keytar);
    return this.keytar;
  }

  private async call<T>(fn: (k: Keytar) => Promise<T>, message: ErrorMessageCode = KEYCHAIN_UNREADABLE_MESSAGE): Promise<T> {
    let k: Keytar;
    try {
      k = await this.load();
    } catch (err) {
      this.keytar = null;
      throw new PorchlightError('keychain-unavailable', message, {}, { cause: err });
    }
    try {
      return await fn(k);
    } catch (err) {
      throw new PorchlightError('keychain-unavailable', message, {}, { cause: err });
    }
  }

  set(account: string, secret: string): Promise<void> {
    return serializeKeychain(() => this.setNow(account, secret));
  }

  get(account: string): Promise<string | null> {
    return serializeKeychain(() => this.getNow(account));
  }

  delete(account: string): Promise<boolean> {
    return serializeKeychain(() => this.deleteNow(account));
  }

  list(): Promise<string[]> {
    return serializeKeychain(() => this.listNow());
  }

  private async setNow(account: string, secret: string): Promise<void> {
    try {
      await this.call((k) => k.setPassword(this.service, account, secret), KEYCHAIN_UNAVAILABLE_MESSAGE);
      // Read back: a keychain that silently drops writes must not be reported as "stored".
      const back = await this.call((k) => k.getPassword(this.service, account), KEYCHAIN_UNAVAILABLE_MESSAGE);
      if (back !== secret) throw new PorchlightError('keychain-unavailable', KEYCHAIN_UNAVAILABLE_MESSAGE);
    } catch (err) {
      // Say "locked" when that is the reason, so the user knows what to do.
      if ((await this.defaultLocked()) === true) throw new PorchlightError('keychain-unavailable', KEYCHAIN_LOCKED_MESSAGE, {}, { cause: err });
      await this.failIfLocked();
      throw err;
    }
  }

  private async getNow(account: string): Promise<string | null> {
    const value = await this.call((k) => k.getPassword(this.service, account));
    // libsecret answers "nothing stored" for a locked item: tell the two apart.
    if (value === null) await this.failIfLocked();
    return value;
  }

  private async deleteNow(account: string): Promise<boolean> {
    const deleted = await this.call((k) => k.deletePassword(this.service, account));
    if (!deleted) await this.failIfLocked();
    return deleted;
  }

  private async listNow(): Promise<string[]> {
    // findCredentials crashes the process on locked items: ask for an unlock first (a desktop
    // shows its unlock prompt; findPassword is safe when locked), and refuse if still locked.
    if (((await this.lockedItems(this.service)) ?? 0) > 0) {
      await this.call((k) => k.findPassword(this.service));
      await this.failIfLocked();
    }
    try {
      return await this.listAccounts(this.service);
    } catch (err) {
      throw new PorchlightError('keychain-unavailable', KEYCHAIN_UNREADABLE_MESSAGE, {}, { cause: err });
    }
  }
}
