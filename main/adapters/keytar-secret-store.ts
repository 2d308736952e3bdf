import type { SecretStore } from '../core/ports.js';
import { PorchlightError } from '../core/errors.js';
import { KEYCHAIN_SERVICE } from '../core/secrets/accounts.js';

import type * as KeytarModule from 'keytar';

type Keytar = typeof KeytarModule;

/** The message a homeowner sees when the OS keychain cannot be reached; says what to do. */
export const KEYCHAIN_UNAVAILABLE_MESSAGE =
  'Porchlight could not reach your system keychain, so the secret was NOT stored (nothing was written to disk instead). ' +
  'Unlock your keychain (on Linux: make sure GNOME Keyring or another Secret Service is running and unlocked), then try again.';

/**
 * SecretStore over keytar (macOS Keychain, Windows Credential Manager, libsecret on Linux).
 * keytar is loaded lazily so a missing native module or Secret Service becomes a typed
 * `keychain-unavailable` error instead of a crash at start.
 */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | null = null;

  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar').then((m) => ((m as unknown as { default?: Keytar }).default ?? m) as Keytar);
    return this.keytar;
  }

  private async call<T>(fn: (k: Keytar) => Promise<T>): Promise<T> {
    let k: Keytar;
    try {
      k = await this.load();
    } catch (err) {
      this.keytar = null;
      throw new PorchlightError('keychain-unavailable', KEYCHAIN_UNAVAILABLE_MESSAGE, { cause: err });
    }
    try {
      return await fn(k);
    } catch (err) {
      throw new PorchlightError('keychain-unavailable', KEYCHAIN_UNAVAILABLE_MESSAGE, { cause: err });
    }
  }

  async set(account: string, secret: string): Promise<void> {
    await this.call((k) => k.setPassword(this.service, account, secret));
    // Read back: a keychain that silently drops writes must not be reported as "stored".
    const back = await this.call((k) => k.getPassword(this.service, account));
    if (back !== secret) throw new PorchlightError('keychain-unavailable', KEYCHAIN_UNAVAILABLE_MESSAGE);
  }

  get(account: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, account));
  }

  delete(account: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, account));
  }

  async list(): Promise<string[]> {
    const creds = await this.call((k) => k.findCredentials(this.service));
    return creds.map((c) => c.account);
  }
}
