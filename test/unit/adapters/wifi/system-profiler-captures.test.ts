/**
 * Real `system_profiler SPAirPortDataType -json` output from macOS 10.15.7, 12.7.2 and 15.5
 * (test/fixtures/wifi/README.md: sources, licence, rule table). Every network gets the class its
 * own `spairport_security_mode` says; nothing in range is dropped; hidden names are explained.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSystemProfiler } from '../../../../main/adapters/wifi/system-profiler.js';
import { NodeWifiScanner } from '../../../../main/adapters/wifi/node-wifi-scanner.js';
import { toView } from '../../../../main/core/wifi/scan-service.js';

const fx = (name: string) => readFileSync(new URL(`../../../fixtures/wifi/${name}`, import.meta.url), 'utf8');
const mac = (file: string) => new NodeWifiScanner({ platform: 'darwin', run: async () => fx(file) });

/** [ssid, class, active] per network, read by hand from each capture's own security_mode values. */
const CAPTURES: [file: string, expected: [string, string, boolean][]][] = [
  [
    'captures/whm-macos-sp-10.15.7.json',
    [
      ['SSID-6', 'open', true],
      ['SSID-1', 'wpa2', false],
      ['SSID-2', 'wpa2', false],
      ['SSID-3', 'open', false],
      ['SSID-4', 'open', false],
      ['SSID-5', 'open', false],
      ['SSID-7', 'open', false],
      ['SSID-8', 'open', false],
      ['SSID-9', 'open', false],
      ['SSID-10', 'open', false],
      ['SSID-11', 'open', false],
      ['SSID-12', 'wpa2', false],
      ['SSID-13', 'wpa2', false],
      ['SSID-14', 'open', false],
      ['SSID-15', 'wpa2', false],
      ['SSID-16', 'wpa2', false],
      ['SSID-17', 'wpa2', false],
    ],
  ],
  ['captures/whm-macos-sp-12.7.2-AP.json', [['SSID-4', 'wpa2', true], ['SSID-1', 'wpa2', false], ['SSID-2', 'wpa2', false], ['SSID-3', 'wpa2', false]]],
  ['captures/whm-macos-sp-15.5-no-iPhone.json', [['SSID-1', 'wpa2', false], ['SSID-2', 'wpa2', false]]],
  ['captures/whm-macos-sp-15.5-on-iPhone.json', [['SSID-1', 'wpa2', true]]],
  [
    'captures/whm-macos-sp-15.5-wpa2-en.json',
    [['SSID-7', 'wpa2', true], ['SSID-1', 'wpa2', false], ['SSID-2', 'wpa2', false], ['SSID-3', 'wpa2', false], ['SSID-4', 'wpa2', false], ['SSID-5', 'wpa2', false], ['SSID-6', 'wpa2', false]],
  ],
  ['captures/whm-macos-sp-15.5.json', [['SSID-2', 'open', true], ['SSID-1', 'wpa2', false], ['SSID-3', 'open', false], ['SSID-4', 'open', false], ['SSID-5', 'wpa2', false]]],
];

describe('system_profiler -json — real captures, macOS 10.15 to 15', () => {
  it.each(CAPTURES)('%s: every network classified as its own security mode says', (file, expected) => {
    const p = parseSystemProfiler(fx(file));
    if (!p.ok) throw new Error(JSON.stringify(p.reason));
    expect(p.networks.map(toView).map((v) => [v.ssid, v.security, v.active])).toEqual(expected);
    expect(p.redacted).toBe(0);
  });

  it('reads old (numeric, "149,+1") and new ("36 (5GHz, 80MHz)") channel forms into frequencies', () => {
    const old = parseSystemProfiler(fx('captures/whm-macos-sp-10.15.7.json'));
    expect(old.ok && old.networks.map(toView).find((v) => v.ssid === 'SSID-9')).toMatchObject({ channel: 149, frequency: 5745 });
    const p = parseSystemProfiler(fx('captures/whm-macos-sp-15.5-wpa2-en.json'));
    expect(p.ok && p.networks.map(toView).find((v) => v.ssid === 'SSID-6')).toMatchObject({ channel: 132, frequency: 5660 });
  });

  it('disassociated (macOS 15 lists the networks as "local", not "other_local"): none dropped, nothing active', async () => {
    const r = await mac('captures/whm-macos-sp-15.5-no-iPhone.json').scan();
    expect(r.kind === 'ok' && r.value.map((n) => n.ssid)).toEqual(['SSID-1', 'SSID-2']);
    expect(await mac('captures/whm-macos-sp-15.5-no-iPhone.json').current()).toEqual({ kind: 'ok', value: null, notes: [] });
    expect(await mac('captures/whm-macos-sp-12.7.2-no-AP.json').scan()).toEqual({ kind: 'ok', value: [], notes: [] });
  });

  it('Wi-Fi switched off → unknown with the reason', async () => {
    expect(await mac('captures/whm-macos-sp-15.5-wifi-disabled.json').scan()).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.mac-wifi-off', params: {} } });
  });
});

/** Every name hidden: the code, with the steps to allow Location Services as a message of their own. */
const HIDDEN_ALL = { code: 'wifi.reading.mac-all-names-hidden', params: { steps: { code: 'wifi.reading.steps.mac-location', params: {} } } };

describe('macOS 14.4+ without Location Services permission (<redacted> names)', () => {
  it('every name hidden → unknown with the steps to allow Porchlight, not an empty list', async () => {
    const r = await mac('macos-all-redacted-handwritten.json').scan();
    expect(r).toEqual({ kind: 'unknown', reason: HIDDEN_ALL });
    expect(await mac('macos-all-redacted-handwritten.json').current()).toEqual({ kind: 'unknown', reason: HIDDEN_ALL });
  });

  it.each([
    ['captures/reduced-macos-sp-redacted-wpa3-transition.json', 2],
    ['captures/reduced-macos-26-sp-redacted-6ghz.json', 1],
  ])('real redacted output %s → unknown with the steps; the connected network counted once', async (file, hidden) => {
    const p = parseSystemProfiler(fx(file));
    if (!p.ok) throw new Error(JSON.stringify(p.reason));
    expect(p.networks).toEqual([]);
    expect(p.redacted + (p.currentRedacted ? 1 : 0)).toBe(hidden);
    expect(await mac(file).scan()).toEqual({ kind: 'unknown', reason: HIDDEN_ALL });
    expect(await mac(file).current()).toEqual({ kind: 'unknown', reason: HIDDEN_ALL });
  });

  it('some names hidden → the named networks, and a note with the count and the steps', async () => {
    const r = await mac('macos-current-redacted.json').scan();
    if (r.kind !== 'ok') throw new Error(JSON.stringify(r.reason));
    expect(r.value.map((n) => n.ssid)).toEqual(['Neighbour-Guest', 'Müller:WLAN', 'OldRouter', 'Lab6E', 'Corp', 'Mystery']);
    expect(r.notes).toEqual([{ code: 'wifi.reading.mac-names-hidden', params: { count: 2, steps: { code: 'wifi.reading.steps.mac-location', params: {} } } }]);
  });
});
