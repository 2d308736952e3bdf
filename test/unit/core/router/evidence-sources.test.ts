/**
 * Issue 11, part 2: every router/device fact carries its source, and only a source about the device
 * itself may fill it. SERVER headers and descriptions are shaped like real equipment
 * (test/fixtures/network/upnp/README.md says where each shape was seen).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseServerHeader, productOfServerHeader, namesSoftwareNotDevice } from '../../../../main/core/router/server-header.js';
import { combineRouterEvidence, failedEvidence, fromDescription, fromHttpBanner, fromServerHeader, ROUTER_SOURCES } from '../../../../main/core/router/identify-router.js';
import { parseDeviceDescription, type DeviceDescription } from '../../../../main/core/router/upnp-description.js';
import { classifyDevice, loadCategoryRules, type CategoryEvidence } from '../../../../main/core/network/categories.js';
import { knownRouterVendors, loadRouterFamilies } from '../../../../main/core/router/router-families.js';
import { runSurvey, type SurveyRunDeps } from '../../../../main/core/network/survey-run.js';
import { buildScope } from '../../../../main/core/network/scope.js';
import type { HttpAnswer } from '../../../../main/core/ports.js';
import { msg, type Message } from '../../../../main/core/messages/index.js';
import { words } from '../../../support/words.js';

/** Every code in a message and the messages inside its params, depth first. */
const codes = (m: Message | null | undefined): string[] =>
  !m ? [] : [m.code, ...Object.values(m.params).flatMap((v) => (Array.isArray(v) ? v.flatMap(codes) : v !== null && typeof v === 'object' ? codes(v) : []))];
/** What an unknown field's reason says for one source (`router.unknown.said` / `.silent`), or undefined. */
const saidBy = (m: Message | null | undefined, source: string): Message | undefined =>
  ((m?.params.parts ?? []) as Message[]).find((p) => (p.params.source as Message).code === `router.source.${source}`);

const DIR = join(__dirname, '../../../fixtures/network/upnp');
const RESOURCES = join(__dirname, '../../../../resources');
const VENDORS = knownRouterVendors(loadRouterFamilies(RESOURCES));
const RULES = loadCategoryRules(RESOURCES);
const HEADERS = (JSON.parse(readFileSync(join(DIR, 'ssdp-server-headers.json'), 'utf8')) as { headers: { id: string; server: string; kind: string }[] }).headers;
const header = (id: string) => HEADERS.find((h) => h.id === id)!.server;

const describeXml = (xml: string): DeviceDescription => {
  const d = parseDeviceDescription(xml);
  if (!d.ok) throw new Error(d.reason.code);
  return d.value;
};
const fixture = (name: string) => describeXml(readFileSync(join(DIR, name), 'utf8'));

/** An IGD description shaped like the ASUS / Mercury ones, with the names a test gives it. */
const igd = (names: { friendlyName: string; modelName: string; modelDescription?: string; manufacturer?: string }) =>
  describeXml(`<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0"><specVersion><major>1</major><minor>0</minor></specVersion>
<device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>
<friendlyName>${names.friendlyName}</friendlyName><manufacturer>${names.manufacturer ?? 'Technicolor'}</manufacturer>
<modelDescription>${names.modelDescription ?? names.modelName}</modelDescription><modelName>${names.modelName}</modelName>
<UDN>uuid:11111111-2222-3333-4444-555555555555</UDN>
<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType><friendlyName>WANDevice</friendlyName></device></deviceList>
</device></root>`);

/** What the survey hands the classifier for a device (survey-run.ts describeDevice, same fields). */
const evidenceOf = (d: DeviceDescription | null, more: Partial<CategoryEvidence> = {}): CategoryEvidence => ({
  isGateway: false,
  homekitCategory: null,
  names: [d?.modelName, d?.modelDescription, d?.friendlyName].filter((x): x is string => !!x),
  services: [],
  deviceTypes: d?.deviceType ? [d.deviceType] : [],
  descriptionTypes: d?.deviceType ? [d.deviceType] : [],
  vendor: null,
  ...more,
});

