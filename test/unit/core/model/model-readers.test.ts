/**
 * Later steps start from what the survey found, kept in the home model — the same after a reload
 * (a new core on the same documents, no survey in this session) as right after the survey.
 */
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../../main/ipc/handlers/index.js';
import { fakeCore } from '../../../support/fakes.js';
import { apOf, ok, ScriptedScanner } from '../wifi/fakes.js';

const fritz = { vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', friendlyName: 'FRITZ!Box 7590', sources: { vendor: 'tr064' as const, model: 'tr064' as const, firmware: 'tr064' as const }, evidence: [] };

describe('steps read the router and devices from the home model', () => {
  it('the Wi-Fi guides, the passwords targets and the accounts pre-selection know the surveyed FRITZ!Box', async () => {
    const { core } = fakeCore();
    expect(core.survey).toBeNull(); // no survey in this session: only the model knows the home
    core.model.recordSurvey({
      devices: [
        { ip: '192.168.178.1', mac: '24:65:11:4a:7c:01', vendor: 'AVM GmbH', model: 'FRITZ!Box 7590', category: 'router', categoryBasis: null, names: ['FRITZ!Box 7590'], services: [] },
        { ip: '192.168.178.20', mac: 'fc:a6:67:21:9e:41', vendor: 'Amazon Technologies Inc.', model: null, category: 'speaker', categoryBasis: null, names: [], services: [] },
      ],
      gateway: { address: '192.168.178.1', mac: '24:65:11:4a:7c:01', router: fritz },
    });
    const guides = (await handlers['wifi:guides'](core, {} as never)) as { suggestedFamilyId: string };
    expect(guides.suggestedFamilyId).toMatch(/fritz|avm/i);
    const targets = (await handlers['passwords:targets'](core, {} as never)) as { gateway: string | null; routerVendorId: string | null };
    expect(targets.gateway).toBe('192.168.178.1');
    expect(targets.routerVendorId).not.toBeNull();
    const catalog = (await handlers['accounts:catalog'](core, {} as never)) as { suggested: string[] };
    expect(catalog.suggested).toEqual(expect.arrayContaining(['amazon']));
  });
});

describe('the Wi-Fi step keeps what it saw in the home model', () => {
  it('records each network once, classed over its access points, and the home network’s name', async () => {
    const scanner = new ScriptedScanner([ok(apOf('Home', 'wpa3'), apOf('Home', 'wpa2', '3C:A6:2F:11:22:34', false), apOf('Neighbour', 'wpa', '3C:A6:2F:11:22:35', false))]);
    const { core } = fakeCore({ wifi: scanner });
    await handlers['wifi:scan'](core, {} as never);
    await handlers['wifi:status'](core, {} as never);
    const doc = core.model.read();
    expect(doc.networks.map((n) => [n.ssid, n.security])).toEqual([['Home', 'wpa2-wpa3'], ['Neighbour', 'wpa']]);
    expect(doc.answers.homeSsid).toBe('Home');
    expect(JSON.stringify(doc)).not.toMatch(/passphrase|password/i);
  });
});

describe('device edits in the home model', () => {
  it('refuses to move the router to the IoT network; other devices move and stay removed until restored', () => {
    const { core } = fakeCore();
    core.model.recordSurvey({
      devices: [
        { ip: '192.168.178.1', mac: '24:65:11:4a:7c:01', vendor: 'AVM GmbH', model: null, category: 'hub', categoryBasis: null, names: [], services: [] },
        { ip: '192.168.178.20', mac: 'fc:a6:67:21:9e:41', vendor: 'Amazon Technologies Inc.', model: null, category: 'speaker', categoryBasis: null, names: [], services: [] },
      ],
      gateway: { address: '192.168.178.1', mac: '24:65:11:4a:7c:01', router: fritz },
    });
    expect(() => core.model.editDevice('24:65:11:4a:7c:01', { moveToIot: true })).toThrow(/router/);
    expect(core.model.editDevice('fc:a6:67:21:9e:41', { moveToIot: true, name: 'Kitchen Echo' })).toMatchObject({ moveToIot: true, userName: 'Kitchen Echo' });
    core.model.editDevice('fc:a6:67:21:9e:41', { removed: true });
    expect(core.model.present().map((d) => d.id)).toEqual(['24:65:11:4a:7c:01']);
    core.model.editDevice('fc:a6:67:21:9e:41', { removed: false });
    expect(core.model.present().map((d) => d.id)).toContain('fc:a6:67:21:9e:41');
  });
});

describe('the Wi-Fi step shows each network\'s class by the core\'s one rule', () => {
  it('the scan answer carries the class over all access points, as the audit\'s verifier rates it (an old WPA/TKIP repeater makes the network WPA)', async () => {
    const scanner = new ScriptedScanner([ok(apOf('Home', 'wpa3'), apOf('Home', 'wpa', '3C:A6:2F:11:22:34', false), apOf('Mixed', 'wpa2', '3C:A6:2F:11:22:35', false), apOf('Mixed', 'wpa3', '3C:A6:2F:11:22:36', false))]);
    const { core } = fakeCore({ wifi: scanner });
    const scan = (await handlers['wifi:scan'](core, {} as never)) as { kind: 'ok'; classes: { ssid: string; security: string }[] };
    expect(scan.classes).toEqual([{ ssid: 'Home', security: 'wpa' }, { ssid: 'Mixed', security: 'wpa2-wpa3' }]);
  });
});

