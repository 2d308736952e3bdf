import { describe, expect, it } from 'vitest';
import { wifiEncryptionRunner } from '../../../../main/core/audit/runners/wifi-runner.js';
import { chosenIotSsid } from '../../../../main/core/audit/runners/segment-runner.js';
import { inventoryOf, isolation, routerOf } from '../../../../main/core/audit/runners/survey-runner.js';
import type { WifiNetworkView } from '../../../../main/core/wifi/scan-service.js';
import type { WifiSecurityClass } from '../../../../main/core/wifi/security.js';
import type { SurveyReport } from '../../../../main/core/network/survey-service.js';

const ap = (ssid: string, security: WifiSecurityClass, active = false): WifiNetworkView => ({ ssid, bssid: null, security, signal: 50, channel: 1, frequency: 2412, active, seen: `flags of ${security}` });
const scope = { interface: null, gateway: null };
const signal = new AbortController().signal;

function wifi(current: WifiNetworkView | null | 'unknown', all: WifiNetworkView[] = []) {
  return wifiEncryptionRunner({
    status: async () => (current === 'unknown' ? { kind: 'unknown', reason: 'nmcli is not installed' } : { kind: 'ok', value: current, notes: [] }),
    scan: async () => ({ kind: 'ok', value: all, notes: [] }),
  });
}

describe('Wi-Fi runner (wifi.encryption)', () => {
  it.each([
    ['wpa3', 'pass'],
    ['wpa2-wpa3', 'warn'],
    ['wpa2', 'warn'],
    ['wpa', 'fail'],
    ['wep', 'fail'],
    ['open', 'fail'],
    ['owe', 'fail'],
    ['unknown', 'unknown'],
  ] as const)('classifies the home network on %s as %s', async (security, status) => {
    const home = ap('Home', security, true);
    const out = await wifi(home, [home]).run(scope, signal);
    expect(out.results['wifi.encryption']!.status).toBe(status);
  });

  it('judges the SSID by its weakest access point in range', async () => {
    const out = await wifi(ap('Home', 'wpa3', true), [ap('Home', 'wpa3', true), ap('Home', 'wpa'), ap('Neighbour', 'open')]).run(scope, signal);
    expect(out.results['wifi.encryption']).toMatchObject({ status: 'fail', reason: '"Home" uses WPA / TKIP (outdated) (2 access points)' });
  });

  it('is unknown, with the reason, when not connected or when the scan cannot be read', async () => {
    expect((await wifi(null).run(scope, signal)).results['wifi.encryption']).toMatchObject({ status: 'unknown', reason: expect.stringContaining('not connected') });
    expect((await wifi('unknown').run(scope, signal)).results['wifi.encryption']).toMatchObject({ status: 'unknown', reason: 'nmcli is not installed' });
  });
});

describe('IoT network name from the saved wizard progress', () => {
  it('reads segmentation.iotSsid and ignores anything else', () => {
    expect(chosenIotSsid({ context: { answers: { segmentation: { iotSsid: 'Home-IoT' } } } })).toBe('Home-IoT');
    for (const bad of [null, 42, {}, { context: null }, { context: { answers: { segmentation: { iotSsid: 7 } } } }, { context: { answers: { segmentation: { iotSsid: 'x'.repeat(33) } } } }]) {
      expect(chosenIotSsid(bad)).toBeNull();
    }
  });
});

const device = (id: string, over: Partial<SurveyReport['devices'][number]> = {}): SurveyReport['devices'][number] => ({
  id, ip: '127.0.0.9', mac: id, vendor: 'Acme', model: null, names: [`dev ${id}`], services: [], category: 'camera',
  firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-01T00:00:00.000Z', moveToIot: false, manual: false, seenBy: ['neighbors'], status: 'identified', reason: null, ...over,
});
const report = (devices: SurveyReport['devices']): SurveyReport => ({
  gateway: { address: '127.0.0.40', mac: null, router: { vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', friendlyName: null, sources: { vendor: 'tr064', model: 'upnp', firmware: 'tr064' }, evidence: [] } },
  devices, notes: [], durationMs: 10, budgetMs: 100, withinBudget: true, finishedAt: '2026-01-01T00:00:00.000Z',
});

describe('survey runner pieces', () => {
  it('inventories the devices seen now (and those added by hand), not the ones only remembered', () => {
    const inv = inventoryOf(report([device('a'), device('b', { seenBy: [], status: 'not-seen' }), device('c', { seenBy: [], manual: true })]));
    expect(inv.map((d) => d.key)).toEqual(['a', 'c']);
  });

  it('keeps the router identity with its distinct sources', () => {
    expect(routerOf(report([]))).toEqual({ address: '127.0.0.40', vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', sources: ['tr064', 'upnp'] });
  });

  it('network.iot-isolated: unknown with nothing marked, fail naming a marked device still seen, pass when all are gone', () => {
    expect(isolation(report([device('a')])).status).toBe('unknown');
    expect(isolation(report([device('a', { moveToIot: true })]))).toMatchObject({ status: 'fail', reason: 'still seen from the main network: dev a (127.0.0.9)' });
    expect(isolation(report([device('a', { moveToIot: true, seenBy: [], status: 'not-seen' })])).status).toBe('pass');
  });
});
