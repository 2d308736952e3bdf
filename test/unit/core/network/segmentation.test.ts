import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SegmentationService, suggestIotSsid } from '../../../../main/core/network/segmentation.js';
import { createSurveyFeature } from '../../../../main/core/network/survey-feature.js';
import type { NeighborEntry, WifiReading } from '../../../../main/core/ports.js';
import type { Message } from '../../../../main/core/messages/index.js';
import type { WifiNetworkView } from '../../../../main/core/wifi/scan-service.js';
import { fakeCore } from '../../../support/fakes.js';
import { iotSegmentVerifier } from '../../../../main/core/checks/verifiers/index.js';
import { recordInventoryReview } from '../../../../main/core/network/inventory-review.js';
import { words } from '../../../support/words.js';
import { joinCodeQrDataUrl, joinCodeText } from '../../../../main/core/wifi/join-code.js';

const RESOURCES = join(__dirname, '../../../../resources');
const view = (ssid: string, security: WifiNetworkView['security']): WifiNetworkView => ({ ssid, bssid: '00:11:22:33:44:55', security, signal: 60, channel: 1, frequency: 2412, active: false, seen: 'test' });

function setup(scan: WifiReading<WifiNetworkView[]>) {
  const f = fakeCore();
  const table: { rows: NeighborEntry[] } = {
    rows: [
      { ip: '127.0.0.42', mac: 'f4:f5:d8:3b:10:42', interface: 'lo', state: 'REACHABLE' },
      { ip: '127.0.0.43', mac: '00:17:88:6d:2f:43', interface: 'lo', state: 'REACHABLE' },
    ],
  };
  const survey = createSurveyFeature(
    {
      neighbors: { read: async () => table.rows },
      discovery: { ssdpSearch: async () => [], mdnsBrowse: async () => [] },
      http: { request: async () => ({ status: 404, headers: {}, body: '', truncated: false }), connects: async () => false },
      oui: { organisation: () => null },
      gateway: { defaultRoute: async () => null },
      interfaces: { list: () => [] },
      fixedScope: () => ({ interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8, seconds: 2 }),
    },
    { model: f.core.model, clock: f.clock, log: f.log, resourcesDir: RESOURCES },
  )!;
  const seg = new SegmentationService({
    survey,
    wifiScan: async () => scan,
    wifiStatus: async () => ({ kind: 'ok', value: view('HomeNet', 'wpa3'), notes: [] }),
    secrets: f.core.secrets,
    checks: f.core.checks,
    log: f.log,
    resourcesDir: RESOURCES,
    verifiers: { 'network.iot-segment': iotSegmentVerifier({ wifi: { scan: async () => scan }, model: f.core.model }) },
    model: f.core.model,
  });
  return { f, survey, seg, table };
}

describe('IoT SSID suggestion', () => {
  it('derives from the home SSID within 32 bytes', () => {
    expect(suggestIotSsid('HomeNet')).toBe('HomeNet-IoT');
    expect(suggestIotSsid(null)).toBe('Home-IoT');
    expect(suggestIotSsid('x'.repeat(40))).toHaveLength(32);
    expect(suggestIotSsid('Casa IoT')).toBe('Casa IoT-2');
  });
});

