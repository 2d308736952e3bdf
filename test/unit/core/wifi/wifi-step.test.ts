import { describe, expect, it, vi } from 'vitest';
import { apOf, makeStep, ok, ScriptedScanner } from './fakes.js';
import { loadLegacyDevices, loadWifiRouterGuides, REQUIRED_FAMILIES, WifiRouterGuidesSchema, guessRouterFamily } from '../../../../main/core/wifi/guides.js';
import { RESOURCES } from './fakes.js';
import { words } from '../../../support/words.js';

async function finished(step: ReturnType<typeof makeStep>['step'], id: string) {
  await vi.waitFor(() => expect(step.verifyJob(id).running).toBe(false));
  return step.verifyJob(id);
}

describe('verification by rescan', () => {
  it('WPA2 → WPA3 after a few scans: pass, verified, with progress on the way', async () => {
    const scanner = new ScriptedScanner([ok(apOf('HomeNet', 'wpa2')), ok(apOf('HomeNet', 'wpa2')), ok(apOf('HomeNet', 'wpa3'), apOf('HomeNet', 'wpa3', '3C:A6:2F:11:22:34', false))]);
    const { step, checks } = makeStep(scanner);
    const job = step.startVerify({ ssid: 'HomeNet', target: 'wpa3', timeoutSeconds: 60 });
    const done = await finished(step, job.id);
    expect(scanner.calls).toBe(3);
    expect(done.progress).toMatchObject({ attempt: 3, elapsedMs: 2000 });
    expect(done.verdict).toMatchObject({ status: 'pass', security: 'wpa3' });
    const check = checks.get('wifi.encryption');
    expect(check).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
    expect(words(check.detail)).toContain('rsn-flags=pair_ccmp group_ccmp sae');
  });

  it('stays on WPA2 until the timeout: a warning (the catalog\'s status for WPA2, the same as the verifier\'s), with what was seen', async () => {
    const scanner = new ScriptedScanner([ok(apOf('HomeNet', 'wpa2'))]);
    const { step, checks } = makeStep(scanner);
    const done = await finished(step, step.startVerify({ ssid: 'HomeNet', target: 'wpa3', timeoutSeconds: 10 }).id);
    expect(done.verdict!.status).toBe('warn');
    expect(done.verdict!.reason).toEqual({ code: 'wifi.verify.still-weak', params: { ssid: 'HomeNet', seconds: 10, security: 'wpa2' } });
    expect(words(done.verdict!.reason)).toBe('After 10 s "HomeNet" still shows WPA2-Personal, not WPA3 (SAE).');
    expect(done.verdict!.detail).toMatchObject({ code: 'wifi.verify.seen', params: { count: 1 } });
    expect(words(done.verdict!.detail)).toContain('rsn-flags=pair_ccmp group_ccmp psk');
    expect(words(done.verdict!.detail)).toBe('"HomeNet" shows WPA2-Personal on 1 access point — ' + done.verdict!.detail!.params.list);
    expect(scanner.calls).toBe(11);
    expect(checks.get('wifi.encryption')).toMatchObject({ status: 'warn', evidence: { kind: 'verified' } });
  });

  it('transition mode → warn with the reason (and the devices that need WPA2)', async () => {
    const { step, checks } = makeStep(new ScriptedScanner([ok(apOf('HomeNet', 'wpa2-wpa3'))]));
    const done = await finished(step, step.startVerify({ ssid: 'HomeNet', target: 'transition', timeoutSeconds: 30, legacyDevices: ['Echo (1st generation)'] }).id);
    expect(done.verdict!.status).toBe('warn');
    expect(done.verdict!.reason).toEqual({ code: 'wifi.verify.transition-kept', params: { ssid: 'HomeNet', devices: 'Echo (1st generation)' } });
    expect(words(done.verdict!.reason)).toMatch(/transition mode.*You kept WPA2 for: Echo \(1st generation\)\./);
    expect(checks.get('wifi.encryption').status).toBe('warn');
  });

  it('one band on WPA2 and one on WPA3 is transition, not a pass', async () => {
    const { step } = makeStep(new ScriptedScanner([ok(apOf('HomeNet', 'wpa3'), apOf('HomeNet', 'wpa2', '3C:A6:2F:11:22:34', false))]));
    const done = await finished(step, step.startVerify({ ssid: 'HomeNet', target: 'wpa3', timeoutSeconds: 5 }).id);
    expect(done.verdict).toMatchObject({ status: 'warn', security: 'wpa2-wpa3' });
  });

  it('TKIP still offered → fail', async () => {
    const { step } = makeStep(new ScriptedScanner([ok(apOf('HomeNet', 'wpa'))]));
    const done = await finished(step, step.startVerify({ ssid: 'HomeNet', target: 'wpa3', timeoutSeconds: 3 }).id);
    expect(done.verdict).toMatchObject({ status: 'fail', security: 'wpa' });
  });

  it('SSID not in range, or scans unreadable → unknown with the reason, never pass', async () => {
    const a = makeStep(new ScriptedScanner([ok(apOf('Other', 'wpa3'))]));
    const d1 = await finished(a.step, a.step.startVerify({ ssid: 'HomeNet', target: 'wpa3', timeoutSeconds: 3 }).id);
    expect(d1.verdict).toMatchObject({ status: 'unknown' });
    expect(d1.verdict!.reason).toMatchObject({ code: 'wifi.verify.not-seen', params: { ssid: 'HomeNet', count: 4 } });
    expect(words(d1.verdict!.reason)).toMatch(/^"HomeNet" was not seen in 4 scans over 3 s\./);
    const b = makeStep(new ScriptedScanner([{ kind: 'unknown', reason: { code: 'wifi.reading.network-manager-stopped', params: {} } }]));
    const d2 = await finished(b.step, b.step.startVerify({ ssid: 'HomeNet', target: 'wpa3', timeoutSeconds: 3 }).id);
    // The reading's reason travels as a message inside the verdict, put into words with it.
    expect(words(d2.verdict!.reason)).toBe('The Wi-Fi scan could not be read: NetworkManager is not running, so the Wi-Fi networks cannot be listed.');
    expect(b.checks.get('wifi.encryption')).toMatchObject({ status: 'unknown', reason: { code: 'wifi.verify.scan-unreadable', params: { error: { code: 'wifi.reading.network-manager-stopped', params: {} } } } });
  });

  it('without a scanner every reading is unknown with the reason', async () => {
    const { step } = makeStep(undefined);
    expect(await step.scan()).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.no-scanner', params: {} } });
    expect(await step.status()).toEqual({ kind: 'unknown', reason: { code: 'wifi.reading.no-scanner', params: {} } });
  });
});

