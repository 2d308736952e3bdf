/**
 * A LOCKED keychain, for real: the app (harness child: real core, real keytar adapter) runs inside
 * its own private GNOME Keyring (a nested scripts/with-keyring.sh, so locking it cannot disturb the
 * other tests' keyring), stores a secret, then the test locks the keyring over D-Bus
 * (org.freedesktop.Secret.Service.Lock). No unlock prompt can appear: the child has no display,
 * so gnome-keyring's prompter fails and the unlock is dismissed, as when a user cancels it.
 *
 * Before the adapter learned to ask the Secret Service about locked items, `secrets:list` here
 * killed the whole process (keytar's findCredentials segfaults on locked items) and
 * `secrets:reveal` said "nothing stored". This test keeps both from coming back.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYCHAIN_LOCKED_MESSAGE } from '../../main/adapters/keytar-secret-store.js';
import { createMessageFormatter, type MessageCatalog } from '../../main/core/messages/index.js';
import en from '../../renderer/i18n/en/messages.json' with { type: 'json' };

/** The English words of an error code with no params (the catalog the app reads). */
const englishOf = (code: string) => createMessageFormatter({ en: en as MessageCatalog }).format({ code, params: {} });
import { findLeaks, OWN_KEYRING, SECRET, startHarnessChild, type HarnessChild } from './keychain-helpers.js';

const LOGIN = '/org/freedesktop/secrets/collection/login';
let h: HarnessChild | null = null;
const dir = mkdtempSync(join(tmpdir(), 'porchlight-locked-'));

afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function onChildBus(bus: string, args: string[]): string {
  return execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.secrets', ...args], {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus },
    encoding: 'utf8',
    timeout: 10_000,
  });
}

const RC = 'account/amazon/recovery-codes';

describe('keychain: locked', () => {
  it('reports the locked keychain (not "nothing stored"), marks new secrets not stored, and never crashes', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DISPLAY; // no unlock prompt can be shown, as on a headless machine
    delete env.WAYLAND_DISPLAY;
    const profileDir = join(dir, 'profile');
    h = await startHarnessChild(profileDir, env, OWN_KEYRING);
    expect(h.bus, h.output()).toMatch(/^unix:/);
    expect(h.bus).not.toBe(process.env.DBUS_SESSION_BUS_ADDRESS); // its own keyring, not this run's

    expect(await h.call('secrets:set', { account: RC, secret: SECRET })).toEqual({ ok: true, value: { account: RC, stored: true } });
    expect(await h.call('secrets:list', {})).toEqual({ ok: true, value: { available: true, accounts: [RC] } });

    onChildBus(h.bus!, ['/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', `array:objpath:${LOGIN}`]);
    const locked = onChildBus(h.bus!, [LOGIN, 'org.freedesktop.DBus.Properties.Get', 'string:org.freedesktop.Secret.Collection', 'string:Locked']);
    expect(locked).toContain('boolean true');

    const list = await h.call('secrets:list', {});
    expect(list).toEqual({ ok: true, value: { available: false, accounts: [], error: { code: 'keychain-unavailable', message: expect.any(String), userMessage: { code: KEYCHAIN_LOCKED_MESSAGE, params: {} } } } });
    expect(h.proc.exitCode, h.output()).toBeNull();
    expect(h.proc.signalCode, h.output()).toBeNull();

    expect(await h.call('secrets:reveal', { account: RC })).toEqual({ ok: false, error: { code: 'keychain-unavailable', message: expect.any(String), userMessage: { code: KEYCHAIN_LOCKED_MESSAGE, params: {} } } });
    expect(await h.call('secrets:set', { account: 'account/google/recovery-codes', secret: SECRET })).toEqual({
      ok: true,
      value: { account: 'account/google/recovery-codes', stored: false, error: { code: 'keychain-unavailable', message: expect.any(String), userMessage: { code: KEYCHAIN_LOCKED_MESSAGE, params: {} } } },
    });
    expect(await h.call('secrets:delete', { account: RC })).toEqual({ ok: false, error: { code: 'keychain-unavailable', message: expect.any(String), userMessage: { code: KEYCHAIN_LOCKED_MESSAGE, params: {} } } });
    expect(englishOf(KEYCHAIN_LOCKED_MESSAGE)).toMatch(/locked/);
    expect(englishOf(KEYCHAIN_LOCKED_MESSAGE)).toMatch(/Unlock it/);

    // Still alive and still answering after every locked call.
    expect(await h.call('settings:get', {})).toMatchObject({ ok: true });
    expect(h.proc.exitCode).toBeNull();

    await h.stop();
    expect(findLeaks(profileDir, SECRET)).toEqual([]);
    expect(h.output()).not.toContain('Pässwörd');
  });
});
