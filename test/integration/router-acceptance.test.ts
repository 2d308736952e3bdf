/**
 * Issue 16's acceptance, end to end: the BUILT `porchlight router` (dist/cli.mjs, a real child
 * process) against both loopback simulators (FRITZ!Box TR-064 on 127.0.0.60, OpenWrt ubus over
 * HTTPS on 127.0.0.61:443), the real keychain (scripts/with-keyring.sh) and the fake nmcli as this
 * computer's Wi-Fi (its radio "follows" the simulator's configuration, as a real access point's
 * beacons follow the router's, unless a test freezes it to contradict the router).
 * Run inside the private network namespace (the OpenWrt simulator binds port 443 there).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.js';
import { defaultFritzState, startFritzSimulator, type FritzSimulator } from '../lab/fritzbox/simulator.js';
import { startOpenWrtSimulator, type OpenWrtSimulator } from '../lab/openwrt/simulator.js';
import { LAB_WIFI_PASSPHRASE } from '../lab/openwrt/uci-data.js';
import { ap, createFakeNmcli, fakeNmcliEnv, type FakeNmcliState, type SecurityPreset } from '../lab/fake-nmcli/state.js';
import { findLeaks, leakPatterns, listFiles, ROOT, secretServiceOwned } from './keychain-helpers.js';
import { buildNodeBundles } from './built-bundles.js';

const CLI = join(ROOT, 'dist/cli.mjs');
const FRITZ_PASSWORD = defaultFritzState().users[0]!.password;
const OPENWRT_PASSWORD = 'lab-Root-Pa55-openwrt';
const secrets = new KeytarSecretStore();
const argvSeen: string[][] = [];
const outputs: string[] = [];
const passwordsSeen = new Set<string>([FRITZ_PASSWORD, OPENWRT_PASSWORD, defaultFritzState().wlans[0]!.passphrase, defaultFritzState().wlans[2]!.passphrase, LAB_WIFI_PASSPHRASE]);
const profiles: string[] = [];
const fake = createFakeNmcli({ networkManager: 'running', devices: [], accessPoints: [] });
const SYSTEM_PATH = `${dirname(process.execPath)}:/usr/bin:/bin`;
let follow: NodeJS.Timeout | null = null;
let fritz: FritzSimulator | null = null;
let owrt: OpenWrtSimulator | null = null;

type Env = NodeJS.ProcessEnv;
/** No Wi-Fi tool on this computer (no nmcli on PATH). */
const NO_SCANNER: Env = { PATH: '/nonexistent' };
/** The fake nmcli is this computer's Wi-Fi. */
const WITH_NMCLI: Env = fakeNmcliEnv(fake, { PATH: SYSTEM_PATH });

function newProfile(): string {
  const p = mkdtempSync(join(tmpdir(), 'porchlight-router-acc-'));
  profiles.push(p);
  return p;
}

function start(profile: string, args: string[], env: Env): { child: ChildProcess; done: Promise<{ code: number | null; out: string; err: string }> } {
  const argv = [CLI, 'router', ...args];
  argvSeen.push(argv);
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORCHLIGHT_PROFILE: profile, PORCHLIGHT_ROUTER_RESCAN_WAIT_MS: '300' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      outputs.push(out, err);
      resolve({ code, out, err });
    });
  });
  return { child, done };
}

const cli = (profile: string, args: string[], env: Env) => start(profile, args, env).done;

/** This computer's radio sees what the router's configuration says (checked every 50 ms). */
let lastState = '';
function radioFollows(read: () => { ssid: string; preset: SecurityPreset; active?: boolean }[]): void {
  stopRadio();
  lastState = '';
  const write = () => {
    const nets = read();
    const state: FakeNmcliState = {
      networkManager: 'running',
      devices: [{ device: 'wlp2s0', type: 'wifi', state: 'connected', connection: nets.find((n) => n.active)?.ssid ?? 'Neighbour' }],
      accessPoints: [
        ...nets.map((n, i) => ap(n.ssid, n.preset, { bssid: `3C:A6:2F:11:22:${(0x30 + i).toString(16)}`, active: n.active ?? false })),
        ap('Neighbour', 'wpa2', { bssid: 'B0:BE:76:00:00:01', active: !nets.some((n) => n.active) }),
      ],
    };
    // Only on a change, and atomically: nmcli must never read a half-written state.
    const text = JSON.stringify(state, null, 2);
    if (text === lastState) return;
    lastState = text;
    writeFileSync(`${fake.statePath}.tmp`, text);
    renameSync(`${fake.statePath}.tmp`, fake.statePath);
  };
  write();
  follow = setInterval(write, 50);
}

