/**
 * Router automation against the FRITZ!Box TR-064 simulator (test/lab/fritzbox), inside the test
 * network namespace, with the real keychain (GNOME Keyring under scripts/with-keyring.sh), the real
 * pinned TLS transport and the attempt ledger the factory-password probes use. The simulator's call
 * log is the witness for what was sent, over which scheme, and how many logins were tried.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.js';
import { PinnedRouterTransport } from '../../main/adapters/router/pinned-transport.js';
import { AttemptLedger } from '../../main/core/credentials/attempt-ledger.js';
import { applyWithProof, FritzboxClient, LoginGuard, memoryPinStore, readBackProof, readIgdPortMappings, RouterError, type RouterPinStore } from '../../main/core/router-api/index.js';
import { defaultFritzState, startFritzSimulator, type FritzSimulator } from '../lab/fritzbox/simulator.js';
import { secretServiceOwned } from './keychain-helpers.js';

const LAB_PASSWORD = defaultFritzState().users[0]!.password;
const NEW_WIFI = 'Neue-Passphrase lab 7 walnut';
const hasKeychain = secretServiceOwned();
const secrets = new KeytarSecretStore();
let sim: FritzSimulator;

function client(opts: { pins?: RouterPinStore; guard?: LoginGuard; link?: string | null; onConfirm?: () => void; passwordAccount?: string } = {}) {
  const pins = opts.pins ?? memoryPinStore();
  if (!pins.userName(sim.ip)) pins.setUserName(sim.ip, 'porchlight');
  return new FritzboxClient({
    host: sim.ip,
    transport: new PinnedRouterTransport(),
    secrets,
    pins,
    guard: opts.guard ?? new LoginGuard(new AttemptLedger('it')),
    linkSsid: async () => opts.link ?? null,
    onConfirmOnDevice: opts.onConfirm,
    confirmWaitMs: 10_000,
    passwordAccount: opts.passwordAccount,
  });
}

const logins = () => sim.calls.filter((c) => c.outcome === 'auth-failed' || c.outcome === 'ok').length;

describe.skipIf(!hasKeychain)('FRITZ!Box over TR-064 (simulator, real keychain)', () => {
  beforeAll(async () => {
    await secrets.set('router/admin', LAB_PASSWORD);
    await secrets.set('wifi/Lab IoT', NEW_WIFI);
  });
  beforeEach(async () => {
    sim = await startFritzSimulator();
  });
  afterEach(async () => {
    await sim.stop();
  });
  afterAll(async () => {
    for (const a of ['router/admin', 'router/admin/previous', 'wifi/Lab IoT']) await secrets.delete(a).catch(() => false);
  });

  it('a real digest client (curl) gets the same answers: the simulator speaks the protocol, not only our client', async () => {
    const { stdout } = await promisify(execFile)('curl', ['-sk', '--digest', '-u', `porchlight:${LAB_PASSWORD}`, '-H', 'SOAPACTION: urn:dslforum-org:service:X_AVM-DE_RemoteAccess:1#GetInfo', '-H', 'Content-Type: text/xml', '-d', '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><u:GetInfo xmlns:u="urn:dslforum-org:service:X_AVM-DE_RemoteAccess:1"/></s:Body></s:Envelope>', `https://${sim.ip}:49443/upnp/control/x_remote`]);
    expect(stdout).toContain('<NewEnabled>1</NewEnabled>');
  });

  it('status reads every field from the router with its source, over TLS only, in one login', async () => {
    const pins = memoryPinStore();
    const s = await client({ pins }).readStatus();
    expect(s.identity).toMatchObject({ known: true, value: { vendor: 'AVM', model: 'FRITZ!Box 7590' } });
    expect(s.wifi.known && s.wifi.value.map((n) => [n.id, n.role, n.encryption, n.enabled])).toEqual([
      ['WLANConfiguration:1', 'home', 'wpa2', true],
      ['WLANConfiguration:2', 'home', 'wpa2', true],
      ['WLANConfiguration:3', 'guest', 'wpa2', false],
    ]);
    expect(s.wps).toMatchObject({ known: true, value: { enabled: true }, source: { api: 'tr064' } });
    expect(s.firmware).toMatchObject({ known: true, value: { version: '154.07.57', updateAvailable: true, autoUpdate: 'notify' } });
    expect(s.remoteAdmin).toMatchObject({ known: true, value: { enabled: true }, source: { call: 'X_AVM-DE_RemoteAccess:1 GetInfo' } });
    expect(s.upnp.known && s.upnp.value.portMappings?.map((m) => `${m.protocol} ${m.externalPort}→${m.internalClient}`)).toEqual(['TCP 8080→192.168.178.41', 'UDP 3478→192.168.178.44']);
    expect(s.adminPasswordDefault).toMatchObject({ known: true, value: { isDefault: false }, source: { call: 'LANConfigSecurity:1 GetInfo' } });
    const soap = sim.calls.filter((c) => c.service !== 'WANIPConnection:1');
    expect(soap.every((c) => c.tls)).toBe(true);
    expect(sim.calls.filter((c) => c.outcome === 'auth-required')).toHaveLength(1); // one challenge, one login
    expect(pins.pin(sim.ip)).toBe(sim.fingerprint());
    expect(JSON.stringify(s)).not.toContain(LAB_PASSWORD);
  });

  it('a box without the factory-password flag leaves router.admin-default unknown (never a guess)', async () => {
    sim.state.defaultPasswordActive = null;
    const s = await client().readStatus();
    expect(s.adminPasswordDefault).toMatchObject({ known: false, reason: { code: 'router-api.unknown.no-default-flag' } });
  });

  it('the IGD port mappings are read without a login', async () => {
    const r = await readIgdPortMappings(new PinnedRouterTransport(), sim.ip, 49000);
    expect(r).toMatchObject({ ok: true, service: 'WANIPConnection:1' });
    expect(r.ok && r.mappings).toHaveLength(2);
    expect(sim.calls.some((c) => c.outcome === 'auth-required')).toBe(false);
  });

  it('plan lists every change in message codes and changes nothing', async () => {
    const c = client();
    const plan = await c.plan({ homeWifi: { encryption: 'wpa3' }, wpsOff: true, remoteAdminOff: true, upnpOff: true, iotWifi: { ssid: 'Lab IoT', encryption: 'wpa2-wpa3', passphrase: { account: 'wifi/Lab IoT' } } });
    expect(plan.changes.map((x) => x.key)).toEqual(['home-wifi.encryption:WLANConfiguration:1', 'home-wifi.encryption:WLANConfiguration:2', 'iot-wifi:WLANConfiguration:3', 'wps', 'remote-admin', 'upnp']);
    expect(plan.changes.every((x) => x.refused === null && /^router-api\.change\./.test(x.message.code))).toBe(true);
    expect(sim.state.wlans[0]!.beaconType).toBe('11i');
    expect(sim.calls.some((x) => /^Set/.test(x.action))).toBe(false);
  });

  it('apply turns the WPA2 home into WPA3, turns on a secured isolated IoT network, WPS/remote/UPnP off — proven by read-back', async () => {
    const c = client();
    const desired = { homeWifi: { encryption: 'wpa3' as const }, wpsOff: true as const, remoteAdminOff: true as const, upnpOff: true as const, iotWifi: { ssid: 'Lab IoT', encryption: 'wpa2-wpa3' as const, passphrase: { account: 'wifi/Lab IoT' } } };
    const plan = await c.plan(desired);
    const out = await applyWithProof(c, plan, desired, readBackProof(c, desired));
    expect(out.outcome).toBe('verified');
    expect(sim.state.wlans.map((w) => w.beaconType)).toEqual(['WPA3', 'WPA3', '11iandWPA3']);
    expect(sim.state.wlans[2]).toMatchObject({ enabled: true, ssid: 'Lab IoT', passphrase: NEW_WIFI, apType: 'guest' });
    expect(sim.state.wlans.some((w) => w.wpsEnabled)).toBe(false);
    expect(sim.state).toMatchObject({ remoteAccess: false, upnp: false });
    expect(sim.calls.filter((x) => x.action === 'SetSecurityKeys').every((x) => x.tls)).toBe(true);
    expect(JSON.stringify(out)).not.toContain(NEW_WIFI);
    expect(JSON.stringify(out)).not.toContain('lab staple');
  });

  it('transition mode when the owner keeps legacy devices', async () => {
    const c = client();
    const desired = { homeWifi: { encryption: 'wpa2-wpa3' as const } };
    const out = await applyWithProof(c, await c.plan(desired), desired, readBackProof(c, desired));
    expect(out.outcome).toBe('verified');
    expect(sim.state.wlans[0]!.beaconType).toBe('11iandWPA3');
  });

  it('a proof that fails (the rescan still shows WPA2) restores every previous value, secrets included', async () => {
    const c = client();
    const desired = { homeWifi: { encryption: 'wpa3' as const }, wpsOff: true as const, iotWifi: { ssid: 'Lab IoT', encryption: 'wpa3' as const, passphrase: { account: 'wifi/Lab IoT' } } };
    const plan = await c.plan(desired);
    const out = await applyWithProof(c, plan, desired, async () => ({ ok: false, reason: { code: 'wifi.encryption.uses_one', params: { ssid: 'Lab Home', security: 'WPA2' } } }));
    expect(out.outcome).toBe('restored');
    expect(sim.state.wlans.map((w) => [w.beaconType, w.enabled, w.ssid])).toEqual([['11i', true, 'Lab Home'], ['11i', true, 'Lab Home'], ['11i', false, 'Lab Guest']]);
    expect(sim.state.wlans[2]!.passphrase).toBe('guest lab passphrase 1');
    expect(sim.state.wlans[0]!.wpsEnabled).toBe(true);
  });

  it('a change that would cut this computer\'s Wi-Fi link is refused (no router rollback on a FRITZ!Box) and nothing is sent', async () => {
    const c = client({ link: 'Lab Home' });
    const desired = { homeWifi: { encryption: 'wpa3' as const } };
    const plan = await c.plan(desired);
    expect(plan.changes.every((x) => x.cutsLink && x.refused?.code === 'router-api.refused.cuts-link')).toBe(true);
    const out = await applyWithProof(c, plan, desired, readBackProof(c, desired));
    expect(out.outcome).toBe('nothing-to-do');
    expect(sim.state.wlans[0]!.beaconType).toBe('11i');
    expect(sim.calls.some((x) => /^Set|ConfigurationStarted/.test(x.action))).toBe(false);
  });

  it('wrong credentials: one attempt, a clear message, no second try in the run, and the box does not block', async () => {
    await secrets.set('router/admin', 'not-the-password');
    try {
      const guard = new LoginGuard(new AttemptLedger('it'));
      const err = await client({ guard }).readStatus().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RouterError);
      expect((err as RouterError).kind).toBe('auth-failed');
      expect((err as RouterError).detail.code).toBe('router-api.error.auth-failed');
      const again = await client({ guard }).readStatus().catch((e: unknown) => e);
      expect((again as RouterError).detail.code).toBe('router-api.error.auth-failed-earlier');
      expect(sim.calls.filter((x) => x.outcome === 'auth-failed')).toHaveLength(1);
      expect(sim.failedLogins()).toBe(1);
      expect(sim.calls.some((x) => x.outcome === 'blocked')).toBe(false);
    } finally {
      await secrets.set('router/admin', LAB_PASSWORD);
    }
  });

  it('the login budget is the factory-password probes\' ledger: a spent budget means no login at all', async () => {
    const ledger = new AttemptLedger('it', 1);
    expect(ledger.take(sim.ip)).toBe(true); // the probe used it
    const err = await client({ guard: new LoginGuard(ledger) }).readStatus().catch((e: unknown) => e);
    expect((err as RouterError).detail.code).toBe('router-api.error.no-attempts-left');
    expect(logins()).toBe(0);
  });

  it('a blocked box is reported with its wait, never retried', async () => {
    sim.state.failuresBeforeBlock = 1;
    await secrets.set('router/admin', 'not-the-password');
    try {
      await client().readStatus().catch(() => undefined);
    } finally {
      await secrets.set('router/admin', LAB_PASSWORD);
    }
    const err = await client().readStatus().catch((e: unknown) => e);
    expect((err as RouterError).kind).toBe('blocked-after-failures');
    expect((err as RouterError).waitSeconds).toBeGreaterThan(0);
    expect(sim.calls.filter((x) => x.outcome === 'blocked')).toHaveLength(1);
  });

  it('a changed TLS certificate is reported and nothing is sent to it', async () => {
    const pins = memoryPinStore();
    await client({ pins }).readStatus();
    const before = sim.calls.length;
    await sim.rotateCertificate();
    const err = await client({ pins }).readStatus().catch((e: unknown) => e);
    expect((err as RouterError).kind).toBe('tls-certificate-changed');
    expect(sim.calls.length).toBe(before);
    expect(pins.pin(sim.ip)).not.toBe(sim.fingerprint());
  });

  it('a new admin password with the second factor: "press the button", then set, log in with the new one', async () => {
    sim.state.secondFactorEnabled = true;
    // As the Passwords step leaves it: the new one is current, the one the router still accepts is the previous.
    await secrets.set('router/admin/previous', LAB_PASSWORD);
    await secrets.set('router/admin', 'N3w-Admin-lab-pass');
    let asked = 0;
    const c = client({ passwordAccount: 'router/admin/previous', onConfirm: () => { asked++; setTimeout(() => sim.pressButton(), 300); } });
    const desired = { adminPassword: { next: { account: 'router/admin' } } };
    const r = await c.apply(await c.plan(desired), desired).finally(() => secrets.set('router/admin', LAB_PASSWORD));
    expect(asked).toBe(1);
    expect(r.applied).toEqual(['admin-password']);
    expect(sim.state.users[0]!.password).toBe('N3w-Admin-lab-pass');
    expect(sim.calls.filter((x) => x.outcome === 866)).toHaveLength(1);
    expect(JSON.stringify(r)).not.toContain('N3w-Admin');
  });

  it('a confirmation that never comes is reported in plain words, not retried', async () => {
    sim.state.secondFactorEnabled = true;
    await secrets.set('router/admin/previous', LAB_PASSWORD);
    await secrets.set('router/admin', 'N3w-Admin-lab-pass');
    const pins = memoryPinStore();
    pins.setUserName(sim.ip, 'porchlight');
    const c = new FritzboxClient({ host: sim.ip, transport: new PinnedRouterTransport(), secrets, pins, guard: new LoginGuard(new AttemptLedger('it')), linkSsid: async () => null, confirmWaitMs: 1500, passwordAccount: 'router/admin/previous' });
    const desired = { adminPassword: { next: { account: 'router/admin' } } };
    const err = await c.apply(await c.plan(desired), desired).catch((e: unknown) => e).finally(() => secrets.set('router/admin', LAB_PASSWORD));
    expect((err as RouterError).kind).toBe('needs-confirmation-on-device');
    expect(sim.state.users[0]!.password).toBe(LAB_PASSWORD);
    expect(sim.calls.filter((x) => x.action === 'SetConfigPassword')).toHaveLength(1);
  });
});
