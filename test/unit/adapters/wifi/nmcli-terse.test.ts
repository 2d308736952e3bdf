import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseNmcliWifiList, splitTerseLine, nmcliSecurityFacts } from '../../../../main/adapters/wifi/nmcli-terse.js';
import { classifySecurity } from '../../../../main/core/wifi/security.js';

const fixture = readFileSync(new URL('../../../fixtures/wifi/nmcli-terse-all-classes.txt', import.meta.url), 'utf8');

describe('splitTerseLine', () => {
  it('unescapes \\: and \\\\ and splits only on bare colons', () => {
    expect(splitTerseLine('no:a\\:b\\\\c&&d:B0\\:BE')).toEqual(['no', 'a:b\\c&&d', 'B0:BE']);
    expect(splitTerseLine('::')).toEqual(['', '', '']);
    expect(splitTerseLine('x\\\\:y')).toEqual(['x\\', 'y']);
  });
  it('rejects a line ending inside an escape', () => {
    expect(splitTerseLine('no:abc\\')).toBeNull();
  });
});

describe('parseNmcliWifiList over real terse rows', () => {
  const parsed = parseNmcliWifiList(fixture);
  const bySsidBssid = (bssid: string) => parsed.networks.find((n) => n.bssid === bssid)!;
  const cls = (bssid: string) => classifySecurity(bySsidBssid(bssid).security);

  it('reads every line', () => {
    expect(parsed.malformed).toBe(0);
    expect(parsed.networks).toHaveLength(18);
  });

  it.each([
    ['B0:BE:76:00:00:01', 'Cafe Open', 'open'],
    ['B0:BE:76:00:00:02', 'Enhanced', 'owe'],
    ['B0:BE:76:00:00:03', 'Enhanced-T', 'owe-transition'],
    ['B0:BE:76:00:00:04', 'Enhanced-T2', 'owe-transition'],
    ['B0:BE:76:00:00:05', 'Grandma', 'wep'],
    ['B0:BE:76:00:00:06', 'OldPrinter', 'wpa'],
    ['B0:BE:76:00:00:07', 'EBOX_6070', 'wpa'],
    ['B0:BE:76:00:00:08', 'NERMNET', 'wpa'],
    ['3C:A6:2F:11:22:33', 'HomeNet', 'wpa2'],
    ['B0:BE:76:00:00:09', 'Transition', 'wpa2-wpa3'],
    ['B0:BE:76:00:00:0A', 'SaeOnly', 'wpa3'],
    ['B0:BE:76:00:00:0B', 'eduroam', 'wpa2-enterprise'],
    ['B0:BE:76:00:00:0C', 'Secure192', 'wpa3-enterprise'],
    ['B0:BE:76:00:00:0D', 'Weird', 'unknown'],
    ['B0:BE:76:00:00:0E', 'a:b\\c&&d', 'wpa2'],
    ['B0:BE:76:00:00:0F', 'Wohnung Müller ☕', 'wpa2-wpa3'],
    ['B0:BE:76:00:00:10', '', 'wpa2'],
    ['B0:BE:76:00:00:11', '\\\\', 'wpa3'],
  ])('%s → ssid %j, class %s', (bssid, ssid, expected) => {
    expect(bySsidBssid(bssid).ssid).toBe(ssid);
    expect(cls(bssid)).toBe(expected);
  });

  it('keeps the other columns aligned after an SSID with escapes', () => {
    const n = bySsidBssid('B0:BE:76:00:00:0E');
    expect(n).toMatchObject({ channel: 1, frequency: 2412, signal: 20, active: false });
    expect(bySsidBssid('3C:A6:2F:11:22:33')).toMatchObject({ active: true, channel: 36, frequency: 5180, signal: 84 });
  });

  it('lists hidden networks with an empty SSID instead of dropping them', () => {
    expect(parsed.networks.filter((n) => n.ssid === '')).toHaveLength(1);
  });

  it('counts malformed lines instead of guessing', () => {
    const p = parseNmcliWifiList('garbage without fields\nyes:x:not-a-bssid:Infra:1:2412 MHz:1:WPA2:(none):psk\n' + fixture.split('\n')[8]);
    expect(p.malformed).toBe(2);
    expect(p.networks.map((n) => n.ssid)).toEqual(['HomeNet']);
  });

  it('marks unknown flags unrecognized so the class is unknown', () => {
    expect(classifySecurity(nmcliSecurityFacts('WPA2', '(none)', 'pair_ccmp group_ccmp psk ft-psk'))).toBe('unknown');
  });
});

describe("node-wifi's own Linux parser (the defect this adapter replaces)", () => {
  it('corrupts an SSID containing a colon and shifts the columns', () => {
    const require = createRequire(import.meta.url);
    const parse = require('node-wifi/src/linux/scan/parser.js') as (s: string) => { ssid: string; security: string }[];
    const [row] = parse('no:a\\:b:B0\\:BE\\:76\\:00\\:00\\:0E:Infra:1:2412 MHz:20:WPA2:(none):pair_ccmp group_ccmp psk\n');
    expect(row!.ssid).not.toBe('a:b');
    expect(row!.security).not.toBe('WPA2');
  });
});
