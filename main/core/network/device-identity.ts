/**
 * What a surveyed device's own announcements say about its model and firmware (issue 18):
 *  - the model from its UPnP description: `modelName`, or `modelNumber` when the name is a
 *    generic word such as D-Link's "Wireless Router" / "D-Link Router" (the model code is in modelNumber);
 *  - its firmware from fields devices fill with their own firmware: the description's
 *    firmwareVersion/softwareVersion (Sonos, some cameras), and the mDNS TXT keys Shelly sends
 *    (`ver` on Gen2+ with `gen`, `fw_id` on Gen1). Never a library or server version (the SSDP
 *    SERVER header's "Linux/3.x UPnP/1.0 miniupnpd/2.1" names the OS and the UPnP daemon), never
 *    a TXT key that carries a protocol version (`pv`, `ve`, `txtvers`, `srcvers`).
 */
import type { DeviceDescription } from '../router/index.js';
import { namesSoftwareNotDevice } from '../router/index.js';
import type { MdnsService } from './mdns.js';

/** A model code: letters and at least one digit ("DIR-859", "BSB002", "S18"), not a bare number or version. */
const MODEL_CODE = /^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9][A-Za-z0-9 ._+/-]{1,39}$/;

/** Words that name a kind of device, not a product ("Wireless Router", "D-Link Router", "Network Camera"). */
const GENERIC_WORDS = new Set(['wireless', 'wifi', 'wi', 'fi', 'broadband', 'gigabit', 'dual', 'band', 'router', 'gateway', 'internet', 'access', 'point', 'ap', 'modem', 'network', 'ip', 'camera', 'device', 'home', 'cloud', 'n', 'ac', 'ax', 'g']);

/** True when the name, without the maker's own name, is only words for a kind of device. */
export function isGenericModelName(name: string, manufacturer: string | null): boolean {
  const maker = new Set((manufacturer ?? '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  const words = name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !maker.has(w) && !['corporation', 'corp', 'inc', 'systems'].includes(w));
  return words.length > 0 && words.every((w) => GENERIC_WORDS.has(w));
}

/** The model a UPnP description gives: its name, or its number when the name is a generic word and the number a model code. */
export function modelOfDescription(d: Pick<DeviceDescription, 'modelName' | 'modelNumber'> & Partial<Pick<DeviceDescription, 'manufacturer'>> | null): string | null {
  if (!d) return null;
  const name = d.modelName?.trim() && !namesSoftwareNotDevice(d.modelName) ? d.modelName.trim() : null;
  const number = d.modelNumber?.trim() ?? '';
  const numberIsCode = MODEL_CODE.test(number) && !/^v?\d+(\.\d+)+$/i.test(number) && !namesSoftwareNotDevice(number);
  if (numberIsCode && (!name || isGenericModelName(name, d.manufacturer ?? null))) return number;
  return name;
}

/** The firmware a device announced, and where it said so (in words for the report); null when it did not. */
export function announcedFirmware(descriptions: readonly DeviceDescription[], mdns: readonly MdnsService[]): { version: string; source: string } | null {
  for (const d of descriptions) {
    // A description a UPnP daemon filled with its own defaults describes the daemon, not the device.
    if ((d.manufacturer && namesSoftwareNotDevice(d.manufacturer)) || (d.modelName && namesSoftwareNotDevice(d.modelName))) continue;
    const v = d.firmware?.trim();
    if (v && /\d/.test(v) && v.length <= 100) return { version: v, source: 'its UPnP description' };
  }
  for (const s of mdns) {
    const ver = s.txt['ver']?.trim();
    // Shelly Gen2+ ("gen=2", "ver=1.4.4"): the firmware version of the device itself.
    if (s.txt['gen'] && ver && /^\d+\.\d+/.test(ver)) return { version: ver.slice(0, 100), source: 'its network announcement (mDNS)' };
    // Shelly Gen1 ("fw_id=20230913-114008/v1.14.0-gcb84623"): the build id names the version after the slash.
    const fwId = s.txt['fw_id']?.trim();
    const m = fwId ? /\/v?(\d+\.\d+(?:\.\d+)?[^\s@]*)/.exec(fwId) : null;
    // The trailing git hash ("-gcb84623") is the build's commit, not part of the version.
    if (m?.[1]) return { version: m[1].replace(/-g[0-9a-f]{6,}$/, '').slice(0, 100), source: 'its network announcement (mDNS)' };
  }
  return null;
}
