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

/**
 * Which generation of an owner's secret: the one Porchlight made last (`current`), or the one it
 * replaced (`previous`), kept until the new one is confirmed in use or the owner discards it.
 */
export type SecretGeneration = 'current' | 'previous';

const DEVICE_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const PREVIOUS_SUFFIX = '/previous';

/** The keychain account of a Wi-Fi network's passphrase: `wifi/<name>`. */
export function wifiAccountName(ssid: string): string {
  return `wifi/${ssid}`;
}

/**
 * THE derivation of keychain account names for generated secrets, current and previous alike:
 * every other module asks this function, so the names stay one closed, predictable set.
 * Shapes: `wifi/<ssid>`, `router/admin`, `device/<id>`, each optionally followed by `/previous`.
 */
export function secretAccountName(owner: SecretOwner, generation: SecretGeneration = 'current'): string {
  let base: string;
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
