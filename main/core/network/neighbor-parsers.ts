/**
 * Neighbor (ARP) table parsers for Linux, Windows and macOS output. Pure over text, tested on
 * fixtures. Incomplete/failed rows keep their IP with mac null; unparseable lines are skipped.
 */
import type { NeighborEntry } from '../ports.js';
import { isIpv4 } from './ip.js';
import { normalizeMac } from './mac.js';

/** Linux `ip neigh show`: "192.168.1.20 dev wlan0 lladdr aa:bb:cc:dd:ee:ff REACHABLE". */
export function parseIpNeigh(text: string): NeighborEntry[] {
  const out: NeighborEntry[] = [];
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    const ip = cols[0];
    if (!ip || !isIpv4(ip)) continue;
    const dev = cols.indexOf('dev');
    const ll = cols.indexOf('lladdr');
    const last = cols[cols.length - 1]!;
    // Every real row names its device; anything else is not `ip neigh` output.
    if (dev < 0) continue;
    out.push({
      ip,
      mac: ll >= 0 ? normalizeMac(cols[ll + 1]) : null,
      interface: dev >= 0 ? (cols[dev + 1] ?? null) : null,
      state: /^[A-Z_]+$/.test(last) ? last : null,
    });
  }
  return out;
}

/** Linux /proc/net/arp: "IP address HW type Flags HW address Mask Device"; flags 0x0 means incomplete. */
export function parseProcNetArp(text: string): NeighborEntry[] {
  const out: NeighborEntry[] = [];
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 6 || !isIpv4(cols[0]!)) continue;
    const complete = (parseInt(cols[2]!, 16) & 0x2) !== 0;
    out.push({
      ip: cols[0]!,
      mac: complete ? normalizeMac(cols[3]) : null,
      interface: cols[5] ?? null,
      state: complete ? ((parseInt(cols[2]!, 16) & 0x4) !== 0 ? 'PERMANENT' : 'REACHABLE') : 'INCOMPLETE',
    });
  }
  return out;
}

/** Windows `arp -a`: "Interface: 192.168.1.23 --- 0x7" blocks of "192.168.1.1  aa-bb-cc-dd-ee-ff  dynamic". */
export function parseWindowsArp(text: string): NeighborEntry[] {
  const out: NeighborEntry[] = [];
  let iface: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const head = /^\s*Interface:\s*(\S+)/i.exec(line);
    if (head) {
      iface = head[1]!;
      continue;
    }
    const m = /^\s*(\d+\.\d+\.\d+\.\d+)\s+([0-9A-Fa-f-]{17})\s+(\S+)/.exec(line);
    if (!m || !isIpv4(m[1]!)) continue;
    const mac = normalizeMac(m[2]);
    // Broadcast and multicast rows (ff-ff-…, 01-00-5e-…) are not devices.
    if (!mac || mac.startsWith('01:00:5e')) continue;
    out.push({ ip: m[1]!, mac, interface: iface, state: m[3]!.toLowerCase() });
  }
  return out;
}

/** macOS/BSD `arp -an`: "? (192.168.1.1) at a4:2b:b0:1:2:3 on en0 ifscope [ethernet]" or "(incomplete)". */
export function parseMacArp(text: string): NeighborEntry[] {
  const out: NeighborEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /\((\d+\.\d+\.\d+\.\d+)\)\s+at\s+(\S+)(?:\s+on\s+(\S+))?/.exec(line);
    if (!m || !isIpv4(m[1]!)) continue;
    const incomplete = m[2] === '(incomplete)';
    const mac = incomplete ? null : normalizeMac(m[2]);
    if (!incomplete && (!mac || mac.startsWith('01:00:5e'))) continue;
    out.push({ ip: m[1]!, mac, interface: m[3] ?? null, state: incomplete ? 'incomplete' : /permanent/.test(line) ? 'permanent' : null });
  }
  return out;
}

/** States that mean "the OS could not reach it": such rows are not counted as seen devices. */
export function isDeadNeighbor(e: NeighborEntry): boolean {
  return e.mac === null || /^(FAILED|INCOMPLETE|incomplete)$/.test(e.state ?? '');
}
