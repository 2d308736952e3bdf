/**
 * Real `netsh` output published by other projects (test/fixtures/wifi/README.md lists sources and
 * licences), plus hand-written fixtures for what no public capture shows. Every network must get
 * the class its own Authentication/Encryption lines say under the rule table in
 * main/adapters/wifi/netsh.ts — in every language collected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { netshSecurityFacts, parseNetshInterfaces, parseNetshNetworks } from '../../../../main/adapters/wifi/netsh.js';

/** What a Windows Location refusal reads as: the code, with the steps to allow it as a message of their own. */
const WINDOWS_LOCATION = { code: 'wifi.reading.windows-location', params: { steps: { code: 'wifi.reading.steps.windows-location', params: {} } } };
import { NodeWifiScanner } from '../../../../main/adapters/wifi/node-wifi-scanner.js';
import { toView, type WifiNetworkView } from '../../../../main/core/wifi/scan-service.js';
import { classifySecurity } from '../../../../main/core/wifi/security.js';

const fx = (name: string) => readFileSync(new URL(`../../../fixtures/wifi/${name}`, import.meta.url), 'utf8');

function views(file: string): WifiNetworkView[] {
  return views_(fx(file));
}

function views_(text: string): WifiNetworkView[] {
  const p = parseNetshNetworks(text);
  if (!p.ok) throw new Error(JSON.stringify(p.reason));
  return p.networks.map(toView);
}

/** SSID → [class, number of access points], read by hand from each capture's own lines. */
type Expected = Record<string, [WifiNetworkView['security'], number]>;

const REAL_NETWORKS: [file: string, language: string, expected: Expected][] = [
  ['captures/whm-netsh-networks-en.txt', 'English (Windows 11)', { 'SSID-1': ['open', 4], 'SSID-2': ['open', 3], 'SSID-3': ['wpa2', 1] }],
  [
    'captures/whm-netsh-networks-blank-ssid-en.txt',
    'English (Windows 11), hidden SSID',
    {
      '': ['wpa2', 1],
      'SSID-2': ['open', 5],
      'SSID-3': ['wpa2', 1],
      'SSID-4': ['open', 1],
      'SSID-5': ['wpa2', 1],
      'SSID-6': ['wpa2', 1],
      'SSID-7': ['open', 1],
      'SSID-8': ['wpa2', 1],
      'SSID-9': ['open', 3],
    },
  ],
  ['captures/whm-netsh-networks-de.txt', 'German', { 'SSID-1': ['wpa2', 1], 'SSID-2': ['open', 3], 'SSID-3': ['wpa2', 1], 'SSID-4': ['open', 3], 'SSID-5': ['wpa2', 1] }],
  ['captures/whm-netsh-networks-es.txt', 'Spanish', { 'SSID-1': ['open', 3], 'SSID-2': ['wpa2', 1], 'SSID-3': ['open', 3] }],
  ['captures/whm-netsh-networks-fr.txt', 'French (no-break space before colons)', { 'SSID-1': ['open', 3], 'SSID-2': ['open', 1], 'SSID-3': ['open', 4] }],
  [
    'captures/whm-netsh-networks-it.txt',
    'Italian (hidden SSID)',
    { 'SSID-1': ['wpa2', 1], '': ['wpa2', 1], 'SSID-3': ['wpa2', 1], 'SSID-4': ['open', 3], 'SSID-5': ['wpa2', 1], 'SSID-6': ['open', 4] },
  ],
  ['captures/reduced-netsh-networks-6ghz-wpa3-en.txt', 'English, WPA3 on 6 GHz (Wi-Fi 7, MLD lines)', { 'SixGhz-MLO': ['wpa3', 1], 'SixGhz-be': ['wpa3', 1], 'SixGhz-165': ['wpa3', 1] }],
];

const HANDWRITTEN_NETWORKS: [file: string, language: string, expected: Expected][] = [
  ['netsh-networks-dutch-handwritten.txt', 'Dutch', { Thuis: ['wpa2', 1], Gasten: ['open', 1], Kantoor: ['wpa2-enterprise', 1] }],
  ['netsh-networks-portuguese-handwritten.txt', 'Portuguese', { Casa: ['wpa3', 1], Vizinho: ['open', 1], Impressora: ['wpa', 1] }],
  ['netsh-networks-french-nnbsp-handwritten.txt', 'French with U+202F and "WPA2 - Personnel"', { Maison: ['wpa2', 1], Bureau: ['wpa2-enterprise', 1] }],
];

