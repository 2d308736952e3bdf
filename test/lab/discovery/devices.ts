/**
 * The loopback lab's home network, as data: a router and the smart-home devices that answer
 * mDNS/SSDP the way the real ones do, one peer that hangs, one that speaks garbage, and a second
 * router on miniupnpd whose firmware is advertised nowhere.
 * MACs use the makers' real IEEE OUIs so the survey's vendor lookup is exercised for real.
 */

/** An mDNS service a lab device advertises. */
export interface LabMdnsService {
  type: string; // e.g. "_googlecast._tcp.local"
  instance: string; // e.g. "Chromecast-1a2b3c"
  port: number;
  txt: string[];
}

/** How a lab device answers SSDP: its search targets, SERVER header and description URL path. */
export interface LabSsdp {
  searchTargets: string[];
  server: string;
  /** Path of the description on the device's HTTP server (LOCATION = http://ip:port + path). */
  descriptionPath: string;
  extraHeaders?: Record<string, string>;
}

export interface LabDevice {
  id: string;
  ip: string;
  mac: string;
  label: string;
  /** What the survey should conclude (asserted by the acceptance tests). */
  expect: { vendor: RegExp; category: string; status: 'identified' | 'unknown' };
  mdns?: LabMdnsService[];
  ssdp?: LabSsdp;
  /** HTTP server of the device: its port and the body of each path. `hang` accepts and never answers. */
  http?: { port: number; files?: Record<string, { type: string; body: string }>; hang?: boolean };
  /** Answers every M-SEARCH with a binary datagram too, and every mDNS query with an undecodable packet. */
  garbage?: boolean;
  /** Leaves its address out of service answers: a browser must ask for the host's A record separately. */
  mdnsAddressOnRequest?: boolean;
}

/** The router's address: pass it as --gateway. */
export const LAB_ROUTER_IP = '127.0.0.40';
/** A router whose model is in CISA's KEV catalog (D-Link DIR-645, end of life): the known-vulnerabilities check fails on it. */
export const LAB_CATALOGUED_ROUTER_IP = '127.0.0.51';
/** A second router (miniupnpd, firmware advertised nowhere): pass it as --gateway to survey it as the router. */
export const LAB_SECOND_ROUTER_IP = '127.0.0.50';

const desc = (fields: Record<string, string>, services: string[] = []) =>
  `<?xml version="1.0" encoding="utf-8"?>
<root xmlns="urn:schemas-upnp-org:device-1-0">
  <specVersion><major>1</major><minor>0</minor></specVersion>
  <device>
${Object.entries(fields)
  .map(([k, v]) => `    <${k}>${v}</${k}>`)
  .join('\n')}
    <serviceList>
${services.map((s) => `      <service><serviceType>${s}</serviceType><serviceId>${s.replace(/^urn:[^:]+:service:/, 'urn:upnp-org:serviceId:')}</serviceId><controlURL>/ctl</controlURL><eventSubURL>/evt</eventSubURL><SCPDURL>/scpd.xml</SCPDURL></service>`).join('\n')}
    </serviceList>
  </device>
</root>
`;

