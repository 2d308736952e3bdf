import { randomInt } from 'node:crypto';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { zxcvbnPackages } from '../lazy-packages.js';
import { passphraseWordlist, WORD_SEPARATOR } from './wordlist.js';
import { zxcvbnOffThread, type ZxcvbnResult } from './rate-worker.js';
import { msg, type Message } from '../messages/index.js';

/** The two passphrase styles the step offers. */
export type PassphraseStyle = 'words' | 'characters';

/** Letters and digits that cannot be mistaken for each other when read off a screen (no 0/O, 1/l/I). */
export const UNAMBIGUOUS_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const MIN_WORDS = 6;
export const MIN_CHARACTERS = 20;

/** What Wi-Fi (IEEE 802.11 WPA2/WPA3-Personal) accepts as a passphrase: 8–63 printable ASCII, or 64 hex digits. */
export function checkWifiFormat(p: string): { ok: true } | { ok: false; reason: Message } {
  if (/^[0-9a-fA-F]{64}$/.test(p)) return { ok: true };
  if (p.length < 8) return { ok: false, reason: msg('wifi.rating.under-eight') };
  if (p.length > 63) return { ok: false, reason: msg('wifi.rating.over-63') };
  if (!/^[\x20-\x7e]+$/.test(p)) return { ok: false, reason: msg('wifi.rating.not-ascii') };
  return { ok: true };
}

let zxcvbn: ZxcvbnFactory | null = null;
let commonSet: Set<string> | null = null;

function rater(): { z: ZxcvbnFactory; commonPasswords: Set<string> } {
  if (!zxcvbn) {
    const { ZxcvbnFactory, common, en } = zxcvbnPackages();
    zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    commonSet = new Set(common.dictionary['passwords-common'].map((w) => w.toLowerCase()));
  }
  return { z: zxcvbn, commonPasswords: commonSet! };
}

/** A strength verdict: zxcvbn score 0–4 plus the policy of the wifi.passphrase check. */
export interface StrengthVerdict {
  score: number;
  guessesLog10: number;
  common: boolean;
  acceptable: boolean;
  /** Why it is not strong enough, as message codes (the renderer words them). */
  reasons: Message[];
}

/**
 * Rates a passphrase the way the `wifi.passphrase` check defines "strong": Wi-Fi format, at least
 * 12 characters, not on the common-password list (@zxcvbn-ts/language-common), zxcvbn score ≥ 3.
 */
export function ratePassphrase(p: string, userInputs: string[] = []): StrengthVerdict {
  const r = rater().z.check(p.slice(0, 256), userInputs);
  return verdictOf(p, r);
}

/** The same rating with zxcvbn in a worker thread (rate-worker.ts): the caller's thread stays free. */
export async function ratePassphraseOffThread(p: string, userInputs: string[] = []): Promise<StrengthVerdict> {
  const input = p.slice(0, 256);
  const r = await zxcvbnOffThread(input, userInputs, () => {
    const x = rater().z.check(input, userInputs);
    return { score: x.score, guessesLog10: x.guessesLog10 };
  });
  return verdictOf(p, r);
}

function verdictOf(p: string, r: ZxcvbnResult): StrengthVerdict {
  const { commonPasswords } = rater();
  const reasons: Message[] = [];
  const format = checkWifiFormat(p);
  if (!format.ok) reasons.push(format.reason);
  if (p.length < 12) reasons.push(msg('wifi.rating.under-twelve'));
  const isCommon = commonPasswords.has(p.toLowerCase());
  if (isCommon) reasons.push(msg('wifi.rating.common'));
  if (r.score < 3) reasons.push(msg('wifi.rating.guessable', { score: r.score }));
  return { score: r.score, guessesLog10: r.guessesLog10, common: isCommon, acceptable: reasons.length === 0, reasons };
}

/**
 * `count` EFF words joined by hyphens, each picked with crypto.randomInt (≈12.9 bits per word); no word
 * contains a hyphen itself, so the passphrase has exactly `count` hyphen-separated words.
 */
export function generateWords(count = MIN_WORDS): string {
  if (!Number.isInteger(count) || count < MIN_WORDS || count > 10) throw new RangeError(`word count must be ${MIN_WORDS}–10`);
  const list = passphraseWordlist();
  for (;;) {
    const p = Array.from({ length: count }, () => list[randomInt(list.length)]!).join(WORD_SEPARATOR);
    if (p.length <= 63) return p;
  }
}

/** `length` characters from the unambiguous alphabet, each picked with crypto.randomInt (≈5.8 bits each). */
export function generateCharacters(length = 24): string {
  if (!Number.isInteger(length) || length < MIN_CHARACTERS || length > 63) throw new RangeError(`length must be ${MIN_CHARACTERS}–63`);
  return Array.from({ length }, () => UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)]!).join('');
}

/** Bits of entropy of a generated passphrase of the given style and size. */
export function entropyBits(style: PassphraseStyle, size: number): number {
  return Math.floor(size * Math.log2(style === 'words' ? passphraseWordlist().length : UNAMBIGUOUS_ALPHABET.length));
}

/**
 * Generates a passphrase of the given style that Wi-Fi accepts and the strength policy accepts;
 * the loop guards against the (astronomically rare) draw that zxcvbn flags.
 */
export function generatePassphrase(style: PassphraseStyle, size?: number): { passphrase: string; verdict: StrengthVerdict; entropyBits: number } {
  for (let attempt = 0; attempt < 20; attempt++) {
    const passphrase = style === 'words' ? generateWords(size ?? MIN_WORDS) : generateCharacters(size ?? 24);
    const verdict = ratePassphrase(passphrase);
    if (verdict.acceptable) return { passphrase, verdict, entropyBits: entropyBits(style, size ?? (style === 'words' ? MIN_WORDS : 24)) };
  }
  throw new Error('could not generate an acceptable passphrase');
}
