import { randomInt } from 'node:crypto';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { zxcvbnPackages } from '../lazy-packages.js';

/**
 * Letters and digits without look-alikes (0/O, 1/l/I): typed by hand into router and camera pages,
 * many of which reject or mangle symbols. 56 symbols → ~5.8 bits each.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const CLASSES = [/[A-Z]/, /[a-z]/, /[2-9]/];

/** Minimum length the product promises. */
export const MIN_GENERATED_LENGTH = 16;

let zxcvbn: ZxcvbnFactory | null = null;
let common: Set<string> | null = null;

function estimator(): ZxcvbnFactory {
  const { ZxcvbnFactory, common: zxcvbnCommon, en: zxcvbnEn } = zxcvbnPackages();
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  });
  return zxcvbn;
}

/** True when the password is on zxcvbn-ts's common-password list (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  const { common: zxcvbnCommon } = zxcvbnPackages();
  common ??= new Set(zxcvbnCommon.dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

/** zxcvbn-ts strength score 0 (worst) … 4 (best). */
export async function strengthScore(password: string): Promise<number> {
  const result = await estimator().checkAsync(password);
  return result.score;
}

export interface GeneratedPassword {
  password: string;
  length: number;
  /** zxcvbn-ts score; the generator only returns 4. */
  score: number;
}

/**
 * A unique password from the OS CSPRNG: ≥ 16 characters (20 by default), every character class,
 * not on the common-password list, zxcvbn score 4 — regenerated until all hold.
 */
export async function generatePassword(length = 20, rand: (max: number) => number = randomInt): Promise<GeneratedPassword> {
  if (!Number.isInteger(length) || length < MIN_GENERATED_LENGTH || length > 64) throw new RangeError(`length must be ${MIN_GENERATED_LENGTH}..64`);
  for (let i = 0; i < 100; i++) {
    let pw = '';
    for (let k = 0; k < length; k++) pw += ALPHABET[rand(ALPHABET.length)];
    if (!CLASSES.every((re) => re.test(pw)) || isCommonPassword(pw)) continue;
    const score = await strengthScore(pw);
    if (score === 4) return { password: pw, length, score };
  }
  throw new Error('could not generate a strong password (random source broken?)');
}
