/**
 * The OpenWrt adapter against the loopback rpcd/ubus simulator, with the real keychain, the real
 * HTTP fetcher and a real state file: status reads every field, plan lists the changes, apply turns
 * psk2 into sae-mixed and adds an isolated guest network (confirmed only after the proof), a failed
 * proof restores, a process killed between apply and confirm leaves the router rolled back and the
 * next run says so, wrong credentials give one attempt and a clear error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.js';
import { NodeHttpFetcher } from '../../main/adapters/network/http-fetcher.js';
import { ConfDocumentStore } from '../../main/adapters/conf-document-store.js';
import { SystemClock } from '../../main/adapters/system-clock.js';
import { NO_PENDING_APPLY, OpenWrtRouterClient, PendingApplySchema, type PendingApplyDoc } from '../../main/core/router-api/openwrt/index.js';
import { applyWithProof, LoginGuard, readBackProof, RouterError, type DesiredState } from '../../main/core/router-api/index.js';
import { AttemptLedger } from '../../main/core/credentials/attempt-ledger.js';
import { startOpenWrtSimulator, type OpenWrtSimulator } from '../lab/openwrt/simulator.js';
import { LAB_WIFI_PASSPHRASE } from '../lab/openwrt/uci-data.js';
import { ROOT, secretServiceOwned } from './keychain-helpers.js';
import { PinnedRouterTransport } from '../../main/adapters/router/pinned-transport.js';
import { memoryPinStore } from '../../main/core/router-api/index.js';

const SERVICE = `porchlight-openwrt-test-${process.pid}`;
const ROOT_PASSWORD = 'lab-Root-Pa55-openwrt';
const NEW_WIFI = 'new lab wpa3 passphrase 42';
const IOT_WIFI = 'iot lab passphrase 77 x';
const secrets = new KeytarSecretStore(SERVICE);
const dir = mkdtempSync(join(tmpdir(), 'porchlight-openwrt-'));
const bundle = join(ROOT, '.tmp', `openwrt-applier-${process.pid}.mjs`);
let sim: OpenWrtSimulator;
let n = 0;

function pendingStore(name = 'router-pending'): ConfDocumentStore<PendingApplyDoc> {
  return new ConfDocumentStore({ dir, name, schema: PendingApplySchema, defaults: NO_PENDING_APPLY, version: '1.0.0' });
}

function client(s: OpenWrtSimulator, opts: { timeout?: number; store?: ConfDocumentStore<PendingApplyDoc>; ledger?: AttemptLedger; link?: string | null } = {}) {
  return new OpenWrtRouterClient({
    http: new NodeHttpFetcher(),
    secrets,
    clock: new SystemClock(),
    pending: opts.store ?? pendingStore(`pending-${++n}`),
    host: s.ip,
    url: s.url,
    applyTimeoutSeconds: opts.timeout ?? 30,
    guard: new LoginGuard(opts.ledger ?? new AttemptLedger('it')),
    linkSsid: () => Promise.resolve(opts.link ?? null),
  });
}

const FULL: DesiredState = {
  homeWifi: { encryption: 'wpa2-wpa3' },
  iotWifi: { ssid: 'Lab Things', encryption: 'wpa2-wpa3', passphrase: { account: 'wifi/Lab Things' } },
  wpsOff: true,
  remoteAdminOff: true,
  upnpOff: true,
};

beforeAll(async () => {
  if (!secretServiceOwned()) throw new Error('No Secret Service on the session bus: run through scripts/with-keyring.sh.');
  await secrets.set('router/admin', ROOT_PASSWORD);
  await secrets.set('wifi/Lab Things', IOT_WIFI);
  await secrets.set('wifi/Lab OpenWrt', NEW_WIFI);
});

afterEach(async () => {
  await sim?.stop();
});

afterAll(async () => {
  for (const a of await secrets.list()) await secrets.delete(a);
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundle, { force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('OpenWrt adapter against the rpcd/ubus simulator', () => {
  it('reads every field of the status from the router, each with its ubus source', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
    const ledger = new AttemptLedger('it');
    const s = await client(sim, { ledger }).readStatus();
    expect(s.identity).toMatchObject({ known: true, value: { vendor: 'OpenWrt', model: 'Linksys E8450 (UBI)' }, source: { api: 'ubus', call: 'system board' } });
    expect(s.firmware).toMatchObject({ known: true, value: { version: '23.05.3 r23809-234f1a2efa', updateAvailable: null, autoUpdate: 'off' } });
    if (!s.wifi.known) throw new Error('wifi unknown');
    expect(s.wifi.value.map((w) => [w.id, w.role, w.encryption, w.enabled])).toEqual([
      ['wireless.default_radio0', 'home', 'wpa2', true],
      ['wireless.default_radio1', 'home', 'wpa2', true],
    ]);
    expect(s.wps).toMatchObject({ known: true, value: { enabled: true, networkIds: ['wireless.default_radio0'] } });
    expect(s.remoteAdmin).toMatchObject({ known: true, value: { enabled: true }, source: { call: 'uci get firewall' } });
    expect(s.upnp).toMatchObject({ known: true, value: { enabled: true, portMappings: null } });
    // root has a password: the random-password test is refused, and counted in the ledger.
    expect(s.adminPasswordDefault).toMatchObject({ known: true, value: { isDefault: false } });
    expect(ledger.used(sim.ip)).toBe(2);
    expect(sim.failedLogins()).toBe(1);
    // No secret in the simulator's call log.
    expect(JSON.stringify(sim.calls)).not.toContain(ROOT_PASSWORD);
  });

  it('identify: the /ubus JSON-RPC answer without login tells OpenWrt; nothing listening → null', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
    expect(await client(sim).identify()).toEqual({ vendor: 'OpenWrt', model: null, firmware: null });
    expect(sim.calls.map((c) => [c.object, c.method])).toEqual([['session', 'access']]);
    const none = new OpenWrtRouterClient({ http: new NodeHttpFetcher(), secrets, clock: new SystemClock(), pending: pendingStore('none'), host: '127.0.0.62', url: 'http://127.0.0.62:9/ubus' });
    expect(await none.identify()).toBeNull();
  });

  it('over HTTPS: the certificate is pinned on first use, the password only goes over TLS, a changed certificate is refused before sending', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD, tls: true });
    const pins = memoryPinStore();
    const mk = () => new OpenWrtRouterClient({
      http: new NodeHttpFetcher(), secrets, clock: new SystemClock(), pending: pendingStore('tls'), host: sim.ip,
      tls: { transport: new PinnedRouterTransport(), pins, port: sim.port }, guard: new LoginGuard(new AttemptLedger('it')),
    });
    const s = await mk().readStatus();
    expect(s.firmware.known).toBe(true);
    expect(pins.pin(sim.ip)).toBe(sim.fingerprint);
    pins.setPin(sim.ip, 'AA:'.repeat(31) + 'AA');
    const before = sim.calls.length;
    const err = (await mk().readStatus().catch((e: unknown) => e)) as RouterError;
    expect([err.kind, err.detail.code]).toEqual(['tls-certificate-changed', 'router-api.error.certificate-changed']);
    expect(sim.calls.length).toBe(before);
  });

  it('a fresh OpenWrt (no root password) reads as the factory password', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: '' });
    const s = await client(sim).readStatus();
    expect(s.adminPasswordDefault).toMatchObject({ known: true, value: { isDefault: true } });
  });

  it('plan lists every change in message codes and refuses what it cannot do', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
    const c = client(sim);
    const plan = await c.plan({ ...FULL, adminPassword: { next: { account: 'router/admin/next' } } });
    expect(plan.changes.map((ch) => [ch.key, ch.message.code, ch.refused?.code ?? null])).toEqual([
      ['home-wifi.encryption:wireless.default_radio0', 'openwrt.change.home-wifi', null],
      ['home-wifi.encryption:wireless.default_radio1', 'openwrt.change.home-wifi', null],
      ['iot-wifi:wireless.guest', 'openwrt.change.iot-wifi-create', null],
      ['wps', 'openwrt.change.wps-off', null],
      ['remote-admin', 'openwrt.change.remote-admin-off', null],
      ['upnp', 'openwrt.change.upnp-off', null],
      ['admin-password', 'openwrt.change.admin-password', null],
    ]);
    expect(plan.changes[0]!.message.params).toEqual({ ssid: 'Lab OpenWrt', from: { code: 'router-api.encryption.wpa2', params: {} }, to: { code: 'router-api.encryption.wpa2-wpa3', params: {} } });
    expect(plan.changes[2]!.message.params).toEqual({ ssid: 'Lab Things', subnet: '192.168.2.0/24' });
    // Planning changed nothing.
    expect(sim.calls.filter((x) => x.object === 'uci' && x.method !== 'get')).toEqual([]);
    expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('psk2');
  });

  it('apply turns psk2 into sae-mixed and adds an isolated guest network; confirmed only after the proof', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
    const store = pendingStore('apply-ok');
    const c = client(sim, { timeout: 3, store });
    const desired: DesiredState = { ...FULL, homeWifi: { encryption: 'wpa2-wpa3', passphrase: { account: 'wifi/Lab OpenWrt' } } };
    const plan = await c.plan(desired);
    const result = await c.apply(plan, desired);
    expect(result.applied).toEqual([
      'home-wifi.encryption:wireless.default_radio0', 'home-wifi.passphrase:wireless.default_radio0',
      'home-wifi.encryption:wireless.default_radio1', 'home-wifi.passphrase:wireless.default_radio1',
      'iot-wifi:wireless.guest', 'wps', 'remote-admin', 'upnp',
    ]);
    expect(sim.pendingApply()?.configs.sort()).toEqual(['dhcp', 'firewall', 'network', 'upnpd', 'wireless']);
    expect(store.read().pending?.keys).toEqual(result.applied);
    // The record holds no secret; the old passphrase went to the keychain.
    const recordText = readFileSync(join(dir, 'apply-ok.json'), 'utf8');
    for (const secret of [LAB_WIFI_PASSPHRASE, NEW_WIFI, IOT_WIFI, ROOT_PASSWORD]) {
      expect(recordText).not.toContain(secret);
      expect(JSON.stringify(result.previous)).not.toContain(secret);
    }
    const prevKey = result.previous.entries.find((e) => e.value.option === 'key')!.value.secretAccount as string;
    expect(await secrets.get(prevKey)).toBe(LAB_WIFI_PASSPHRASE);

    // The proof: read back from the router (as the wizard's verifier does).
    const proof = await client(sim).readStatus();
    if (!proof.wifi.known) throw new Error('wifi unknown');
    expect(proof.wifi.value.map((w) => [w.id, w.role, w.encryption, w.isolated])).toEqual([
      ['wireless.default_radio0', 'home', 'wpa2-wpa3', null],
      ['wireless.default_radio1', 'home', 'wpa2-wpa3', null],
      ['wireless.guest', 'guest', 'wpa2-wpa3', true],
    ]);
    expect(proof.wps).toMatchObject({ value: { enabled: false } });
    expect(proof.remoteAdmin).toMatchObject({ value: { enabled: false } });
    expect(proof.upnp).toMatchObject({ value: { enabled: false } });
    expect(sim.option('wireless', 'default_radio0', 'ieee80211w')).toBe('1');
    expect(sim.option('wireless', 'default_radio0', 'key')).toBe(NEW_WIFI);
    expect(sim.option('wireless', 'guest', 'key')).toBe(IOT_WIFI);
    expect(sim.option('network', 'guest', 'ipaddr')).toBe('192.168.2.1');
    expect(sim.option('dhcp', 'guest', 'interface')).toBe('guest');
    expect([sim.option('firewall', 'guest_zone', 'input'), sim.option('firewall', 'guest_zone', 'forward'), sim.option('firewall', 'guest_zone', 'output')]).toEqual(['REJECT', 'REJECT', 'ACCEPT']);
    expect([sim.option('firewall', 'guest_wan', 'src'), sim.option('firewall', 'guest_wan', 'dest')]).toEqual(['guest', 'wan']);
    expect(sim.option('firewall', 'guest_dns', 'dest_port')).toBe('53');
    expect(sim.option('firewall', 'guest_dhcp', 'dest_port')).toBe('67-68');

    await c.confirm();
    expect(sim.pendingApply()).toBeNull();
    expect(store.read().pending).toBeNull();
    await sleep(3500);
    expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('sae-mixed');
  });

  it('a failed proof restores: the router rollback first, then a read-back', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
    const c = client(sim, { timeout: 30 });
    const plan = await c.plan(FULL);
    const result = await c.apply(plan, FULL);
    expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('sae-mixed');
    await c.restore(result.previous);
    expect(sim.pendingApply()).toBeNull();
    expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('psk2');
    expect(sim.option('wireless', 'guest', 'ssid')).toBeUndefined();
    expect(sim.committed.network!.some((s) => s.name === 'guest')).toBe(false);
    expect(sim.option('upnpd', 'config', 'enabled')).toBe('1');
  });

  it('a new admin password: set, logged in with, and put back by restore', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
    await secrets.set('router/admin/next', 'next-Root-Pa55-openwrt');
    const ledger = new AttemptLedger('it');
    const c = client(sim, { ledger });
    const desired: DesiredState = { adminPassword: { next: { account: 'router/admin/next' } } };
    const result = await c.apply(await c.plan(desired), desired);
    expect(result.applied).toEqual(['admin-password']);
    expect(ledger.used(sim.ip)).toBe(2); // the owner's login and the login with the new password
    expect(JSON.stringify(result.previous)).not.toContain(ROOT_PASSWORD);
    const probe = await fetch(sim.url, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'call', params: ['00000000000000000000000000000000', 'session', 'login', { username: 'root', password: 'next-Root-Pa55-openwrt' }] }) });
    expect(((await probe.json()) as { result: number[] }).result[0]).toBe(0);
    await c.restore(result.previous);
    const back = await fetch(sim.url, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'call', params: ['00000000000000000000000000000000', 'session', 'login', { username: 'root', password: ROOT_PASSWORD }] }) });
    expect(((await back.json()) as { result: number[] }).result[0]).toBe(0);
    const refusedNew = await fetch(sim.url, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'call', params: ['00000000000000000000000000000000', 'session', 'login', { username: 'root', password: 'next-Root-Pa55-openwrt' }] }) });
    expect(((await refusedNew.json()) as { result: number[] }).result).toEqual([6]);
  });

  it('restores from its own record when the router has already kept the change', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
    const c = client(sim, { timeout: 30 });
    const desired: DesiredState = { ...FULL, homeWifi: { encryption: 'wpa3', passphrase: { account: 'wifi/Lab OpenWrt' } } };
    const result = await c.apply(await c.plan(desired), desired);
    await c.confirm();
    expect(sim.option('wireless', 'default_radio1', 'encryption')).toBe('sae');
    expect(sim.option('wireless', 'default_radio1', 'ieee80211w')).toBe('2');
    await c.restore(result.previous);
    expect(sim.option('wireless', 'default_radio1', 'encryption')).toBe('psk2');
    expect(sim.option('wireless', 'default_radio1', 'ieee80211w')).toBe('0');
    expect(sim.option('wireless', 'default_radio1', 'key')).toBe(LAB_WIFI_PASSPHRASE);
    expect(sim.option('wireless', 'default_radio0', 'wps_pushbutton')).toBe('1');
    expect(sim.option('firewall', 'guest_zone', 'name')).toBeUndefined();
    expect(sim.committed.firewall!.find((s) => s.options.name === 'Allow-SSH-WAN')?.options.enabled).toBeUndefined();
  });

  it('wrong credentials: one attempt, a clear error, no second try in the same run', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
    await secrets.set('router/admin', 'not the password');
    try {
      const c = client(sim);
      const err = await c.readStatus().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RouterError);
      expect((err as RouterError).kind).toBe('auth-failed');
      expect((err as RouterError).detail).toEqual({ code: 'openwrt.login-refused', params: { username: 'root' } });
      const again = await c.plan(FULL).catch((e: unknown) => e);
      expect((again as RouterError).kind).toBe('auth-failed');
      expect(sim.failedLogins()).toBe(1);
      // Another client in the same run (same guard) makes no attempt either.
      const guard = new LoginGuard(new AttemptLedger('it'));
      const mk = () => new OpenWrtRouterClient({ http: new NodeHttpFetcher(), secrets, clock: new SystemClock(), pending: pendingStore('wrong'), host: sim.ip, url: sim.url, guard });
      await mk().readStatus().catch(() => undefined);
      const third = (await mk().readStatus().catch((e: unknown) => e)) as RouterError;
      expect(third.detail.code).toBe('router-api.error.auth-failed-earlier');
      expect(sim.failedLogins()).toBe(2);
      expect(JSON.stringify(err)).not.toContain('not the password');
    } finally {
      await secrets.set('router/admin', ROOT_PASSWORD);
    }
  });

  it('applyWithProof with the read-back proof: verified, then confirmed (the router keeps it after the timeout)', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
    const c = client(sim, { timeout: 2, link: 'Lab OpenWrt' });
    const plan = await c.plan(FULL);
    expect(plan.changes.filter((ch) => ch.cutsLink).map((ch) => [ch.key, ch.refused])).toEqual([
      ['home-wifi.encryption:wireless.default_radio0', null],
      ['home-wifi.encryption:wireless.default_radio1', null],
    ]);
    const out = await applyWithProof(c, plan, FULL, readBackProof(client(sim), FULL));
    expect(out.outcome).toBe('verified');
    expect(sim.pendingApply()).toBeNull();
    await sleep(2300);
    expect(sim.option('wireless', 'default_radio1', 'encryption')).toBe('sae-mixed');
    expect(sim.option('wireless', 'guest', 'isolate')).toBe('1');
  });

  it('applyWithProof: a proof that fails restores the previous values and never confirms', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
    const c = client(sim, { timeout: 30 });
    const plan = await c.plan(FULL);
    const calls: string[] = [];
    const out = await applyWithProof(c, plan, FULL, async () => {
      calls.push('proof');
      return { ok: false, reason: { code: 'router-api.proof.still-old', params: { what: 'Lab OpenWrt' } } };
    });
    expect(out.outcome).toBe('restored');
    expect(calls).toEqual(['proof']);
    expect(sim.calls.some((x) => x.method === 'confirm')).toBe(false);
    expect(sim.pendingApply()).toBeNull();
    expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('psk2');
    expect(sim.committed.wireless!.some((x) => x.name === 'guest')).toBe(false);
  });

  describe('killed between apply and confirm', () => {
    beforeAll(async () => {
      mkdirSync(join(ROOT, '.tmp'), { recursive: true });
      await build({
        stdin: {
          contents: `import { KeytarSecretStore } from './main/adapters/keytar-secret-store.ts';
import { NodeHttpFetcher } from './main/adapters/network/http-fetcher.ts';
import { ConfDocumentStore } from './main/adapters/conf-document-store.ts';
import { SystemClock } from './main/adapters/system-clock.ts';
import { OpenWrtRouterClient, PendingApplySchema, NO_PENDING_APPLY } from './main/core/router-api/openwrt/index.ts';
const [service, ip, url, dir] = process.argv.slice(2);
const c = new OpenWrtRouterClient({
  http: new NodeHttpFetcher(), secrets: new KeytarSecretStore(service), clock: new SystemClock(),
  pending: new ConfDocumentStore({ dir, name: 'router-pending', schema: PendingApplySchema, defaults: NO_PENDING_APPLY, version: '1.0.0' }),
  host: ip, url, applyTimeoutSeconds: 2,
});
const desired = { homeWifi: { encryption: 'wpa2-wpa3' }, iotWifi: { ssid: 'Lab Things', encryption: 'wpa2-wpa3', passphrase: { account: 'wifi/Lab Things' } } };
await c.apply(await c.plan(desired), desired);
process.stdout.write('applied\\n');
setInterval(() => {}, 1000); // the proof that never ends`,
          resolveDir: ROOT,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        outfile: bundle,
        logLevel: 'warning',
      });
    });

    async function applyAndKill(stateDir: string): Promise<void> {
      const child = spawn(process.execPath, [bundle, SERVICE, sim.ip, sim.url, stateDir], { stdio: ['ignore', 'pipe', 'inherit'] });
      const out = await new Promise<string>((resolve, reject) => {
        child.stdout!.once('data', (d: Buffer) => resolve(d.toString()));
        child.once('exit', (code) => reject(new Error(`applier exited ${code}`)));
      });
      expect(out).toBe('applied\n');
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }

    it('the router rolls back after the timeout, and the next run says so', async () => {
      sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
      const stateDir = mkdtempSync(join(dir, 'kill-'));
      await applyAndKill(stateDir);
      expect(sim.pendingApply()).not.toBeNull();
      expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('sae-mixed');
      await sleep(2600);
      expect(sim.pendingApply()).toBeNull();
      expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('psk2');
      expect(sim.committed.network!.some((s) => s.name === 'guest')).toBe(false);

      const store = new ConfDocumentStore({ dir: stateDir, name: 'router-pending', schema: PendingApplySchema, defaults: NO_PENDING_APPLY, version: '1.0.0' });
      expect(store.read().pending?.keys).toEqual(['home-wifi.encryption:wireless.default_radio0', 'home-wifi.encryption:wireless.default_radio1', 'iot-wifi:wireless.guest']);
      const next = client(sim, { store });
      const report = await next.interruptedApply();
      expect(report).toMatchObject({ outcome: 'rolled-back', rolledBackNow: false, keys: ['home-wifi.encryption:wireless.default_radio0', 'home-wifi.encryption:wireless.default_radio1', 'iot-wifi:wireless.guest'] });
      expect(report!.message.code).toBe('openwrt.interrupted.rolled-back');
      expect(store.read().pending).toBeNull();
      expect(await next.interruptedApply()).toBeNull();
    });

    it('a next run before the timeout rolls it back itself (it never confirms an unproven change)', async () => {
      sim = await startOpenWrtSimulator({ rootPassword: ROOT_PASSWORD });
      const stateDir = mkdtempSync(join(dir, 'kill-'));
      await applyAndKill(stateDir);
      const store = new ConfDocumentStore({ dir: stateDir, name: 'router-pending', schema: PendingApplySchema, defaults: NO_PENDING_APPLY, version: '1.0.0' });
      const report = await client(sim, { store }).interruptedApply();
      expect(report).toMatchObject({ outcome: 'rolled-back', rolledBackNow: true });
      expect(sim.pendingApply()).toBeNull();
      expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('psk2');
    });
  });
});
