/**
 * One router list: the Wi-Fi step and the separate-network step offer the same routers (same ids,
 * names, order) from one source, each with its steps, and both default to the family of the router
 * the survey identified.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesDir } from '../../../../main/compose.js';
import { familyOf, loadRouterFamilies } from '../../../../main/core/router/index.js';
import { guessRouterFamily, loadWifiRouterGuides } from '../../../../main/core/wifi/guides.js';
import { tempDir } from '../../../support/fakes.js';

const dir = resourcesDir();

describe('the one router list', () => {
  it('both steps offer the same routers, in the same order, with the same names, each with its own steps', () => {
    const wifi = loadWifiRouterGuides(dir).families;
    const seg = loadRouterFamilies(dir).families;
    expect(seg.map((f) => [f.id, f.name])).toEqual(wifi.map((f) => [f.id, f.name]));
    expect(seg.map((f) => f.id)).toEqual(expect.arrayContaining(['avm-fritzbox', 'linksys', 'eero', 'google-nest-wifi', 'openwrt', 'generic']));
    for (const f of seg) expect(f.guestNetwork.length, f.id).toBeGreaterThan(0);
  });

  it.each([
    ['AVM', 'FRITZ!Box 7590', 'avm-fritzbox'],
    ['Linksys', 'Velop MX4200', 'linksys'],
    ['eero', 'eero Pro 6', 'eero'],
    ['Ubiquiti Inc.', 'UDR', 'ubiquiti'],
    ['OpenWrt', 'OpenWrt 23.05', 'openwrt'],
    [null, null, 'generic'],
  ])('a router identified as %s %s is the default of both steps (%s)', (vendor, model, id) => {
    expect(guessRouterFamily(loadWifiRouterGuides(dir), { vendor, model }).id).toBe(id);
    expect(familyOf(loadRouterFamilies(dir), vendor, model).id).toBe(id);
  });

  it('refuses to load when the separate-network steps lack a router of the list (the lists could differ again)', () => {
    const copy = tempDir('porchlight-routers-');
    cpSync(dir, copy, { recursive: true });
    const file = join(copy, 'router-families.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.families = doc.families.filter((f: { id: string }) => f.id !== 'eero');
    writeFileSync(file, JSON.stringify(doc));
    expect(() => loadRouterFamilies(copy)).toThrow(/missing: eero/);
  });
});
