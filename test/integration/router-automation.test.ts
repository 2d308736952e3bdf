/**
 * The app's router automation (main/services/router-automation.ts) through the IPC dispatch the
 * Electron main process and the harness use, against the FRITZ!Box simulator, with the real core,
 * the real keychain (scripts/with-keyring.sh), the pinned TLS transport and the fake nmcli that a
 * rescan reads. The fake nmcli mirrors the simulator's current Wi-Fi, so the rescan proof passes
 * only when the simulator really changed. Run inside the lab network namespace.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createNodeCore } from '../../main/compose.js';
import type { Core } from '../../main/core/app-core.js';
import { dispatch } from '../../main/ipc/register.js';
import { routerAutomation } from '../../main/services/router-automation.js';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.js';
import { defaultFritzState, startFritzSimulator, type FritzSimulator } from '../lab/fritzbox/simulator.js';
import { ap, createFakeNmcli, FAKE_NMCLI_DIR } from '../lab/fake-nmcli/state.js';
import { mirrorFritzIntoNmcli, nmcliStateOf } from '../support/fritz-nmcli-mirror.js';
import { listFiles, secretServiceOwned } from './keychain-helpers.js';

const LAB_PASSWORD = defaultFritzState().users[0]!.password;
const ORIGIN = 'app://porchlight';
const hasKeychain = secretServiceOwned();
const secrets = new KeytarSecretStore();
const fake = createFakeNmcli({ networkManager: 'running', devices: [], accessPoints: [] });

let sim: FritzSimulator;
let core: Core;
let profile: string;
let mirror: { stop(): void } | null = null;

const ipc = async (channel: string, args: unknown = {}) => {
  const r = await dispatch(core, channel, args, { origin: ORIGIN, isMainFrame: true }, { allowedOrigins: [ORIGIN] });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as Record<string, unknown> & { kind?: string; value?: Record<string, unknown>; problem?: { kind: string; message: { code: string } } };
};
const beacons = () => sim.state.wlans.map((w) => w.beaconType);
const failedLogins = () => sim.calls.filter((c) => c.outcome === 'auth-failed').length;

describe.skipIf(!hasKeychain)('router automation in the app (FRITZ!Box simulator, real keychain, IPC dispatch)', () => {
  beforeAll(() => {
    process.env.PATH = `${FAKE_NMCLI_DIR}${delimiter}${process.env.PATH ?? ''}`;
    process.env.PORCHLIGHT_FAKE_NMCLI_STATE = fake.statePath;
    process.env.PORCHLIGHT_FAKE_NMCLI_LOG = fake.logPath;
  });
  beforeEach(async () => {
    sim = await startFritzSimulator();
    profile = mkdtempSync(join(tmpdir(), 'porchlight-router-auto-'));
    core = createNodeCore({ host: 'harness', profileDir: profile, opener: { open: async () => undefined } });
    // A short rescan window for the failure case (a real router gets 90 s to restart its Wi-Fi).
    (await routerAutomation(core)).rescanSeconds = 4;
    core.model.recordSurvey({
      devices: [],
      gateway: { address: sim.ip, mac: null, router: { vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '154.07.57', friendlyName: null, sources: { vendor: 'tr064', model: 'tr064', firmware: 'tr064' }, evidence: [] } },
    });
    await secrets.set('router/admin', LAB_PASSWORD);
  });
  afterEach(async () => {
    mirror?.stop();
    mirror = null;
    await sim.stop();
    rmSync(profile, { recursive: true, force: true });
    for (const a of ['router/admin/previous', 'router/admin/next', 'wifi/Lab Things']) await secrets.delete(a).catch(() => false);
  });
  afterAll(async () => {
    await secrets.delete('router/admin').catch(() => false);
  });

  it('asks for the user name once, plans, refuses a change that would cut this computer\'s Wi-Fi, then applies after the yes and proves it by read-back and rescan', async () => {
    mirror = mirrorFritzIntoNmcli(sim, fake, { connectedTo: 'Lab Home', wired: true });
    expect(await ipc('router:state')).toEqual({ supported: true, router: { address: sim.ip, vendor: 'AVM', model: 'FRITZ!Box 7590' }, userName: null, passwordSaved: true });
    // Without a user name nothing is sent to the router.
    const missing = await ipc('router:plan', { homeWifi: 'wpa3', wired: false });
    expect(missing).toMatchObject({ kind: 'problem', problem: { kind: 'credentials-missing', message: { code: 'router-api.error.user-missing' } } });
    expect(sim.calls).toEqual([]);
    expect(await ipc('router:save-login', { userName: 'porchlight' })).toMatchObject({ userName: 'porchlight' });
    // A saved password that has not failed is not replaced from here (the Passwords step owns its generations).
    const replace = await dispatch(core, 'router:save-login', { userName: 'porchlight', password: 'x-other' }, { origin: ORIGIN, isMainFrame: true }, { allowedOrigins: [ORIGIN] });
    expect(replace).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await secrets.get('router/admin')).toBe(LAB_PASSWORD);

    // This computer is on "Lab Home": changing its mode would cut the link — refused, with the reason.
    const onWifi = await ipc('router:plan', { homeWifi: 'wpa3', wired: false });
    expect(onWifi.kind).toBe('ok');
    const changes = onWifi.value!.changes as { key: string; refused: { code: string } | null }[];
    expect(changes.map((c) => [c.key, c.refused?.code ?? null])).toEqual([
      ['home-wifi.encryption:WLANConfiguration:1', 'router-api.refused.cuts-link'],
      ['home-wifi.encryption:WLANConfiguration:2', 'router-api.refused.cuts-link'],
    ]);
    // A yes to a plan whose every change is refused changes nothing.
    expect(await ipc('router:apply', { homeWifi: 'wpa3', wired: false, yes: true, agreed: ['home-wifi.encryption:WLANConfiguration:1'] })).toMatchObject({ kind: 'problem', problem: { kind: 'changed-since-preview' } });
    expect(beacons()).toEqual(['11i', '11i', '11i']);

    // The owner says the computer is on cable: the plan is the two home networks, the yes names them.
    const wired = await ipc('router:plan', { homeWifi: 'wpa3', wired: true });
    const keys = (wired.value!.changes as { key: string; refused: unknown }[]).filter((c) => !c.refused).map((c) => c.key);
    expect(keys).toEqual(['home-wifi.encryption:WLANConfiguration:1', 'home-wifi.encryption:WLANConfiguration:2']);
    // Agreeing to something else than the preview changes nothing.
    expect(await ipc('router:apply', { homeWifi: 'wpa3', wired: true, yes: true, agreed: keys.slice(0, 1) })).toMatchObject({ kind: 'problem', problem: { kind: 'changed-since-preview' } });
    expect(beacons()).toEqual(['11i', '11i', '11i']);
    const applied = await ipc('router:apply', { homeWifi: 'wpa3', wired: true, yes: true, agreed: keys });
    expect(applied).toMatchObject({ kind: 'ok', value: { outcome: 'verified', applied: keys, rescan: { code: 'wifi.verify.wpa3-only' } } });
    expect(beacons()).toEqual(['WPA3', 'WPA3', '11i']);
    // The rescan recorded the check on the board: verified from the scan.
    const check = (await dispatch(core, 'checks:list', {}, { origin: ORIGIN, isMainFrame: true }, { allowedOrigins: [ORIGIN] })) as { ok: true; value: { id: string; status: string; evidence: { kind: string } }[] };
    expect(check.value.find((c) => c.id === 'wifi.encryption')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });

    // No secret in any IPC answer nor in the profile.
    const answers = JSON.stringify([onWifi, wired, applied, await ipc('router:state')]);
    expect(answers).not.toContain(LAB_PASSWORD);
    for (const file of listFiles(profile)) expect(readFileSync(file, 'utf8'), file).not.toContain(LAB_PASSWORD);
  });

  it('a change the router reports but the rescan does not see is undone, with the reason', async () => {
    // The scan keeps showing WPA2 whatever the simulator does: the rescan contradicts the router's read-back.
    fake.write(nmcliStateOf(sim, { connectedTo: null, wired: true }));
    await ipc('router:save-login', { userName: 'porchlight' });
    const plan = await ipc('router:plan', { homeWifi: 'wpa3', wired: true });
    const keys = (plan.value!.changes as { key: string }[]).map((c) => c.key);
    const running = ipc('router:apply', { homeWifi: 'wpa3', wired: true, yes: true, agreed: keys });
    // A second yes while the first change is being proven is refused, not interleaved.
    const second = await dispatch(core, 'router:apply', { homeWifi: 'wpa3', wired: true, yes: true, agreed: keys }, { origin: ORIGIN, isMainFrame: true }, { allowedOrigins: [ORIGIN] });
    expect(second).toMatchObject({ ok: false, error: { code: 'refused' } });
    const r = await running;
    expect(r).toMatchObject({ kind: 'ok', value: { outcome: 'restored', reason: { code: 'router-automation.rescan-contradicts', params: { ssid: 'Lab Home', security: 'wpa2' } } } });
    expect(beacons()).toEqual(['11i', '11i', '11i']);
  }, 30_000);

  it('a wrong password: one login attempt, a plain-words answer, no second attempt until the owner saves new credentials, and no block', async () => {
    mirror = mirrorFritzIntoNmcli(sim, fake, { connectedTo: null, wired: true });
    await secrets.set('router/admin', 'not-the-password');
    await ipc('router:save-login', { userName: 'porchlight' });
    const first = await ipc('router:plan', { homeWifi: 'wpa3', wired: true });
    expect(first).toMatchObject({ kind: 'problem', problem: { kind: 'auth-failed', message: { code: 'router-api.error.auth-failed' } } });
    expect(failedLogins()).toBe(1);
    const again = await ipc('router:plan', { homeWifi: 'wpa3', wired: true });
    expect(again).toMatchObject({ kind: 'problem', problem: { kind: 'auth-failed', message: { code: 'router-api.error.auth-failed-earlier' } } });
    expect(failedLogins()).toBe(1);
    expect(sim.failedLogins()).toBeLessThan(defaultFritzState().failuresBeforeBlock);
    expect(JSON.stringify([first, again])).not.toContain('not-the-password');
    // The owner saves the right password and the user name again: one new attempt, which works.
    const saved = await ipc('router:save-login', { userName: 'porchlight', password: LAB_PASSWORD });
    expect(JSON.stringify(saved)).not.toContain(LAB_PASSWORD);
    expect(await secrets.get('router/admin')).toBe(LAB_PASSWORD);
    expect(await ipc('router:plan', { homeWifi: 'wpa3', wired: true })).toMatchObject({ kind: 'ok' });
    expect(failedLogins()).toBe(1);
  });

  it('the updates step\'s wish: WPS, remote administration and UPnP off after the yes, proven by the router\'s read-back', async () => {
    mirror = mirrorFritzIntoNmcli(sim, fake, { connectedTo: 'Lab Home', wired: false });
    await ipc('router:save-login', { userName: 'porchlight' });
    const plan = await ipc('router:plan', { wpsOff: true, remoteAdminOff: true, upnpOff: true, wired: false });
    const keys = (plan.value!.changes as { key: string; refused: unknown }[]).map((c) => [c.key, c.refused]);
    // None of these touches this computer's Wi-Fi link: nothing refused although it is on "Lab Home".
    expect(keys).toEqual([['wps', null], ['remote-admin', null], ['upnp', null]]);
    const r = await ipc('router:apply', { wpsOff: true, remoteAdminOff: true, upnpOff: true, wired: false, yes: true, agreed: ['wps', 'remote-admin', 'upnp'] });
    expect(r).toMatchObject({ kind: 'ok', value: { outcome: 'verified', applied: ['wps', 'remote-admin', 'upnp'], rescan: null } });
    expect([sim.state.wlans.some((w) => w.wpsEnabled), sim.state.remoteAccess, sim.state.upnp]).toEqual([false, false, false]);
    expect(beacons()).toEqual(['11i', '11i', '11i']);
    // A wish of nothing is refused by the channel's schema.
    const none = await dispatch(core, 'router:plan', { wired: false }, { origin: ORIGIN, isMainFrame: true }, { allowedOrigins: [ORIGIN] });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('a router the survey did not identify as a FRITZ!Box is not offered', async () => {
    core.model.recordSurvey({ devices: [], gateway: { address: '127.0.0.50', mac: null, router: { vendor: 'ASUSTeK Computer Inc.', model: 'RT-AC68U', firmware: null, friendlyName: null, sources: { vendor: 'upnp', model: 'upnp', firmware: null }, evidence: [] } } });
    expect(await ipc('router:state')).toMatchObject({ supported: false });
    expect(await ipc('router:plan', { homeWifi: 'wpa3', wired: true })).toMatchObject({ kind: 'problem', problem: { kind: 'unsupported' } });
    expect(sim.calls).toEqual([]);
  });
  const boardCheck = async (id: string) => {
    const r = (await dispatch(core, 'checks:list', {}, { origin: ORIGIN, isMainFrame: true }, { allowedOrigins: [ORIGIN] })) as { ok: true; value: { id: string; status: string; evidence: { kind: string } }[] };
    return r.value.find((c) => c.id === id);
  };
  const profileText = () => listFiles(profile).map((f) => readFileSync(f, 'utf8')).join('\n');

  it('the separate-network step: the IoT network on, WPA2/WPA3 and isolated, with a passphrase made into the keychain; proven by read-back and a rescan that sees it secured', async () => {
    mirror = mirrorFritzIntoNmcli(sim, fake, { connectedTo: 'Lab Home', wired: false });
    await ipc('router:save-login', { userName: 'porchlight' });
    const plan = await ipc('router:plan', { iotWifi: { ssid: 'Lab Things' }, wired: false });
    // The guest network is not this computer's link (it is on "Lab Home"): nothing refused; no passphrase saved yet.
    expect(plan).toMatchObject({ kind: 'ok', value: { changes: [{ key: 'iot-wifi:WLANConfiguration:3', refused: null, message: { code: 'router-api.change.iot-wifi', params: { ssid: 'Lab Things' } } }], iotPassphrase: { account: 'wifi/Lab Things', saved: false } } });
    expect(await secrets.get('wifi/Lab Things')).toBeNull();
    const r = await ipc('router:apply', { iotWifi: { ssid: 'Lab Things' }, wired: false, yes: true, agreed: ['iot-wifi:WLANConfiguration:3'] });
    expect(r).toMatchObject({ kind: 'ok', value: { outcome: 'verified', applied: ['iot-wifi:WLANConfiguration:3'], iotPassphrase: { account: 'wifi/Lab Things', made: true }, adminCheck: null } });
    // The rescan really saw it, in the mode asked for.
    expect(r.value!.basis).toEqual([{ code: 'router-api.rescan.seen', params: { ssid: 'Lab Things', mode: { code: 'wifi.class.wpa2-wpa3', params: {} } } }]);
    const guest = sim.state.wlans[2]!;
    expect([guest.ssid, guest.enabled, guest.beaconType, guest.apType]).toEqual(['Lab Things', true, '11iandWPA3', 'guest']);
    // The router has the passphrase the keychain has; it never left the main side.
    const pass = await secrets.get('wifi/Lab Things');
    expect(pass).toBeTruthy();
    expect(guest.passphrase).toBe(pass);
    expect(JSON.stringify([plan, r, await ipc('router:state')])).not.toContain(pass!);
    expect(profileText()).not.toContain(pass!);
    // The home networks were not touched.
    expect(beacons().slice(0, 2)).toEqual(['11i', '11i']);
  }, 30_000);

  it('the separate network not in range of this computer: verified on the router\'s answer only, and the result says no rescan saw it', async () => {
    // The scan shows what was there before (no "Lab Things"): the proof must not claim a rescan that saw it.
    fake.write(nmcliStateOf(sim, { connectedTo: null, wired: true }));
    await ipc('router:save-login', { userName: 'porchlight' });
    await secrets.set('wifi/Lab Things', 'a saved lab iot passphrase');
    const plan = await ipc('router:plan', { iotWifi: { ssid: 'Lab Things' }, wired: true });
    expect(plan.value).toMatchObject({ iotPassphrase: { saved: true } });
    const r = await ipc('router:apply', { iotWifi: { ssid: 'Lab Things' }, wired: true, yes: true, agreed: ['iot-wifi:WLANConfiguration:3'] });
    expect(r).toMatchObject({ kind: 'ok', value: { outcome: 'verified', iotPassphrase: { made: false }, basis: [{ code: 'router-api.rescan.not-in-range', params: { ssid: 'Lab Things' } }] } });
    // The saved passphrase was used, not replaced.
    expect(sim.state.wlans[2]!.passphrase).toBe('a saved lab iot passphrase');
    expect(await secrets.get('wifi/Lab Things')).toBe('a saved lab iot passphrase');
  }, 30_000);

  it('a rescan that sees the separate network unsecured undoes the change, and the passphrase made for it goes again', async () => {
    const state = nmcliStateOf(sim, { connectedTo: null, wired: true });
    state.accessPoints!.push(ap('Lab Things', 'wpa2', { bssid: '3C:A6:2F:11:22:99', chan: 1, freq: 2412, signal: 60 }));
    fake.write(state);
    await ipc('router:save-login', { userName: 'porchlight' });
    await ipc('router:plan', { iotWifi: { ssid: 'Lab Things' }, wired: true });
    const r = await ipc('router:apply', { iotWifi: { ssid: 'Lab Things' }, wired: true, yes: true, agreed: ['iot-wifi:WLANConfiguration:3'] });
    expect(r).toMatchObject({ kind: 'ok', value: { outcome: 'restored', reason: { code: 'router-api.rescan.contradicts', params: { ssid: 'Lab Things', seen: { code: 'wifi.class.wpa2' }, want: { code: 'wifi.class.wpa2-wpa3' } } } } });
    const guest = sim.state.wlans[2]!;
    expect([guest.ssid, guest.enabled, guest.beaconType, guest.passphrase]).toEqual(['Lab Guest', false, '11i', 'guest lab passphrase 1']);
    expect(await secrets.get('wifi/Lab Things')).toBeNull();
  }, 30_000);

  it('a box whose networks cannot be told apart (four Wi-Fi configurations, one may be the mesh link): says so and plans nothing there', async () => {
    await sim.stop();
    const base = defaultFritzState().wlans[0]!;
    sim = await startFritzSimulator({ state: { wlans: [base, { ...base }, { ...base, ssid: 'Lab Extra' }, { ...base, ssid: 'Lab Mesh' }] } });
    await ipc('router:save-login', { userName: 'porchlight' });
    const plan = await ipc('router:plan', { iotWifi: { ssid: 'Lab Things' }, wired: true });
    expect(plan.kind).toBe('ok');
    expect(plan.value!.changes).toEqual([]);
    const notes = (plan.value!.notes as { code: string }[]).map((n) => n.code);
    expect(notes).toEqual(expect.arrayContaining(['router-api.note.role-unclear', 'router-api.note.no-guest-network']));
    expect(sim.calls.some((c) => /^Set|ConfigurationStarted/.test(c.action))).toBe(false);
  });

  it('the passwords step: a new admin password made main-side, set, logged in with; the old one kept as previous; router.admin-default measured again from the router', async () => {
    mirror = mirrorFritzIntoNmcli(sim, fake, { connectedTo: 'Lab Home', wired: false });
    sim.state.defaultPasswordActive = true;
    await ipc('router:save-login', { userName: 'porchlight' });
    const plan = await ipc('router:plan', { adminPassword: true, wired: false });
    expect(plan).toMatchObject({ kind: 'ok', value: { changes: [{ key: 'admin-password', refused: null }], iotPassphrase: null } });
    const r = await ipc('router:apply', { adminPassword: true, wired: false, yes: true, agreed: ['admin-password'] });
    expect(r).toMatchObject({ kind: 'ok', value: { outcome: 'verified', applied: ['admin-password'], basis: [{ code: 'router-api.proof.new-password-login' }], adminCheck: { status: 'pass', reason: { code: 'router-api.verdict.admin-not-default' } } } });
    const now = await secrets.get('router/admin');
    expect(now).toBeTruthy();
    expect(now).not.toBe(LAB_PASSWORD);
    // The router has the new one (the simulator logs in with nothing else), the keychain keeps the old as previous, nothing staged.
    expect(sim.state.users[0]!.password).toBe(now);
    expect(await secrets.get('router/admin/previous')).toBe(LAB_PASSWORD);
    expect(await secrets.get('router/admin/next')).toBeNull();
    // The board is not stale: the check was measured again from the router's own answer.
    expect(await boardCheck('router.admin-default')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
    // The new password works: a new plan logs in with it.
    expect(await ipc('router:plan', { wpsOff: true, wired: false })).toMatchObject({ kind: 'ok' });
    expect(failedLogins()).toBe(0);
    // Neither password in an IPC answer or the profile.
    const answers = JSON.stringify([plan, r, await ipc('router:state')]);
    for (const secret of [now!, LAB_PASSWORD]) {
      expect(answers).not.toContain(secret);
      expect(profileText()).not.toContain(secret);
    }
  }, 30_000);

  it('a new admin password the router then refuses for logging in: the old one is put back on the router and stays in the keychain', async () => {
    mirror = mirrorFritzIntoNmcli(sim, fake, { connectedTo: null, wired: true });
    sim.state.ignoreNextSetConfigPassword = true;
    await ipc('router:save-login', { userName: 'porchlight' });
    await ipc('router:plan', { adminPassword: true, wired: true });
    const r = await ipc('router:apply', { adminPassword: true, wired: true, yes: true, agreed: ['admin-password'] });
    expect(r).toMatchObject({ kind: 'problem', problem: { kind: 'auth-failed', message: { code: 'router-api.error.new-password-rejected' } } });
    expect(sim.state.users[0]!.password).toBe(LAB_PASSWORD);
    expect(await secrets.get('router/admin')).toBe(LAB_PASSWORD);
    expect(await secrets.get('router/admin/previous')).toBeNull();
    expect(await secrets.get('router/admin/next')).toBeNull();
    // No password field is accepted by the channel: a wish carrying one is refused before anything runs.
    const withPassword = await dispatch(core, 'router:apply', { adminPassword: true, password: 'chosen-by-renderer', wired: true, yes: true, agreed: ['admin-password'] }, { origin: ORIGIN, isMainFrame: true }, { allowedOrigins: [ORIGIN] });
    expect(withPassword).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  }, 30_000);
});
