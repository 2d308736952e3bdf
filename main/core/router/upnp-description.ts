/** UPnP device description (the XML an SSDP LOCATION points at; TR-064's tr64desc.xml shares the shape). */
import { child, field, readXml, type ParseFailure } from './xml.js';
import { msg } from '../messages/index.js';

/** What a device description says about the device (any field may be absent). */
export interface DeviceDescription {
  deviceType: string | null;
  friendlyName: string | null;
  manufacturer: string | null;
  modelName: string | null;
  modelNumber: string | null;
  modelDescription: string | null;
  serialNumber: string | null;
  /** Firmware when the description carries it (TR-064 systemVersion/Display, some vendors' firmwareVersion). */
  firmware: string | null;
  /** serviceType URNs of the root device and its embedded devices. */
  services: string[];
}

/** Parses a UPnP/TR-064 description; malformed or non-UPnP XML gives the reason, never throws. */
export function parseDeviceDescription(text: string): { ok: true; value: DeviceDescription } | ParseFailure {
  const xml = readXml(text);
  if (!xml.ok) return xml;
  const root = child(xml.doc, 'root');
  const device = child(root, 'device');
  if (!root || !device) return { ok: false, reason: msg('router.parse.not-upnp') };
  const services: string[] = [];
  const walk = (d: Record<string, unknown>, depth: number) => {
    if (depth > 4) return;
    const list = child(d, 'serviceList');
    const svc = list?.service;
    for (const s of Array.isArray(svc) ? svc : []) {
      const t = field(s, 'serviceType');
      if (t && services.length < 64) services.push(t);
    }
    const dl = child(d, 'deviceList');
    const subs = dl?.device;
    for (const sub of Array.isArray(subs) ? subs : []) if (sub && typeof sub === 'object') walk(sub as Record<string, unknown>, depth + 1);
  };
  walk(device, 0);
  const sysVersion = child(root, 'systemVersion');
  return {
    ok: true,
    value: {
      deviceType: field(device, 'deviceType'),
      friendlyName: field(device, 'friendlyName'),
      manufacturer: field(device, 'manufacturer'),
      modelName: field(device, 'modelName'),
      modelNumber: field(device, 'modelNumber'),
      modelDescription: field(device, 'modelDescription'),
      serialNumber: field(device, 'serialNumber'),
      firmware: field(sysVersion, 'Display') ?? field(device, 'firmwareVersion') ?? field(device, 'softwareVersion'),
      services,
    },
  };
}
