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
import { createFakeNmcli, FAKE_NMCLI_DIR } from '../lab/fake-nmcli/state.js';
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
});
