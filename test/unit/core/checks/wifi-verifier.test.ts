import { describe, expect, it } from 'vitest';
import { runMemo, wifiEncryptionVerifier, type MeasuredCheck } from '../../../../main/core/checks/verifiers/index.js';
import type { WifiNetworkView } from '../../../../main/core/wifi/scan-service.js';
import type { WifiSecurityClass } from '../../../../main/core/wifi/security.js';
import { words } from '../../../support/words.js';
import { toMessage } from '../../../../main/core/messages/index.js';

const ap = (ssid: string, security: WifiSecurityClass, active = false): WifiNetworkView => ({ ssid, bssid: null, security, signal: 50, channel: 1, frequency: 2412, active, seen: `flags of ${security}` });
const scope = { interface: null, gateway: null };
const ctx = () => ({ scope, signal: new AbortController().signal, once: runMemo() });

function wifi(current: WifiNetworkView | null | 'unknown', all: WifiNetworkView[] = []) {
  const v = wifiEncryptionVerifier({
    status: async () => (current === 'unknown' ? { kind: 'unknown', reason: { code: 'wifi.reading.nmcli-missing', params: {} } } : { kind: 'ok', value: current, notes: [] }),
    scan: async () => ({ kind: 'ok', value: all, notes: [] }),
  });
  return { run: async () => ({ results: { 'wifi.encryption': (await v.verify(ctx())) as MeasuredCheck } }) };
}

describe('Wi-Fi verifier (wifi.encryption)', () => {
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
    const out = await wifi(home, [home]).run();
    expect(out.results['wifi.encryption']!.status).toBe(status);
  });

  it('judges the SSID by its weakest access point in range', async () => {
    const out = await wifi(ap('Home', 'wpa3', true), [ap('Home', 'wpa3', true), ap('Home', 'wpa'), ap('Neighbour', 'open')]).run();
    expect(out.results['wifi.encryption']).toMatchObject({ status: 'fail', reason: { code: 'wifi.encryption.uses', params: { ssid: 'Home', security: 'wpa', count: 2 } } });
    expect(words(toMessage(out.results['wifi.encryption']!.reason))).toBe('"Home" uses WPA / TKIP (outdated) (2 access points)');
  });

  it('is unknown, with the reason, when not connected or when the scan cannot be read', async () => {
    const notConnected = (await wifi(null).run()).results['wifi.encryption']!;
    expect(notConnected).toMatchObject({ status: 'unknown', reason: { code: 'wifi.encryption.not-connected' } });
    expect(words(toMessage(notConnected.reason))).toMatch(/not connected to a Wi-Fi network/);
    const unread = (await wifi('unknown').run()).results['wifi.encryption']!;
    expect(unread).toMatchObject({ status: 'unknown', reason: { code: 'wifi.encryption.no-reading' } });
    expect(words(toMessage(unread.reason))).toMatch(/^NetworkManager's command-line tool \(nmcli\) was not found\./);
  });
});