/** The lab's devices (the router is served by lighttpd, see lighttpd.ts; it is listed here for SSDP and the neighbor table). */
export const LAB_DEVICES: LabDevice[] = [
  {
    id: 'router',
    ip: LAB_ROUTER_IP,
    mac: '24:65:11:4a:7c:01',
    label: 'AVM FRITZ!Box 7590 (lighttpd)',
    expect: { vendor: /AVM/, category: 'router', status: 'identified' },
    ssdp: {
      searchTargets: ['upnp:rootdevice', 'urn:schemas-upnp-org:device:InternetGatewayDevice:1', 'urn:schemas-upnp-org:service:WANIPConnection:1'],
      server: 'FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.57',
      descriptionPath: ':49000/igddesc.xml',
    },
  },
  {
    id: 'echo',
    ip: '127.0.0.41',
    mac: 'fc:a6:67:21:9e:41',
    label: 'Amazon Echo Dot (quiet on mDNS/SSDP, known by its OUI)',
    expect: { vendor: /Amazon/, category: 'speaker', status: 'identified' },
  },
  {
    id: 'chromecast',
    ip: '127.0.0.42',
    mac: 'f4:f5:d8:3b:10:42',
    label: 'Google Chromecast',
    expect: { vendor: /Google/, category: 'tv', status: 'identified' },
    mdns: [
      {
        type: '_googlecast._tcp.local',
        instance: 'Chromecast-5e1c0a7d9b2f4c3aa1e0b7c6d5f4e3a2',
        port: 8009,
        txt: ['id=5e1c0a7d9b2f4c3aa1e0b7c6d5f4e3a2', 'cd=1A2B3C4D5E6F7A8B', 'rm=', 've=05', 'md=Chromecast', 'ic=/setup/icon.png', 'fn=Living Room TV', 'ca=201221', 'st=0', 'bs=FA8FCA3AD1E0', 'nf=1', 'rs='],
      },
    ],
    ssdp: {
      searchTargets: ['urn:dial-multiscreen-org:service:dial:1', 'upnp:rootdevice'],
      server: 'Linux/3.8.13+, UPnP/1.0, Portable SDK for UPnP devices/1.6.18',
      descriptionPath: ':8008/ssdp/device-desc.xml',
    },
    http: {
      port: 8008,
      files: {
        '/ssdp/device-desc.xml': {
          type: 'text/xml',
          body: desc({ deviceType: 'urn:dial-multiscreen-org:device:dial:1', friendlyName: 'Living Room TV', manufacturer: 'Google Inc.', modelName: 'Eureka Dongle', UDN: 'uuid:5e1c0a7d-9b2f-4c3a-a1e0-b7c6d5f4e3a2' }, ['urn:dial-multiscreen-org:service:dial:1']),
        },
      },
    },
  },
  {
    id: 'hue',
    ip: '127.0.0.43',
    mac: '00:17:88:6d:2f:43',
    label: 'Philips Hue Bridge',
    expect: { vendor: /Philips|Signify/, category: 'hub', status: 'identified' },
    mdns: [{ type: '_hue._tcp.local', instance: 'Philips Hue - 6D2F43', port: 443, txt: ['bridgeid=001788fffe6d2f43', 'modelid=BSB002'] }],
    ssdp: {
      searchTargets: ['upnp:rootdevice', 'urn:schemas-upnp-org:device:basic:1'],
      server: 'Hue/1.0 UPnP/1.0 IpBridge/1.65.0',
      descriptionPath: ':80/description.xml',
      extraHeaders: { 'hue-bridgeid': '001788FFFE6D2F43' },
    },
    http: {
      port: 80,
      files: {
        '/description.xml': {
          type: 'text/xml',
          body: desc({ deviceType: 'urn:schemas-upnp-org:device:Basic:1', friendlyName: 'Philips hue (127.0.0.43)', manufacturer: 'Signify', modelDescription: 'Philips hue Personal Wireless Lighting', modelName: 'Philips hue bridge 2015', modelNumber: 'BSB002', serialNumber: '0017886d2f43' }),
        },
      },
    },
  },
  {
    id: 'camera',
    ip: '127.0.0.44',
    mac: '18:80:25:5a:91:44',
    label: 'Hikvision IP camera',
    expect: { vendor: /Hikvision/, category: 'camera', status: 'identified' },
    ssdp: {
      searchTargets: ['upnp:rootdevice', 'urn:schemas-upnp-org:device:Basic:1'],
      server: 'Linux/3.0.8, UPnP/1.0, Portable SDK for UPnP devices/1.6.6',
      descriptionPath: ':49152/upnpdevicedesc.xml',
    },
    http: {
      port: 49152,
      files: {
        '/upnpdevicedesc.xml': {
          type: 'text/xml',
          body: desc({ deviceType: 'urn:schemas-upnp-org:device:Basic:1', friendlyName: 'DS-2CD2143G2-I - Front Door', manufacturer: 'Hikvision', modelDescription: 'Network Camera', modelName: 'DS-2CD2143G2-I', modelNumber: 'DS-2CD2143G2-I', serialNumber: 'DS-2CD2143G2-I20230101AAWRJ12345678' }),
        },
      },
    },
  },
  {
    id: 'lock',
    ip: '127.0.0.45',
    mac: '54:ef:44:c3:08:45',
    label: 'Aqara smart lock (HomeKit)',
    expect: { vendor: /Lumi United/, category: 'lock', status: 'identified' },
    mdns: [{ type: '_hap._tcp.local', instance: 'Aqara Smart Lock U100', port: 61212, txt: ['c#=3', 'ff=2', 'id=4C:2F:9A:11:08:45', 'md=Aqara Smart Lock U100', 'pv=1.1', 's#=1', 'sf=0', 'ci=6', 'sh=kR4B3w=='] }],
  },
  {
    id: 'sonos',
    ip: '127.0.0.46',
    mac: '34:7e:5c:8e:1d:46',
    label: 'Sonos One',
    expect: { vendor: /Sonos/, category: 'speaker', status: 'identified' },
    mdns: [{ type: '_sonos._tcp.local', instance: 'Sonos-347E5C8E1D46', port: 1443, txt: ['info=/api/v1/players/RINCON_347E5C8E1D4601400/info', 'vers=3', 'protovers=1.24.1', 'mhhid=Sonos_kitchen', 'locationid=lc_1'] }],
    ssdp: {
      searchTargets: ['upnp:rootdevice', 'urn:schemas-upnp-org:device:ZonePlayer:1'],
      server: 'Linux UPnP/1.0 Sonos/70.3-35220 (ZPS12)',
      descriptionPath: ':1400/xml/device_description.xml',
      extraHeaders: { 'x-rincon-household': 'Sonos_kitchen' },
    },
    http: {
      port: 1400,
      files: {
        '/xml/device_description.xml': {
          type: 'text/xml',
          body: desc({ deviceType: 'urn:schemas-upnp-org:device:ZonePlayer:1', friendlyName: '127.0.0.46 - Sonos One - RINCON_347E5C8E1D4601400', manufacturer: 'Sonos, Inc.', modelNumber: 'S18', modelDescription: 'Sonos One', modelName: 'Sonos One', softwareVersion: '70.3-35220' }),
        },
      },
    },
  },
  {
    id: 'plug',
    ip: '127.0.0.47',
    mac: '84:00:ec:2b:77:47',
    label: 'Shelly Plug S Gen3',
    expect: { vendor: /Shelly/, category: 'plug-light', status: 'identified' },
    mdns: [{ type: '_shelly._tcp.local', instance: 'shellyplugsg3-8400ec2b7747', port: 80, txt: ['gen=3', 'app=PlugSG3', 'ver=1.4.4'] }],
    mdnsAddressOnRequest: true,
  },
  {
    id: 'hanging',
    ip: '127.0.0.48',
    mac: '00:e0:4c:68:00:48',
    label: 'A peer that accepts connections and never answers',
    expect: { vendor: /REALTEK/i, category: 'unknown', status: 'unknown' },
    ssdp: { searchTargets: ['upnp:rootdevice'], server: 'Linux/4.9 UPnP/1.0 miniupnpd/2.1', descriptionPath: ':8080/rootDesc.xml' },
    http: { port: 8080, hang: true },
  },
  {
    id: 'garbage',
    ip: '127.0.0.49',
    mac: '1c:69:7a:0b:ad:49',
    label: 'A peer that answers garbage',
    expect: { vendor: /EliteGroup/i, category: 'unknown', status: 'unknown' },
    ssdp: { searchTargets: ['upnp:rootdevice'], server: '\u0000\u00ff garbage \u0007', descriptionPath: ':8080/desc.xml' },
    http: {
      port: 8080,
      files: { '/desc.xml': { type: 'text/xml', body: '<?xml version="1.0"?><root><device><manufacturer>Acme</manufacturer><modelName>&bogus;<<<</device>\u0000\u0001' } },
    },
    garbage: true,
  },
  {
    // A second router on the network (an ASUS on miniupnpd, as a mesh node or the old router left
    // plugged in). Its owner named it "Home Gateway"; the only version its SSDP answer carries is
    // miniupnpd's own, and its description (shaped like ASUS firmware's miniupnpd, see
    // test/fixtures/network/upnp/README.md) has no firmware field: its firmware is known nowhere.
    id: 'asus',
    ip: LAB_SECOND_ROUTER_IP,
    mac: '04:d9:f5:3c:7e:50',
    label: 'ASUS RT-AC68U on miniupnpd named "Home Gateway", firmware advertised nowhere',
    expect: { vendor: /ASUSTek/i, category: 'router', status: 'identified' },
    ssdp: {
      searchTargets: ['upnp:rootdevice', 'urn:schemas-upnp-org:device:InternetGatewayDevice:1', 'urn:schemas-upnp-org:service:WANIPConnection:1'],
      server: 'Linux/2.6.36 UPnP/1.1 MiniUPnPd/1.8',
      descriptionPath: ':5000/rootDesc.xml',
    },
    http: {
      port: 5000,
      files: {
        '/rootDesc.xml': {
          type: 'text/xml',
          body: desc(
            { deviceType: 'urn:schemas-upnp-org:device:InternetGatewayDevice:1', friendlyName: 'Home Gateway', manufacturer: 'ASUSTeK Computer Inc.', modelDescription: 'RT-AC68U', modelName: 'RT-AC68U', modelNumber: '3.0.0.4', UDN: 'uuid:3ddcd1d3-2380-45f5-b069-04d9f53c7e50' },
            ['urn:schemas-upnp-org:service:Layer3Forwarding:1'],
          ),
        },
      },
    },
  },
  {
    id: 'dlink',
    ip: LAB_CATALOGUED_ROUTER_IP,
    mac: '1c:7e:e5:64:5a:51',
    label: 'D-Link DIR-645 (an old router kept as an access point; end of life, on CISA\'s KEV list as CVE-2015-2051)',
    expect: { vendor: /D-Link/i, category: 'router', status: 'identified' },
    ssdp: {
      // D-Link's own firmware (not miniupnpd) names the model and firmware in its SERVER header.
      searchTargets: ['upnp:rootdevice', 'urn:schemas-upnp-org:device:InternetGatewayDevice:1', 'urn:schemas-upnp-org:service:WANIPConnection:1'],
      server: 'Linux, UPnP/1.0, DIR-645 Ver 1.03',
      descriptionPath: ':49152/InternetGatewayDevice.xml',
    },
    http: {
      port: 49152,
      files: {
        '/InternetGatewayDevice.xml': {
          type: 'text/xml',
          body: desc(
            { deviceType: 'urn:schemas-upnp-org:device:InternetGatewayDevice:1', friendlyName: 'D-Link Router', manufacturer: 'D-Link', manufacturerURL: 'http://www.dlink.com', modelDescription: 'Wireless Router', modelName: 'DIR-645', modelNumber: 'DIR-645', modelURL: 'http://www.dlink.com', UDN: 'uuid:9a3f5c12-645d-4b1e-8c7a-1c7ee5645a51' },
            ['urn:schemas-upnp-org:service:Layer3Forwarding:1'],
          ),
        },
      },
    },
  },
];
