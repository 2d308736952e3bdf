import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { activeInterfaceScope, createSurveyFeature, type NetworkDeps } from '../../../../main/core/network/survey-feature.js';
import { fakeCore } from '../../../support/fakes.js';

const RESOURCES = join(__dirname, '../../../../resources');
const ports = (over: Partial<NetworkDeps>): NetworkDeps => ({
  neighbors: { read: async () => [] },
  discovery: { ssdpSearch: async () => [], mdnsBrowse: async () => [] },
  http: { request: async () => ({ status: 404, headers: {}, body: '', truncated: false }), connects: async () => false },
  oui: { organisation: () => null },
  gateway: { defaultRoute: async () => ({ gateway: '192.168.178.1', interface: 'wlan0' }) },
  interfaces: {
    list: () => [
      { name: 'lo', address: '127.0.0.1', prefixLength: 8, internal: true },
      { name: 'eth0', address: '203.0.113.7', prefixLength: 24, internal: false },
      { name: 'docker0', address: '172.17.0.1', prefixLength: 16, internal: false },
      { name: 'wlan0', address: '192.168.178.23', prefixLength: 24, internal: false },
    ],
  },
  ...over,
});

describe("the app's scope: the active interface", () => {
  it('follows the default route to a private interface and its gateway; never a public one', async () => {
    expect(await activeInterfaceScope(ports({}), {})).toMatchObject({ interface: 'wlan0', interfaceAddress: '192.168.178.23', prefixLength: 24, gateway: '192.168.178.1' });
    const publicRoute = ports({ gateway: { defaultRoute: async () => ({ gateway: '203.0.113.1', interface: 'eth0' }) } });
    const s = await activeInterfaceScope(publicRoute, {});
    expect(s.interface).not.toBe('eth0');
    expect(s.gateway).toBeNull();
    const none = ports({ interfaces: { list: () => [{ name: 'eth0', address: '203.0.113.7', prefixLength: 24, internal: false }] } });
    await expect(activeInterfaceScope(none, {})).rejects.toThrow(/No home network connection/);
  });

  it('a host without network ports has no survey; a pinned host without a scope refuses', async () => {
    const f = fakeCore();
    const deps = { model: f.core.model, clock: f.clock, log: f.log, resourcesDir: RESOURCES };
    expect(createSurveyFeature(undefined, deps)).toBeNull();
    const pinned = createSurveyFeature(ports({ fixedScope: () => null }), deps)!;
    await expect(pinned.scope()).rejects.toThrow(/No network to survey was set/);
    const lab = createSurveyFeature(ports({ fixedScope: () => ({ interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8, gateway: '127.0.0.40', seconds: 6 }) }), deps)!;
    expect(await lab.scope({ targets: ['127.0.0.9'] })).toMatchObject({ gateway: '127.0.0.40', targets: ['127.0.0.9'], budgetMs: 6000 });
    await expect(lab.scope({ targets: ['10.0.0.1'] })).rejects.toThrow(/not on the network of the chosen connection/);
  });
});
