import { describe, expect, it } from 'vitest';
import { routerApiVerdict, routerApiVerifier, runMemo, type Verifier, type VerifyContext } from '../../../../main/core/checks/verifiers/index.js';
import type { RouterStatus } from '../../../../main/core/router-api/index.js';

const src = (call: string) => ({ api: 'tr064' as const, call });
/** A status shaped like the FRITZ!Box simulator's (and a FRITZ!OS 7.5x box's) answers. */
function status(over: Partial<RouterStatus> = {}): RouterStatus {
  return {
    identity: { known: true, value: { vendor: 'AVM', model: 'FRITZ!Box 7590' }, source: src('tr64desc.xml') },
    wifi: { known: true, value: [], source: src('WLANConfiguration:1..3 GetInfo') },
    wps: { known: true, value: { enabled: true, networkIds: ['WLANConfiguration:1'] }, source: src('WLANConfiguration:1..3 X_AVM-DE_GetWPSInfo') },
    firmware: { known: true, value: { version: '154.07.57', updateAvailable: true, autoUpdate: 'notify' }, source: src('UserInterface:1 GetInfo') },
    remoteAdmin: { known: true, value: { enabled: false }, source: src('X_AVM-DE_RemoteAccess:1 GetInfo') },
    upnp: { known: true, value: { enabled: true, portMappings: [] }, source: src('X_AVM-DE_UPnP:1 GetInfo') },
    adminPasswordDefault: { known: false, reason: { code: 'router-api.unknown.no-default-flag', params: {} } },
    ...over,
  };
}
const ctx = (): VerifyContext => ({ scope: { interface: 'lo', gateway: '127.0.0.60' }, signal: new AbortController().signal, once: runMemo() });

describe('checks verified from the router\'s own answer', () => {
  it('each verdict follows the router\'s answer and names its source', () => {
    expect(routerApiVerdict('wifi.wps', status())).toMatchObject({ status: 'fail', reason: { code: 'router-api.verdict.wps-on', params: { source: expect.stringContaining('X_AVM-DE_GetWPSInfo') } } });
    expect(routerApiVerdict('router.remote-admin', status())).toMatchObject({ status: 'pass', reason: { code: 'router-api.verdict.remote-admin-off' } });
    expect(routerApiVerdict('router.upnp', status())).toMatchObject({ status: 'warn', reason: { params: { count: 0 } } });
    expect(routerApiVerdict('router.firmware', status())).toMatchObject({ status: 'fail', reason: { code: 'router-api.verdict.firmware-update' } });
    expect(routerApiVerdict('router.firmware', status({ firmware: { known: true, value: { version: '8.0', updateAvailable: true, autoUpdate: 'all' }, source: src('x') } }))).toMatchObject({ status: 'pass' });
  });

  it('a fact the router did not give is no verdict (never a guess): the old path decides', () => {
    expect(routerApiVerdict('router.admin-default', status())).toBeNull();
    expect(routerApiVerdict('router.firmware', status({ firmware: { known: true, value: { version: '1', updateAvailable: null, autoUpdate: 'off' }, source: src('x') } }))).toBeNull();
  });

  it('reads the router once per run for all five checks, and falls back to the probe when the flag is missing', async () => {
    let reads = 0;
    let probes = 0;
    const router = { status: async () => (reads++, status()) };
    const probe: Verifier = { measures: true, deadlineMs: 1000, verify: async () => (probes++, { status: 'pass', reason: null }) };
    const c = ctx();
    expect(await routerApiVerifier('wifi.wps', router, null).verify(c)).toMatchObject({ status: 'fail' });
    expect(await routerApiVerifier('router.upnp', router, null).verify(c)).toMatchObject({ status: 'warn' });
    expect(await routerApiVerifier('router.admin-default', router, probe).verify(c)).toMatchObject({ status: 'pass' });
    expect([reads, probes]).toEqual([1, 1]);
  });

  it('without a supported router the confirmation stands (null), and a router that fails to answer changes nothing', async () => {
    expect(await routerApiVerifier('router.remote-admin', null, null).verify(ctx())).toBeNull();
    expect(await routerApiVerifier('router.remote-admin', { status: async () => Promise.reject(new Error('blocked')) }, null).verify(ctx())).toBeNull();
  });
});

describe('what the owner allowed on the welcome step governs the router reading', () => {
  it('with a router API the five checks need "ask the router"; without one, their fallback\'s look (or none)', () => {
    const router = { status: async () => status() };
    const probe: Verifier = { measures: true, needs: 'credentialProbe', deadlineMs: 1000, verify: async () => null };
    expect(routerApiVerifier('wifi.wps', router, null).needs).toBe('routerIdentity');
    expect(routerApiVerifier('router.admin-default', router, probe)).toMatchObject({ needs: 'routerIdentity', alsoNeeds: ['credentialProbe'] });
    expect(routerApiVerifier('wifi.wps', router, null).alsoNeeds).toBeUndefined();
    expect(routerApiVerifier('router.admin-default', null, probe).needs).toBe('credentialProbe');
    expect(routerApiVerifier('router.upnp', null, null).needs).toBeUndefined();
  });
});