function bySsid(list: WifiNetworkView[]): Expected {
  const out: Expected = {};
  for (const v of list) {
    const [cls, n] = out[v.ssid] ?? [v.security, 0];
    out[v.ssid] = [cls === v.security ? cls : 'unknown', n + 1];
  }
  return out;
}

describe('netsh wlan show networks mode=bssid — real captures in every language collected', () => {
  it.each(REAL_NETWORKS)('%s (%s): every network classified as its own lines say', (file, _lang, expected) => {
    const list = views(file);
    expect(bySsid(list)).toEqual(expected);
    // Every access point was read whole: a BSSID, a signal, a channel and its frequency.
    for (const v of list) {
      expect(v.bssid).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/);
      expect(v.signal).toBeGreaterThan(0);
      expect(v.channel).toBeGreaterThan(0);
      expect(v.frequency).toBeGreaterThan(2400);
    }
  });

  it.each([
    ['captures/reduced-netsh-networks-no-bssid-en.txt', { myAP: ['wpa2', 1] }, [null]],
    ['captures/reduced-netsh-networks-summary-en.txt', { F09FA78A: ['wpa2', 2] }, [null, null]],
    ['captures/reduced-netsh-networks-de-win81.txt', { 'Photon-U8BS': ['open', 1] }, ['6C:0B:84:1B:22:92']],
  ] as [string, Expected, (string | null)[]][])('%s: networks without (or with odd) BSSID lines are kept and classified', (file, expected, bssids) => {
    const list = views(file);
    expect(bySsid(list)).toEqual(expected);
    expect(list.map((v) => v.bssid)).toEqual(bssids);
  });

  it('reads the band in each language ("2,4 GHz" with a no-break space, "5 GHz", "6 GHz") into the frequency', () => {
    const es = views('captures/whm-netsh-networks-es.txt');
    expect(es.find((v) => v.bssid === 'FE:DC:BA:09:87:04')).toMatchObject({ channel: 4, frequency: 2427, signal: 82 });
    const fr = views('captures/whm-netsh-networks-fr.txt');
    expect(fr.find((v) => v.bssid === 'FE:DC:BA:09:87:02')).toMatchObject({ channel: 52, frequency: 5260, signal: 33 });
    const six = views('captures/reduced-netsh-networks-6ghz-wpa3-en.txt');
    expect(six.map((v) => v.frequency)).toEqual([6455, 6455, 6775]);
  });

  it('keeps the platform words next to the class, so a person can check it', () => {
    expect(views('captures/whm-netsh-networks-de.txt')[1]).toMatchObject({ security: 'open', seen: 'Authentication=Offen Encryption=Keine' });
    expect(views('captures/whm-netsh-networks-fr.txt')[0]!.seen).toBe('Authentication=Ouvrir Encryption=Aucun');
  });
});

