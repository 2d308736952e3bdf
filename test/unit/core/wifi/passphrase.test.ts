import QRCode from 'qrcode';
import { words } from '../../../support/words.js';
import { describe, expect, it, vi } from 'vitest';
import { checkWifiFormat, generateCharacters, generatePassphrase, generateWords, ratePassphrase, UNAMBIGUOUS_ALPHABET } from '../../../../main/core/wifi/passphrase.js';
import { effLargeWordlist, passphraseWordlist } from '../../../../main/core/wifi/wordlist.js';
import { escapeJoinValue, joinCodeQrDataUrl, joinCodeText } from '../../../../main/core/wifi/join-code.js';

import type * as NodeCrypto from 'node:crypto';

vi.mock('node:crypto', async (orig) => {
  const real = await orig<typeof NodeCrypto>();
  return { ...real, randomInt: vi.fn(real.randomInt) };
});

describe('EFF large wordlist', () => {
  it('has 7776 unique words, abacus … zoom', () => {
    const w = effLargeWordlist();
    expect(w).toHaveLength(7776);
    expect(new Set(w).size).toBe(7776);
    expect([w[0], w[7775]]).toEqual(['abacus', 'zoom']);
  });

  it('passphrases draw from its 7772 words that contain no hyphen (the separator)', () => {
    const full = effLargeWordlist();
    const hyphenated = full.filter((w) => w.includes('-'));
    expect(hyphenated).toEqual(['drop-down', 'felt-tip', 't-shirt', 'yo-yo']);
    const list = passphraseWordlist();
    expect(list).toHaveLength(7772);
    expect(list.some((w) => w.includes('-'))).toBe(false);
    expect(list).toEqual(full.filter((w) => !hyphenated.includes(w)));
  });
});

describe('generation uses the CSPRNG', () => {
  it('words: ≥ 6 EFF words, each drawn with crypto.randomInt', async () => {
    const crypto = await import('node:crypto');
    const spy = vi.mocked(crypto.randomInt);
    spy.mockClear();
    const p = generateWords();
    const words = p.split('-');
    expect(words.length).toBe(6);
    for (const w of words) expect(passphraseWordlist()).toContain(w);
    expect(spy).toHaveBeenCalledTimes(6);
    expect(spy).toHaveBeenCalledWith(7772);
    expect(() => generateWords(5)).toThrow(RangeError);
  });

  it('words: a draw that lands on a hyphenated EFF word still has exactly 6 words', async () => {
    // Before the fix, 1 draw in ~300 picked drop-down, felt-tip, t-shirt or yo-yo and the passphrase
    // split into 7. Force the index each of those words had in the full list; none can appear.
    const crypto = await import('node:crypto');
    const spy = vi.mocked(crypto.randomInt);
    const full = effLargeWordlist();
    const oldIndexes = ['drop-down', 'felt-tip', 't-shirt', 'yo-yo'].map((w) => full.indexOf(w));
    let n = 0;
    spy.mockImplementation(((max: number) => oldIndexes[n++ % 4]! % max) as typeof crypto.randomInt);
    try {
      const p = generateWords();
      expect(p.split('-')).toHaveLength(6);
      for (const w of p.split('-')) expect(passphraseWordlist()).toContain(w);
    } finally {
      spy.mockReset();
      const real = await vi.importActual<typeof NodeCrypto>('node:crypto');
      spy.mockImplementation(real.randomInt);
    }
  });

  it('characters: ≥ 20 from the unambiguous set', () => {
    const p = generateCharacters();
    expect(p).toHaveLength(24);
    for (const ch of p) expect(UNAMBIGUOUS_ALPHABET).toContain(ch);
    expect(UNAMBIGUOUS_ALPHABET).not.toMatch(/[0O1lI]/);
    expect(() => generateCharacters(19)).toThrow(RangeError);
  });

  it('draws differ (not a fixed value)', () => {
    const seen = new Set(Array.from({ length: 20 }, () => generatePassphrase('words').passphrase));
    expect(seen.size).toBe(20);
  });

  it('generated passphrases pass the Wi-Fi format and the strength policy', () => {
    for (const style of ['words', 'characters'] as const) {
      const g = generatePassphrase(style);
      expect(checkWifiFormat(g.passphrase)).toEqual({ ok: true });
      expect(g.verdict).toMatchObject({ acceptable: true, common: false });
      expect(g.verdict.score).toBeGreaterThanOrEqual(3);
      expect(g.entropyBits).toBeGreaterThanOrEqual(77);
    }
  });
});

describe('checkWifiFormat', () => {
  it.each([
    ['1234567', false],
    ['12345678', true],
    ['x'.repeat(63), true],
    ['x'.repeat(64), false],
    ['a'.repeat(64).replace(/a/g, 'f'), true],
    ['g'.repeat(64), false],
    ['pässwort-lang-genug', false],
    ['tab\tinside-passphrase', false],
    ['spaces are fine here', true],
  ])('%j → %s', (p, ok) => expect(checkWifiFormat(p).ok).toBe(ok));
});

describe('ratePassphrase', () => {
  it('rejects anything on the common-password list, whatever its length', () => {
    const v = ratePassphrase('iloveyou');
    expect(v.common).toBe(true);
    expect(v.acceptable).toBe(false);
    expect(ratePassphrase('password1234').acceptable).toBe(false);
  });
  it('rejects short and guessable ones with reasons', () => {
    expect(ratePassphrase('Summer2024!').reasons.map((r) => words(r)).join(' ')).toMatch(/12 characters|guess/);
    // message codes leave the core, never English sentences
    expect(ratePassphrase('password').reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['wifi.rating.under-twelve', 'wifi.rating.common', 'wifi.rating.guessable']));
  });
});

describe('join code', () => {
  it('escapes \\ ; , : and " in SSID and passphrase', () => {
    expect(escapeJoinValue('a\\b;c,d:e"f')).toBe('a\\\\b\\;c\\,d\\:e\\"f');
    expect(joinCodeText('My;Net', 'p:ss"word,x', { mode: 'wpa3' })).toBe('WIFI:T:SAE;S:My\\;Net;P:p\\:ss\\"word\\,x;;');
    expect(joinCodeText('Home', 'abcdefgh', { mode: 'transition', hidden: true })).toBe('WIFI:T:WPA;S:Home;P:abcdefgh;H:true;;');
  });

  it('renders exactly that text as an SVG QR code', async () => {
    const text = joinCodeText('HomeNet', 'correct-horse-battery-staple-zoom-abacus', { mode: 'wpa3' });
    const url = await joinCodeQrDataUrl(text);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(url.split(',')[1]!, 'base64').toString('utf8');
    expect(svg).toContain('<svg');
    expect(svg).toBe(await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    expect(svg).not.toBe(await QRCode.toString(text + 'x', { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
  });
});
