/**
 * Check titles and explanations reach the screen through i18next (namespace `catalog`), with the
 * English taken from resources/checks.json itself, so a translation is a data file.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, initI18n, loadLaterCatalogs } from '../../../renderer/i18n/index.js';

const catalog = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'resources', 'checks.json'), 'utf8')) as {
  checks: { id: string; title: string; why: string; passWhen: string; next: string }[];
};

describe('check texts through i18next', () => {
  it('before the later catalogs load, a check reads as its own view; then the catalog file wins', async () => {
    initI18n();
    const first = catalog.checks[0]!;
    expect(checkText({ id: first.id, title: 'The view', why: null, passWhen: null, next: null }, 'title')).toBe('The view');
    await loadLaterCatalogs();
    for (const c of catalog.checks) {
      // The view passed in carries different text: the catalog namespace must win.
      const view = { id: c.id, title: 'x', why: 'x', passWhen: 'x', next: 'x' };
      expect(checkText(view, 'title')).toBe(c.title);
      expect(checkText(view, 'why')).toBe(c.why);
      expect(checkText(view, 'passWhen')).toBe(c.passWhen);
      expect(checkText(view, 'next')).toBe(c.next);
    }
  });

  it('uses a translation when one is loaded, and falls back to the view for an unknown id', async () => {
    const i18n = initI18n();
    i18n.addResourceBundle('de', 'catalog', { wifi: { encryption: { title: 'WLAN nutzt WPA3-Verschlüsselung' } } });
    await i18n.changeLanguage('de');
    try {
      expect(checkText({ id: 'wifi.encryption' }, 'title')).toBe('WLAN nutzt WPA3-Verschlüsselung');
      // Not translated yet: English from the catalog.
      expect(checkText({ id: 'wifi.wps' }, 'title')).toBe('WPS is turned off');
    } finally {
      await i18n.changeLanguage('en');
    }
    expect(checkText({ id: 'future.check', title: 'From the core' }, 'title')).toBe('From the core');
  });
});
