/**
 * Ports: what the core needs from the outside world. The core imports only these interfaces;
 * main/adapters implement them for real, test/ provides in-memory fakes for unit tests.
 */

/** The OS keychain. Secrets live here and nowhere else; an unreachable keychain throws a
 * PorchlightError('keychain-unavailable'), never falls back to plaintext. */
export interface SecretStore {
  set(account: string, secret: string): Promise<void>;
  get(account: string): Promise<string | null>;
  delete(account: string): Promise<boolean>;
  list(): Promise<string[]>;
}

/** A JSON document store for one file (settings, progress, history): schema-checked, atomically
 * written, recovering from corruption. */
export interface DocumentStore<T> {
  read(): T;
  write(value: T): void;
  /** Notices produced while opening (e.g. "the file was corrupted and restored from the last good copy"). */
  readonly notices: readonly string[];
}

/** Time, injectable so expiry and scheduling can be tested across dates, zones and DST. */
export interface Clock {
  now(): Date;
}

/** Where diagnostic lines go. Callers never pass secrets; the logger redacts known secret shapes anyway. */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** Opens an allow-listed https URL in the user's default browser. */
export interface ExternalOpener {
  open(url: string): Promise<void>;
}