function stopRadio(): void {
  if (follow) clearInterval(follow);
  follow = null;
}

const BEACON: Record<string, SecurityPreset> = { '11i': 'wpa2', '11iandWPA3': 'wpa2-wpa3', WPA3: 'wpa3' };
const UCI: Record<string, SecurityPreset> = { psk2: 'wpa2', 'sae-mixed': 'wpa2-wpa3', sae: 'wpa3' };

function fritzRadio(onHome = false) {
  return () => fritz!.state.wlans.filter((w) => w.enabled).map((w) => ({ ssid: w.ssid, preset: BEACON[w.beaconType] ?? 'open', active: onHome && w.ssid === 'Lab Home' }));
}

function openwrtRadio() {
  return () => {
    const out: { ssid: string; preset: SecurityPreset }[] = [];
    for (const s of owrt!.committed.wireless ?? []) {
      if (s.type !== 'wifi-iface' || s.options.disabled === '1') continue;
      out.push({ ssid: String(s.options.ssid), preset: UCI[String(s.options.encryption)] ?? 'open' });
    }
    return out;
  };
}

describe.skipIf(!secretServiceOwned())('router automation acceptance (built CLI, both simulators, real keychain)', () => {
  beforeAll(() => {
    buildNodeBundles(ROOT);
  });
  afterEach(async () => {
    stopRadio();
    await fritz?.stop();
    await owrt?.stop();
    fritz = null;
    owrt = null;
    for (const a of ['router/admin', 'router/admin/previous', 'router/admin/next']) await secrets.delete(a).catch(() => false);
  });
  afterAll(async () => {
    for (const a of await secrets.list()) await secrets.delete(a).catch(() => false);
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  });

  describe('FRITZ!Box simulator', () => {
    it('status reads every field; the chooser says it is a FRITZ!Box', async () => {
      fritz = await startFritzSimulator();
      await secrets.set('router/admin', FRITZ_PASSWORD);
      const r = await cli(newProfile(), ['status', '--gateway', fritz.ip, '--user', 'porchlight', '--json'], NO_SCANNER);
      const j = JSON.parse(r.out) as { router: string; status: Record<string, { known: boolean }> };
      expect(j.router).toBe('fritzbox');
      expect(Object.keys(j.status).sort()).toEqual(['adminPasswordDefault', 'firmware', 'identity', 'remoteAdmin', 'upnp', 'wifi', 'wps']);
      expect(Object.entries(j.status).filter(([, f]) => !f.known)).toEqual([]);
    });

    it('plan lists every change in plain words and changes nothing', async () => {
      fritz = await startFritzSimulator();
      await secrets.set('router/admin', FRITZ_PASSWORD);
      const r = await cli(newProfile(), ['plan', '--gateway', fritz.ip, '--user', 'porchlight', '--wired', '--iot', 'Lab Things', '--remote-admin-off', '--upnp-off', '--new-admin-password'], NO_SCANNER);
      expect(r.code, r.err).toBe(1);
      for (const line of ['Change the security of "Lab Home" from WPA2 to WPA3', 'Turn on the separate network "Lab Things"', 'Turn off the push-button Wi-Fi setup (WPS)', 'Turn off administration of the router from the internet', 'Turn off automatic port opening (UPnP)', 'Give the router a new admin password']) expect(r.out).toContain(line);
      expect(fritz.calls.some((c) => /^Set|ConfigurationStarted/.test(c.action))).toBe(false);
    });

    it('apply: WPA2 → WPA3, a secured isolated IoT network, a new admin password — each verified (read-back + rescan, new login)', async () => {
      fritz = await startFritzSimulator();
      await secrets.set('router/admin', FRITZ_PASSWORD);
      radioFollows(fritzRadio());
      const profile = newProfile();
      const r = await cli(profile, ['apply', '--gateway', fritz.ip, '--user', 'porchlight', '--wired', '--iot', 'Lab Things', '--new-admin-password', '--yes', '--json'], WITH_NMCLI);
      expect(r.code, r.err + r.out).toBe(0);
      const j = JSON.parse(r.out) as { outcome: string; applied: string[]; proofBasis: string[] };
      expect(j.outcome).toBe('verified');
      expect(j.applied).toEqual(expect.arrayContaining(['home-wifi.encryption:WLANConfiguration:1', 'home-wifi.encryption:WLANConfiguration:2', 'iot-wifi:WLANConfiguration:3', 'admin-password']));
      expect(j.proofBasis).toEqual(expect.arrayContaining([expect.stringContaining('A new Wi-Fi scan from this computer sees "Lab Home" with WPA3'), expect.stringContaining('sees "Lab Things" with WPA2/WPA3 transition'), expect.stringContaining('logged in to the router with the new administrator password')]));
      expect(fritz.state.wlans.map((w) => [w.ssid, w.enabled, w.beaconType])).toEqual([['Lab Home', true, 'WPA3'], ['Lab Home', true, 'WPA3'], ['Lab Things', true, '11iandWPA3']]);
      // The IoT passphrase was made into the keychain and is the one the router has.
      expect(fritz.state.wlans[2]!.passphrase).toBe(await secrets.get('wifi/Lab Things'));
      // New admin password: the router has it, the keychain has it as current and the old one as previous; no staging left.
      const now = await secrets.get('router/admin');
      passwordsSeen.add(now ?? '');
      expect(now).not.toBe(FRITZ_PASSWORD);
      expect(fritz.state.users[0]!.password).toBe(now);
      expect(await secrets.get('router/admin/previous')).toBe(FRITZ_PASSWORD);
      expect(await secrets.get('router/admin/next')).toBeNull();
      // The next run logs in with the new password.
      const after = await cli(profile, ['status', '--gateway', fritz.ip, '--json'], NO_SCANNER);
      expect(JSON.parse(after.out)).toMatchObject({ status: { adminPasswordDefault: { known: true } } });
    });

    it('transition when asked; without a scanner the proof says it is the router\'s answer only (no rescan claimed)', async () => {
      fritz = await startFritzSimulator();
      await secrets.set('router/admin', FRITZ_PASSWORD);
      const r = await cli(newProfile(), ['apply', '--gateway', fritz.ip, '--user', 'porchlight', '--wired', '--wifi', 'transition', '--yes'], NO_SCANNER);
      expect(r.code, r.err + r.out).toBe(0);
      expect(fritz.state.wlans.slice(0, 2).map((w) => w.beaconType)).toEqual(['11iandWPA3', '11iandWPA3']);
      expect(r.out).toContain("so for \"Lab Home\" the check rests on the router's own answer only (no new scan was made)");
      expect(r.out).not.toContain('A new Wi-Fi scan from this computer sees');
    });

    it('a rescan that contradicts the router fails the proof and restores the previous values', async () => {
      fritz = await startFritzSimulator();
      await secrets.set('router/admin', FRITZ_PASSWORD);
      // The radio does not follow: this computer still sees WPA2 after the router says WPA3.
      radioFollows(() => [{ ssid: 'Lab Home', preset: 'wpa2' }]);
      const r = await cli(newProfile(), ['apply', '--gateway', fritz.ip, '--user', 'porchlight', '--wired', '--remote-admin-off', '--yes', '--json'], WITH_NMCLI);
      expect(r.code).toBe(1);
      const j = JSON.parse(r.out) as { outcome: string; reasonText: string };
      expect(j.outcome).toBe('restored');
      expect(j.reasonText).toBe('the router says the change was made, but a new Wi-Fi scan from this computer still sees "Lab Home" with WPA2-Personal instead of WPA3-Personal (SAE only)');
      expect(fritz.state.wlans.map((w) => w.beaconType)).toEqual(['11i', '11i', '11i']);
      expect(fritz.state.remoteAccess).toBe(true);
    });

    it('a Wi-Fi change that would cut this computer\'s link is refused with the manual guide when it is on that Wi-Fi', async () => {
      fritz = await startFritzSimulator();
      await secrets.set('router/admin', FRITZ_PASSWORD);
      radioFollows(fritzRadio(true));
      const r = await cli(newProfile(), ['apply', '--gateway', fritz.ip, '--user', 'porchlight', '--yes'], WITH_NMCLI);
      expect(r.out).toContain('✗ Change the security of "Lab Home" from WPA2 to WPA3');
      expect(r.out).toContain('Not done automatically: this computer is connected through "Lab Home"');
      expect(r.out).toContain('follow the manual guide');
      expect(r.code).toBe(1);
      expect(fritz.state.wlans.map((w) => w.beaconType)).toEqual(['11i', '11i', '11i']);
      expect(fritz.calls.some((c) => c.action === 'SetBeaconType')).toBe(false);
      // WPS off was still made (it cannot cut the link), and proven.
      expect(fritz.state.wlans[0]!.wpsEnabled).toBe(false);
    });

    it('wrong credentials: a clear message after exactly one attempt, and the box does not block', async () => {
      fritz = await startFritzSimulator();
      await secrets.set('router/admin', 'not-the-password');
      const r = await cli(newProfile(), ['status', '--gateway', fritz.ip, '--user', 'porchlight', '--json'], NO_SCANNER);
      expect(r.code).toBe(2);
      expect(r.err).toContain('did not accept the user name and password saved for it. Porchlight tried once and will not try again');
      expect(fritz.failedLogins()).toBe(1);
      expect(fritz.calls.some((c) => c.outcome === 'blocked')).toBe(false);
      // The right password works at once: nothing was blocked.
      await secrets.set('router/admin', FRITZ_PASSWORD);
      const ok = await cli(newProfile(), ['status', '--gateway', fritz.ip, '--user', 'porchlight'], NO_SCANNER);
      expect(ok.code, ok.err).toBe(1);
    });

    it('a missing router password without a terminal: exit 2 and how to save it; nothing sent to the router', async () => {
      fritz = await startFritzSimulator();
      const r = await cli(newProfile(), ['status', '--gateway', fritz.ip, '--user', 'porchlight', '--json'], NO_SCANNER);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'credentials-missing' } });
      expect(r.err).toContain('cannot ask for it here because this is not a terminal. Run the same command once in a terminal');
      expect(r.err).toContain('never accepted on the command line');
      expect(fritz.calls.length).toBe(0);
    });

    it('a missing router password on a terminal: asked once, hidden, saved in the keychain, then used', async () => {
      fritz = await startFritzSimulator();
      const profile = newProfile();
      // `script` gives the child a real pseudo-terminal; the password is typed into it, never on argv.
      const cmd = `${process.execPath} ${CLI} router status --gateway ${fritz.ip} --user porchlight`;
      argvSeen.push(['script', '-qec', cmd, '/dev/null']);
      const child = spawn('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, env: { ...process.env, ...NO_SCANNER, PATH: SYSTEM_PATH, PORCHLIGHT_PROFILE: profile }, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('never shown: ') && !out.includes('typed')) {
          out += '<typed>';
          child.stdin.write(`${FRITZ_PASSWORD}\r`);
        }
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      outputs.push(out);
      expect(out).toContain('Password of your router (127.0.0.60)');
      expect(out).not.toContain(FRITZ_PASSWORD);
      expect(out).toContain('Saved in your keychain as the router password.');
      expect(out).toContain('Administration from the internet: on');
      expect(code).toBe(1);
      expect(await secrets.get('router/admin')).toBe(FRITZ_PASSWORD);
    });
  });

  describe('OpenWrt simulator (HTTPS, certificate pinned on first use)', () => {
    it('status reads every field; the chooser says OpenWrt, logged in as root', async () => {
      owrt = await startOpenWrtSimulator({ rootPassword: OPENWRT_PASSWORD, tls: true, port: 443 });
      await secrets.set('router/admin', OPENWRT_PASSWORD);
      const profile = newProfile();
      const r = await cli(profile, ['status', '--gateway', owrt.ip, '--json'], NO_SCANNER);
      const j = JSON.parse(r.out) as { router: string; status: Record<string, { known: boolean }> };
      expect(j.router, r.err).toBe('openwrt');
      expect(Object.entries(j.status).filter(([, f]) => !f.known)).toEqual([]);
      expect(r.code).toBe(1);
      const pins = JSON.parse(readFileSync(join(profile, 'router-api.json'), 'utf8')) as { hosts: Record<string, { tlsFingerprint: string }> };
      expect(pins.hosts[owrt.ip]!.tlsFingerprint).toBe(owrt.fingerprint);
    });

    it('plan lists every change and changes nothing', async () => {
      owrt = await startOpenWrtSimulator({ rootPassword: OPENWRT_PASSWORD, tls: true, port: 443 });
      await secrets.set('router/admin', OPENWRT_PASSWORD);
      const r = await cli(newProfile(), ['plan', '--gateway', owrt.ip, '--wifi', 'transition', '--iot', 'Lab Things', '--remote-admin-off', '--upnp-off', '--new-admin-password'], NO_SCANNER);
      expect(r.code, r.err).toBe(1);
      for (const line of ['switch the Wi-Fi "Lab OpenWrt" from WPA2 to WPA3 plus WPA2 for older devices (WPA2/WPA3 transition)', 'add a separate network "Lab Things" for smart devices', 'turn off the WPS push button', 'close administration of the router from the internet', 'turn off automatic port opening (UPnP)', "change the router's administrator password"]) expect(r.out).toContain(line);
      expect(owrt.calls.filter((c) => c.object === 'uci' && c.method !== 'get')).toEqual([]);
    });

    it('apply: WPA2 → WPA3, an isolated secured IoT network, a new admin password — verified, then confirmed', async () => {
      owrt = await startOpenWrtSimulator({ rootPassword: OPENWRT_PASSWORD, tls: true, port: 443 });
      await secrets.set('router/admin', OPENWRT_PASSWORD);
      radioFollows(openwrtRadio());
      const r = await cli(newProfile(), ['apply', '--gateway', owrt.ip, '--iot', 'Lab Things', '--new-admin-password', '--yes', '--json'], { ...WITH_NMCLI, PORCHLIGHT_ROUTER_APPLY_TIMEOUT_SECONDS: '4' });
      expect(r.code, r.err + r.out).toBe(0);
      const j = JSON.parse(r.out) as { outcome: string; proofBasis: string[] };
      expect(j.outcome).toBe('verified');
      expect(j.proofBasis).toEqual(expect.arrayContaining([expect.stringContaining('sees "Lab OpenWrt" with WPA3'), expect.stringContaining('sees "Lab Things" with WPA2/WPA3 transition')]));
      // Confirmed: still there after the router's rollback time.
      await new Promise((res) => setTimeout(res, 4500));
      expect(owrt.pendingApply()).toBeNull();
      expect(owrt.option('wireless', 'default_radio0', 'encryption')).toBe('sae');
      expect(owrt.option('wireless', 'guest', 'isolate')).toBe('1');
      expect(owrt.option('wireless', 'guest', 'encryption')).toBe('sae-mixed');
      expect(owrt.option('firewall', 'guest_zone', 'forward')).toBe('REJECT');
      const now = await secrets.get('router/admin');
      passwordsSeen.add(now ?? '');
      expect(now).not.toBe(OPENWRT_PASSWORD);
      expect(await secrets.get('router/admin/previous')).toBe(OPENWRT_PASSWORD);
      const again = await cli(newProfile(), ['status', '--gateway', owrt.ip, '--json'], NO_SCANNER);
      expect(JSON.parse(again.out)).toMatchObject({ router: 'openwrt', status: { wifi: { known: true } } });
    });

    it('a rescan that contradicts the router restores the previous values (and never confirms)', async () => {
      owrt = await startOpenWrtSimulator({ rootPassword: OPENWRT_PASSWORD, tls: true, port: 443 });
      await secrets.set('router/admin', OPENWRT_PASSWORD);
      radioFollows(() => [{ ssid: 'Lab OpenWrt', preset: 'wpa2' }]);
      const r = await cli(newProfile(), ['apply', '--gateway', owrt.ip, '--wifi', 'transition', '--yes', '--json'], WITH_NMCLI);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out)).toMatchObject({ outcome: 'restored', reasonText: expect.stringContaining('still sees "Lab OpenWrt" with WPA2-Personal instead of WPA2/WPA3 transition') });
      expect(owrt.pendingApply()).toBeNull();
      expect(owrt.option('wireless', 'default_radio0', 'encryption')).toBe('psk2');
      expect(owrt.option('wireless', 'default_radio0', 'wps_pushbutton')).toBe('1');
    });

    it('killing porchlight (SIGKILL) between apply and confirm: the router rolls back, and the next run says so', async () => {
      owrt = await startOpenWrtSimulator({ rootPassword: OPENWRT_PASSWORD, tls: true, port: 443 });
      await secrets.set('router/admin', OPENWRT_PASSWORD);
      // The rescan keeps seeing WPA2, so the proof keeps waiting; the process is killed during it.
      radioFollows(() => [{ ssid: 'Lab OpenWrt', preset: 'wpa2' }]);
      const profile = newProfile();
      const run = start(profile, ['apply', '--gateway', owrt.ip, '--wifi', 'transition', '--yes'], { ...WITH_NMCLI, PORCHLIGHT_ROUTER_APPLY_TIMEOUT_SECONDS: '3', PORCHLIGHT_ROUTER_RESCAN_WAIT_MS: '5000' });
      const t0 = Date.now();
      while (!owrt.pendingApply() && Date.now() - t0 < 30_000) await new Promise((res) => setTimeout(res, 25));
      expect(owrt.pendingApply()).not.toBeNull();
      expect(owrt.option('wireless', 'default_radio0', 'encryption')).toBe('sae-mixed');
      run.child.kill('SIGKILL');
      const killed = await run.done;
      expect(killed.code).toBeNull();
      // The router undoes it by itself after its timeout.
      await new Promise((res) => setTimeout(res, 3500));
      expect(owrt.pendingApply()).toBeNull();
      expect(owrt.option('wireless', 'default_radio0', 'encryption')).toBe('psk2');
      // The next run says so, in words and in JSON.
      const next = await cli(profile, ['status', '--gateway', owrt.ip, '--json'], NO_SCANNER);
      const j = JSON.parse(next.out) as { interrupted: { outcome: string; startedAt: string; message: string } };
      expect(j.interrupted).toMatchObject({ outcome: 'rolled-back', message: expect.stringContaining('the router undid it by itself') });
      const text = await cli(profile, ['status', '--gateway', owrt.ip], NO_SCANNER);
      expect(text.out).not.toContain('Your router undid an unfinished change');
      // Reported once: the record is cleared after it was said.
      expect(JSON.parse(readFileSync(join(profile, 'router-pending.json'), 'utf8'))).toMatchObject({ pending: null });
    });

    it('killed, and the next run comes before the router\'s timeout: it rolls back itself and says so in plain words', async () => {
      owrt = await startOpenWrtSimulator({ rootPassword: OPENWRT_PASSWORD, tls: true, port: 443 });
      await secrets.set('router/admin', OPENWRT_PASSWORD);
      radioFollows(() => [{ ssid: 'Lab OpenWrt', preset: 'wpa2' }]);
      const profile = newProfile();
      const run = start(profile, ['apply', '--gateway', owrt.ip, '--wifi', 'transition', '--yes'], { ...WITH_NMCLI, PORCHLIGHT_ROUTER_RESCAN_WAIT_MS: '5000' });
      const t0 = Date.now();
      while (!owrt.pendingApply() && Date.now() - t0 < 30_000) await new Promise((res) => setTimeout(res, 25));
      run.child.kill('SIGKILL');
      await run.done;
      const next = await cli(profile, ['plan', '--gateway', owrt.ip], NO_SCANNER);
      expect(next.out).toMatch(/^Your router undid an unfinished change from .+ GMT: Porchlight was stopped before it could check it, so the router went back to its previous settings by itself \(Porchlight asked it to just now\)\. Nothing of it stayed\.\n/);
      expect(owrt.pendingApply()).toBeNull();
      expect(owrt.option('wireless', 'default_radio0', 'encryption')).toBe('psk2');
    });

    it('porchlight audit verifies the router checks from the OpenWrt answer (logged in as root), the source in the evidence', async () => {
      owrt = await startOpenWrtSimulator({ rootPassword: OPENWRT_PASSWORD, tls: true, port: 443 });
      await secrets.set('router/admin', OPENWRT_PASSWORD);
      const profile = newProfile();
      const argv = [CLI, 'audit', '--json', '--interface', 'lo', '--gateway', owrt.ip, '--seconds', '2'];
      argvSeen.push(argv);
      const out = await new Promise<string>((resolve, reject) => {
        const c = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...NO_SCANNER, PORCHLIGHT_PROFILE: profile }, stdio: ['ignore', 'pipe', 'pipe'] });
        let o = '';
        c.stdout.on('data', (d: Buffer) => (o += d.toString()));
        c.on('error', reject);
        c.on('close', () => resolve(o));
      });
      outputs.push(out);
      const report = JSON.parse(out) as { checks: { id: string; status: string; reasonMessage: { code: string; params: Record<string, unknown> } | null; evidence: { kind: string } }[] };
      const byId = new Map(report.checks.map((c) => [c.id, c]));
      expect(byId.get('router.remote-admin')).toMatchObject({ status: 'fail', evidence: { kind: 'verified' }, reasonMessage: { code: 'router-api.verdict.remote-admin-on', params: { source: expect.stringContaining('OpenWrt interface (ubus)') } } });
      expect(byId.get('wifi.wps')).toMatchObject({ status: 'fail', reasonMessage: { code: 'router-api.verdict.wps-on' } });
      expect(byId.get('router.admin-default')).toMatchObject({ status: 'pass', reasonMessage: { code: 'router-api.verdict.admin-not-default' } });
      expect(owrt.calls.filter((c) => c.object === 'uci' && c.method !== 'get')).toEqual([]);
    });

    it('wrong credentials: one attempt, a clear message, no block', async () => {
      owrt = await startOpenWrtSimulator({ rootPassword: OPENWRT_PASSWORD, tls: true, port: 443 });
      await secrets.set('router/admin', 'not-the-password');
      const r = await cli(newProfile(), ['status', '--gateway', owrt.ip, '--json'], NO_SCANNER);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'auth-failed' } });
      expect(r.err).toContain('the router refused the password for "root" from your keychain; Porchlight did not try again');
      expect(owrt.failedLogins()).toBe(1);
    });
  });

  it('no credential in any profile file (router-api.json, router-pending.json, logs), in the output of any run, or in any argv (ours, and the Wi-Fi tool the CLI ran)', async () => {
    for (const a of await secrets.list()) passwordsSeen.add((await secrets.get(a)) ?? '');
    const secretsToFind = [...passwordsSeen].filter((p) => p.length >= 6);
    // The router passwords (old and new, both routers), the Wi-Fi passphrases made for the IoT network, the simulators' passphrases.
    expect(secretsToFind.length).toBeGreaterThanOrEqual(4);
    // The scan is not vacuous: the new profile documents exist.
    const files = profiles.flatMap((p) => listFiles(p).map((f) => f.slice(p.length + 1)));
    expect(files).toEqual(expect.arrayContaining(['router-api.json', 'router-pending.json']));
    for (const p of profiles) for (const s of secretsToFind) expect(findLeaks(p, s), `${p}`).toEqual([]);
    const printed = Buffer.from(outputs.join('\n'), 'utf8');
    const nmcliArgv = Buffer.from(JSON.stringify(fake.calls()), 'utf8');
    expect(fake.calls().length).toBeGreaterThan(0);
    const ourArgv = Buffer.from(JSON.stringify(argvSeen), 'utf8');
    for (const s of secretsToFind)
      for (const { form, bytes } of leakPatterns(s)) {
        if (form.startsWith('fragment')) continue;
        expect(printed.includes(bytes), `output: ${form}`).toBe(false);
        expect(ourArgv.includes(bytes), `argv: ${form}`).toBe(false);
        expect(nmcliArgv.includes(bytes), `nmcli argv: ${form}`).toBe(false);
      }
  });
});