describe('SERVER header tokens are classified', () => {
  it('UPnP libraries, daemons and Windows UPnP Device Host are software, never a product', () => {
    for (const h of HEADERS.filter((x) => x.kind === 'stack')) {
      const tokens = parseServerHeader(h.server);
      expect(tokens.some((t) => t.kind === 'stack'), h.id).toBe(true);
      expect(tokens.filter((t) => t.kind === 'product'), h.id).toEqual([]);
      expect(productOfServerHeader(h.server), h.id).toBeNull();
    }
    expect(parseServerHeader(header('libupnp-1.6.22')).map((t) => [t.kind, t.name, t.version])).toEqual([
      ['os', 'Linux', '2.6.36'],
      ['upnp', 'UPnP', '1.0'],
      ['stack', 'Portable SDK for UPnP devices', '1.6.22'],
    ]);
    expect(parseServerHeader(header('miniupnpd-1.5')).map((t) => t.kind)).toEqual(['os', 'upnp', 'stack']);
    expect(parseServerHeader(header('windows-10')).map((t) => [t.kind, t.name])).toEqual([
      ['os', 'Microsoft-Windows'],
      ['upnp', 'UPnP'],
      ['stack', 'UPnP-Device-Host'],
    ]);
  });

  it("AVM's product slot names the box and its FRITZ!OS version; the OS slot is never the product", () => {
    const t = parseServerHeader(header('fritzbox-7390'));
    expect(t.map((x) => [x.kind, x.name, x.version])).toEqual([
      ['os', 'FRITZ!Box Fon WLAN 7390', null],
      ['upnp', 'UPnP', '1.0'],
      ['product', 'AVM FRITZ!Box Fon WLAN 7390', '84.06.88'],
    ]);
    // A router that names itself only before "UPnP/1.0" gives no product at all.
    expect(productOfServerHeader(header('mercury-mr804'))).toBeNull();
  });

  it('a product token keeps its comment ("Sonos/70.3-35220 (ZPS12)")', () => {
    const sonos = parseServerHeader(header('sonos')).find((x) => x.kind === 'product')!;
    expect(sonos).toMatchObject({ name: 'Sonos', version: '70.3-35220', comment: '(ZPS12)' });
  });
});

