/**
 * readBackAndRescanProof: the read-back must pass, then a rescan confirms or contradicts each Wi-Fi
 * change; no scanner, an unreadable scan, a network out of range or an unreadable mode never count
 * as a rescan (the basis says the check is the router's answer only). Scans are shaped like the
 * node-wifi scanner's readings (classified by the wizard's own WifiScanService).
 */
import { describe, expect, it } from 'vitest';
import { readBackAndRescanProof } from '../../../../main/core/router-api/index.js';
import type { ApplyResult, DesiredState, RouterStatus } from '../../../../main/core/router-api/index.js';
import type { WifiNetworkView } from '../../../../main/core/wifi/scan-service.js';
import type { WifiReading } from '../../../../main/core/ports.js';

const src = { api: 'tr064' as const, call: 'x' };
function status(enc: 'wpa2' | 'wpa3' | 'wpa2-wpa3'): RouterStatus {
  const net = (id: string, ssid: string, role: 'home' | 'guest', e: typeof enc, isolated: boolean | null) => ({ id, ssid, enabled: true, role, roleReason: { code: 'x', params: {} }, encryption: e, possibleEncryptions: ['wpa2' as const, 'wpa3' as const], isolated, source: src });
  const k = <T>(value: T) => ({ known: true as const, value, source: src });
  return {
    identity: k({ vendor: 'AVM', model: null }),
    wifi: k([net('W:1', 'Home', 'home', enc, false), net('W:3', 'Things', 'guest', 'wpa2-wpa3', true)]),
    wps: k({ enabled: false, networkIds: [] }),
    firmware: k({ version: '1', updateAvailable: false, autoUpdate: 'all' as const }),
    remoteAdmin: k({ enabled: false }),
    upnp: k({ enabled: false, portMappings: null }),
    adminPasswordDefault: k({ isDefault: false }),
  };
}
const view = (ssid: string, security: WifiNetworkView['security']): WifiNetworkView => ({ ssid, bssid: null, security, signal: 70, channel: 36, frequency: 5180, active: false, seen: '' });
const result: ApplyResult = { applied: ['home-wifi.encryption:W:1', 'iot-wifi:W:3'], skipped: [], previous: { router: 'r', takenAt: '', entries: [] } };
const desired: DesiredState = { homeWifi: { encryption: 'wpa3' }, iotWifi: { ssid: 'Things', encryption: 'wpa2-wpa3', passphrase: { account: 'wifi/Things' } } };
const scans = (...rs: WifiReading<WifiNetworkView[]>[]) => {
  let i = 0;
  return { scan: async () => rs[Math.min(i++, rs.length - 1)]! };
};
const ok = (nets: WifiNetworkView[]): WifiReading<WifiNetworkView[]> => ({ kind: 'ok', value: nets, notes: [] });
const opts = { attempts: 3, waitMs: 0 };

describe('readBackAndRescanProof', () => {
  it('passes when the rescan sees both networks with the modes asked for (after the radio caught up)', async () => {
    const s = scans(ok([view('Home', 'wpa2')]), ok([view('Home', 'wpa3'), view('Things', 'wpa2-wpa3')]));
    const p = await readBackAndRescanProof({ readStatus: async () => status('wpa3') }, desired, { scanner: s, ...opts })(result);
    expect(p).toMatchObject({ ok: true, basis: [{ code: 'router-api.rescan.seen', params: { ssid: 'Home', mode: { code: 'wifi.class.wpa3', params: {} } } }, { code: 'router-api.rescan.seen', params: { ssid: 'Things' } }] });
  });

  it('fails with the reason when the rescan still contradicts the router after every attempt', async () => {
    const p = await readBackAndRescanProof({ readStatus: async () => status('wpa3') }, desired, { scanner: scans(ok([view('Home', 'wpa2'), view('Things', 'wpa2-wpa3')])), ...opts })(result);
    expect(p).toMatchObject({ ok: false, reason: { code: 'router-api.rescan.contradicts', params: { ssid: 'Home', seen: { code: 'wifi.class.wpa2', params: {} }, want: { code: 'wifi.class.wpa3', params: {} } } } });
  });

  it('a failing read-back fails first (no scan needed)', async () => {
    let scanned = 0;
    const p = await readBackAndRescanProof({ readStatus: async () => status('wpa2') }, desired, { scanner: { scan: async () => (scanned++, ok([])) }, ...opts })(result);
    expect(p).toMatchObject({ ok: false, reason: { code: 'router-api.proof.still-old' } });
    expect(scanned).toBe(0);
  });

  it('never claims a rescan that did not happen: no scanner, unreadable scan, out of range, unreadable mode', async () => {
    const read = { readStatus: async () => status('wpa3') };
    expect(await readBackAndRescanProof(read, desired, { scanner: null, ...opts })(result)).toEqual({ ok: true, basis: [{ code: 'router-api.rescan.no-scanner', params: {} }] });
    let calls = 0;
    const broken = { scan: async (): Promise<WifiReading<WifiNetworkView[]>> => (calls++, { kind: 'unknown', reason: { code: 'wifi.reading.nmcli-missing', params: {} } }) };
    const u = await readBackAndRescanProof(read, desired, { scanner: broken, ...opts })(result);
    expect(u).toMatchObject({ ok: true, basis: [{ code: 'router-api.rescan.scan-unreadable', params: { ssid: 'Home', reason: { code: 'wifi.reading.nmcli-missing', params: {} } } }, { code: 'router-api.rescan.scan-unreadable' }] });
    expect(calls).toBe(1);
    const far = await readBackAndRescanProof(read, desired, { scanner: scans(ok([view('Home', 'unknown')])), ...opts })(result);
    expect(far).toMatchObject({ ok: true, basis: [{ code: 'router-api.rescan.class-unknown', params: { ssid: 'Home' } }, { code: 'router-api.rescan.not-in-range', params: { ssid: 'Things' } }] });
    expect(JSON.stringify(far)).not.toContain('rescan.seen');
  });

  it('an IoT network the router reports as not isolated fails the read-back', async () => {
    const s = status('wpa3');
    if (s.wifi.known) s.wifi.value[1]!.isolated = false;
    const p = await readBackAndRescanProof({ readStatus: async () => s }, desired, { scanner: null, ...opts })(result);
    expect(p).toMatchObject({ ok: false, reason: { code: 'router-api.proof.still-old', params: { what: 'Things' } } });
  });
});