describe('passphrase generation', () => {
  it('stores it as wifi/<ssid>, records wifi.passphrase verified, returns it once with a QR, and writes it nowhere else', async () => {
    const { step, secretsStore, progress, log, checks } = makeStep(new ScriptedScanner([ok()]));
    const g = await step.generatePassphrase({ ssid: 'Home;Net', style: 'words', mode: 'wpa3' });
    expect(g.stored).toBe(true);
    expect(g.account).toBe('wifi/Home;Net');
    expect(secretsStore.map.get('wifi/Home;Net')).toBe(g.passphrase);
    expect(g.passphrase.split('-').length).toBeGreaterThanOrEqual(6);
    expect(g.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(checks.get('wifi.passphrase')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
    expect(progress.raw()).not.toContain(g.passphrase);
    expect(log.lines.join('\n')).not.toContain(g.passphrase);
    for (const w of g.passphrase.split('-')) expect(log.lines.join('\n') + progress.raw()).not.toContain(`-${w}-`);
  });

  it('characters style: ≥ 20 unambiguous characters', async () => {
    const { step } = makeStep(undefined);
    const g = await step.generatePassphrase({ ssid: 'HomeNet', style: 'characters', mode: 'transition' });
    expect(g.passphrase).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20,}$/);
  });

  it('a locked keychain → not stored, wifi.passphrase warns, nothing else keeps it', async () => {
    const { step, secretsStore, progress, checks } = makeStep(undefined);
    secretsStore.failing = true;
    const g = await step.generatePassphrase({ ssid: 'HomeNet', style: 'words', mode: 'wpa3' });
    expect(g.stored).toBe(false);
    expect(g.storeError).not.toBeNull();
    expect(checks.get('wifi.passphrase').status).toBe('warn');
    expect(progress.raw()).not.toContain(g.passphrase);
  });
});

