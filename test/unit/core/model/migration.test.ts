/**
 * A real 0.1.0 profile (test/fixtures/profiles/0.1.0, written by Porchlight 0.1.0 itself) loads
 * into the home model with nothing lost: every device and the owner's edits, every confirmation
 * and audit, the settings, and the mid-wizard progress snapshot, which still restores.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeCore } from '../../../../main/compose.js';
import { foundationHandlers } from '../../../../main/ipc/handlers/foundation.js';
import { answersFromLegacySnapshot, consentFromLegacySnapshot, EMPTY_HOME_MODEL, HomeModelSchema } from '../../../../main/core/model/index.js';
import { msg, toMessage } from '../../../../main/core/messages/index.js';
import { MACHINE_VERSION, createWizardMachine } from '../../../../renderer/wizard/machine';
import { isRestorable } from '../../../../renderer/wizard/persistence';
import { MemorySecretStore, tempDir } from '../../../support/fakes.js';

const wizardMachine = createWizardMachine();

const FIXTURES = join(__dirname, '../../../fixtures/profiles/0.1.0');
const json = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));

function open(profile: 'mid-wizard' | 'audited') {
  const dir = tempDir(`porchlight-migrate-${profile}-`);
  cpSync(join(FIXTURES, profile), dir, { recursive: true });
  const before = { history: json(dir, 'history'), progress: json(dir, 'progress'), settings: json(dir, 'settings') };
  const core = createNodeCore({ host: 'cli', profileDir: dir, opener: { open: async () => {} }, secrets: new MemorySecretStore() });
  return { dir, core, before };
}

describe.each(['mid-wizard', 'audited'] as const)('a 0.1.0 profile (%s) in the home model', (profile) => {
  it('keeps every device with the owner’s edits, the router, and nothing twice', () => {
    const { dir, core, before } = open(profile);
    const devices = core.model.read().devices;
    expect(Object.keys(devices).sort()).toEqual(Object.keys(before.history.devices).sort());
    for (const [id, old] of Object.entries(before.history.devices as Record<string, Record<string, unknown>>)) {
      expect(devices[id]).toMatchObject({ id, ip: old.ip, mac: old.mac, vendor: old.vendor, category: old.category, names: old.names, userName: old.userName, moveToIot: old.moveToIot, removed: old.removed, firstSeen: old.firstSeen, lastSeen: old.lastSeen });
    }
    expect(devices['f4:f5:d8:3b:10:42']).toMatchObject({ userName: 'Living room stick', moveToIot: true });
    expect(devices['00:17:88:6d:2f:43']!.moveToIot).toBe(true);
    expect(devices['1c:69:7a:0b:ad:49']!.removed).toBe(true);
    // the removed device stays out of what the steps and the audit list
    expect(core.model.present().map((d) => d.id)).not.toContain('1c:69:7a:0b:ad:49');
    // written as its own document, valid, and the history keeps no second copy
    expect(HomeModelSchema.parse(json(dir, 'home')).migratedFrom).toBe('0.1.0');
    expect(json(dir, 'history').devices).toEqual({});
    // a second start does not migrate again or lose anything
    const again = createNodeCore({ host: 'cli', profileDir: dir, opener: { open: async () => {} }, secrets: new MemorySecretStore() });
    expect(again.model.read().devices).toEqual(devices);
  });

  it('keeps every audit, confirmation and setting, and the progress snapshot still restores', () => {
    const { dir, core, before } = open(profile);
    // Nothing lost: every field an old audit or setting had is kept as it was (newer fields come with their defaults).
    expect(core.audit.list()).toMatchObject(before.history.audits);
    expect(core.audit.list()).toHaveLength(before.history.audits.length);
    // the owner's dated confirmations now live in the home model, every one with its dates and earlier answers; the history keeps no copy
    expect(core.model.read().confirmations).toEqual(before.history.confirmations);
    expect(HomeModelSchema.parse(json(dir, 'home')).confirmations).toEqual(before.history.confirmations);
    expect(core.deps.history.read().confirmations).toEqual({});
    expect(core.accountSteps.confirmations.list().records.map((r) => r.checkId).sort()).toEqual(Object.keys(before.history.confirmations).sort());
    expect(core.deps.settings.read()).toMatchObject(before.settings);
    expect(core.deps.progress.read().checks).toEqual(before.progress.checks);
    const loaded = foundationHandlers['progress:load'](core, {} as never) as { machineVersion: number | null; snapshot: unknown };
    expect(loaded.snapshot).toEqual(before.progress.snapshot);
    expect(loaded.machineVersion).toBe(MACHINE_VERSION);
    expect(isRestorable(wizardMachine, loaded.snapshot)).toBe(true);
    expect(core.notices).toEqual([]);
  });

  it('an audit of the migrated profile records the inventory the owner kept', () => {
    const { core, before } = open(profile);
    const record = core.audit.current();
    const kept = Object.values(before.history.devices as Record<string, { id: string; removed: boolean }>).filter((d) => !d.removed).map((d) => d.id).sort();
    expect(record.inventory.map((d) => d.key).sort()).toEqual(kept);
    expect(record.inventory.find((d) => d.key === 'f4:f5:d8:3b:10:42')!.name).toBe('Living room stick');
  });
});

describe('wizard answers a 0.1.0 snapshot held', () => {
  it('moves the IoT and home network names into the model; anything else is ignored', () => {
    expect(answersFromLegacySnapshot({ context: { answers: { segmentation: { iotSsid: 'Home-IoT' }, wifi: { homeSsid: 'Home' } } } })).toEqual({ iotSsid: 'Home-IoT', homeSsid: 'Home' });
    for (const bad of [null, 42, {}, { context: null }, { context: { answers: { segmentation: { iotSsid: 7 } } } }, { context: { answers: { segmentation: { iotSsid: 'x'.repeat(33) } } } }]) {
      expect(answersFromLegacySnapshot(bad)).toEqual({});
    }
  });
});

describe('the consent a 0.1.0 snapshot held', () => {
  it('is the model’s consent after migration (the owner said no to every look), so the headless audit obeys it', () => {
    const dir = tempDir('porchlight-migrate-consent-');
    cpSync(join(FIXTURES, 'mid-wizard'), dir, { recursive: true });
    const snapshot = json(dir, 'progress');
    expect(snapshot.snapshot.context.consent).toEqual({ wifiScan: false, routerIdentity: false, deviceDiscovery: false, credentialProbe: false });
    const core = createNodeCore({ host: 'cli', profileDir: dir, opener: { open: async () => {} }, secrets: new MemorySecretStore() });
    expect(core.model.read().consent).toEqual({ wifiScan: false, routerIdentity: false, deviceDiscovery: false, credentialProbe: false, at: snapshot.savedAt });
    expect(consentFromLegacySnapshot({ context: { consent: { wifiScan: true, deviceDiscovery: null, credentialProbe: 'yes' } } })).toEqual({ wifiScan: true });
  });
});

describe('a profile made by this version', () => {
  it('is never taken for a 0.1.0 one, even once the renderer saved a snapshot with answers', () => {
    const dir = tempDir('porchlight-new-profile-');
    const first = createNodeCore({ host: 'cli', profileDir: dir, opener: { open: async () => {} }, secrets: new MemorySecretStore() });
    expect(first.model.read().migratedFrom).toBe('none');
    first.deps.progress.write({ ...first.deps.progress.read(), machineVersion: MACHINE_VERSION, snapshot: { context: { answers: { segmentation: { iotSsid: 'Renderer-IoT' } } } } });
    const again = createNodeCore({ host: 'cli', profileDir: dir, opener: { open: async () => {} }, secrets: new MemorySecretStore() });
    expect(again.model.read()).toMatchObject({ migratedFrom: 'none', answers: { iotSsid: null } });
  });
});

describe('the router identity a profile saved before the survey spoke in codes', () => {
  // As Porchlight wrote home.json before: the router's reasons as English sentences.
  const legacyRouter = {
    address: '192.168.1.1',
    mac: '2c:56:dc:00:00:01',
    at: '2026-11-20T10:00:00.000Z',
    identity: {
      vendor: 'ASUSTeK Computer Inc.',
      model: 'RT-AC68U',
      firmware: null,
      friendlyName: 'RT-AC68U',
      sources: { vendor: 'upnp' as const, model: 'upnp' as const, firmware: null },
      unknown: { vendor: null, model: null, firmware: "No source about the router itself gave its firmware version: the router's TR-064 interface: ECONNREFUSED: connection failed; the router's UPnP description does not say." },
      evidence: [
        { source: 'tr064', url: 'http://192.168.1.1:49000/tr64desc.xml', vendor: null, model: null, firmware: null, error: 'ECONNREFUSED: connection failed', setAside: null },
        { source: 'ssdp-server', url: null, vendor: null, model: null, firmware: null, error: null, setAside: "it names the UPnP software (MiniUPnPd 1.8) and the operating system (Linux 2.6.36), which are not the router's own firmware" },
        { source: 'upnp', url: 'http://192.168.1.1:5000/rootDesc.xml', vendor: 'ASUSTeK Computer Inc.', model: 'RT-AC68U', firmware: null, error: null, setAside: null },
      ],
    },
  };

  it('still loads (same schema version), and its English reads as prose through toMessage', () => {
    const doc = HomeModelSchema.parse({ ...EMPTY_HOME_MODEL, migratedFrom: 'none', router: legacyRouter });
    expect(doc.schemaVersion).toBe(1);
    const id = doc.router!.identity!;
    expect(id.vendor).toBe('ASUSTeK Computer Inc.');
    expect(toMessage(id.unknown!.firmware)).toEqual(msg('common.prose', { text: legacyRouter.identity.unknown.firmware }));
    expect(toMessage(id.evidence[0]!.error)).toEqual(msg('common.prose', { text: 'ECONNREFUSED: connection failed' }));
  });

  it('a survey now keeps the reasons as messages in the model, read back unchanged', () => {
    const dir = tempDir('porchlight-router-codes-');
    const core = createNodeCore({ host: 'cli', profileDir: dir, opener: { open: async () => {} }, secrets: new MemorySecretStore() });
    const reason = msg('router.unknown.firmware', { parts: [msg('router.unknown.said', { source: msg('router.source.tr064'), reason: msg('survey.probe.refused') })] });
    const identity = {
      ...legacyRouter.identity,
      unknown: { vendor: null, model: null, firmware: reason },
      evidence: [{ source: 'tr064' as const, url: 'http://192.168.1.1:49000/tr64desc.xml', vendor: null, model: null, firmware: null, error: msg('survey.probe.refused'), setAside: null }],
    };
    core.model.recordSurvey({ devices: [], gateway: { address: '192.168.1.1', mac: null, router: identity } });
    const again = createNodeCore({ host: 'cli', profileDir: dir, opener: { open: async () => {} }, secrets: new MemorySecretStore() });
    expect(again.model.read().router?.identity?.unknown?.firmware).toEqual(reason);
    expect(again.model.read().router?.identity?.evidence[0]?.error).toEqual(msg('survey.probe.refused'));
  });
});
