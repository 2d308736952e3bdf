/**
 * The keychain against a REAL Secret Service (GNOME Keyring started by scripts/with-keyring.sh):
 * a secret with non-ASCII and punctuation round-trips through the keytar adapter, the core and
 * the IPC dispatch, and is absent — in every encoding — from every file of the profile; with the
 * Secret Service unreachable, the app says so, marks the secret not stored, and writes it nowhere.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeytarSecretStore, KEYCHAIN_UNAVAILABLE_MESSAGE, KEYCHAIN_UNREADABLE_MESSAGE } from '../../main/adapters/keytar-secret-store.js';
import { createMessageFormatter, type MessageCatalog } from '../../main/core/messages/index.js';
import en from '../../renderer/i18n/en/messages.json' with { type: 'json' };

/** The English words of an error code with no params (the catalog the app reads). */
const englishOf = (code: string) => createMessageFormatter({ en: en as MessageCatalog }).format({ code, params: {} });
import { createNodeCore } from '../../main/compose.js';
import { dispatch, type SenderInfo } from '../../main/ipc/register.js';
import type { Core } from '../../main/core/app-core.js';
import { busWithoutSecretService, findLeaks, listFiles, secretServiceOwned, SECRET, startHarnessChild, type HarnessChild } from './keychain-helpers.js';

const APP: SenderInfo = { origin: 'app://porchlight', isMainFrame: true };
const OPTS = { allowedOrigins: ['app://porchlight'] };
const WIFI = 'wifi/Café Wi-Fi ☕';
const temps: string[] = [];

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

/** Reads a secret straight from the Secret Service with libsecret's own tool: independent of keytar. */
function secretToolLookup(account: string): string | null {
  const r = spawnSync('secret-tool', ['lookup', 'service', 'Porchlight', 'account', account], { encoding: 'utf8', timeout: 10_000 });
  if (r.error) throw new Error(`secret-tool is missing (apt package libsecret-tools): ${r.error.message}`);
  return r.status === 0 ? r.stdout.replace(/\n$/, '') : null;
}

function newCore(profileDir: string): Core {
  return createNodeCore({ host: 'harness', profileDir, opener: { open: async () => undefined } });
}

beforeAll(() => {
  if (!secretServiceOwned()) {
    throw new Error(
      'No Secret Service (org.freedesktop.secrets) on the session bus. Run the integration tests through ' +
        'scripts/with-keyring.sh (npm run test:integration, or npm test), which starts a private GNOME Keyring.',
    );
  }
});

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('keychain: the keytar adapter against the real Secret Service', () => {
  it('round-trips a secret with non-ASCII and punctuation, visible to libsecret itself', async () => {
    const store = new KeytarSecretStore();
    await store.set('router/admin', SECRET);
    await store.set(WIFI, SECRET);
    expect(await store.get('router/admin')).toBe(SECRET);
    expect(await store.get(WIFI)).toBe(SECRET);
    expect(await store.list()).toEqual(expect.arrayContaining(['router/admin', WIFI]));
    expect(secretToolLookup('router/admin')).toBe(SECRET);
    expect(secretToolLookup(WIFI)).toBe(SECRET);

    // The keyring file itself holds the secret encrypted, never in clear.
    const keyrings = join(process.env.XDG_DATA_HOME ?? '', 'keyrings');
    expect(existsSync(keyrings), 'with-keyring.sh keeps the keyring under XDG_DATA_HOME').toBe(true);
    expect(listFiles(keyrings).length).toBeGreaterThan(0);
    expect(findLeaks(keyrings, SECRET)).toEqual([]);

    expect(await store.delete('router/admin')).toBe(true);
    expect(await store.delete(WIFI)).toBe(true);
    expect(await store.get('router/admin')).toBeNull();
    expect(secretToolLookup('router/admin')).toBeNull();
    expect(await store.delete('router/admin')).toBe(false);
  });

  it('overwrites in place: one keychain item per account', async () => {
    const store = new KeytarSecretStore();
    await store.set('device/cam-1', 'first');
    await store.set('device/cam-1', SECRET);
    expect(await store.get('device/cam-1')).toBe(SECRET);
    expect((await store.list()).filter((a) => a === 'device/cam-1')).toHaveLength(1);
    await store.delete('device/cam-1');
  });
});