describe('a second passphrase keeps the first until it is confirmed in use', () => {
  it('asks first, keeps the first as wifi/<ssid>/previous, and removes it only after a rescan saw the network and the owner says the devices are back', async () => {
    const scanner = new ScriptedScanner([ok(apOf('HomeNet', 'wpa3'))]);
    const { step, secretsStore, progress, log } = makeStep(scanner);
    const first = await step.generatePassphrase({ ssid: 'HomeNet', style: 'words', mode: 'wpa3' });
    expect(first).toMatchObject({ previousKept: false, discarded: 'none', previousAccount: 'wifi/HomeNet/previous' });
    await expect(step.generatePassphrase({ ssid: 'HomeNet', style: 'words', mode: 'wpa3' })).rejects.toMatchObject({ code: 'refused' });
    expect(secretsStore.map.get('wifi/HomeNet')).toBe(first.passphrase);

    const second = await step.generatePassphrase({ ssid: 'HomeNet', style: 'words', mode: 'wpa3', keep: 'current' });
    expect(second).toMatchObject({ stored: true, previousKept: true, discarded: 'none' });
    expect(await step.revealPassphrase('HomeNet', 'previous')).toEqual({ account: 'wifi/HomeNet/previous', secret: first.passphrase });
    expect(await step.revealPassphrase('HomeNet', 'current')).toEqual({ account: 'wifi/HomeNet', secret: second.passphrase });
    expect(await step.savedPassphrases('HomeNet')).toMatchObject({ current: true, previous: true, networkSeenSinceNew: false });

    // The owner's word alone is not enough: no rescan has seen the network since the new passphrase.
    expect(() => step.confirmPassphraseInUse('HomeNet', true)).toThrow(/check the router first/);
    expect(() => step.confirmPassphraseInUse('HomeNet', false)).toThrow(/devices are back/);
    const done = step.startVerify({ ssid: 'HomeNet', target: 'wpa3', timeoutSeconds: 5 });
    await vi.waitFor(() => expect(step.verifyJob(done.id).running).toBe(false));
    expect(await step.savedPassphrases('HomeNet')).toMatchObject({ networkSeenSinceNew: true });
    expect(() => step.confirmPassphraseInUse('HomeNet', false)).toThrow(/devices are back/);
    expect(secretsStore.map.has('wifi/HomeNet/previous')).toBe(true);
    expect(await step.confirmPassphraseInUse('HomeNet', true)).toEqual({ previousAccount: 'wifi/HomeNet/previous', discarded: true });
    expect([...secretsStore.map.keys()]).toEqual(['wifi/HomeNet']);
    for (const p of [first.passphrase, second.passphrase]) expect(log.lines.join('\n') + progress.raw()).not.toContain(p);
  });

  it('a rescan from before the newest passphrase does not count, nor one that did not see the network', async () => {
    const scanner = new ScriptedScanner([ok(apOf('Other', 'wpa3'))]);
    const { step } = makeStep(scanner);
    await step.generatePassphrase({ ssid: 'HomeNet', style: 'words', mode: 'wpa3' });
    const unseen = step.startVerify({ ssid: 'HomeNet', target: 'wpa3', timeoutSeconds: 2 });
    await vi.waitFor(() => expect(step.verifyJob(unseen.id).running).toBe(false));
    expect(step.verifyJob(unseen.id).verdict!.security).toBeNull();
    scanner.readings = [ok(apOf('HomeNet', 'wpa3'))];
    const seen = step.startVerify({ ssid: 'HomeNet', target: 'wpa3', timeoutSeconds: 2 });
    await vi.waitFor(() => expect(step.verifyJob(seen.id).running).toBe(false));
    await step.generatePassphrase({ ssid: 'HomeNet', style: 'words', mode: 'wpa3', keep: 'current' });
    expect(() => step.confirmPassphraseInUse('HomeNet', true)).toThrow(/check the router first/);
  });

  it('the owner may discard the previous passphrase without any rescan; a third asks again', async () => {
    const { step, secretsStore } = makeStep(undefined);
    await step.generatePassphrase({ ssid: 'HomeNet', style: 'words', mode: 'wpa3' });
    await step.generatePassphrase({ ssid: 'HomeNet', style: 'words', mode: 'wpa3', keep: 'current' });
    await expect(step.generatePassphrase({ ssid: 'HomeNet', style: 'words', mode: 'wpa3' })).rejects.toThrow(/only one earlier one is kept/);
    expect(await step.discardPreviousPassphrase('HomeNet')).toEqual({ previousAccount: 'wifi/HomeNet/previous', discarded: true });
    expect([...secretsStore.map.keys()]).toEqual(['wifi/HomeNet']);
  });
});

