/**
 * Reading OpenWrt's UCI configuration as rpcd's `uci get` returns it, and turning it into the facts
 * Porchlight checks: encryption per wifi-iface, which Wi-Fi is a separate (guest/IoT) network and
 * whether it is really isolated (its own interface, its own firewall zone that rejects input and
 * forwarding and forwards only to the WAN), WPS push button, remote administration from the WAN.
 * Pure functions: tested on the shapes rpcd returns.
 */
import { z } from 'zod';
import type { WifiEncryption } from '../port.js';

const OptionValue = z.union([z.string(), z.array(z.string())]);

/** One section as `uci get {config}` dumps it: `.name`, `.type`, `.anonymous`, `.index`, options. */
export const UciSectionSchema = z
  .object({ '.name': z.string().max(200), '.type': z.string().max(100), '.anonymous': z.boolean().optional(), '.index': z.number().int().optional() })
  .catchall(z.union([OptionValue, z.boolean(), z.number()]));
export type UciSectionDump = z.infer<typeof UciSectionSchema>;

export const UciConfigReplySchema = z.object({ values: z.record(z.string(), UciSectionSchema) });

export interface UciSection {
  name: string;
  type: string;
  options: Record<string, string | string[]>;
}

/** Sections in file order. */
export function sectionsOf(reply: unknown): UciSection[] {
  const parsed = UciConfigReplySchema.parse(reply);
  return Object.values(parsed.values)
    .sort((a, b) => (a['.index'] ?? 0) - (b['.index'] ?? 0))
    .map((s) => {
      const options: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(s)) if (!k.startsWith('.') && (typeof v === 'string' || Array.isArray(v))) options[k] = v;
      return { name: s['.name'], type: s['.type'], options };
    });
}

export const str = (s: UciSection | undefined, k: string): string | undefined => {
  const v = s?.options[k];
  return typeof v === 'string' ? v : undefined;
};
/** A list option, or a space-separated string option, as items. */
export const list = (s: UciSection | undefined, k: string): string[] => {
  const v = s?.options[k];
  return Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : [];
};
const isTrue = (v: string | undefined) => v === '1' || v === 'on' || v === 'true' || v === 'yes' || v === 'enabled';

/** OpenWrt `encryption` (with optional +cipher suffix) → the normalised mode. */
export function encryptionOf(value: string | undefined): WifiEncryption {
  const base = (value ?? 'none').split('+')[0]!;
  switch (base) {
    case 'none':
      return 'open';
    case 'wep':
    case 'wep-open':
    case 'wep-shared':
      return 'wep';
    case 'psk':
    case 'psk-mixed':
      return 'wpa';
    case 'psk2':
      return 'wpa2';
    case 'sae-mixed':
      return 'wpa2-wpa3';
    case 'sae':
      return 'wpa3';
    default:
      return 'other';
  }
}

/** The OpenWrt value and 802.11w (management frame protection) setting for a wanted mode. */
export function uciEncryption(mode: 'wpa2' | 'wpa2-wpa3' | 'wpa3'): { encryption: string; ieee80211w: string } {
  if (mode === 'wpa3') return { encryption: 'sae', ieee80211w: '2' };
  if (mode === 'wpa2-wpa3') return { encryption: 'sae-mixed', ieee80211w: '1' };
  return { encryption: 'psk2', ieee80211w: '1' };
}

export interface FirewallZone {
  section: string;
  name: string;
  networks: string[];
  input: string;
  forward: string;
  output: string;
}

export function zonesOf(firewall: UciSection[]): FirewallZone[] {
  const defaults = firewall.find((s) => s.type === 'defaults');
  return firewall
    .filter((s) => s.type === 'zone' && str(s, 'enabled') !== '0')
    .map((s) => ({
      section: s.name,
      name: str(s, 'name') ?? s.name,
      networks: list(s, 'network'),
      input: (str(s, 'input') ?? str(defaults, 'input') ?? 'ACCEPT').toUpperCase(),
      forward: (str(s, 'forward') ?? str(defaults, 'forward') ?? 'ACCEPT').toUpperCase(),
      output: (str(s, 'output') ?? str(defaults, 'output') ?? 'ACCEPT').toUpperCase(),
    }));
}

export function forwardingsOf(firewall: UciSection[]): { src: string; dest: string }[] {
  return firewall.filter((s) => s.type === 'forwarding' && str(s, 'enabled') !== '0').map((s) => ({ src: str(s, 'src') ?? '', dest: str(s, 'dest') ?? '' }));
}