describe('only a source about the router itself fills its firmware', () => {
  it.each(HEADERS.filter((h) => h.kind !== 'device').map((h) => [h.id, h.server]))('%s: no maker, model or firmware from "%s"', (_id, server) => {
    const e = fromServerHeader(server, VENDORS);
    expect(e).toMatchObject({ source: 'ssdp-server', vendor: null, model: null, firmware: null });
    if (parseServerHeader(server).some((t) => t.kind === 'stack')) expect(codes(e.setAside).slice(0, 2)).toEqual(['router.set-aside.server-names', 'router.set-aside.part-software']);
  });

  it('the version of miniupnpd, libupnp or the kernel is never reported as the router firmware', () => {
    for (const id of ['miniupnpd-1.0', 'miniupnpd-1.8', 'libupnp-1.6.22']) {
      const id2 = combineRouterEvidence([fromServerHeader(header(id), VENDORS)]);
      expect(id2.firmware, id).toBeNull();
      expect(id2.sources.firmware, id).toBeNull();
    }
    const e = fromServerHeader(header('miniupnpd-1.8'), VENDORS);
    expect(e.setAside).toEqual(
      msg('router.set-aside.server-names', { parts: [msg('router.set-aside.part-software', { names: 'MiniUPnPd 1.8' }), msg('router.set-aside.part-system', { names: 'Linux 2.6.36' })] }),
    );
  });

  it('a maker word inside another word does not tie a product to the router', () => {
    expect(fromServerHeader('Linux UPnP/1.0 HAVMAX-Player/2.4.1', VENDORS)).toMatchObject({ vendor: null, firmware: null });
    expect(fromServerHeader('Linux/3.4 UPnP/1.0 TP-LINK/TL-WR841N/3.16.9', VENDORS)).toMatchObject({ vendor: 'TP-Link', firmware: '3.16.9' });
  });

  it('a maker name in the OS slot does not turn the daemon version into firmware', () => {
    const e = fromServerHeader('ASUSTeK UPnP/1.0 MiniUPnPd/1.4', VENDORS);
    expect(e).toMatchObject({ vendor: null, model: null, firmware: null });
  });

  it('a product token naming a known router maker gives maker, model and firmware, with its source', () => {
    const e = fromServerHeader(header('fritzbox-7490'), VENDORS);
    expect(e).toMatchObject({ source: 'ssdp-server', vendor: 'AVM', model: 'AVM FRITZ!Box 7490', firmware: '113.07.01' });
    const id = combineRouterEvidence([failedEvidence('tr064', 'http://r:49000/tr64desc.xml', msg('survey.probe.refused')), e]);
    expect(id).toMatchObject({ firmware: '113.07.01', sources: { firmware: 'ssdp-server' }, unknown: { firmware: null } });
  });

  it('a miniupnpd router whose description has no firmware: firmware unknown with the reason, maker and model from the description', () => {
    const desc = fixture('asus-rt-ac68u-igd.xml');
    const id = combineRouterEvidence([
      failedEvidence('tr064', 'http://192.168.1.1:49000/tr64desc.xml', msg('survey.probe.refused')),
      failedEvidence('hnap', 'http://192.168.1.1/HNAP1/', msg('survey.probe.http-status', { status: 404 })),
      fromServerHeader(header('miniupnpd-1.8'), VENDORS),
      fromDescription('upnp', 'http://192.168.1.1:5000/rootDesc.xml', desc),
      fromHttpBanner('http://192.168.1.1/', { server: 'httpd/2.0', title: 'Login' }, VENDORS),
      { source: 'oui', url: null, vendor: 'ASUSTek COMPUTER INC.', model: null, firmware: null, error: null },
    ]);
    expect(id).toMatchObject({ vendor: 'ASUSTeK Computer Inc.', model: 'RT-AC68U', firmware: null, sources: { vendor: 'upnp', model: 'upnp', firmware: null } });
    const why = id.unknown?.firmware;
    expect(why?.code).toBe('router.unknown.firmware');
    expect(codes(saidBy(why, 'ssdp-server')?.params.reason as Message).slice(0, 2)).toEqual(['router.set-aside.server-names', 'router.set-aside.part-software']);
    expect(saidBy(why, 'upnp')).toEqual(msg('router.unknown.silent', { source: msg('router.source.upnp') }));
    expect(saidBy(why, 'tr064')).toEqual(msg('router.unknown.said', { source: msg('router.source.tr064'), reason: msg('survey.probe.refused') }));
    expect(saidBy(why, 'hnap')?.params.reason).toEqual(msg('survey.probe.http-status', { status: 404 }));
    // The settings page and the MAC maker code can never carry firmware, so they are not listed as if they could.
    expect(saidBy(why, 'http')).toBeUndefined();
    expect(saidBy(why, 'oui')).toBeUndefined();
    // In words: the daemon's name and version are said, as what was set aside.
    expect(words(why)).toContain('the UPnP software (MiniUPnPd 1.8)');
    // A login page title is not a model, and the reason for the unknown model says so.
    expect(id.evidence.find((e) => e.source === 'http')?.model).toBeNull();
    expect(combineRouterEvidence([fromHttpBanner('http://192.168.1.1/', { server: 'httpd/2.0', title: 'Login' }, VENDORS)]).unknown?.model).toEqual(
      msg('router.unknown.model', { parts: [msg('router.unknown.said', { source: msg('router.source.http'), reason: msg('router.set-aside.title-no-maker', { title: 'Login' }) })] }),
    );
  });

  it("miniupnpd's default names are the daemon's, not the router's: maker and model stay unknown", () => {
    const e = fromDescription('upnp', 'http://192.168.1.1:5000/rootDesc.xml', fixture('miniupnpd-defaults-igd.xml'));
    expect(e).toMatchObject({ vendor: null, model: null, firmware: null });
    expect((e.setAside?.params.items as Message[]).map((m) => [m.code, m.params.value])).toContainEqual(['router.set-aside.default-maker', 'OpenWRT']);
    const id = combineRouterEvidence([e, fromServerHeader(header('miniupnpd-1.9'), VENDORS)], 'OpenWRT router');
    expect(id).toMatchObject({ vendor: null, model: null, firmware: null, friendlyName: null });
    expect(saidBy(id.unknown?.vendor, 'upnp')?.params.reason).toEqual(e.setAside);
    for (const name of ['MiniUPnP', 'MiniUPnPd', 'Linux router', 'Windows Media Connect compatible (ReadyDLNA)']) expect(namesSoftwareNotDevice(name), name).toBe(true);
    for (const name of ['RT-AC68U', 'FRITZ!Box 7590', 'Philips hue bridge 2015', 'Sonos One', 'Liberty Global', 'D-Link Router']) expect(namesSoftwareNotDevice(name), name).toBe(false);
  });

  it('a version in the Mercury description stays out of the model and the firmware', () => {
    const e = fromDescription('upnp', 'http://192.168.1.1:1900/igd.xml', fixture('mercury-mr804-igd.xml'));
    expect(e).toMatchObject({ vendor: 'Mercury', model: 'MR804', firmware: null });
  });

  it('every source has plain words for people (no raw ids), from the catalogs', () => {
    for (const s of ROUTER_SOURCES) {
      expect(words(msg(`router.source.${s}`))).toMatch(/^the /);
      expect(words(msg(`router.source.${s}`))).not.toMatch(/tr064|ssdp-server|\boui\b/);
    }
  });
});

