import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultCredentialsSchema, findVendor, loadDefaultCredentials } from '../../../../main/core/credentials/dataset.js';
import { resourcesDir } from '../../../../main/compose.js';
import { readFileSync } from 'node:fs';

const data = loadDefaultCredentials(resourcesDir());

describe('resources/default-credentials.json', () => {
  it('covers the router families, cameras, NVRs and hubs the product promises', () => {
    const ids = data.vendors.map((v) => v.id);
    for (const id of ['avm-fritzbox', 'tp-link', 'netgear', 'asus', 'linksys', 'eero', 'google-nest-wifi', 'ubiquiti', 'openwrt', 'generic-isp', 'hikvision', 'dahua', 'axis', 'amcrest', 'reolink', 'foscam']) {
      expect(ids).toContain(id);
    }
    expect(data.vendors.some((v) => v.kind === 'nvr')).toBe(true);
    expect(data.vendors.some((v) => v.kind === 'hub')).toBe(true);
    expect(data.generic.length).toBeLessThanOrEqual(5);
  });

  it('finds vendors by id, name and alias', () => {
    expect(findVendor(data, 'netgear')?.id).toBe('netgear');
    expect(findVendor(data, 'NETGEAR R7000')?.id).toBe('netgear');
    expect(findVendor(data, 'AVM FRITZ!Box 7590')?.id).toBe('avm-fritzbox');
    expect(findVendor(data, 'Hikvision NVR')?.id).toBe('hikvision-nvr');
    expect(findVendor(data, 'TP-Link Archer C7')?.id).toBe('tp-link');
    expect(findVendor(data, 'Acme')).toBeNull();
    expect(findVendor(data, '')).toBeNull();
  });

  it('rejects a broken file with the failing field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-dc-'));
    const broken = structuredClone(data) as { vendors: { credentials: unknown[] }[] };
    broken.vendors[0]!.credentials = Array.from({ length: 6 }, () => ({ username: 'a', password: 'b' }));
    writeFileSync(join(dir, 'default-credentials.json'), JSON.stringify(broken));
    expect(() => loadDefaultCredentials(dir)).toThrow(/default-credentials\.json is invalid at vendors\.0\.credentials/);
    expect(DefaultCredentialsSchema.safeParse({ ...data, vendors: [{ ...data.vendors[0], sources: ['nowhere'] }] }).success).toBe(false);
  });
});

describe('a maker with nothing to test says why, in every language', () => {
  // The prober shows the note of a maker with no shared login and a local login page (the app-only
  // ones get their own line) as catalog words, credentials.vendor-note.<id>.
  const shown = data.vendors.filter((v) => v.credentials.length === 0 && v.login !== 'app-only' && v.note);
  const catalog = (lang: string) =>
    (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'renderer', 'i18n', lang, 'messages.json'), 'utf8')) as { credentials: { 'vendor-note': Record<string, string> } }).credentials['vendor-note'];

  it('each such note has words in en, de, es and fr; the English words are the dataset\'s own note', () => {
    expect(shown.map((v) => v.id).sort()).toEqual(['avm-fritzbox', 'home-assistant', 'hubitat']);
    for (const lang of ['en', 'de', 'es', 'fr']) {
      const notes = catalog(lang);
      for (const v of shown) expect(notes[v.id]?.trim(), `${lang} ${v.id}`).toBeTruthy();
      // Every word in the catalog belongs to such a maker (none left behind when one gains a login).
      expect(Object.keys(notes).sort(), lang).toEqual(shown.map((v) => v.id).sort());
    }
    for (const v of shown) expect(catalog('en')[v.id]).toBe(v.note);
  });
});
