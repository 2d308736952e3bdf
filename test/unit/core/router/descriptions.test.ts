import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeviceDescription } from '../../../../main/core/router/upnp-description.js';
import { parseHnapDeviceSettings } from '../../../../main/core/router/hnap.js';
import { loadHtmlParser, readHttpBanner } from '../../../../main/core/router/http-banner.js';
import { productOfServerHeader, versionIn } from '../../../../main/core/router/server-header.js';
import { combineRouterEvidence, failedEvidence, fromDescription, fromHnap, fromServerHeader, fromHttpBanner } from '../../../../main/core/router/identify-router.js';
import { ROUTER_FILES } from '../../../lab/discovery/router-files.js';
import { msg } from '../../../../main/core/messages/index.js';

const fx = (name: string) => readFileSync(join(__dirname, '../../../fixtures/network', name), 'utf8');

beforeAll(loadHtmlParser);

describe('UPnP / TR-064 descriptions', () => {
  it('reads a TR-064 description with its firmware (systemVersion/Display)', () => {
    const d = parseDeviceDescription(ROUTER_FILES.tr64!['tr64desc.xml']!);
    expect(d.ok && d.value).toMatchObject({ manufacturer: 'AVM', modelName: 'FRITZ!Box 7590', firmware: '154.07.57', friendlyName: 'FRITZ!Box 7590' });
  });
  it('walks embedded devices for services', () => {
    const d = parseDeviceDescription(ROUTER_FILES.tr64!['igddesc.xml']!);
    expect(d.ok && d.value.services).toContain('urn:schemas-upnp-org:service:WANIPConnection:1');
    expect(d.ok && d.value.deviceType).toBe('urn:schemas-upnp-org:device:InternetGatewayDevice:1');
  });
  it('malformed, foreign, empty, binary and huge XML are unknown with a reason (a message code), never a crash', () => {
    const cases: [string, string][] = [
      [fx('upnp-truncated.xml'), 'router.parse.malformed'],
      [fx('not-upnp.xml'), 'router.parse.not-upnp'],
      ['', 'router.parse.empty'],
      ['\u0000\u00ff\u0001<<<', 'router.parse.malformed'],
      ['<root>' + 'x'.repeat(300_000) + '</root>', 'router.parse.too-large'],
    ];
    for (const [text, code] of cases) {
      const d = parseDeviceDescription(text);
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.reason.code).toBe(code);
    }
  });
  it("a malformed document's reason carries the parser's own words only as a param", () => {
    const d = parseDeviceDescription(fx('upnp-truncated.xml'));
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(Object.keys(d.reason.params)).toEqual(['error']);
    expect(String(d.reason.params.error).length).toBeGreaterThan(3);
  });
  it('an entity-expansion document does not blow up', () => {
    const d = parseDeviceDescription(fx('upnp-nested-entities.xml'));
    if (d.ok) expect((d.value.manufacturer ?? '').length).toBeLessThanOrEqual(200);
    else expect(d.reason.code).toMatch(/^router\.parse\./);
  });
});

describe('HNAP GetDeviceSettings', () => {
  it('reads vendor, model and firmware', () => {
    const h = parseHnapDeviceSettings(fx('hnap-get-device-settings.xml'));
    expect(h).toEqual({ ok: true, value: { vendor: 'D-Link', model: 'DIR-842', firmware: '3.13', description: 'Wireless AC1200 Router' } });
  });
  it('other SOAP or garbage is not HNAP, with the reason as a code', () => {
    const reason = (text: string) => {
      const h = parseHnapDeviceSettings(text);
      return h.ok ? null : h.reason.code;
    };
    expect(reason('<Envelope><Body><Other/></Body></Envelope>')).toBe('router.parse.not-hnap');
    expect(reason('<html>login</html>')).toBe('router.parse.not-hnap');
    expect(reason('\u0000')).toBe('router.parse.malformed');
    expect(reason('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetDeviceSettingsResponse xmlns="http://purenetworks.com/HNAP1/"><GetDeviceSettingsResult>OK</GetDeviceSettingsResult></GetDeviceSettingsResponse></soap:Body></soap:Envelope>')).toBe('router.parse.hnap-no-device');
  });
});

