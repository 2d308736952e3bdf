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

/**
 * The keychain account of a Wi-Fi network: `wifi/<name>`, INJECTIVE — two different network
 * names never share an account. A name is kept as it reads, except that `%`, `/` (which would
 * let "Home/previous" pose as another account's kept-back copy), control characters and lone
 * UTF-16 surrogates (a name that is not valid text) are written as `%XX` of their bytes (a lone
 * surrogate as its three WTF-8 bytes). `%` is always escaped, so every account name decodes to
 * exactly one network name. Ordinary names ("Café Wi-Fi ☕") keep the account they always had.
 * At most 32 bytes of name give at most 96 characters here.
 */
export function wifiAccountName(ssid: string): string {
  let out = '';
  for (let i = 0; i < ssid.length; i++) {
    const cp = ssid.codePointAt(i)!;
    if (cp > 0xffff) {
      out += String.fromCodePoint(cp);
      i++;
      continue;
    }
    const ch = ssid[i]!;
    const lone = cp >= 0xd800 && cp <= 0xdfff;
    if (lone) out += `%${(0xe0 | (cp >> 12)).toString(16).toUpperCase()}%${(0x80 | ((cp >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (cp & 0x3f)).toString(16).toUpperCase()}`;
    else if (ch === '%' || ch === '/' || /\p{Cc}/u.test(ch)) out += [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    else out += ch;
  }
  return `wifi/${out}`;
}

/** A network name as the user is shown it: a lone surrogate (not valid text) as `\uD800`, never replaced by "�". */
export function ssidForDisplay(ssid: string): string {
  return ssid.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Bytes of a network name as the radio carries it: UTF-8, and a lone surrogate as its three WTF-8 bytes (never U+FFFD). */
export function ssidByteLength(ssid: string): number {
  let n = 0;
  for (let i = 0; i < ssid.length; i++) {
    const cp = ssid.codePointAt(i)!;
    if (cp > 0xffff) {
      n += 4;
      i++;
    } else n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
  }
  return n;
}

/**
 * Refuses (before anything is stored) a network name a join code cannot carry: one holding a lone
 * surrogate, i.e. not valid text. Shown escaped, never as "�".
 */
export function assertJoinableSsid(ssid: string): void {
  if (ssidForDisplay(ssid) !== ssid) {
    throw new PorchlightError('invalid-arguments', 'error.ssid-not-text', { ssid: ssidForDisplay(ssid) });
  }
}

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
    if (generation !== 'current') throw new PorchlightError('invalid-arguments', 'error.internal', { detail: 'only one set of recovery codes is kept per account' });
    if (!ONLINE_ACCOUNT_ID.test(owner.accountId)) throw new PorchlightError('invalid-arguments', 'error.internal', { detail: 'an account id may only hold lower-case letters, digits and -' });
    return `account/${owner.accountId}/recovery-codes`;
  }
  if (owner.kind === 'wifi') {
    if (owner.ssid.length === 0) throw new PorchlightError('invalid-arguments', 'error.choose-network');
    base = wifiAccountName(owner.ssid); // injective (issue 13): `/`, `%` and what is not text are escaped
    // Cannot happen with the escaping (a `/` in a name is `%2F`); kept as a guard. A name whose account ends in "/previous" would share it with another network's previous passphrase.
    if (base.endsWith(PREVIOUS_SUFFIX)) throw new PorchlightError('invalid-arguments', 'error.ssid-previous-suffix', { suffix: PREVIOUS_SUFFIX });
  } else if (owner.kind === 'router') {
    base = 'router/admin';
  } else {
    if (!DEVICE_ID.test(owner.id)) throw new PorchlightError('invalid-arguments', 'error.internal', { detail: 'a device id may only hold letters, digits and . _ : -' });
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
  const what = { code: account.startsWith('wifi/') ? 'error.secret-kind.wifi' : account.startsWith('router/') ? 'error.secret-kind.router' : 'error.secret-kind.device', params: {} };
  throw change === 'set' ? new PorchlightError('refused', 'error.generated-secret.no-overwrite', { what }) : new PorchlightError('refused', 'error.generated-secret.no-delete', { what });
}
