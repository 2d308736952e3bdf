import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNetshInterfaces, parseNetshNetworks } from '../../../../main/adapters/wifi/netsh.js';
import { NodeWifiScanner } from '../../../../main/adapters/wifi/node-wifi-scanner.js';
import { toView } from '../../../../main/core/wifi/scan-service.js';

const fx = (name: string) => readFileSync(new URL(`../../../fixtures/wifi/${name}`, import.meta.url), 'utf8');

describe('netsh wlan show networks mode=bssid', () => {
  const p = parseNetshNetworks(fx('netsh-networks-bssid.txt'));
  if (!p.ok) throw new Error(JSON.stringify(p.reason));
  const views = p.networks.map(toView);

  it('lists one entry per BSSID, hidden SSIDs kept with an empty name', () => {
    expect(views.map((v) => [v.ssid, v.bssid, v.security])).toEqual([
      ['HomeNet', '3C:A6:2F:11:22:33', 'wpa2'],
      ['HomeNet', '3C:A6:2F:11:22:34', 'wpa2'],
      ['Café: Gäste', '60:45:CB:AA:BB:01', 'wpa3'],
      ['', '60:45:CB:AA:BB:02', 'wpa2'],
      ['OldPrinter', '00:1B:2F:00:00:01', 'wpa'],
      ['xfinitywifi', '6E:E3:0E:B8:45:99', 'open'],
      ['Office', '00:3A:7D:00:00:10', 'wpa2-enterprise'],
    ]);
  });

  it('reads signal, channel and band into frequency (6 GHz channels included)', () => {
    expect(views[0]).toMatchObject({ signal: 92, channel: 36, frequency: 5180 });
    expect(views[1]).toMatchObject({ signal: 70, channel: 6, frequency: 2437 });
    expect(views[2]).toMatchObject({ channel: 37, frequency: 6135 });
    expect(views[4]).toMatchObject({ channel: 11, frequency: 2462 });
  });

  it('marks the connected BSSID active', () => {
    const q = parseNetshNetworks(fx('netsh-networks-bssid.txt'), { bssid: '3C:A6:2F:11:22:33', ssid: 'HomeNet' });
    expect(q.ok && q.networks.filter((n) => n.active).map((n) => n.bssid)).toEqual(['3C:A6:2F:11:22:33']);
  });

  it.each([
    ['netsh-no-interface.txt', 'wifi.reading.windows-no-adapter'],
    ['netsh-wlansvc-stopped.txt', 'wifi.reading.windows-wlan-service-off'],
    ['netsh-location-denied.txt', 'wifi.reading.windows-location'],
  ])('%s → a clear reason, not an empty list', (file, code) => {
    const r = parseNetshNetworks(fx(file));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.code).toBe(code);
  });
});

describe('netsh wlan show interfaces', () => {
  it('reads the connected network', () => {
    const r = parseNetshInterfaces(fx('netsh-interfaces-connected.txt'));
    expect(r.ok && r.network && toView(r.network)).toMatchObject({ ssid: 'HomeNet', bssid: '3C:A6:2F:11:22:33', security: 'wpa2', channel: 36, frequency: 5180, signal: 92, active: true });
  });
  it('answers null when disconnected', () => {
    expect(parseNetshInterfaces(fx('netsh-interfaces-disconnected.txt'))).toEqual({ ok: true, network: null });
  });
});

describe('NodeWifiScanner on Windows (netsh fixtures through the runner)', () => {
  const run = async (spec: { cmd: string; args: string[] }) =>
    spec.args.includes('interfaces') ? fx('netsh-interfaces-connected.txt') : fx('netsh-networks-bssid.txt');
  it('scans and marks the current network', async () => {
    const s = new NodeWifiScanner({ platform: 'win32', run });
    const r = await s.scan();
    expect(r.kind).toBe('ok');
    expect(r.kind === 'ok' && r.value.filter((n) => n.active).map((n) => n.ssid)).toEqual(['HomeNet']);
    const c = await s.current();
    expect(c.kind === 'ok' && c.value?.ssid).toBe('HomeNet');
  });
  it('turns a missing netsh into unknown with the reason', async () => {
    const { CommandError } = await import('../../../../main/adapters/wifi/run-command.js');
    const s = new NodeWifiScanner({ platform: 'win32', run: async () => { throw new CommandError('netsh was not found', 'not-found', '', '', null); } });
    expect(await s.scan()).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.tool-missing', params: { tool: 'netsh' } } });
  });
});
