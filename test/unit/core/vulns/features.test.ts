import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { assessHome, factSources, forgetRouterAutoUpdate, kevMatcher, rememberRouterAutoUpdate, vulnRecord } from '../../../../main/core/vulns/index.js';
import type { RouterStatus } from '../../../../main/core/router-api/index.js';
import { EMPTY_HOME_MODEL, type DeviceRecord, type HomeModelDoc } from '../../../../main/core/model/index.js';

const m = kevMatcher(join(import.meta.dirname, '../../../../resources'));
const SURVEY = '2026-11-30T10:00:00.000Z';
const dev = (id: string, ip: string, extra: Partial<DeviceRecord> = {}): DeviceRecord => ({
  id, ip, mac: null, vendor: 'Shelly', model: 'Shelly Plus 1', category: 'plug-light', categoryBasis: null, names: [id], services: [], firstSeen: null, lastSeen: SURVEY,
  userName: null, userCategory: null, moveToIot: false, removed: false, removedAt: null, manual: false, loginPage: null, userVendor: null, userModel: null, ...extra,
});
const home = (devices: DeviceRecord[], extra: Partial<HomeModelDoc> = {}): HomeModelDoc => ({ ...EMPTY_HOME_MODEL, surveyedAt: SURVEY, devices: Object.fromEntries(devices.map((d) => [d.id, d])), ...extra });
const outcome = (result: 'default-accepted' | 'default-rejected' | 'unknown', at = '2026-11-30T10:05:00.000Z') => ({ result, usernames: ['admin'], matchedUsername: result === 'default-accepted' ? 'admin' : null, attempts: 1, at });
const featureOf = (doc: HomeModelDoc, id: string, f: string, facts = {}) => vulnRecord(assessHome(m, doc, null, facts)).devices.find((d) => d.key === id)!.features!.find((x) => x.id === f)!;

afterEach(() => forgetRouterAutoUpdate());

describe('security features come only from evidence; everything else is not known', () => {
  it('factory password: refused → changed, accepted → still works, unknown or never checked → not known (newest outcome of the address wins)', () => {
    const d = [dev('a', '127.0.0.21'), dev('b', '127.0.0.22'), dev('c', '127.0.0.23'), dev('e', '127.0.0.24')];
    const doc = home(d, {
      credentials: {
        '127.0.0.21': outcome('default-rejected'),
        '127.0.0.22:8080': outcome('default-accepted'),
        '127.0.0.23': outcome('unknown'),
        // An older refusal then a newer acceptance on another port: the newer counts.
        '127.0.0.210': outcome('default-rejected'),
      },
    });
    expect(featureOf(doc, 'a', 'factory-password-changed')).toEqual({ id: 'factory-password-changed', state: true, basis: 'probe', at: '2026-11-30T10:05:00.000Z' });
    expect(featureOf(doc, 'b', 'factory-password-changed')).toMatchObject({ state: false, basis: 'probe' });
    expect(featureOf(doc, 'c', 'factory-password-changed')).toMatchObject({ state: null, basis: null });
    // 127.0.0.210 is another host, not 127.0.0.21 on a port, and nothing was checked on .24.
    expect(featureOf(doc, 'e', 'factory-password-changed').state).toBeNull();
    const newer = home([dev('a', '127.0.0.21')], { credentials: { '127.0.0.21': outcome('default-rejected', '2026-01-01T00:00:00.000Z'), '127.0.0.21:8443': outcome('default-accepted', '2026-11-01T00:00:00.000Z') } });
    expect(featureOf(newer, 'a', 'factory-password-changed').state).toBe(false);
  });
  it('separate network: only "no" is measured (marked to move and still seen by the latest survey); never "yes" by default', () => {
    const doc = home([dev('moved-but-seen', '127.0.0.21', { moveToIot: true }), dev('plain', '127.0.0.22')]);
    expect(featureOf(doc, 'moved-but-seen', 'separate-network')).toMatchObject({ state: false, basis: 'survey', at: SURVEY });
    expect(featureOf(doc, 'plain', 'separate-network').state).toBeNull();
  });
  it('HTTPS login page: from the address the owner gave, not known without one', () => {
    const doc = home([dev('s', '127.0.0.21', { loginPage: 'https://127.0.0.21/' }), dev('p', '127.0.0.22', { loginPage: 'http://127.0.0.22:8080' }), dev('h', '127.0.0.23', { loginPage: '127.0.0.23:8080' })]);
    expect(featureOf(doc, 's', 'https-login')).toMatchObject({ state: true, basis: 'owner' });
    expect(featureOf(doc, 'p', 'https-login')).toMatchObject({ state: false, basis: 'owner' });
    expect(featureOf(doc, 'h', 'https-login').state).toBeNull();
  });
  it('the record holds no secret: only ids, yes/no, how and when', () => {
    const json = JSON.stringify(vulnRecord(assessHome(m, home([dev('a', '127.0.0.21')], { credentials: { '127.0.0.21': outcome('default-accepted') } }), null)));
    expect(json).not.toMatch(/password"\s*:\s*"|secret|passphrase/i);
  });
});