describe('the UPnP device type outranks name words for the category', () => {
  it.each([
    ['Smart Hub', 'Smart Hub 2'],
    ['Home Hub', 'Home Hub 3000'],
    ['Wireless Gateway', 'CGM4140COM'],
    ['Broadband Gateway', 'Gateway'],
    ['Internet Bridge', 'Bridge Router'],
    ['Hub Gateway Bridge', 'HGB-1'],
  ])('an InternetGatewayDevice named "%s" / "%s" is a router, not a hub', (friendlyName, modelName) => {
    const d = igd({ friendlyName, modelName });
    expect(classifyDevice(RULES, evidenceOf(d))).toEqual({ category: 'router', source: 'upnp-description', basis: { code: 'survey.basis.upnp-description', params: { type: 'InternetGatewayDevice:1' } } });
    // Also when only the SSDP answer says it (no description fetched) and a name came from mDNS.
    const ssdpOnly = classifyDevice(RULES, evidenceOf(null, { names: [friendlyName], deviceTypes: ['upnp:rootdevice', 'urn:schemas-upnp-org:device:InternetGatewayDevice:1', 'urn:schemas-upnp-org:service:WANIPConnection:1'] }));
    expect(ssdpOnly).toMatchObject({ category: 'router', source: 'ssdp' });
  });

  it('a Hue bridge (Basic:1 device type) is still a hub, from its model name', () => {
    const d = fixture('hue-bridge-2015.xml');
    expect(classifyDevice(RULES, evidenceOf(d, { deviceTypes: ['upnp:rootdevice', 'urn:schemas-upnp-org:device:basic:1'] }))).toEqual({ category: 'hub', source: 'name', basis: { code: 'survey.basis.model-name', params: {} } });
    // With its mDNS service too, and its maker's OUI: still a hub.
    expect(classifyDevice(RULES, evidenceOf(d, { services: ['_hue._tcp'], vendor: 'Philips Lighting BV' })).category).toBe('hub');
  });

  it('a name word never overrides a device type, but still decides when no type says anything', () => {
    expect(classifyDevice(RULES, evidenceOf(null, { names: ['SmartThings Hub'] }))).toMatchObject({ category: 'hub', source: 'name' });
  });

  it('the root type of its own description decides before embedded types it advertises (Sonos is a speaker, not a TV)', () => {
    const d = fixture('sonos-zoneplayer.xml');
    const advertised = ['urn:schemas-upnp-org:device:MediaRenderer:1', 'urn:schemas-upnp-org:device:ZonePlayer:1', 'upnp:rootdevice'];
    expect(classifyDevice(RULES, evidenceOf(d, { deviceTypes: advertised }))).toMatchObject({ category: 'speaker', source: 'upnp-description' });
    // Without a description, the more specific advertised type wins.
    expect(classifyDevice(RULES, evidenceOf(null, { deviceTypes: advertised }))).toMatchObject({ category: 'speaker', source: 'ssdp' });
  });

  it('the default gateway is the router whatever its names say', () => {
    expect(classifyDevice(RULES, evidenceOf(igd({ friendlyName: 'Smart Hub', modelName: 'Hub' }), { isGateway: true }))).toEqual({ category: 'router', source: 'gateway', basis: { code: 'survey.basis.gateway', params: {} } });
  });
});