describe('banners and SERVER headers', () => {
  it('product token after UPnP/x and a trailing version', () => {
    expect(productOfServerHeader('FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.57')).toBe('AVM FRITZ!Box 7590 154.07.57');
    expect(versionIn('AVM FRITZ!Box 7590 154.07.57')).toBe('154.07.57');
    expect(productOfServerHeader('Linux/3.4 UPnP/1.0 TP-LINK/TL-WR841N/3.16.9')).toBe('TP-LINK/TL-WR841N/3.16.9');
    expect(versionIn('TP-LINK/TL-WR841N/3.16.9')).toBe('3.16.9');
    expect(productOfServerHeader('\u0000\u0007')).toBeNull();
    expect(productOfServerHeader(null)).toBeNull();
  });
  it('title and Server header, control characters removed', () => {
    expect(readHttpBanner({ server: 'lighttpd/1.4.69' }, '<html><head><title>\n FRITZ!Box\u0000 </title></head>')).toEqual({ server: 'lighttpd/1.4.69', title: 'FRITZ!Box' });
    expect(readHttpBanner({}, 'no title')).toEqual({ server: null, title: null });
  });
  it('the title a browser shows: any case, entities decoded, not one in a comment, a script or an SVG drawing', () => {
    expect(readHttpBanner({}, '<HTML><HEAD><TITLE>TL-WR841N &amp; TL-WR840N</TITLE></HEAD></HTML>').title).toBe('TL-WR841N & TL-WR840N');
    expect(readHttpBanner({}, '<!-- <title>Old Firmware</title> --><title>NETGEAR&nbsp;Router R7000</title>').title).toBe('NETGEAR Router R7000');
    expect(readHttpBanner({}, '<script>document.title = "<title>x</title>"</script><title>ASUS Login</title>').title).toBe('ASUS Login');
    expect(readHttpBanner({}, '<body><svg><title>logo</title></svg><h1>Status</h1></body>').title).toBeNull();
    expect(readHttpBanner({}, `<title>${'Router '.repeat(100)}</title>`).title).toHaveLength(120);
    expect(readHttpBanner({}, '<title>   </title>').title).toBeNull();
  });
});

describe('combining evidence', () => {
  it('takes each field from the most trusted source that has it and keeps every piece of evidence', () => {
    const id = combineRouterEvidence([
      fromHttpBanner('http://r/', { server: null, title: 'NETGEAR Router' }, ['NETGEAR']),
      fromServerHeader('Linux UPnP/1.0 NETGEAR R7000 1.0.11.100', ['NETGEAR']),
      fromHnap('http://r/HNAP1/', { vendor: null, model: null, firmware: '9.9', description: null }),
      failedEvidence('tr064', 'http://r:49000/tr64desc.xml', msg('survey.probe.timeout')),
      fromDescription('upnp', 'http://r:5000/rootDesc.xml', { deviceType: null, friendlyName: 'R7000', manufacturer: 'NETGEAR', modelName: 'R7000', modelNumber: 'R7000', modelDescription: null, serialNumber: null, firmware: null, services: [] }),
    ]);
    expect(id).toMatchObject({ vendor: 'NETGEAR', model: 'R7000', firmware: '9.9', sources: { vendor: 'upnp', model: 'upnp', firmware: 'hnap' } });
    expect(id.evidence.map((e) => e.source)).toEqual(['tr064', 'upnp', 'hnap', 'ssdp-server', 'http']);
  });
  it('nothing answered: every field unknown with no source', () => {
    const id = combineRouterEvidence([failedEvidence('tr064', null, msg('survey.probe.timeout')), failedEvidence('http', null, msg('survey.probe.refused'))]);
    expect(id).toMatchObject({ vendor: null, model: null, firmware: null, sources: { vendor: null, model: null, firmware: null } });
    // each unknown field says why as a code, with what each source said (a code) inside
    expect(id.unknown?.vendor).toEqual(
      msg('router.unknown.vendor', {
        parts: [msg('router.unknown.said', { source: msg('router.source.tr064'), reason: msg('survey.probe.timeout') }), msg('router.unknown.said', { source: msg('router.source.http'), reason: msg('survey.probe.refused') })],
      }),
    );
    expect(id.unknown?.firmware?.code).toBe('router.unknown.firmware');
    expect(combineRouterEvidence([]).unknown?.model).toEqual(msg('router.unknown.model', { parts: [msg('router.unknown.nothing-answered')] }));
  });
});
