/**
 * The Wi-Fi modes a router plan names ("from WPA2 to …") are catalog words in the reader's
 * language, plain words first — never English text or a raw id such as "wpa2-wpa3" inside a
 * translated sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMessageFormatter, msg, type MessageCatalog } from '../../../../main/core/messages/index.js';
import { encryptionWords } from '../../../../main/core/router-api/encryption-words.js';
import type { WifiEncryption } from '../../../../main/core/router-api/port.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const LANGS = ['en', 'de', 'es', 'fr'] as const;
const catalogs = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(join(ROOT, 'renderer', 'i18n', l, 'messages.json'), 'utf8')) as MessageCatalog]));
const MODES: WifiEncryption[] = ['open', 'wep', 'wpa', 'wpa2', 'wpa2-wpa3', 'wpa3', 'other'];

describe('router plan: Wi-Fi modes in words', () => {
  const f = createMessageFormatter(catalogs);

  it('every mode has words in every language, and the transition mode says what it means before its name', () => {
    for (const lang of LANGS) {
      const words = f.forLanguage!(lang);
      for (const mode of MODES) {
        const w = words.format(encryptionWords(mode));
        expect(w, `${lang} ${mode}`).not.toMatch(/^$|Porchlight has no description|router-api\./);
        expect(w, `${lang} ${mode}`).not.toBe(mode);
      }
      const transition = words.format(encryptionWords('wpa2-wpa3'));
      expect(transition.indexOf('WPA2/WPA3'), lang).toBeGreaterThan(0);
    }
  });

  it('a German plan reads German throughout', () => {
    const de = f.forLanguage!('de');
    const line = de.format(msg('router-api.change.iot-wifi', { ssid: 'Lab Things', to: encryptionWords('wpa2-wpa3') }));
    expect(line).toContain('Übergangsmodus');
    expect(line).not.toMatch(/transition|wpa2-wpa3/);
    expect(de.format(msg('router-api.change.home-wifi-encryption', { ssid: 'Lab Home', from: encryptionWords('wpa2'), to: encryptionWords('wpa3') }))).toMatch(/WPA2.*WPA3/);
  });
});
