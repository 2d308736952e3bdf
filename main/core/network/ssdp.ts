/** SSDP (UPnP discovery) messages: the M-SEARCH we send and the replies we read. */
import type { SsdpReply } from '../ports.js';
import { stripControl } from './text.js';

/** The search targets a survey sends: everything, root devices, gateways, DIAL (Chromecast & co). */
export const SSDP_SEARCH_TARGETS = [
  'ssdp:all',
  'upnp:rootdevice',
  'urn:schemas-upnp-org:device:InternetGatewayDevice:1',
  'urn:dial-multiscreen-org:service:dial:1',
];

/** An M-SEARCH request (MX 1: devices answer within a second). */
export function mSearch(st: string): string {
  return ['M-SEARCH * HTTP/1.1', 'HOST: 239.255.255.250:1900', 'MAN: "ssdp:discover"', 'MX: 1', `ST: ${st}`, 'USER-AGENT: Porchlight/1 UPnP/1.1', '', ''].join('\r\n');
}

/** A parsed reply: lower-case header names; null when the datagram is not an SSDP answer. */
export interface SsdpAnswer {
  from: string;
  headers: Record<string, string>;
  location: string | null;
  server: string | null;
  st: string | null;
  usn: string | null;
}

/** Parses one reply datagram; garbage (binary, no status line, oversized) gives null. */
export function parseSsdpReply(reply: SsdpReply): SsdpAnswer | null {
  const text = reply.text;
  if (typeof text !== 'string' || text.length > 8192) return null;
  const lines = text.split(/\r?\n/);
  const status = lines[0] ?? '';
  if (!/^HTTP\/1\.[01] 200\b/i.test(status) && !/^NOTIFY \* HTTP\/1\.[01]/i.test(status)) return null;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1, 64)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    if (!/^[a-z0-9.\-_]{1,64}$/.test(name)) continue;
    const value = stripControl(line.slice(i + 1)).trim().slice(0, 512);
    headers[name] = value;
  }
  return {
    from: reply.from,
    headers,
    location: headers['location'] ?? null,
    server: headers['server'] ?? null,
    st: headers['st'] ?? headers['nt'] ?? null,
    usn: headers['usn'] ?? null,
  };
}
