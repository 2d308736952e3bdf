/**
 * Keeping the previous secret, against the real keychain (createNodeCore: keytar on GNOME Keyring
 * under scripts/with-keyring.sh) through the IPC dispatch: a second Wi-Fi passphrase or router
 * password is refused without the go-ahead; with it, the new and the previous one are both stored
 * and readable (also through libsecret's secret-tool, independently of Porchlight); the previous is
 * removed only after the rescan + the owner's "devices are back" (Wi-Fi) or the owner's discard
 * (router); no value ever reaches a profile file, in any encoding.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeCore } from '../../main/compose.js';
import { dispatch, type SenderInfo } from '../../main/ipc/register.js';
import { findLeaks, secretServiceOwned, secretToolLookup } from './keychain-helpers.js';
import { createFakeNmcli, fakeNmcliEnv, homeState } from '../lab/fake-nmcli/state.js';

const APP: SenderInfo = { origin: 'app://porchlight', isMainFrame: true };
const OPTS = { allowedOrigins: ['app://porchlight'] };
const SSID = 'Keep: Net ☕';
const saved = { ...process.env };
const fake = createFakeNmcli(homeState(SSID, 'wpa2'));
const profileDir = mkdtempSync(join(tmpdir(), 'porchlight-generations-int-'));
const ACCOUNTS = [`wifi/${SSID}`, `wifi/${SSID}/previous`, 'router/admin', 'router/admin/previous'];

function makeCore() {
  const core = createNodeCore({ host: 'harness', profileDir, opener: { open: async () => undefined } });
  const ipc = async <T = Record<string, unknown>>(channel: string, args: unknown = {}) => {
    const r = await dispatch(core, channel, args, APP, OPTS);
    return r as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  };
  return { core, ipc };
}

beforeAll(() => {
  if (!secretServiceOwned()) throw new Error('No Secret Service on the session bus: run through scripts/with-keyring.sh (npm run test:integration).');
  const env = fakeNmcliEnv(fake);
  Object.assign(process.env, { PATH: env.PATH, PORCHLIGHT_FAKE_NMCLI_STATE: env.PORCHLIGHT_FAKE_NMCLI_STATE, PORCHLIGHT_FAKE_NMCLI_LOG: env.PORCHLIGHT_FAKE_NMCLI_LOG });
});
afterAll(async () => {
  const { core } = makeCore();
  for (const a of ACCOUNTS) await core.secrets.delete(a);
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  rmSync(profileDir, { recursive: true, force: true });
});

describe('the previous secret is kept in the real keychain', () => {
  it('Wi-Fi: asks, keeps both readable, removes the previous only after a rescan and the owner’s word', async () => {
    const { core, ipc } = makeCore();
    const first = await ipc<{ passphrase: string; stored: boolean }>('wifi:generate-passphrase', { ssid: SSID, style: 'words', mode: 'wpa3' });
    expect(first).toMatchObject({ ok: true, value: { stored: true, previousKept: false } });
    const p1 = (first as unknown as { value: { passphrase: string } }).value.passphrase;

    // No go-ahead: refused, the saved one untouched.
    expect(await ipc('wifi:generate-passphrase', { ssid: SSID, style: 'words', mode: 'wpa3' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await ipc('wifi:generate-passphrase', { ssid: SSID, style: 'words', mode: 'wpa3', keep: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(secretToolLookup(`wifi/${SSID}`)).toBe(p1);

    const second = await ipc('wifi:generate-passphrase', { ssid: SSID, style: 'characters', mode: 'wpa3', keep: 'current' });
    expect(second).toMatchObject({ ok: true, value: { stored: true, previousKept: true, previousAccount: `wifi/${SSID}/previous` } });
    const p2 = (second as unknown as { value: { passphrase: string } }).value.passphrase;
    expect(p2).not.toBe(p1);

    // Both stored and readable: through Porchlight's reveal and through libsecret directly.
    expect(await ipc('secrets:reveal', { account: `wifi/${SSID}` })).toMatchObject({ ok: true, value: { secret: p2 } });
    expect(await ipc('secrets:reveal', { account: `wifi/${SSID}/previous` })).toMatchObject({ ok: true, value: { secret: p1 } });
    expect(secretToolLookup(`wifi/${SSID}`)).toBe(p2);
    expect(secretToolLookup(`wifi/${SSID}/previous`)).toBe(p1);
    expect(await ipc('wifi:saved-passphrases', { ssid: SSID })).toMatchObject({ ok: true, value: { current: true, previous: true, networkSeenSinceNew: false } });

    // The owner's word before any rescan: refused, the previous kept.
    expect(await ipc('wifi:confirm-in-use', { ssid: SSID, devicesBack: true })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await ipc('wifi:confirm-in-use', { ssid: SSID, devicesBack: false })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(secretToolLookup(`wifi/${SSID}/previous`)).toBe(p1);

    // A rescan (node-wifi → fake nmcli) sees the network; then the owner's word removes the previous.
    fake.write(homeState(SSID, 'wpa3'));
    const started = await ipc<{ id: string }>('wifi:verify-start', { ssid: SSID, target: 'wpa3', timeoutSeconds: 30 });
    const id = (started as unknown as { value: { id: string } }).value.id;
    await vi.waitFor(
      async () => expect(await ipc('wifi:verify-progress', { id })).toMatchObject({ ok: true, value: { running: false, verdict: { status: 'pass' } } }),
      { timeout: 30_000, interval: 250 },
    );
    expect(secretToolLookup(`wifi/${SSID}/previous`)).toBe(p1);
    expect(await ipc('wifi:confirm-in-use', { ssid: SSID, devicesBack: true })).toMatchObject({ ok: true, value: { discarded: true } });
    expect(secretToolLookup(`wifi/${SSID}/previous`)).toBeNull();
    expect(await ipc('secrets:reveal', { account: `wifi/${SSID}/previous` })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(secretToolLookup(`wifi/${SSID}`)).toBe(p2);

    for (const p of [p1, p2]) expect(findLeaks(profileDir, p)).toEqual([]);
    void core;
  });

  it('router: asks, keeps both readable, removes the previous only when the owner discards it', async () => {
    const { ipc } = makeCore();
    const router = { target: { kind: 'router' } };
    const first = await ipc<{ password: string }>('passwords:generate', router);
    expect(first).toMatchObject({ ok: true, value: { stored: true, previousKept: false } });
    const p1 = (first as unknown as { value: { password: string } }).value.password;
    expect(await ipc('passwords:generate', router)).toMatchObject({ ok: false, error: { code: 'refused' } });

    const second = await ipc<{ password: string }>('passwords:generate', { ...router, keep: 'current' });
    expect(second).toMatchObject({ ok: true, value: { stored: true, previousKept: true } });
    const p2 = (second as unknown as { value: { password: string } }).value.password;
    expect(secretToolLookup('router/admin')).toBe(p2);
    expect(secretToolLookup('router/admin/previous')).toBe(p1);

    // A third asks again; the owner keeps the older one (the router still uses it): the unconfirmed one goes.
    expect(await ipc('passwords:generate', router)).toMatchObject({ ok: false, error: { code: 'refused' } });
    const third = await ipc<{ password: string }>('passwords:generate', { ...router, keep: 'previous' });
    expect(third).toMatchObject({ ok: true, value: { stored: true, previousKept: true, discarded: 'unconfirmed' } });
    const p3 = (third as unknown as { value: { password: string } }).value.password;
    expect(secretToolLookup('router/admin')).toBe(p3);
    expect(secretToolLookup('router/admin/previous')).toBe(p1);

    expect(await ipc('passwords:discard-previous', router)).toMatchObject({ ok: true, value: { previousAccount: 'router/admin/previous', discarded: true } });
    expect(secretToolLookup('router/admin/previous')).toBeNull();
    expect(secretToolLookup('router/admin')).toBe(p3);
    for (const p of [p1, p2, p3]) expect(findLeaks(profileDir, p)).toEqual([]);
  });
});