describe('updates itself', () => {
  const routerDoc = (): HomeModelDoc => home([dev('r', '127.0.0.1', { vendor: 'AVM', model: 'FRITZ!Box 7590', category: 'router' }), dev('plug', '127.0.0.22')], {
    router: { address: '127.0.0.1', mac: null, at: SURVEY, identity: { vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', friendlyName: null, sources: { vendor: 'upnp', model: 'upnp', firmware: 'upnp' }, evidence: [] } },
  });
  const confirmations = (answers: Record<string, { answer: string; expired?: boolean }>) => ({
    get: (checkId: string, subject: string) => {
      const a = answers[`${checkId}:${subject}`];
      return a ? { answer: { answer: a.answer }, confirmedAt: '2026-11-01T00:00:00.000Z', expired: a.expired ?? false } : null;
    },
  });
  const status = (autoUpdate: 'off' | 'notify' | 'important' | 'all' | 'unknown') => ({ firmware: { known: true as const, value: { autoUpdate } } });
  const read = async (mode: Parameters<typeof status>[0], gateway = '127.0.0.1') => {
    const port = rememberRouterAutoUpdate({ status: async () => status(mode) }, () => new Date('2026-11-30T11:00:00.000Z'));
    await port.status({ scope: { gateway } });
  };
  it('not known without evidence', () => {
    const r = vulnRecord(assessHome(m, routerDoc(), null, factSources(null, '127.0.0.1')));
    expect(r.devices.map((d) => [d.key, d.updatesItself, d.updatesItselfBasis])).toEqual([['r', null, null], ['plug', null, null]]);
  });
  it("the router's own answer: all/important → yes, off/notify → no, unknown → not known; only for the router it came from", async () => {
    const of = () => vulnRecord(assessHome(m, routerDoc(), null, factSources(null, '127.0.0.1'))).devices.find((d) => d.isRouter)!;
    await read('important');
    expect(of()).toMatchObject({ updatesItself: true, updatesItselfBasis: 'router-api' });
    await read('notify');
    expect(of()).toMatchObject({ updatesItself: false, updatesItselfBasis: 'router-api' });
    await read('unknown');
    expect(of()).toMatchObject({ updatesItself: null, updatesItselfBasis: null });
    await read('all', '127.0.0.254');
    expect(of().updatesItself).toBeNull();
  });
  it("the owner's answer: only \"updates itself automatically\" says so, an expired one does not count, and the router's own answer goes first", async () => {
    const c = confirmations({ 'devices.firmware:plug': { answer: 'auto-update' }, 'router.firmware:router': { answer: 'auto-update' } });
    let r = vulnRecord(assessHome(m, routerDoc(), null, factSources(c, '127.0.0.1')));
    expect(r.devices.map((d) => [d.key, d.updatesItself, d.updatesItselfBasis])).toEqual([['r', true, 'owner'], ['plug', true, 'owner']]);
    const other = confirmations({ 'devices.firmware:plug': { answer: 'current' }, 'router.firmware:router': { answer: 'auto-update', expired: true } });
    r = vulnRecord(assessHome(m, routerDoc(), null, factSources(other, '127.0.0.1')));
    expect(r.devices.map((d) => d.updatesItself)).toEqual([null, null]);
    await read('off');
    r = vulnRecord(assessHome(m, routerDoc(), null, factSources(c, '127.0.0.1')));
    expect(r.devices[0]).toMatchObject({ updatesItself: false, updatesItselfBasis: 'router-api' });
  });
});

describe("the router checks' own reading feeds 'updates itself'", () => {
  it('router.firmware reads the router once; its automatic-update answer is remembered for the router at that address only', async () => {
    const { routerApiVerifier } = await import('../../../../main/core/checks/verifiers/router-api.js');
    const { routerAutoUpdateFor } = await import('../../../../main/core/vulns/index.js');
    let reads = 0;
    const status = {
      firmware: { known: true as const, value: { version: '7.57', updateAvailable: false, autoUpdate: 'important' as const }, source: { api: 'tr064' as const, call: 'UserInterface:1 GetInfo' } },
    } as unknown as RouterStatus;
    const port = rememberRouterAutoUpdate({ status: async () => (reads++, status) }, () => new Date('2026-11-30T12:00:00.000Z'));
    const memo = new Map<string, Promise<unknown>>();
    const ctx = { scope: { interface: 'lo', gateway: '127.0.0.40' }, signal: new AbortController().signal, once: <T,>(k: string, make: () => Promise<T>) => (memo.get(k) ?? memo.set(k, make()).get(k)) as Promise<T> };
    const v = await routerApiVerifier('router.firmware', port, null).verify(ctx);
    expect(v?.status).toBe('pass');
    expect(reads).toBe(1);
    expect(routerAutoUpdateFor('127.0.0.40')).toEqual({ mode: 'important', at: '2026-11-30T12:00:00.000Z' });
    expect(routerAutoUpdateFor('127.0.0.1')).toBeNull();
  });
});