export type NetworkRoleVerdict =
  | { role: 'home'; why: 'lan-zone' }
  | { role: 'guest'; why: 'isolated-zone'; zone: string; interface: string }
  | { role: 'unknown'; why: 'no-zone' | 'zone-not-isolated' | 'no-interface' | 'mesh' };

/**
 * What a wifi-iface's network is: the LAN (home), a separate network whose firewall zone rejects
 * input and forwarding and forwards only to the WAN (guest), or something Porchlight cannot tell.
 */
export function roleOfIface(iface: UciSection, network: UciSection[], firewall: UciSection[]): NetworkRoleVerdict {
  if (str(iface, 'mode') === 'mesh') return { role: 'unknown', why: 'mesh' };
  const nets = list(iface, 'network');
  const netName = nets[0];
  if (!netName || !network.some((s) => s.type === 'interface' && s.name === netName)) return { role: 'unknown', why: 'no-interface' };
  const zone = zonesOf(firewall).find((z) => z.networks.includes(netName));
  if (!zone) return { role: 'unknown', why: 'no-zone' };
  if (zone.name === 'lan') return { role: 'home', why: 'lan-zone' };
  const fw = forwardingsOf(firewall);
  const rejects = (p: string) => p === 'REJECT' || p === 'DROP';
  const isolated = rejects(zone.input) && rejects(zone.forward) && fw.filter((f) => f.src === zone.name).every((f) => f.dest === 'wan');
  if (!isolated) return { role: 'unknown', why: 'zone-not-isolated' };
  return { role: 'guest', why: 'isolated-zone', zone: zone.name, interface: netName };
}

export const ifaceEnabled = (iface: UciSection, wireless: UciSection[]): boolean => {
  const dev = wireless.find((s) => s.type === 'wifi-device' && s.name === str(iface, 'device'));
  return str(iface, 'disabled') !== '1' && str(dev, 'disabled') !== '1';
};

export const wpsOn = (iface: UciSection): boolean => isTrue(str(iface, 'wps_pushbutton')) || isTrue(str(iface, 'wps_label'));

/** Ports that reach the router's own administration: SSH, HTTP(S) of uhttpd/LuCI, telnet. */
function adminPorts(uhttpd: UciSection[] | null, dropbear: UciSection[] | null): Set<number> {
  const ports = new Set<number>([22, 23, 80, 443]);
  for (const s of uhttpd ?? []) for (const l of [...list(s, 'listen_http'), ...list(s, 'listen_https')]) {
    const m = /:(\d+)$/.exec(l);
    if (m) ports.add(Number(m[1]));
  }
  for (const s of dropbear ?? []) {
    const p = Number(str(s, 'Port'));
    if (Number.isInteger(p) && p > 0) ports.add(p);
  }
  return ports;
}

function portsCover(spec: string | undefined, ports: Set<number>): boolean {
  if (!spec) return true; // no dest_port: every port
  for (const part of spec.split(/[\s,]+/).filter(Boolean)) {
    const [a, b] = part.split(/[-:]/).map(Number);
    if (a === undefined || !Number.isInteger(a)) continue;
    const hi = b !== undefined && Number.isInteger(b) ? b : a;
    for (const p of ports) if (p >= a && p <= hi) return true;
  }
  return false;
}

/**
 * Firewall settings that open the router's own administration to the internet: an enabled `rule`
 * from the wan zone (or any zone) to the router itself (no `dest`) accepting an admin port, or the
 * wan zone's input policy ACCEPT. Returns the section names (empty: closed).
 */
export function remoteAdminOpenings(firewall: UciSection[], uhttpd: UciSection[] | null, dropbear: UciSection[] | null): { sections: string[]; zoneInputOpen: string | null } {
  const ports = adminPorts(uhttpd, dropbear);
  const wanZones = zonesOf(firewall).filter((z) => z.name === 'wan' || z.networks.includes('wan') || z.networks.includes('wan6'));
  const wanNames = new Set(wanZones.map((z) => z.name));
  const sections = firewall
    .filter((s) => s.type === 'rule' && str(s, 'enabled') !== '0')
    .filter((s) => {
      const src = str(s, 'src');
      if (!src || !(wanNames.has(src) || src === '*')) return false;
      if (str(s, 'dest')) return false;
      if ((str(s, 'target') ?? 'DROP').toUpperCase() !== 'ACCEPT') return false;
      const proto = list(s, 'proto').map((p) => p.toLowerCase());
      if (proto.length && !proto.some((p) => p === 'tcp' || p === 'all' || p === 'tcpudp')) return false;
      return portsCover(str(s, 'dest_port'), ports);
    })
    .map((s) => s.name);
  const open = wanZones.find((z) => z.input === 'ACCEPT');
  return { sections, zoneInputOpen: open ? open.section : null };
}
