/**
 * Model and firmware from a device's own announcements, on descriptions and TXT records shaped
 * like real devices':
 *  - D-Link: the model code is in modelNumber, modelName is a generic word. Shapes from D-Link's
 *    published GPL source of the DIR-882 (miniupnpd upnpdescstrings.h: modelName "D-Link Router",
 *    modelNumber "DIR-882"; https://github.com/ljrk0/DIR882A1-GPL, user/miniupnpd-1.6/upnpdescstrings.h)
 *    and the DIR-859's "Wireless Router" / "DIR-859";
 *  - Sonos /xml/device_description.xml (modelName "Sonos One", modelNumber "S18", softwareVersion);
 *  - Philips Hue bridge /description.xml (modelName "Philips hue bridge 2015", modelNumber "BSB002", no firmware field);
 *  - Shelly mDNS TXT: Gen2+ "gen"/"app"/"ver" (https://shelly-api-docs.shelly.cloud/gen2/General/mDNS),
 *    Gen1 "fw_id" as in its /shelly answer ("20190531-075812/v1.5.0-hotfix2@022ec015");
 *  - TXT keys that carry protocol versions, not firmware: Chromecast "ve", AirPlay "srcvers", HomeKit "pv".
 */
import { describe, expect, it } from 'vitest';
import { parseDeviceDescription, type DeviceDescription } from '../../../../main/core/router/index.js';
import { announcedFirmware, modelOfDescription } from '../../../../main/core/network/device-identity.js';
import type { MdnsService } from '../../../../main/core/network/mdns.js';

const describe_ = (device: string): DeviceDescription => {
  const r = parseDeviceDescription(`<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><specVersion><major>1</major><minor>0</minor></specVersion><device>${device}</device></root>`);
  if (!r.ok) throw new Error(r.reason.code);
  return r.value;
};
const mdns = (type: string, txt: Record<string, string>): MdnsService => ({ instance: 'x', type, host: 'x.local', port: 80, addresses: ['127.0.0.9'], txt });

const dir859 = describe_(
  '<deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType><friendlyName>D-Link Router</friendlyName><manufacturer>D-Link</manufacturer><manufacturerURL>http://www.dlink.com</manufacturerURL><modelDescription>D-Link Router</modelDescription><modelName>Wireless Router</modelName><modelNumber>DIR-859</modelNumber><UDN>uuid:00000000-0000-0000-0000-000000000000</UDN>',
);
const dir882 = describe_(
  '<deviceType>urn:schemas-wifialliance-org:device:WFADevice:1</deviceType><friendlyName>DIR-882</friendlyName><manufacturer>D-Link Corporation</manufacturer><manufacturerURL>http://www.dlink.com</manufacturerURL><modelDescription>D-Link Router</modelDescription><modelName>D-Link Router</modelName><modelNumber>DIR-882</modelNumber>',
);
const sonos = describe_(
  '<deviceType>urn:schemas-upnp-org:device:ZonePlayer:1</deviceType><friendlyName>192.168.1.46 - Sonos One - RINCON_000E58000000001400</friendlyName><manufacturer>Sonos, Inc.</manufacturer><manufacturerURL>http://www.sonos.com</manufacturerURL><modelNumber>S18</modelNumber><modelDescription>Sonos One</modelDescription><modelName>Sonos One</modelName><softwareVersion>79.1-56030</softwareVersion><swGen>2</swGen><hardwareVersion>1.20.1.6-2.2</hardwareVersion><displayVersion>16.4</displayVersion>',
);
const hue = describe_(
  '<deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType><friendlyName>Philips hue (192.168.1.40)</friendlyName><manufacturer>Signify</manufacturer><manufacturerURL>http://www.philips-hue.com</manufacturerURL><modelDescription>Philips hue Personal Wireless Lighting</modelDescription><modelName>Philips hue bridge 2015</modelName><modelNumber>BSB002</modelNumber><serialNumber>001788000000</serialNumber>',
);
// A UPnP daemon's defaults (miniupnpd): it names itself and its own version, never the device's firmware.
const daemon = describe_(
  '<deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType><friendlyName>OpenWRT router</friendlyName><manufacturer>OpenWRT</manufacturer><modelName>OpenWRT router</modelName><modelNumber>1</modelNumber><softwareVersion>2.1</softwareVersion>',
);

