/**
 * The BUILT `porchlight wifi` command (dist/cli.mjs) with the fake nmcli first on PATH: node-wifi
 * really runs, finds `nmcli` on PATH, and the exact classes come out as JSON.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ap, createFakeNmcli, fakeNmcliEnv, homeState, SECURITY_PRESETS, type SecurityPreset } from '../lab/fake-nmcli/state.js';

const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'cli.mjs');

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', 'main'], { cwd: ROOT, stdio: 'pipe' });
});

function cli(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('porchlight wifi scan --json (built CLI, fake nmcli on PATH)', () => {
  it('returns every access point with its exact class', () => {
    const presets = Object.keys(SECURITY_PRESETS) as SecurityPreset[];
    const state = homeState('HomeNet', 'wpa2');
    state.accessPoints = [
      ...presets.map((p, i) => ap(`net-${p}`, p, { bssid: `02:00:00:00:01:${String(i).padStart(2, '0')}`, chan: 1 + i, freq: 2412 + 5 * i, signal: 10 + i })),
      ap('a:b\\c&&d', 'wpa3', { bssid: '02:00:00:00:02:01', active: true }),
      ap('', 'wpa2', { bssid: '02:00:00:00:02:02' }),
      ap('Wohnung Müller ☕', 'wpa2-wpa3', { bssid: '02:00:00:00:02:03' }),
    ];
    const fake = createFakeNmcli(state);
    const r = cli(['wifi', 'scan', '--json'], fakeNmcliEnv(fake));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    const expectedClass: Record<SecurityPreset, string> = {
      open: 'open', owe: 'owe', 'owe-transition': 'owe-transition', wep: 'wep', wpa: 'wpa', 'wpa-mixed': 'wpa', wpa2: 'wpa2',
      'wpa2-wpa3': 'wpa2-wpa3', wpa3: 'wpa3', 'wpa2-enterprise': 'wpa2-enterprise', 'wpa3-enterprise': 'wpa3-enterprise',
    };
    expect(list).toEqual([
      ...presets.map((p, i) => ({ ssid: `net-${p}`, bssid: `02:00:00:00:01:${String(i).padStart(2, '0')}`, security: expectedClass[p], signal: 10 + i, channel: 1 + i, frequency: 2412 + 5 * i, active: false })),
      { ssid: 'a:b\\c&&d', bssid: '02:00:00:00:02:01', security: 'wpa3', signal: 70, channel: 36, frequency: 5180, active: true },
      { ssid: '', bssid: '02:00:00:00:02:02', security: 'wpa2', signal: 70, channel: 36, frequency: 5180, active: false },
      { ssid: 'Wohnung Müller ☕', bssid: '02:00:00:00:02:03', security: 'wpa2-wpa3', signal: 70, channel: 36, frequency: 5180, active: false },
    ]);
    // node-wifi asked the fake exactly once, with its own argument list and no secret anywhere.
    expect(fake.calls().map((c) => c.argv)).toEqual([['--terse', '--fields', 'active,ssid,bssid,mode,chan,freq,signal,security,wpa-flags,rsn-flags', 'device', 'wifi', 'list']]);
  });

  it('loads neither the message catalog nor its formatter (zod, i18next) when printing JSON; plain text does', () => {
    const fake = createFakeNmcli(homeState('HomeNet', 'wpa3'));
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-loads-'));
    const loaded = (args: string[]) => {
      const file = join(dir, `${args.length}.txt`);
      const r = spawnSync(process.execPath, ['--import', './test/support/record-loads.mjs', CLI, ...args], {
        cwd: ROOT, env: { ...fakeNmcliEnv(fake), PORCHLIGHT_RECORD_LOADS: file }, encoding: 'utf8', timeout: 30_000,
      });
      expect(r.status, r.stderr).toBe(0);
      return { stdout: r.stdout, stderr: r.stderr, urls: readFileSync(file, 'utf8').split('\n').filter(Boolean) };
    };
    const heavy = (urls: string[]) => urls.filter((u) => /node_modules\/(zod|i18next)\//.test(u));
    const json = loaded(['wifi', 'scan', '--json']);
    expect(JSON.parse(json.stdout)).toContainEqual(expect.objectContaining({ ssid: 'HomeNet', security: 'wpa3' }));
    // The recording worked: the scanner's own import (the child-process module it runs nmcli with) is in it.
    expect(json.urls).toContain('node:child_process');
    expect(heavy(json.urls)).toEqual([]);
    // A note (nothing in range) is a message code in one JSON line on stderr: still no zod, no i18next.
    fake.write({ ...homeState('HomeNet', 'wpa3'), accessPoints: [] });
    const empty = loaded(['wifi', 'scan', '--json']);
    expect(JSON.parse(empty.stdout)).toEqual([]);
    expect(JSON.parse(empty.stderr)).toEqual({ notes: [{ code: 'wifi.reading.none-in-range', params: {} }] });
    expect(heavy(empty.urls)).toEqual([]);
    fake.write(homeState('HomeNet', 'wpa3'));
    // The plain list names each class in the catalog's words, so it does load them.
    const text = loaded(['wifi', 'scan']);
    expect(text.stdout).toMatch(/HomeNet.*WPA3/);
    expect(heavy(text.urls).length).toBeGreaterThan(0);
  });

  it('starts nmcli first and runs the Wi-Fi command without loading the table of every command', () => {
    const fake = createFakeNmcli(homeState('HomeNet', 'wpa3'));
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-order-'));
    for (const sub of ['scan', 'status']) {
      const file = join(dir, `${sub}.txt`);
      const r = spawnSync(process.execPath, ['--import', './test/support/record-spawns.mjs', '--import', './test/support/record-loads.mjs', CLI, 'wifi', sub, '--json'], {
        cwd: ROOT, env: { ...fakeNmcliEnv(fake), PORCHLIGHT_RECORD_LOADS: file }, encoding: 'utf8', timeout: 30_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
      const spawned = lines.indexOf('spawn nmcli');
      expect(spawned, lines.join('\n')).toBeGreaterThanOrEqual(0);
      // The command's own modules (the scan service, main/core/wifi/scan-service.ts) load while nmcli runs…
      const service = lines.findIndex((l) => /\/dist\/cli-scan-service-[^/]*\.mjs$/.test(l));
      expect(service, lines.join('\n')).toBeGreaterThan(spawned);
      // …and the dispatcher with its table of every command (main/cli/run.ts) does not load at all.
      expect(lines.filter((l) => /\/dist\/cli-run-[^/]*\.mjs$/.test(l)), sub).toEqual([]);
      // nmcli ran once: the command took the reading already under way.
      expect(lines.filter((l) => l.startsWith('spawn ')), sub).toEqual(['spawn nmcli']);
    }
    expect(fake.calls()).toHaveLength(2);
    // A command line the Wi-Fi command refuses still goes through the dispatcher: the usage error, no scan.
    const bad = cli(['wifi', 'scan', '--bogus'], fakeNmcliEnv(fake));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^porchlight wifi: .*--bogus/);
    expect(bad.stderr).toContain('Usage: porchlight wifi scan');
    const help = cli(['wifi', '--help'], fakeNmcliEnv(fake));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('porchlight wifi');
    expect(fake.calls()).toHaveLength(2);
  });

  it('status --json prints the current connection, then null when disconnected', () => {
    const fake = createFakeNmcli(homeState('HomeNet', 'wpa3'));
    const r = cli(['wifi', 'status', '--json'], fakeNmcliEnv(fake));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ssid: 'HomeNet', bssid: '3C:A6:2F:11:22:33', security: 'wpa3', signal: 84, channel: 36, frequency: 5180, active: true });
    const s = homeState('HomeNet', 'wpa3');
    s.accessPoints = s.accessPoints!.map((a) => ({ ...a, active: false }));
    fake.write(s);
    const r2 = cli(['wifi', 'status', '--json'], fakeNmcliEnv(fake));
    expect(r2.code).toBe(0);
    expect(JSON.parse(r2.stdout)).toBeNull();
  });

  it('exits 2 with a clear message when nmcli is missing or NetworkManager is down', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-nmcli-'));
    const r = cli(['wifi', 'scan', '--json'], { PATH: empty, HOME: process.env.HOME });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'wifi-unknown', message: expect.stringMatching(/^NetworkManager's command-line tool \(nmcli\) was not found\./), reason: { code: 'wifi.reading.nmcli-missing', params: {} } },
    });
    expect(r.stderr).toMatch(/unknown — NetworkManager's command-line tool \(nmcli\) was not found\./);
    const fake = createFakeNmcli({ ...homeState('HomeNet', 'wpa2'), networkManager: 'stopped' });
    const r2 = cli(['wifi', 'status', '--json'], fakeNmcliEnv(fake));
    expect(r2.code).toBe(2);
    expect(JSON.parse(r2.stdout).error).toMatchObject({ code: 'wifi-unknown', reason: { code: 'wifi.reading.network-manager-stopped', params: {} } });
    expect(r2.stderr).toMatch(/NetworkManager is not running/);
  });

  it('rejects unknown subcommands with usage, exit 2', () => {
    const r = cli(['wifi', 'connect'], process.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown subcommand "connect"/);
  });
});
