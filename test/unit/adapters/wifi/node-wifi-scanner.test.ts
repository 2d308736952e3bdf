import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeWifiScanner } from '../../../../main/adapters/wifi/node-wifi-scanner.js';
import { loadNodeWifi } from '../../../../main/adapters/wifi/load-node-wifi.js';
import { toView } from '../../../../main/core/wifi/scan-service.js';
import { createFakeNmcli, fakeNmcliEnv, homeState, ap, type FakeNmcliState } from '../../../lab/fake-nmcli/state.js';

const require = createRequire(import.meta.url);
const saved = { ...process.env };
const fake = createFakeNmcli(homeState('HomeNet', 'wpa2'));

beforeAll(() => {
  const env = fakeNmcliEnv(fake);
  process.env.PATH = env.PATH;
  process.env.PORCHLIGHT_FAKE_NMCLI_STATE = env.PORCHLIGHT_FAKE_NMCLI_STATE;
  process.env.PORCHLIGHT_FAKE_NMCLI_LOG = env.PORCHLIGHT_FAKE_NMCLI_LOG;
});
afterAll(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

const scanWith = async (state: FakeNmcliState, opts: { timeoutMs?: number } = {}) => {
  fake.write(state);
  return new NodeWifiScanner({ platform: 'linux', ...opts }).scan();
};

function purgeNodeWifi() {
  const srcDir = dirname(require.resolve('node-wifi'));
  for (const key of Object.keys(require.cache)) if (key.startsWith(srcDir + sep)) delete require.cache[key];
}

describe('NodeWifiScanner on Linux: node-wifi really called, nmcli found on PATH (the fake)', () => {
  it('scans through node-wifi with the exact nmcli arguments node-wifi builds', async () => {
    const before = fake.calls().length;
    const r = await scanWith(homeState('HomeNet', 'wpa2'));
    expect(r.kind).toBe('ok');
    const calls = fake.calls().slice(before);
    expect(calls.map((c) => c.argv)).toEqual([['--terse', '--fields', 'active,ssid,bssid,mode,chan,freq,signal,security,wpa-flags,rsn-flags', 'device', 'wifi', 'list']]);
    expect(calls[0]!.lcAll).toBe('C.UTF-8');
    expect(r.kind === 'ok' && r.value.map(toView).map((v) => [v.ssid, v.security, v.active])).toEqual([
      ['HomeNet', 'wpa2', true],
      ['HomeNet', 'wpa2', false],
      ['Neighbour-2.4', 'wpa2', false],
    ]);
  });

  it('passes SSIDs with ":", "\\", "&&", non-ASCII and hidden ones through intact', async () => {
    const names = ['a:b', 'C:\\net\\', 'x&&y', 'Wohnung Müller ☕', '', '\\:'];
    const state = homeState('HomeNet', 'wpa3');
    state.accessPoints = names.map((ssid, i) => ap(ssid, 'wpa3', { bssid: `02:00:00:00:00:0${i}` }));
    const r = await scanWith(state);
    expect(r.kind === 'ok' && r.value.map((n) => n.ssid)).toEqual(names);
    expect(r.kind === 'ok' && r.value.map((n) => toView(n).security)).toEqual(names.map(() => 'wpa3'));
  });

  it('current() is the active access point, or null when not connected', async () => {
    fake.write(homeState('HomeNet', 'wpa2-wpa3'));
    const c = await new NodeWifiScanner({ platform: 'linux' }).current();
    expect(c.kind === 'ok' && c.value && toView(c.value)).toMatchObject({ ssid: 'HomeNet', security: 'wpa2-wpa3', bssid: '3C:A6:2F:11:22:33' });
    const s = homeState('HomeNet', 'wpa2');
    s.accessPoints = s.accessPoints!.map((a) => ({ ...a, active: false }));
    fake.write(s);
    expect(await new NodeWifiScanner({ platform: 'linux' }).current()).toMatchObject({ kind: 'ok', value: null });
  });

  it('NetworkManager not running → unknown with the reason', async () => {
    expect(await scanWith({ ...homeState('H', 'wpa2'), networkManager: 'stopped' })).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.network-manager-stopped', params: {} } });
  });

  it('no Wi-Fi adapter → unknown, not an empty "all good"', async () => {
    const r = await scanWith({ networkManager: 'running', devices: [{ device: 'enp3s0', type: 'ethernet', state: 'connected' }], accessPoints: [] });
    expect(r).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.linux-no-adapter', params: {} } });
  });

  it('radio off → unknown with the reason', async () => {
    const r = await scanWith({ networkManager: 'running', devices: [{ device: 'wlp2s0', type: 'wifi', state: 'unavailable' }], accessPoints: [] });
    expect(r).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.linux-wifi-unavailable', params: {} } });
  });

  it('adapter present but nothing in range → an empty list with a note saying so', async () => {
    const r = await scanWith({ networkManager: 'running', devices: [{ device: 'wlp2s0', type: 'wifi', state: 'disconnected' }], accessPoints: [] });
    expect(r).toEqual({ kind: 'ok', value: [], notes: [{ code: 'wifi.reading.none-in-range', params: {} }] });
  });

  it('malformed output → unknown with the reason', async () => {
    const r = await scanWith({ ...homeState('H', 'wpa2'), rawWifiList: 'this is not nmcli\nat all\n' });
    expect(r).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.nmcli-unreadable', params: { count: 2 } } });
  });

  it('some lines unreadable → the readable networks, and a note with how many lines were left out', async () => {
    const good = 'yes:HomeNet:3C\\:A6\\:2F\\:11\\:22\\:33:Infra:36:5180 MHz:84:WPA2:(none):pair_ccmp group_ccmp psk';
    const r = await scanWith({ ...homeState('H', 'wpa2'), rawWifiList: `${good}\nnot:an:nmcli:line\n` });
    expect(r.kind === 'ok' && r.value.map((n) => n.ssid)).toEqual(['HomeNet']);
    expect(r.kind === 'ok' && r.notes).toEqual([{ code: 'wifi.reading.nmcli-lines-skipped', params: { count: 1 } }]);
  });

  it('a hung nmcli is killed at the deadline → unknown', async () => {
    const r = await scanWith({ ...homeState('H', 'wpa2'), hangMs: 5000 }, { timeoutMs: 400 });
    expect(r).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.tool-timeout', params: { tool: 'nmcli', seconds: 0 } } });
  });

  it("loads only node-wifi's Linux scan modules, not the other platforms' (start-up cost)", async () => {
    purgeNodeWifi();
    const srcDir = dirname(require.resolve('node-wifi'));
    const r = await scanWith(homeState('HomeNet', 'wpa2'));
    expect(r.kind).toBe('ok');
    const loaded = Object.keys(require.cache)
      .filter((k) => k.startsWith(srcDir + sep))
      .map((k) => k.slice(srcDir.length + 1).split(sep).join('/'))
      .sort();
    // node-wifi's own scan, promiser and nmcli command line, plus the three replaced modules.
    expect(loaded).toEqual(['env.js', 'linux-scan.js', 'linux/scan/command.js', 'linux/scan/parser.js', 'utils/executer.js', 'utils/promiser.js']);
  });

  it('nmcli missing from PATH → unknown with the reason', async () => {
    const path = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'empty-path-'));
    try {
      const r = await new NodeWifiScanner({ platform: 'linux' }).scan();
      expect(r).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.nmcli-missing', params: {} } });
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('process.env stays the app\'s own', () => {
  it('node-wifi itself rewrites process.env when required (the defect)', () => {
    const out = execFileSync(process.execPath, ['-e', "const b=JSON.stringify(process.env);require('node-wifi');process.stdout.write(String(b===JSON.stringify(process.env)))"], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH, LANG: 'de_DE.UTF-8' },
      encoding: 'utf8',
    });
    expect(out).toBe('false');
  });

  it('loading node-wifi through the adapter and scanning leaves process.env unchanged', async () => {
    purgeNodeWifi();
    process.env.LANG = 'de_DE.UTF-8';
    const before = JSON.stringify(process.env);
    loadNodeWifi();
    fake.write(homeState('HomeNet', 'wpa2'));
    await new NodeWifiScanner({ platform: 'linux' }).scan();
    await new NodeWifiScanner({ platform: 'linux' }).current();
    expect(JSON.stringify(process.env)).toBe(before);
    expect(process.env.LC_ALL).toBe(saved.LC_ALL);
  });
});

describe('no Wi-Fi password in a child process argv', () => {
  it("node-wifi's connect() would put the password on nmcli's argv (the defect) — the adapter offers no way to call it", async () => {
    fake.write(homeState('HomeNet', 'wpa2'));
    const raw = loadNodeWifi() as unknown as { init(o: object): void; connect(ap: { ssid: string; password: string }): Promise<void> };
    raw.init({ iface: null });
    const before = fake.calls().length;
    await raw.connect({ ssid: 'HomeNet', password: 'correct-horse-battery' }).catch(() => undefined);
    const argv = fake.calls().slice(before).map((c) => c.argv);
    expect(argv.some((a) => a.includes('correct-horse-battery'))).toBe(true);
    // The port and its adapter only read: scan and current, nothing that joins or takes a password.
    const methods = Object.getOwnPropertyNames(NodeWifiScanner.prototype).filter((m) => m !== 'constructor');
    expect(methods.filter((m) => !['scan', 'current', 'scanLinux', 'whyNoNetworks', 'scanWindows', 'readMac', 'explain'].includes(m))).toEqual([]);
  });
});