describe('netsh wlan show networks — hand-written edge cases real captures lack', () => {
  it.each(HANDWRITTEN_NETWORKS)('%s (%s)', (file, _lang, expected) => {
    expect(bySsid(views(file))).toEqual(expected);
  });

  it('an SSID block without BSSID lines is still a network: class from its own lines, BSSID unknown', () => {
    const list = views('netsh-networks-no-bssid.txt');
    expect(list.map((v) => [v.ssid, v.bssid, v.security, v.signal, v.channel, v.frequency])).toEqual([
      ['NoBssLines', null, 'wpa3', null, null, null],
      ['WithBss', '02:00:5E:30:00:01', 'wpa2', 70, 44, 5220],
    ]);
    // The German fixture prints only the SSID block, too.
    expect(views('netsh-networks-german.txt').map((v) => [v.ssid, v.bssid, v.security])).toEqual([['HomeNet', null, 'wpa2']]);
  });

  it('a language outside the tables: known values still read by netsh\'s fixed order, unknown words are unknown (never a guess)', () => {
    expect(bySsid(views('netsh-networks-unknown-language-handwritten.txt'))).toEqual({ Sit: ['unknown', 1], Kavarna: ['unknown', 1], Domov: ['wpa2', 1] });
  });

  it('no SSID lines and no header Porchlight knows → unknown with what netsh said', () => {
    const r = parseNetshNetworks('Ein unerwarteter Fehler ist aufgetreten.\r\n');
    expect(r).toEqual({ ok: false, reason: { code: 'wifi.reading.netsh-unreadable', params: { said: 'Ein unerwarteter Fehler ist aufgetreten.' } } });
    // The interfaces listing says which reading failed; nothing at all is its own reason.
    expect(parseNetshInterfaces('Ein unerwarteter Fehler ist aufgetreten.\r\n')).toEqual({ ok: false, reason: { code: 'wifi.reading.netsh-unreadable-connection', params: { said: 'Ein unerwarteter Fehler ist aufgetreten.' } } });
    expect(parseNetshNetworks('\r\n')).toEqual({ ok: false, reason: { code: 'wifi.reading.netsh-empty', params: {} } });
  });

  it('a network named like a netsh message is a network, not a refusal', () => {
    const text = fx('netsh-networks-no-bssid.txt').replace('SSID 2 : WithBss', 'SSID 2 : ms-settings:privacy-location wlansvc');
    expect(views_(text).map((v) => v.ssid)).toEqual(['NoBssLines', 'ms-settings:privacy-location wlansvc']);
  });

  it('a known header with no networks is an empty list, not an error', () => {
    expect(parseNetshNetworks('\r\nSchnittstellenname : WLAN\r\nMomentan sind 0 Netzwerke sichtbar.\r\n')).toEqual({ ok: true, networks: [] });
  });
});

describe('the value tables (rule table in netsh.ts)', () => {
  it.each([
    ['Open', 'None', 'open'],
    ['Offen', 'Keine', 'open'],
    ['Abierta', 'Ninguna', 'open'],
    ['Ouvrir', 'Aucun', 'open'],
    ['Aperta', 'Nessuno', 'open'],
    ['Aberta', 'Nenhuma', 'open'],
    ['Abrir', 'Nenhuma', 'open'],
    ['Open', 'Geen', 'open'],
    ['Open', 'WEP', 'wep'],
    ['Shared', 'WEP', 'wep'],
    ['Freigegeben', 'WEP', 'wep'],
    ['WPA-Personal', 'TKIP', 'wpa'],
    ['WPA2-Personal', 'TKIP', 'wpa'],
    ['WPA2-Personal', 'CCMP', 'wpa2'],
    ['WPA2 - Personnel', 'CCMP', 'wpa2'],
    ['WPA2-Persönlich', 'CCMP', 'wpa2'],
    ['WPA3-Personal', 'CCMP', 'wpa3'],
    ['WPA3-Personal (H2E)', 'GCMP', 'wpa3'],
    ['WPA2-Enterprise', 'CCMP', 'wpa2-enterprise'],
    ['WPA2 - Entreprise', 'CCMP', 'wpa2-enterprise'],
    ['WPA-Enterprise', 'TKIP', 'wpa'],
    ['WPA3-Enterprise', 'GCMP-256', 'wpa3-enterprise'],
    ['WPA3-Enterprise 192 Bits', 'GCMP-256', 'wpa3-enterprise'],
    ['OWE', 'CCMP', 'owe'],
    // Never a guess:
    ['WPA2-Osobní', 'CCMP', 'unknown'],
    ['Vendor defined', 'CCMP', 'unknown'],
    ['WPA2-Personal', 'Unknown', 'unknown'],
    ['', 'CCMP', 'unknown'],
    ['WPA2-Personal', '', 'unknown'],
    ['WPA2-Enterprise 192 Bits', 'GCMP-256', 'unknown'],
    ['WPA2-Personal', 'constructor', 'unknown'],
    ['Open', 'CCMP', 'unknown'],
  ])('%s / %s → %s', (auth, enc, cls) => {
    expect(classifySecurity(netshSecurityFacts(auth, enc))).toBe(cls);
  });
});