describe('router guides and WPA3-incompatible devices (resources, schema-checked)', () => {
  it('has every required family with admin addresses and both kinds of steps', () => {
    const g = loadWifiRouterGuides(RESOURCES);
    for (const id of REQUIRED_FAMILIES) {
      const f = g.families.find((x) => x.id === id)!;
      expect(f.adminAddresses.length).toBeGreaterThan(0);
      expect(f.wpa3Only.length).toBeGreaterThanOrEqual(3);
      expect(f.transition.length).toBeGreaterThanOrEqual(2);
    }
  });
  it('rejects a file missing a family', () => {
    const g = loadWifiRouterGuides(RESOURCES);
    expect(WifiRouterGuidesSchema.safeParse({ ...g, families: g.families.filter((f) => f.id !== 'eero') }).success).toBe(false);
  });
  it('guesses the family from vendor or SSID, generic otherwise', () => {
    const g = loadWifiRouterGuides(RESOURCES);
    expect(guessRouterFamily(g, { ssid: 'FRITZ!Box 7590 XY' }).id).toBe('avm-fritzbox');
    expect(guessRouterFamily(g, { vendor: 'NETGEAR' }).id).toBe('netgear');
    expect(guessRouterFamily(g, { ssid: 'HomeNet' }).id).toBe('generic');
  });
  it('lists older Echo models among the devices that cannot join WPA3-only', () => {
    const d = loadLegacyDevices(RESOURCES);
    expect(d.devices.some((x) => x.vendor === 'Amazon' && /Echo/.test(x.model) && x.wpa3 === 'no')).toBe(true);
  });
});

describe('rating a passphrase the user already has', () => {
  it('accepts a strong one and refuses common, short or name-based ones, recording nothing', async () => {
    const { step, progress, log, checks } = makeStep(undefined);
    expect(await step.rateExisting('tundra-bagpipe-velvet-osmosis-42')).toMatchObject({ acceptable: true, common: false });
    expect(await step.rateExisting('iloveyou')).toMatchObject({ acceptable: false, common: true });
    expect((await step.rateExisting('HomeNet2024', 'HomeNet')).acceptable).toBe(false);
    expect(progress.raw()).not.toContain('tundra');
    expect(log.lines.join('\n')).not.toContain('tundra');
    expect(checks.get('wifi.passphrase').evidence.kind).toBe('none');
  });
});