describe('keychain: through the core and the IPC contract, with a real profile directory', () => {
  let profileDir: string;
  let core: Core;

  beforeAll(() => {
    profileDir = tempDir('porchlight-keychain-profile-');
    core = newCore(profileDir);
  });

  it('core.secrets put / reveal / list / delete round-trip', async () => {
    expect(await core.secrets.put('router/admin', SECRET)).toEqual({ account: 'router/admin', stored: true });
    expect(await core.secrets.reveal('router/admin')).toBe(SECRET);
    expect(await core.secrets.list()).toEqual({ available: true, accounts: expect.arrayContaining(['router/admin']) });
    expect(await core.secrets.delete('router/admin')).toBe(true);
    await expect(core.secrets.reveal('router/admin')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('IPC dispatch (valid sender) set / reveal / list / delete round-trip', async () => {
    // a generated secret cannot be overwritten through the plain channel: refused, and nothing written
    expect(await dispatch(core, 'secrets:set', { account: WIFI, secret: SECRET }, APP, OPTS)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(secretToolLookup(WIFI)).toBeNull();
    expect(await core.secrets.put(WIFI, SECRET)).toEqual({ account: WIFI, stored: true });
    expect(await dispatch(core, 'secrets:reveal', { account: WIFI }, APP, OPTS)).toEqual({ ok: true, value: { account: WIFI, secret: SECRET } });
    expect(await dispatch(core, 'secrets:list', {}, APP, OPTS)).toEqual({ ok: true, value: { available: true, accounts: expect.arrayContaining([WIFI]) } });
    expect(secretToolLookup(WIFI)).toBe(SECRET);
    // A foreign sender reaches nothing.
    const foreign = await dispatch(core, 'secrets:reveal', { account: WIFI }, { origin: 'https://evil.example', isMainFrame: true }, OPTS);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(JSON.stringify(foreign)).not.toContain('Pässwörd');
  });

  it('leaves the secret in no file of the profile (settings, progress, history, logs), in any encoding', async () => {
    // Store it again and make every document get written, as the wizard would after a step.
    expect(await core.secrets.put('router/admin', SECRET)).toMatchObject({ stored: true });
    expect(await dispatch(core, 'settings:update', { theme: 'dark' }, APP, OPTS)).toMatchObject({ ok: true });
    core.checks.recordVerified('router.admin-default', 'pass', null, 'admin password changed and stored in the keychain as router/admin');
    const names = listFiles(profileDir).map((f) => f.slice(profileDir.length + 1));
    expect(names).toEqual(expect.arrayContaining(['settings.json', 'progress.json', 'history.json', join('logs', 'porchlight.log')]));
    const log = readFileSync(join(profileDir, 'logs', 'porchlight.log'), 'utf8');
    expect(log).toContain('secret stored'); // the log did record the operation …
    expect(log).toContain('router/admin');
    expect(findLeaks(profileDir, SECRET)).toEqual([]); // … but never the secret

    // generated secrets are never deleted through the plain channel (refused, kept), only by the core's own paths
    expect(await dispatch(core, 'secrets:delete', { account: 'router/admin' }, APP, OPTS)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(secretToolLookup('router/admin')).toBe(SECRET);
    expect(await core.secrets.delete('router/admin')).toBe(true);
    expect(await core.secrets.delete(WIFI)).toBe(true);
    expect(await dispatch(core, 'secrets:reveal', { account: WIFI }, APP, OPTS)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('keychain: Secret Service unavailable (a separate app process)', () => {
  // libsecret caches its bus connection per process, so each case runs the harness (real core +
  // real keytar adapter behind the IPC contract) as its own process.
  const cases: { name: string; setup: (dir: string, env: NodeJS.ProcessEnv) => string[] }[] = [
    {
      name: 'no reachable D-Bus session at all',
      setup: (dir, env) => {
        env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(dir, 'no-such-bus')}`;
        return [];
      },
    },
    { name: 'a session bus on which no Secret Service runs or can be started', setup: (dir) => busWithoutSecretService(dir) },
  ];
  let h: HarnessChild | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it.each(cases)('$name: stored:false / available:false with an actionable message, and the secret written nowhere', async ({ setup }) => {
    const dir = tempDir('porchlight-nokeychain-');
    const profileDir = join(dir, 'profile');
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    h = await startHarnessChild(profileDir, env, setup(dir, env));

    const set = await h.call('secrets:set', { account: 'account/amazon/recovery-codes', secret: SECRET });
    expect(set).toEqual({
      ok: true,
      value: { account: 'account/amazon/recovery-codes', stored: false, error: { code: 'keychain-unavailable', message: expect.any(String), userMessage: { code: KEYCHAIN_UNAVAILABLE_MESSAGE, params: {} } } },
    });
    expect(englishOf(KEYCHAIN_UNAVAILABLE_MESSAGE)).toMatch(/NOT stored/);
    expect(englishOf(KEYCHAIN_UNAVAILABLE_MESSAGE)).toMatch(/GNOME Keyring|Secret Service/);
    expect(englishOf(KEYCHAIN_UNAVAILABLE_MESSAGE)).toMatch(/then try again/);

    const list = await h.call('secrets:list', {});
    expect(list).toEqual({ ok: true, value: { available: false, accounts: [], error: { code: 'keychain-unavailable', message: expect.any(String), userMessage: { code: KEYCHAIN_UNREADABLE_MESSAGE, params: {} } } } });
    expect(await h.call('secrets:reveal', { account: 'router/admin' })).toEqual({ ok: false, error: { code: 'keychain-unavailable', message: expect.any(String), userMessage: { code: KEYCHAIN_UNREADABLE_MESSAGE, params: {} } } });
    expect(await h.call('settings:update', { theme: 'light' })).toMatchObject({ ok: true });
    expect(h.proc.exitCode).toBeNull(); // still running: an unreachable keychain is not a crash

    await h.stop();
    expect(listFiles(profileDir).length).toBeGreaterThanOrEqual(4);
    expect(findLeaks(profileDir, SECRET)).toEqual([]);
    expect(readFileSync(join(profileDir, 'logs', 'porchlight.log'), 'utf8')).toContain('secret not stored');
    expect(h.output()).not.toContain('Pässwörd');
    // And it did not end up in the (reachable) keyring of this test run either.
    expect(secretToolLookup('router/admin')).toBeNull();
  });
});

describe('keychain: the leak finder itself', () => {
  it('finds a planted secret in each encoding it claims to search, so "no leaks" means something', () => {
    const dir = tempDir('porchlight-leakfinder-');
    const plant = (name: string, data: string | Buffer) => writeFileSync(join(dir, name), data);
    plant('a.json', JSON.stringify({ note: SECRET }));
    plant('b.json', JSON.stringify({ note: SECRET }).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    plant('c.bin', Buffer.from(SECRET, 'utf16le'));
    plant('d.log', `x=${encodeURIComponent(SECRET)}`);
    plant('e.txt', `part: Pässwörd only`);
    plant('clean.json', JSON.stringify({ account: 'router/admin', stored: true }));
    const hits = findLeaks(dir, SECRET);
    for (const f of ['a.json: json-escaped', 'b.json: json-ascii-escaped', 'c.bin: utf-16le', 'd.log: uri-encoded', 'e.txt: fragment Pässwörd']) expect(hits).toContain(f);
    expect(hits.filter((h) => h.startsWith('clean.json'))).toEqual([]);
  });
});

describe('keychain: the Secret Service is really the one with-keyring.sh started', () => {
  it('is private to this run (fresh XDG dirs under the temp directory)', () => {
    const bus = process.env.DBUS_SESSION_BUS_ADDRESS ?? '';
    expect(bus).toMatch(/^unix:/);
    expect(process.env.XDG_DATA_HOME ?? '').toMatch(/porchlight-keyring\./);
    expect(process.env.XDG_RUNTIME_DIR ?? '').toMatch(/porchlight-keyring\./);
    const owner = execFileSync(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetConnectionUnixProcessID', 'string:org.freedesktop.secrets'],
      { encoding: 'utf8' },
    );
    const pid = /uint32 (\d+)/.exec(owner)?.[1];
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('gnome-keyring-daemon');
  });
});