describe('network.iot-segment', () => {
  it('passes for WPA2 or better, fails when missing or weak, unknown when the scan is unreadable', async () => {
    const ok = setup({ kind: 'ok', value: [view('HomeNet-IoT', 'wpa2')], notes: [] });
    expect((await ok.seg.verifySegment('HomeNet-IoT')).status).toBe('pass');
    expect(ok.f.core.checks.get('network.iot-segment')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
    expect((await ok.seg.verifySegment('Other')).status).toBe('fail');
    const weak = setup({ kind: 'ok', value: [view('IoT', 'wpa2'), view('IoT', 'wep')], notes: [] });
    expect(await weak.seg.verifySegment('IoT')).toMatchObject({ status: 'fail' });
    const open = setup({ kind: 'ok', value: [view('IoT', 'open')], notes: [] });
    const openVerdict = await open.seg.verifySegment('IoT');
    expect(openVerdict.reason).toMatchObject({ code: 'segment.weak', params: { ssid: 'IoT', security: 'open' } });
    expect(words(openVerdict.reason)).toMatch(/"IoT" uses Open .*; the IoT network needs WPA2 or better/);
    const broken = setup({ kind: 'unknown', reason: { code: 'wifi.reading.network-manager-stopped', params: {} } });
    const unread = await broken.seg.verifySegment('IoT');
    expect(unread).toMatchObject({ status: 'unknown', reason: { code: 'segment.scan-unreadable' } });
    expect(words(unread.reason)).toBe('the Wi-Fi scan could not be read: NetworkManager is not running, so the Wi-Fi networks cannot be listed.');
  });
});

describe('network.iot-isolated', () => {
  it('unknown with nothing marked; fail naming devices still seen; pass once they are gone', async () => {
    const { seg, survey, table, f } = setup({ kind: 'ok', value: [], notes: [] });
    expect((await seg.verifyIsolation()).status).toBe('unknown');
    await survey.service.run(await survey.scope());
    survey.service.editDevice('f4:f5:d8:3b:10:42', { moveToIot: true, name: 'TV stick' });
    survey.service.editDevice('00:17:88:6d:2f:43', { moveToIot: true, name: 'Hue' });
    table.rows = [table.rows[1]!];
    const fail = await seg.verifyIsolation();
    expect(fail).toMatchObject({ status: 'fail', moved: 2, stillSeen: [{ name: 'Hue', ip: '127.0.0.43', seenBy: ['neighbors'] }] });
    expect(fail.reason).toEqual({ code: 'isolation.still-seen', params: { count: 1, names: 'Hue' } });
    expect(words(fail.reason)).toBe('still seen from the main network: Hue');
    expect(words(fail.detail)).toBe('seen by: Hue (127.0.0.43): neighbors');
    expect(f.core.checks.get('network.iot-isolated').status).toBe('fail');
    table.rows = [];
    const pass = await seg.verifyIsolation();
    expect(pass.status).toBe('pass');
    expect(words(pass.reason)).toBe('none of the 2 devices marked to move answered from the main network');
    expect(f.core.checks.get('network.iot-isolated').status).toBe('pass');
  });
});

describe('plan and passphrase', () => {
  it('suggests a name, picks the generic family without a router, stores the passphrase only in the keychain', async () => {
    const { seg, f } = setup({ kind: 'ok', value: [], notes: [] });
    const plan = await seg.plan();
    expect(plan.suggestedSsid).toBe('HomeNet-IoT');
    expect(plan.family.id).toBe('generic');
    expect(plan.crossNetworkWarning.length).toBeGreaterThan(0);
    const g = await seg.generatePassphrase('HomeNet-IoT', 'words');
    expect(g).toMatchObject({ account: 'wifi/HomeNet-IoT', stored: true });
    expect(await f.secrets.get('wifi/HomeNet-IoT')).toBe(g.passphrase);
    expect(JSON.stringify(f.history.read())).not.toContain(g.passphrase);
    expect(JSON.stringify(f.progress.read())).not.toContain(g.passphrase);
    await expect(seg.generatePassphrase('', 'words')).rejects.toThrow(/1 to 32/);
    expect(() => seg.family('nope')).toThrow(/no instructions/);
  });

  it('a name holding a lone surrogate changes nothing (issue 13): no secret stored, the name shown escaped', async () => {
    const { seg, f } = setup({ kind: 'ok', value: [], notes: [] });
    await expect(seg.generatePassphrase('IoT\uD800', 'words')).rejects.toMatchObject({ code: 'invalid-arguments', message: expect.stringContaining('IoT\\uD800') });
    expect(await f.secrets.list()).toEqual([]);
  });
});

describe('a second IoT passphrase keeps the first', () => {
  it('asks first, keeps the previous, and removes it only after the IoT network was seen secured and the owner says the devices are back', async () => {
    const scan: { kind: 'ok'; value: WifiNetworkView[]; notes: Message[] } = { kind: 'ok', value: [], notes: [] };
    const { seg, f } = setup(scan);
    const first = await seg.generatePassphrase('Home-IoT', 'words');
    await expect(seg.generatePassphrase('Home-IoT', 'words')).rejects.toMatchObject({ code: 'refused' });
    const second = await seg.generatePassphrase('Home-IoT', 'words', 'current');
    expect(second).toMatchObject({ stored: true, previousKept: true, previousAccount: 'wifi/Home-IoT/previous' });
    expect(await f.secrets.get('wifi/Home-IoT/previous')).toBe(first.passphrase);
    expect(await seg.revealPassphrase('Home-IoT', 'previous')).toMatchObject({ secret: first.passphrase });

    expect(() => seg.confirmPassphraseInUse('Home-IoT', true)).toThrow(/check the network first/);
    await seg.verifySegment('Home-IoT'); // not visible yet: fail, does not count
    expect(() => seg.confirmPassphraseInUse('Home-IoT', true)).toThrow(/check the network first/);
    scan.value.push(view('Home-IoT', 'wpa2'));
    expect((await seg.verifySegment('Home-IoT')).status).toBe('pass');
    expect(await seg.savedPassphrases('Home-IoT')).toMatchObject({ current: true, previous: true, networkSeenSinceNew: true });
    expect(await seg.confirmPassphraseInUse('Home-IoT', true)).toMatchObject({ discarded: true });
    expect(await f.secrets.get('wifi/Home-IoT/previous')).toBeNull();
    expect(await f.secrets.get('wifi/Home-IoT')).toBe(second.passphrase);
    expect(JSON.stringify(f.progress.read())).not.toContain(first.passphrase);
  });
});

describe('devices.inventory', () => {
  it('unknown with an empty inventory, a dated verified pass once reviewed', async () => {
    const { survey, f, table } = setup({ kind: 'ok', value: [], notes: [] });
    table.rows = [];
    expect(recordInventoryReview(f.core.checks, survey.service)).toMatchObject({ status: 'unknown', reason: { code: 'inventory.review.nothing' } });
    table.rows = [{ ip: '127.0.0.42', mac: 'f4:f5:d8:3b:10:42', interface: 'lo', state: 'REACHABLE' }];
    await survey.service.run(await survey.scope());
    const v = recordInventoryReview(f.core.checks, survey.service);
    expect(v).toMatchObject({ status: 'pass', evidence: { kind: 'verified', at: f.clock.now().toISOString() } });
    expect(words(v.reason)).toMatch(/1 device/);
    // a message code with params leaves the core, never an English sentence
    expect(v.reason).toEqual({ code: 'inventory.review.done', params: { count: 1 } });
    expect(v.detail).toMatchObject({ code: 'inventory.review.latest-survey', params: { count: 1 } });
  });
});

describe('the saved IoT passphrase with its join code', () => {
  it('shows the saved passphrase and the QR code for it (WPA2/WPA3 transition); none saved is "not found", never an empty code', async () => {
    const { seg, f } = setup({ kind: 'ok', value: [], notes: [] });
    await expect(seg.joinCode('Home-IoT')).rejects.toMatchObject({ code: 'not-found' });
    // A passphrase Porchlight saved earlier (here or when it changed the router), not one made just now.
    await f.secrets.set('wifi/Home-IoT', 'lamp;river:"cold" tiger');
    const j = await seg.joinCode('Home-IoT');
    expect(j).toEqual({
      account: 'wifi/Home-IoT',
      passphrase: 'lamp;river:"cold" tiger',
      qrDataUrl: await joinCodeQrDataUrl(joinCodeText('Home-IoT', 'lamp;river:"cold" tiger', { mode: 'transition' })),
    });
    expect(j.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(j.qrDataUrl.split(',')[1]!, 'base64').toString('utf8')).toContain('<svg');
    // A different passphrase gives a different code: the code is the saved one's.
    expect(j.qrDataUrl).not.toBe(await joinCodeQrDataUrl(joinCodeText('Home-IoT', 'another one', { mode: 'transition' })));
    await expect(seg.joinCode('IoT\uD800')).rejects.toMatchObject({ code: 'invalid-arguments' });
  });
});
