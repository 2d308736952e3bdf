/**
 * The app's steps and `porchlight router` ask for the same router changes through one mapping, so
 * both name the same keychain accounts: the separate network's passphrase is where the segmentation
 * step keeps and shows it (its escaped `wifi/<name>`), made there only when none is saved.
 */
import { describe, expect, it } from 'vitest';
import { desiredStateOf, ensureIotPassphrase, NEXT_ADMIN_ACCOUNT, type RouterPlan } from '../../../../main/core/router-api/index.js';
import { secretAccountName } from '../../../../main/core/secrets/index.js';

const planWith = (...keys: Array<[string, boolean]>): RouterPlan => ({
  changes: keys.map(([key, refused]) => ({ key, message: { code: 'router-api.change.wps-off', params: {} }, cutsLink: false, refused: refused ? { code: 'router-api.refused.cuts-link', params: { ssid: 'x' } } : null })),
  notes: [],
});

function memorySecrets(seed: Record<string, string> = {}) {
  const data = new Map(Object.entries(seed));
  return { data, read: async (a: string) => data.get(a) ?? null, write: async (a: string, v: string) => void data.set(a, v) };
}

describe('desiredStateOf', () => {
  it('maps each request as the steps and the flags mean it; absent stays absent', () => {
    expect(desiredStateOf({})).toEqual({});
    expect(desiredStateOf({ homeWifi: 'wpa3', wpsOff: true, remoteAdminOff: true, upnpOff: true, adminPassword: true })).toEqual({
      homeWifi: { encryption: 'wpa3' },
      wpsOff: true,
      remoteAdminOff: true,
      upnpOff: true,
      adminPassword: { next: { account: NEXT_ADMIN_ACCOUNT } },
    });
    expect(desiredStateOf({ homeWifi: 'transition', wpsOff: false, upnpOff: false })).toEqual({ homeWifi: { encryption: 'wpa2-wpa3' } });
  });

  it("names the separate network's passphrase by the keychain's own escaped account, never a raw `wifi/<name>`", () => {
    // A raw `wifi/Home/previous` would be the previous passphrase of a network called "Home".
    const d = desiredStateOf({ iotWifi: { ssid: 'Home/previous' } });
    expect(d.iotWifi).toEqual({ ssid: 'Home/previous', encryption: 'wpa2-wpa3', passphrase: { account: secretAccountName({ kind: 'wifi', ssid: 'Home/previous' }) } });
    expect(d.iotWifi!.passphrase.account).not.toBe('wifi/Home/previous');
  });
});

describe('ensureIotPassphrase', () => {
  const desired = desiredStateOf({ iotWifi: { ssid: 'Things' } });
  const account = desired.iotWifi!.passphrase.account;

  it('makes a passphrase into the keychain only when the plan turns the network on and none is saved', async () => {
    const s = memorySecrets();
    expect(await ensureIotPassphrase(s, desired, planWith(['wps', false]))).toEqual({ iot: null, made: false });
    expect(await ensureIotPassphrase(s, desired, planWith(['iot-wifi:WLANConfiguration:3', true]))).toEqual({ iot: null, made: false });
    expect(s.data.size).toBe(0);
    expect(await ensureIotPassphrase(s, desired, planWith(['iot-wifi:WLANConfiguration:3', false]))).toEqual({ iot: desired.iotWifi, made: true });
    const made = s.data.get(account)!;
    expect(made.length).toBeGreaterThanOrEqual(20);
    // Saved already: kept as it is.
    expect(await ensureIotPassphrase(s, desired, planWith(['iot-wifi:WLANConfiguration:3', false]))).toEqual({ iot: desired.iotWifi, made: false });
    expect(s.data.get(account)).toBe(made);
  });

  it('without a separate network asked for, nothing is made', async () => {
    const s = memorySecrets();
    expect(await ensureIotPassphrase(s, desiredStateOf({ wpsOff: true }), planWith(['iot-wifi:x', false]))).toEqual({ iot: null, made: false });
    expect(s.data.size).toBe(0);
  });
});
