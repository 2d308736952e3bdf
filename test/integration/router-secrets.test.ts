/**
 * Router secrets with the real keychain against both simulators (chosen by chooseRouterClient):
 * a replaced Wi-Fi passphrase is kept as `wifi/<name>/previous` (the passwords step's convention)
 * until the owner discards it, and a failed proof puts the old one back on the router; a new admin
 * password is set, logged in with, and only then is the old one marked previous — a router that
 * does not accept a login with the new one gets the old one back and the keychain stays as it was
 * (the built CLI, a real child process).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { runNode } from '../support/run-node.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.js';
import { PinnedRouterTransport } from '../../main/adapters/router/pinned-transport.js';
import { SystemClock } from '../../main/adapters/system-clock.js';
import { AttemptLedger } from '../../main/core/credentials/attempt-ledger.js';
import { applyWithProof, chooseRouterClient, LoginGuard, memoryPinStore, type DesiredState, type RouterChoice } from '../../main/core/router-api/index.js';
import { defaultFritzState, startFritzSimulator, type FritzSimulator } from '../lab/fritzbox/simulator.js';
import { startOpenWrtSimulator, type OpenWrtSimulator } from '../lab/openwrt/simulator.js';
import { LAB_WIFI_PASSPHRASE } from '../lab/openwrt/uci-data.js';
import { msg } from '../../main/core/messages/index.js';
import { findLeaks, ROOT, secretServiceOwned } from './keychain-helpers.js';

const CLI = join(ROOT, 'dist/cli.mjs');
const FRITZ_PASSWORD = defaultFritzState().users[0]!.password;
const FRITZ_HOME_PASSPHRASE = defaultFritzState().wlans[0]!.passphrase;
const OPENWRT_PASSWORD = 'lab-Root-Pa55-openwrt';
const secrets = new KeytarSecretStore();
const profiles: string[] = [];
const argvSeen: string[][] = [];
let fritz: FritzSimulator | null = null;
let owrt: OpenWrtSimulator | null = null;

async function choose(host: string, port?: number): Promise<Exclude<RouterChoice, { kind: 'unsupported' }>> {
  const pins = memoryPinStore();
  pins.setUserName(host, host === '127.0.0.60' ? 'porchlight' : 'root');
  const c = await chooseRouterClient({
    host, transport: new PinnedRouterTransport(), secrets, pins, guard: new LoginGuard(new AttemptLedger('it')), clock: new SystemClock(),
    linkSsid: async () => null, ...(port ? { ports: { ubusTls: port } } : {}),
  });
  if (c.kind === 'unsupported') throw new Error('no router chosen');
  return c;
}

async function cli(args: string[]): Promise<{ code: number | null; out: string; err: string; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'porchlight-router-sec-'));
  profiles.push(profile);
  const argv = [CLI, 'router', ...args];
  argvSeen.push(argv);
  return { ...(await runNode(argv, { cwd: ROOT, env: { ...process.env, PORCHLIGHT_PROFILE: profile, PATH: '/nonexistent' } })), profile };
}

describe.skipIf(!secretServiceOwned())('router secrets: previous passphrases and the admin password (real keychain, both simulators)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', 'main'], { cwd: ROOT, stdio: 'pipe' });
  });
  afterEach(async () => {
    await fritz?.stop();
    await owrt?.stop();
    fritz = null;
    owrt = null;
    for (const a of await secrets.list()) await secrets.delete(a).catch(() => false);
  });
  afterAll(() => {
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  });

  it('FRITZ!Box: the replaced home passphrase is kept as wifi/<name>/previous; a failed proof puts the old one back on the router', async () => {
    fritz = await startFritzSimulator();
    await secrets.set('router/admin', FRITZ_PASSWORD);
    await secrets.set('wifi/Lab Home', 'brand new lab home passphrase 9');
    const { client, kind } = await choose(fritz.ip);
    expect(kind).toBe('fritzbox');
    const desired: DesiredState = { homeWifi: { encryption: 'wpa2-wpa3', passphrase: { account: 'wifi/Lab Home' } } };
    const plan = await client.plan(desired);
    const ok = await applyWithProof(client, plan, desired, async () => ({ ok: true }));
    expect(ok.outcome).toBe('verified');
    expect(fritz.state.wlans[0]!.passphrase).toBe('brand new lab home passphrase 9');
    expect(await secrets.get('wifi/Lab Home/previous')).toBe(FRITZ_HOME_PASSPHRASE);

    // A second change whose proof fails: the router gets the passphrase it had back.
    await secrets.set('wifi/Lab Home', 'another lab home passphrase 10');
    const again = await choose(fritz.ip);
    const r = await applyWithProof(again.client, await again.client.plan(desired), desired, async () => ({ ok: false, reason: msg('router-api.proof.still-old', { what: 'test' }) }));
    expect(r.outcome).toBe('restored');
    expect(fritz.state.wlans.slice(0, 2).map((w) => w.passphrase)).toEqual(['brand new lab home passphrase 9', 'brand new lab home passphrase 9']);
  });

  it('OpenWrt: the replaced home passphrase is kept as wifi/<name>/previous; a failed proof puts the old one back on the router', async () => {
    owrt = await startOpenWrtSimulator({ rootPassword: OPENWRT_PASSWORD, tls: true });
    await secrets.set('router/admin', OPENWRT_PASSWORD);
    await secrets.set('wifi/Lab OpenWrt', 'brand new lab openwrt passphrase 9');
    const { client, kind } = await choose(owrt.ip, owrt.port);
    expect(kind).toBe('openwrt');
    const desired: DesiredState = { homeWifi: { encryption: 'wpa2-wpa3', passphrase: { account: 'wifi/Lab OpenWrt' } } };
    const failed = await applyWithProof(client, await client.plan(desired), desired, async () => ({ ok: false, reason: msg('router-api.proof.still-old', { what: 'test' }) }));
    expect(failed.outcome).toBe('restored');
    expect(owrt.option('wireless', 'default_radio0', 'key')).toBe(LAB_WIFI_PASSPHRASE);
    expect(await secrets.get('wifi/Lab OpenWrt/previous')).toBe(LAB_WIFI_PASSPHRASE);
    const second = await choose(owrt.ip, owrt.port);
    const ok = await applyWithProof(second.client, await second.client.plan(desired), desired, async () => ({ ok: true }));
    expect(ok.outcome).toBe('verified');
    expect(owrt.option('wireless', 'default_radio0', 'key')).toBe('brand new lab openwrt passphrase 9');
    expect(await secrets.get('wifi/Lab OpenWrt/previous')).toBe(LAB_WIFI_PASSPHRASE);
  });

  it('FRITZ!Box: a new admin password the router then refuses for logging in → the old one is put back, the keychain is unchanged', async () => {
    // The box answers OK but the app user's password stays (it changed another one): the login with the new one is refused.
    fritz = await startFritzSimulator({ state: { ignoreNextSetConfigPassword: true } });
    await secrets.set('router/admin', FRITZ_PASSWORD);
    const r = await cli(['apply', '--gateway', fritz.ip, '--user', 'porchlight', '--wired', '--new-admin-password', '--yes', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('did not accept it for logging in, so Porchlight put the old password back');
    expect(fritz.state.users[0]!.password).toBe(FRITZ_PASSWORD);
    expect(fritz.calls.filter((c) => c.action === 'SetConfigPassword' && c.outcome === 'ok')).toHaveLength(2);
    expect(await secrets.get('router/admin')).toBe(FRITZ_PASSWORD);
    expect(await secrets.get('router/admin/previous')).toBeNull();
    expect(await secrets.get('router/admin/next')).toBeNull();
    expect(findLeaks(r.profile, FRITZ_PASSWORD)).toEqual([]);
  });

  it('FRITZ!Box: a new admin password longer than the box keeps is never sent (its own limits are read first)', async () => {
    fritz = await startFritzSimulator();
    await secrets.set('router/admin', FRITZ_PASSWORD);
    await secrets.set('router/admin/next', 'x'.repeat(40));
    const { client } = await choose(fritz.ip);
    const desired: DesiredState = { adminPassword: { next: { account: 'router/admin/next' } } };
    const err = (await client.apply(await client.plan(desired), desired).catch((e: unknown) => e)) as { detail: { code: string } };
    expect(err.detail.code).toBe('router-api.error.password-not-allowed');
    expect(fritz.calls.some((c) => c.action === 'SetConfigPassword')).toBe(false);
    expect(fritz.state.users[0]!.password).toBe(FRITZ_PASSWORD);
  });

  it('OpenWrt: a new admin password the router then refuses for logging in → the old one is put back, the keychain is unchanged', async () => {
    owrt = await startOpenWrtSimulator({ rootPassword: OPENWRT_PASSWORD, tls: true, port: 443, truncateNextPasswordAt: 8 });
    await secrets.set('router/admin', OPENWRT_PASSWORD);
    const r = await cli(['apply', '--gateway', owrt.ip, '--new-admin-password', '--yes', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('did not accept its new administrator password when Porchlight logged in with it, so Porchlight put the old one back');
    expect(owrt.calls.filter((c) => c.object === 'luci' && c.method === 'setPassword')).toHaveLength(2);
    expect(await secrets.get('router/admin')).toBe(OPENWRT_PASSWORD);
    expect(await secrets.get('router/admin/previous')).toBeNull();
    expect(await secrets.get('router/admin/next')).toBeNull();
    // The old password works on the router again (the new one was never kept).
    const again = await cli(['status', '--gateway', owrt.ip, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ router: 'openwrt' });
    expect(findLeaks(r.profile, OPENWRT_PASSWORD)).toEqual([]);
    expect(JSON.stringify(argvSeen)).not.toContain(OPENWRT_PASSWORD);
  });
});
