import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atLeastAsStrong, bestMethod, fromDirectoryTfa, METHOD_IDS, rankMethods } from '../../../../main/core/accounts/methods.js';

const I18N = join(import.meta.dirname, '..', '..', '..', '..', 'renderer', 'i18n');
type Words = { method: Record<string, { label: string; why: string }> };
const words = (lang: string) => JSON.parse(readFileSync(join(I18N, lang, 'accounts.json'), 'utf8')) as Words;

describe('2FA method ranking (CISA: phishing-resistant > app > push > phone > email)', () => {
  it('orders every method strongest first', () => {
    expect(rankMethods(['email', 'sms', 'push', 'authenticator-app', 'security-key'])).toEqual(['security-key', 'authenticator-app', 'push', 'sms', 'email']);
  });
  it('puts SMS and phone call on one rank, keeping the given order, and removes duplicates', () => {
    expect(rankMethods(['call', 'email', 'sms', 'call'])).toEqual(['call', 'sms', 'email']);
    expect(rankMethods(['sms', 'call'])).toEqual(['sms', 'call']);
  });
  it('picks the authenticator app over SMS and phone call (the Amazon case)', () => {
    expect(bestMethod(['sms', 'call', 'authenticator-app'])).toBe('authenticator-app');
  });
  it('picks push over SMS and email when no app is offered (the Arlo case)', () => {
    expect(bestMethod(['sms', 'email', 'push'])).toBe('push');
  });
  it('picks SMS over email, and null when nothing is offered', () => {
    expect(bestMethod(['email', 'sms'])).toBe('sms');
    expect(bestMethod([])).toBeNull();
  });
  it('compares strengths', () => {
    expect(atLeastAsStrong('security-key', 'authenticator-app')).toBe(true);
    expect(atLeastAsStrong('push', 'authenticator-app')).toBe(false);
    expect(atLeastAsStrong('call', 'sms')).toBe(true);
  });
  it('gives every method a label and a reason in every language (the accounts step names methods through the catalogs)', () => {
    for (const lang of ['en', 'de', 'es', 'fr']) {
      const w = words(lang);
      expect(Object.keys(w.method).sort(), lang).toEqual([...METHOD_IDS].sort());
      for (const m of METHOD_IDS) {
        expect(w.method[m]!.label.length, `${lang} ${m}`).toBeGreaterThan(3);
        expect(w.method[m]!.why.length, `${lang} ${m}`).toBeGreaterThan(40);
        if (lang !== 'en') expect(w.method[m]!.why, `${lang} ${m} is translated`).not.toBe(words('en').method[m]!.why);
      }
    }
    const en = words('en').method;
    expect(en.sms!.why).toMatch(/SIM swap/);
    expect(en['authenticator-app']!.why).toMatch(/CISA/);
    expect(en.push!.why).toMatch(/fatigue/);
    expect(words('de').method.sms!.why).toMatch(/SIM-Karte/);
  });
  it('maps the 2fa.directory vocabulary', () => {
    expect(fromDirectoryTfa('u2f')).toBe('security-key');
    expect(fromDirectoryTfa('totp')).toBe('authenticator-app');
    expect(fromDirectoryTfa('custom-software')).toBe('push');
    expect(fromDirectoryTfa('custom-hardware')).toBeNull();
    expect(fromDirectoryTfa('sms')).toBe('sms');
    expect(fromDirectoryTfa('call')).toBe('call');
    expect(fromDirectoryTfa('email')).toBe('email');
  });
});