describe('netsh wlan show interfaces — real captures', () => {
  it.each([
    ['captures/whm-netsh-interfaces-en.txt', { ssid: 'SSID-1', bssid: 'FE:DC:BA:09:87:02', security: 'wpa2', signal: 42, channel: 44, frequency: 5220 }],
    ['captures/whm-netsh-interfaces-de.txt', { ssid: 'SSID-1', bssid: 'FE:DC:BA:09:87:02', security: 'wpa2-enterprise', signal: 43, channel: 116, frequency: 5580 }],
    ['captures/whm-netsh-interfaces-es.txt', { ssid: 'SSID-1', bssid: 'FE:DC:BA:09:87:02', security: 'open', signal: 81, channel: 11, frequency: 2462 }],
    ['captures/whm-netsh-interfaces-fr.txt', { ssid: 'SSID-1', bssid: 'FE:DC:BA:09:87:02', security: 'open', signal: 80, channel: 11, frequency: 2462 }],
    ['captures/whm-netsh-interfaces-fr-wpa2-personnel.txt', { ssid: 'SomeSSUD', bssid: '12:34:56:78:90:AB', security: 'wpa2', signal: 65, channel: 144, frequency: 5720 }],
    ['captures/whm-netsh-interfaces-it.txt', { ssid: 'SSID-1', bssid: 'FE:DC:BA:09:87:02', security: 'wpa2', signal: 85, channel: 4, frequency: 2427 }],
  ])('%s → the connected network', (file, expected) => {
    const r = parseNetshInterfaces(fx(file));
    if (!r.ok) throw new Error(JSON.stringify(r.reason));
    expect(r.network && toView(r.network)).toMatchObject({ ...expected, active: true });
  });

  it('a disconnected interface (no SSID line) → null; an unreadable answer → unknown', () => {
    expect(parseNetshInterfaces(fx('netsh-interfaces-disconnected.txt'))).toEqual({ ok: true, network: null });
    expect(parseNetshInterfaces('Schnittstelle nicht gefunden.\r\n').ok).toBe(false);
  });
});

describe('Windows Location permission (Windows 11 24H2 and later)', () => {
  it.each([
    ['captures/whm-netsh-networks-location-denied-en.txt', 'networks'],
    ['captures/whm-netsh-interfaces-location-denied-en.txt', 'interfaces'],
    ['netsh-location-denied.txt', 'networks'],
    ['netsh-location-denied-german-handwritten.txt', 'networks'],
  ])('%s is detected (any language: the Settings link is untranslated) and explained with the steps', (file, kind) => {
    const r = kind === 'interfaces' ? parseNetshInterfaces(fx(file)) : parseNetshNetworks(fx(file));
    expect(r).toEqual({ ok: false, reason: WINDOWS_LOCATION, permission: 'location' });
  });

  it('the scanner answers unknown with the steps, not an empty list or a raw error', async () => {
    const s = new NodeWifiScanner({
      platform: 'win32',
      run: async (spec) => (spec.args.includes('interfaces') ? fx('captures/whm-netsh-interfaces-location-denied-en.txt') : fx('captures/whm-netsh-networks-location-denied-en.txt')),
    });
    expect(await s.scan()).toEqual({ kind: 'unknown', reason: WINDOWS_LOCATION });
    expect(await s.current()).toEqual({ kind: 'unknown', reason: WINDOWS_LOCATION });
  });

  it('a German Windows scans end to end through the scanner (interfaces + networks), the connected BSSID marked', async () => {
    const s = new NodeWifiScanner({
      platform: 'win32',
      run: async (spec) => (spec.args.includes('interfaces') ? fx('captures/whm-netsh-interfaces-de.txt') : fx('captures/whm-netsh-networks-de.txt')),
    });
    const r = await s.scan();
    if (r.kind !== 'ok') throw new Error(JSON.stringify(r.reason));
    expect(r.value).toHaveLength(9);
    // The anonymised captures reuse FE:DC:BA:09:87:02 for the connected "SSID-1" and for "SSID-2" in
    // the scan: active needs the BSSID and the SSID to agree, so nothing is wrongly marked.
    expect(r.value.filter((n) => n.active)).toEqual([]);
    const c = await s.current();
    expect(c.kind === 'ok' && c.value && toView(c.value).security).toBe('wpa2-enterprise');
  });
});
