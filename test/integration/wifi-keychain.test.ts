/**
 * The wifi step through the real core (createNodeCore: real keytar on GNOME Keyring, real profile
 * stores) and the IPC dispatch, with node-wifi calling the fake nmcli found first on PATH:
 * the passphrase lands in the keychain as wifi/<ssid> and nowhere in the profile (in any
 * encoding) nor in any child process's argv; verification passes once the fake reports SAE.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeCore } from '../../main/compose.js';
import { dispatch, type SenderInfo } from '../../main/ipc/register.js';
import { findLeaks, secretServiceOwned } from './keychain-helpers.js';
import { createFakeNmcli, fakeNmcliEnv, homeState } from '../lab/fake-nmcli/state.js';

const APP: SenderInfo = { origin: 'app://porchlight', isMainFrame: true };
const OPTS = { allowedOrigins: ['app://porchlight'] };
const SSID = 'Home:Net\\ ☕';
const saved = { ...process.env };
const fake = createFakeNmcli(homeState(SSID, 'wpa2'));
const profileDir = mkdtempSync(join(tmpdir(), 'porchlight-wifi-int-'));

beforeAll(() => {
  if (!secretServiceOwned()) throw new Error('No Secret Service on the session bus: run through scripts/with-keyring.sh (npm run test:integration).');
  const env = fakeNmcliEnv(fake);
  Object.assign(process.env, { PATH: env.PATH, PORCHLIGHT_FAKE_NMCLI_STATE: env.PORCHLIGHT_FAKE_NMCLI_STATE, PORCHLIGHT_FAKE_NMCLI_LOG: env.PORCHLIGHT_FAKE_NMCLI_LOG });
});
afterAll(async () => {
  await createNodeCore({ host: 'harness', profileDir, opener: { open: async () => undefined } }).secrets.delete(`wifi/${SSID}`);
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  rmSync(profileDir, { recursive: true, force: true });
});

describe('wifi step over IPC with the real keychain and node-wifi → fake nmcli', () => {
  it('generates into the keychain only, then verifies WPA3 by rescanning', async () => {
    const core = createNodeCore({ host: 'harness', profileDir, opener: { open: async () => undefined } });
    const ipc = (channel: string, args: unknown = {}) => dispatch(core, channel, args, APP, OPTS);

    const status = await ipc('wifi:status');
    expect(status).toMatchObject({ ok: true, value: { kind: 'ok', value: { ssid: SSID, security: 'wpa2', active: true } } });

    const gen = await ipc('wifi:generate-passphrase', { ssid: SSID, style: 'characters', mode: 'wpa3' });
    expect(gen.ok).toBe(true);
    const value = (gen as { value: { passphrase: string; stored: boolean; account: string } }).value;
    expect(value).toMatchObject({ stored: true, account: `wifi/${SSID}` });
    expect(await core.secrets.reveal(`wifi/${SSID}`)).toBe(value.passphrase);

    fake.write(homeState(SSID, 'wpa3'));
    const started = await ipc('wifi:verify-start', { ssid: SSID, target: 'wpa3', timeoutSeconds: 30 });
    expect(started.ok).toBe(true);
    const id = (started as { value: { id: string } }).value.id;
    await vi.waitFor(
      async () => {
        const p = await ipc('wifi:verify-progress', { id });
        expect(p).toMatchObject({ ok: true, value: { running: false, verdict: { status: 'pass', security: 'wpa3' } } });
      },
      { timeout: 30_000, interval: 250 },
    );
    expect(core.checks.get('wifi.encryption')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
    expect(core.checks.get('wifi.passphrase')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });

    // Nowhere else: not in any profile file (settings, progress, logs) in any encoding, not in any nmcli argv.
    expect(findLeaks(profileDir, value.passphrase)).toEqual([]);
    const calls = fake.calls();
    expect(calls.length).toBeGreaterThanOrEqual(2);
    for (const c of calls) expect(c.argv.join('\u0000')).not.toContain(value.passphrase);

  });

  it('refuses hostile payloads before they reach the core', async () => {
    const core = createNodeCore({ host: 'harness', profileDir, opener: { open: async () => undefined } });
    const ipc = (channel: string, args: unknown) => dispatch(core, channel, args, APP, OPTS);
    for (const bad of [
      { ssid: 'x'.repeat(33), style: 'words', mode: 'wpa3' },
      { ssid: 'ääääääääääääääääää', style: 'words', mode: 'wpa3' },
      { ssid: 'a\nb', style: 'words', mode: 'wpa3' },
      { ssid: '', style: 'words', mode: 'wpa3' },
      { ssid: 'Home', style: 'emoji', mode: 'wpa3' },
      { ssid: 'Home', style: 'words', mode: 'wpa3', extra: 1 },
    ]) {
      expect(await ipc('wifi:generate-passphrase', bad)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
    expect(await ipc('wifi:verify-start', { ssid: 'Home', target: 'wpa3', timeoutSeconds: 100000 })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await ipc('wifi:verify-progress', { id: '../../etc' })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await ipc('wifi:verify-progress', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await core.secrets.list()).toMatchObject({ available: true });
    expect((await core.secrets.list()).accounts.filter((a) => a.startsWith('wifi/') && a !== `wifi/${SSID}`)).toEqual([]);
  });
});