describe('the survey keeps to the rule end to end (runSurvey over fakes)', () => {
  const miniupnpdDefaults = readFileSync(join(DIR, 'miniupnpd-defaults-igd.xml'), 'utf8');
  const asus = readFileSync(join(DIR, 'asus-rt-ac68u-igd.xml'), 'utf8');
  const deps = (descriptions: Record<string, string>): SurveyRunDeps => ({
    neighbors: { read: async () => [] },
    discovery: {
      ssdpSearch: async () =>
        Object.keys(descriptions).map((url) => ({
          from: new URL(url).hostname,
          text: `HTTP/1.1 200 OK\r\nSERVER: ${header('miniupnpd-1.8')}\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\nLOCATION: ${url}\r\n\r\n`,
        })),
      mdnsBrowse: async () => [],
    },
    http: {
      request: async (url): Promise<HttpAnswer> => (descriptions[url] ? { status: 200, headers: {}, body: descriptions[url], truncated: false } : Promise.reject(new Error('connection refused'))),
      connects: async () => false,
    },
    oui: { organisation: () => null },
    rules: RULES,
    knownRouterVendors: VENDORS,
    now: () => performance.now(),
  });
  const scope = buildScope({ interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8, gateway: '127.0.0.70', seconds: 2 });

  it('the gateway on miniupnpd: maker and model from its description, firmware unknown with the reason', async () => {
    const run = await runSurvey(deps({ 'http://127.0.0.70:5000/rootDesc.xml': asus }), scope);
    expect(run.gateway.router).toMatchObject({ vendor: 'ASUSTeK Computer Inc.', model: 'RT-AC68U', firmware: null, sources: { vendor: 'upnp', model: 'upnp', firmware: null } });
    expect(run.gateway.router!.unknown!.firmware!.code).toBe('router.unknown.firmware');
    expect(words(run.gateway.router!.unknown!.firmware)).toContain('MiniUPnPd 1.8');
  });

  it("a device described only by miniupnpd's defaults: no maker or model from them; still a router by its device type", async () => {
    const run = await runSurvey(deps({ 'http://127.0.0.70:5000/rootDesc.xml': asus, 'http://127.0.0.71:5000/rootDesc.xml': miniupnpdDefaults }), scope);
    const d = run.devices.find((x) => x.ip === '127.0.0.71')!;
    expect(d).toMatchObject({ vendor: null, vendorSource: null, model: null, category: 'router', categoryBasis: { code: 'survey.basis.upnp-description', params: { type: 'InternetGatewayDevice:1' } } });
  });
});
