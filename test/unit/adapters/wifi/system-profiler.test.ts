import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSystemProfiler } from '../../../../main/adapters/wifi/system-profiler.js';
import { NodeWifiScanner } from '../../../../main/adapters/wifi/node-wifi-scanner.js';
import { toView } from '../../../../main/core/wifi/scan-service.js';

const fx = (name: string) => readFileSync(new URL(`../../../fixtures/wifi/${name}`, import.meta.url), 'utf8');

describe('system_profiler SPAirPortDataType -json (macOS 14.4+, no airport tool)', () => {
  const p = parseSystemProfiler(fx('macos-14.5-system-profiler.json'));
  if (!p.ok) throw new Error(JSON.stringify(p.reason));

  it('reads the current network and the ones in range, with exact classes', () => {
    expect(p.networks.map(toView).map((v) => [v.ssid, v.security, v.active])).toEqual([
      ['HomeNet', 'wpa2', true],
      ['Neighbour-Guest', 'open', false],
      ['Müller:WLAN', 'wpa3', false],
      ['OldRouter', 'wpa', false],
      ['Lab6E', 'wpa2-wpa3', false],
      ['Corp', 'wpa2-enterprise', false],
      ['Mystery', 'unknown', false],
    ]);
  });

  it('converts dBm to quality and channel+band to frequency; macOS gives no BSSID', () => {
    expect(toView(p.current!)).toMatchObject({ ssid: 'HomeNet', bssid: null, signal: 100, channel: 36, frequency: 5180 });
    expect(toView(p.networks[1]!)).toMatchObject({ signal: 44, channel: 6, frequency: 2437 });
    expect(toView(p.networks[4]!)).toMatchObject({ channel: 37, frequency: 6135 });
  });

  it('counts redacted names instead of showing "<redacted>" as a network', () => {
    expect(p.redacted).toBe(1);
    expect(p.networks.some((n) => n.ssid === '<redacted>')).toBe(false);
  });

  it.each([
    ['macos-wifi-off.json', 'wifi.reading.mac-wifi-off'],
    ['macos-no-wifi.json', 'wifi.reading.mac-no-adapter'],
  ])('%s → unknown with reason', (file, code) => {
    expect(parseSystemProfiler(fx(file))).toEqual({ ok: false, reason: { code, params: {} } });
  });

  it('malformed JSON → reason, not a crash', () => {
    expect(parseSystemProfiler('{"SPAirPortDataType": [')).toEqual({ ok: false, reason: { code: 'wifi.reading.profiler-not-json', params: {} } });
    expect(parseSystemProfiler('{"other": 1}')).toEqual({ ok: false, reason: { code: 'wifi.reading.profiler-no-section', params: {} } });
  });
});

describe('NodeWifiScanner on macOS', () => {
  const scanner = (file: string) => new NodeWifiScanner({ platform: 'darwin', run: async (spec) => {
    expect(spec).toEqual({ cmd: '/usr/sbin/system_profiler', args: ['SPAirPortDataType', '-json'] });
    return fx(file);
  } });
  it('current() reads the connected network; null when disconnected', async () => {
    const c = await scanner('macos-14.5-system-profiler.json').current();
    expect(c.kind === 'ok' && c.value?.ssid).toBe('HomeNet');
    expect(await scanner('macos-disconnected.json').current()).toMatchObject({ kind: 'ok', value: null });
  });
  it('a redacted current network is unknown with the permission to grant', async () => {
    const c = await scanner('macos-current-redacted.json').current();
    expect(c.kind).toBe('unknown');
    expect(c).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.mac-all-names-hidden', params: { steps: { code: 'wifi.reading.steps.mac-location', params: {} } } } });
  });
  it('scan() notes hidden names', async () => {
    const r = await scanner('macos-14.5-system-profiler.json').scan();
    expect(r.kind === 'ok' && r.notes).toEqual([{ code: 'wifi.reading.mac-names-hidden', params: { count: 1, steps: { code: 'wifi.reading.steps.mac-location', params: {} } } }]);
  });
});
