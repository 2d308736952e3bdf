import { z } from 'zod';
import { PorchlightError } from '../errors.js';

/** The keychain service name every secret is stored under. */
export const KEYCHAIN_SERVICE = 'Porchlight';

/**
 * Keychain account names: one account per secret, in a closed set of shapes, so nothing can
 * write arbitrary entries into the user's keychain through Porchlight. A generated Wi-Fi, device
 * or router secret may also have one kept-back predecessor (`…/previous`), see secretAccountName.
 */
export const SecretAccountSchema = z
  .string()
  .max(200)
  .regex(/^(wifi\/[^\p{Cc}]{1,96}(\/previous)?|device\/[A-Za-z0-9._:-]{1,64}(\/previous)?|router\/admin(\/previous)?|account\/[a-z0-9-]{1,40}\/recovery-codes)$/u, {
    message: 'not a Porchlight keychain account (wifi/<ssid>, device/<id>, router/admin, account/<name>/recovery-codes)',
  });
export type SecretAccount = z.infer<typeof SecretAccountSchema>;

/** A secret value: non-empty, bounded, no NUL (the Secret Service API cannot carry it). */
export const SecretValueSchema = z.string().min(1).max(8192).refine((s) => !s.includes('\u0000'), 'secret must not contain NUL');

/** Whose generated secret an account holds: a Wi-Fi network (home or IoT), the router's admin login, a device's login. */
export type SecretOwner = { kind: 'wifi'; ssid: string } | { kind: 'router' } | { kind: 'device'; id: string };

/** Whose secret any keychain account holds: a generated one, or an online account's recovery codes (one generation only). */
export type KeychainOwner = SecretOwner | { kind: 'recovery-codes'; accountId: string };

/**
 * Which generation of an owner's secret: the one Porchlight made last (`current`), or the one it
 * replaced (`previous`), kept until the new one is confirmed in use or the owner discards it.
 */
export type SecretGeneration = 'current' | 'previous';

const DEVICE_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const ONLINE_ACCOUNT_ID = /^[a-z0-9-]{1,40}$/;
const PREVIOUS_SUFFIX = '/previous';

/** The keychain account of a Wi-Fi network's passphrase: `wifi/<name>`. */
export function wifiAccountName(ssid: string): string {
  return `wifi/${ssid}`;
}

/**
 * THE derivation of keychain account names for generated secrets, current and previous alike:
 * every other module asks this function, so the names stay one closed, predictable set.
 * Shapes: `wifi/<ssid>`, `router/admin`, `device/<id>`, each optionally followed by `/previous`;
 * and `account/<id>/recovery-codes` (never a previous).
 */
export function secretAccountName(owner: KeychainOwner, generation: SecretGeneration = 'current'): string {
  let base: string;
  if (owner.kind === 'recovery-codes') {
    // Recovery codes are typed in by the owner, not generated: there is never a previous generation.
    if (generation !== 'current') throw new PorchlightError('invalid-arguments', 'Porchlight keeps only one set of recovery codes per account.');
    if (!ONLINE_ACCOUNT_ID.test(owner.accountId)) throw new PorchlightError('invalid-arguments', 'An account id may only hold lower-case letters, digits and -');
    return `account/${owner.accountId}/recovery-codes`;
  }
  if (owner.kind === 'wifi') {
    if (owner.ssid.length === 0) throw new PorchlightError('invalid-arguments', 'Choose the network the passphrase is for.');
    base = wifiAccountName(owner.ssid);
    // A name whose account ends in "/previous" would share it with another network's previous passphrase.
    if (base.endsWith(PREVIOUS_SUFFIX)) throw new PorchlightError('invalid-arguments', `Porchlight cannot keep a passphrase for a network whose name ends in "${PREVIOUS_SUFFIX}"; rename the network.`);
  } else if (owner.kind === 'router') {
    base = 'router/admin';
  } else {
    if (!DEVICE_ID.test(owner.id)) throw new PorchlightError('invalid-arguments', 'A device id may only hold letters, digits and . _ : -');
    base = `device/${owner.id}`;
  }
  return generation === 'current' ? base : `${base}${PREVIOUS_SUFFIX}`;
}

/**
 * A generated secret's account (current or previous: `wifi/…`, `router/admin…`, `device/…`). These
 * change only through the ask-first generation, the confirmation and the owner's discard, never
 * through a plain keychain write or delete.
 */
export function isGeneratedSecretAccount(account: string): boolean {
  return /^(wifi\/|device\/|router\/admin(\/previous)?$)/u.test(account);
}

/** Refuses a plain keychain write or delete of a generated secret's account, in plain words. */
export function refuseGeneratedSecretChange(account: string, change: 'set' | 'delete'): void {
  if (!isGeneratedSecretAccount(account)) return;
  const what = account.startsWith('wifi/') ? 'a Wi-Fi passphrase' : account.startsWith('router/') ? 'the router password' : 'a device password';
  throw new PorchlightError(
    'refused',
    change === 'set'
      ? `This saved secret is ${what} Porchlight made, and it cannot be overwritten directly: nothing was changed. Make a new one in its step; the saved one is then kept as the previous one.`
      : `This saved secret is ${what} Porchlight made, and it cannot be deleted directly: nothing was changed. A kept previous one is removed once the new one is confirmed in use, or with "Discard" in its step.`,
  );
}