describe('the model from a UPnP description', () => {
  it('D-Link: modelNumber when modelName is a generic word ("Wireless Router" / "DIR-859", "D-Link Router" / "DIR-882")', () => {
    expect(modelOfDescription(dir859)).toBe('DIR-859');
    expect(modelOfDescription(dir882)).toBe('DIR-882');
  });
  it('a modelName with a model in it stays (Sonos One with S18, the Hue bridge with BSB002)', () => {
    expect(modelOfDescription(sonos)).toBe('Sonos One');
    expect(modelOfDescription(hue)).toBe('Philips hue bridge 2015');
  });
  it('a version or a bare number in modelNumber is not a model; a daemon default is not either', () => {
    expect(modelOfDescription({ modelName: 'Wireless Router', modelNumber: '1.0' })).toBe('Wireless Router');
    expect(modelOfDescription({ modelName: 'Wireless Router', modelNumber: '1' })).toBe('Wireless Router');
    expect(modelOfDescription({ modelName: 'MiniUPnPd', modelNumber: '20190824' })).toBeNull();
    expect(modelOfDescription(daemon)).toBeNull();
    expect(modelOfDescription(null)).toBeNull();
  });
});

describe('the firmware a device announced', () => {
  it('the description’s softwareVersion (Sonos), with its source', () => {
    expect(announcedFirmware([sonos], [])).toEqual({ version: '79.1-56030', source: 'its UPnP description' });
  });
  it('none when the description has no firmware field (Hue bridge, D-Link): not known, never guessed', () => {
    expect(announcedFirmware([hue], [])).toBeNull();
    expect(announcedFirmware([dir859], [])).toBeNull();
  });
  it('never the UPnP daemon’s own version', () => {
    expect(announcedFirmware([daemon], [])).toBeNull();
  });
  it('Shelly Gen2+: "ver" next to "gen"; Gen1: the version inside "fw_id", without the build hash', () => {
    expect(announcedFirmware([], [mdns('_shelly._tcp', { gen: '2', app: 'Plus1PM', ver: '1.4.4', id: 'shellyplus1pm-a8032ab00000' })])).toEqual({ version: '1.4.4', source: 'its network announcement (mDNS)' });
    expect(announcedFirmware([], [mdns('_http._tcp', { id: 'shelly1-34945475a5b1', fw_id: '20230913-114008/v1.14.0-gcb84623', arch: 'esp8266' })])?.version).toBe('1.14.0');
    expect(announcedFirmware([], [mdns('_http._tcp', { id: 'shellyswitch-559f55', fw_id: '20190531-075812/v1.5.0-hotfix2@022ec015', arch: 'esp8266' })])?.version).toBe('1.5.0-hotfix2');
  });
  it('protocol versions in TXT records are not firmware (Chromecast ve, AirPlay srcvers, HomeKit pv, a "ver" without "gen")', () => {
    expect(
      announcedFirmware([], [
        mdns('_googlecast._tcp', { id: 'abc', md: 'Chromecast', ve: '05', fn: 'Living Room TV' }),
        mdns('_airplay._tcp', { model: 'AppleTV11,1', srcvers: '670.6.2' }),
        mdns('_hap._tcp', { md: 'Eve Energy', pv: '1.1', ci: '7' }),
        mdns('_http._tcp', { ver: '1.0' }),
      ]),
    ).toBeNull();
  });
});

describe('generic model names', () => {
  it('only kind-of-device words (after the maker’s own name) are generic', () => {
    expect(modelOfDescription({ manufacturer: 'D-Link Corporation', modelName: 'D-Link Router', modelNumber: 'DIR-882' })).toBe('DIR-882');
    expect(modelOfDescription({ manufacturer: 'NETGEAR, Inc.', modelName: 'Nighthawk', modelNumber: 'R7000' })).toBe('Nighthawk');
    expect(modelOfDescription({ manufacturer: 'Sonos, Inc.', modelName: 'Sonos Move', modelNumber: 'S17' })).toBe('Sonos Move');
  });
});
