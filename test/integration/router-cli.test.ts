/**
 * The BUILT `porchlight router status|plan|apply` (dist/cli.mjs) against the FRITZ!Box simulator,
 * with the real keychain: exit codes, --json shapes, apply without --yes changes nothing, apply
 * --yes turns WPA2 into WPA3 and proves it, and no credential reaches the profile, stdout/stderr or
 * the child's argv.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { runNode } from '../support/run-node.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.js';
import { defaultFritzState, startFritzSimulator, type FritzSimulator } from '../lab/fritzbox/simulator.js';
import { findLeaks, ROOT, secretServiceOwned } from './keychain-helpers.js';
import { buildNodeBundles } from './built-bundles.js';

const CLI = join(ROOT, 'dist/cli.mjs');
const PASSWORD = defaultFritzState().users[0]!.password;
const secrets = new KeytarSecretStore();
let sim: FritzSimulator;
let profile: string;
const argvSeen: string[][] = [];

function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const argv = [CLI, 'router', ...args];
  argvSeen.push(argv);
  return runNode(argv, { cwd: ROOT, env: { ...process.env, PORCHLIGHT_PROFILE: profile, PATH: '/nonexistent' } });
}

describe.skipIf(!secretServiceOwned())('porchlight router (built CLI, FRITZ!Box simulator)', () => {
  beforeAll(async () => {
    buildNodeBundles(ROOT);
    profile = mkdtempSync(join(tmpdir(), 'porchlight-router-cli-'));
    await secrets.set('router/admin', PASSWORD);
    sim = await startFritzSimulator();
  });
  afterAll(async () => {
    await sim?.stop();
    await secrets.delete('router/admin').catch(() => false);
    rmSync(profile, { recursive: true, force: true });
  });

  it('status --json reads every field; findings exit 1; the user name and pinned certificate are remembered, the password nowhere', async () => {
    const r = await cli(['status', '--gateway', sim.ip, '--user', 'porchlight', '--json']);
    expect(r.code, r.err).toBe(1);
    const j = JSON.parse(r.out) as { findings: string[]; status: Record<string, { known: boolean }> };
    expect(Object.values(j.status).every((f) => f.known)).toBe(true);
    expect(j.findings).toEqual(expect.arrayContaining(['wps', 'remote-admin', 'upnp', 'firmware']));
    const plain = await cli(['status', '--gateway', sim.ip]);
    expect(plain.out).toContain('Administration from the internet: on');
    expect(plain.out).not.toMatch(/tr064|undefined|\{"code"/);
  });

  it('when it cannot tell which Wi-Fi this computer uses (no Wi-Fi tool here), a Wi-Fi change is refused with the manual way out', async () => {
    const r = await cli(['plan', '--gateway', sim.ip]);
    expect(r.out).toContain('Not done automatically');
    expect(r.out).toContain('Connect by cable');
  });

  it('apply without --yes prints the plan and changes nothing; with --yes it changes and proves; then status is clean for Wi-Fi', async () => {
    const dry = await cli(['apply', '--gateway', sim.ip, '--remote-admin-off', '--upnp-off', '--wired']);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('Change the security of "Lab Home" from WPA2 to WPA3');
    expect(dry.out).toContain('Nothing was changed');
    expect(sim.state.wlans[0]!.beaconType).toBe('11i');
    const yes = await cli(['apply', '--gateway', sim.ip, '--remote-admin-off', '--upnp-off', '--wired', '--yes', '--json']);
    expect(yes.code, yes.err).toBe(0);
    expect(JSON.parse(yes.out)).toMatchObject({ outcome: 'verified' });
    expect(sim.state.wlans.map((w) => w.beaconType)).toEqual(['WPA3', 'WPA3', '11i']);
    expect(sim.state).toMatchObject({ remoteAccess: false, upnp: false });
  });

  it('wrong password: exit 2, a plain message, one attempt', async () => {
    await secrets.set('router/admin', 'not-the-password');
    const before = sim.calls.filter((c) => c.outcome === 'auth-failed').length;
    try {
      const r = await cli(['status', '--gateway', sim.ip, '--json']);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'auth-failed' } });
      expect(r.err).toContain('did not accept the user name and password');
    } finally {
      await secrets.set('router/admin', PASSWORD);
    }
    expect(sim.calls.filter((c) => c.outcome === 'auth-failed').length - before).toBe(1);
  });

  it('porchlight audit verifies the router checks from the router\'s own answer, the source in the evidence', async () => {
    const child = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const argv = [CLI, 'audit', '--json', '--interface', 'lo', '--gateway', sim.ip, '--seconds', '2'];
      argvSeen.push(argv);
      const c = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, PORCHLIGHT_PROFILE: profile, PATH: '/nonexistent' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      c.stdout.on('data', (d: Buffer) => (out += d.toString()));
      c.on('error', reject);
      c.on('close', (code) => resolve({ code, out }));
    });
    const report = JSON.parse(child.out) as { checks: { id: string; status: string; reasonMessage: { code: string; params: Record<string, unknown> } | null; evidence: { kind: string } }[] };
    const byId = new Map(report.checks.map((c) => [c.id, c]));
    expect(byId.get('router.remote-admin')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' }, reasonMessage: { code: 'router-api.verdict.remote-admin-off', params: { source: expect.stringContaining('TR-064') } } });
    expect(byId.get('router.upnp')).toMatchObject({ status: 'pass', reasonMessage: { code: 'router-api.verdict.upnp-off' } });
    expect(byId.get('wifi.wps')).toMatchObject({ status: 'pass', reasonMessage: { code: 'router-api.verdict.wps-off' } });
    expect(byId.get('router.firmware')).toMatchObject({ status: 'fail', reasonMessage: { code: 'router-api.verdict.firmware-update' } });
    expect(byId.get('router.admin-default')).toMatchObject({ status: 'pass', reasonMessage: { code: 'router-api.verdict.admin-not-default' } });
  });

  it('no credential in the profile, the outputs or any child argv', () => {
    expect(findLeaks(profile, PASSWORD)).toEqual([]);
    expect(JSON.stringify(argvSeen)).not.toContain(PASSWORD);
  });
});
