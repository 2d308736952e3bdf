/**
 * Default-route parsers for each OS's routing output. Pure functions over text so every format is
 * tested on fixtures; the adapter only runs the command. Garbage in → null, never a throw.
 */
import { isIpv4 } from './ip.js';

/** A default route: the gateway address and, when printed, the interface it leaves by. */
export interface DefaultRoute {
  gateway: string;
  interface: string | null;
}

const pick = (routes: DefaultRoute[], iface?: string): DefaultRoute | null =>
  (iface ? routes.find((r) => r.interface === iface) : undefined) ?? routes[0] ?? null;

/** Linux `ip route show default` / `ip -4 route`: "default via 192.168.1.1 dev eth0 proto dhcp metric 100". */
export function parseIpRoute(text: string, iface?: string): DefaultRoute | null {
  const routes: DefaultRoute[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*default\s+via\s+(\S+)(?:.*?\sdev\s+(\S+))?/.exec(line);
    if (m && isIpv4(m[1]!)) routes.push({ gateway: m[1]!, interface: m[2] ?? null });
  }
  return pick(routes, iface);
}

/** Linux /proc/net/route: destination 00000000 with the RTF_GATEWAY flag; addresses are little-endian hex. */
export function parseProcNetRoute(text: string, iface?: string): DefaultRoute | null {
  const routes: DefaultRoute[] = [];
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 4) continue;
    const [name, dest, gw, flags] = cols as [string, string, string, string];
    if (dest !== '00000000' || !/^[0-9A-Fa-f]{8}$/.test(gw)) continue;
    if ((parseInt(flags, 16) & 0x2) === 0) continue;
    const n = parseInt(gw, 16);
    const ip = [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24].join('.');
    routes.push({ gateway: ip, interface: name });
  }
  return pick(routes, iface);
}

/** Windows `route print -4` (or `route print 0.0.0.0`): "0.0.0.0  0.0.0.0  192.168.1.1  192.168.1.23  25". */
export function parseWindowsRoutePrint(text: string): DefaultRoute | null {
  const routes: { r: DefaultRoute; metric: number }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*0\.0\.0\.0\s+0\.0\.0\.0\s+(\S+)\s+(\S+)\s+(\d+)/.exec(line);
    if (m && isIpv4(m[1]!)) routes.push({ r: { gateway: m[1]!, interface: isIpv4(m[2]!) ? m[2]! : null }, metric: Number(m[3]) });
  }
  routes.sort((a, b) => a.metric - b.metric);
  return routes[0]?.r ?? null;
}

/** macOS `route -n get default` ("gateway: 192.168.1.1", "interface: en0") or `netstat -rn` ("default 192.168.1.1 UGScg en0"). */
export function parseMacRoute(text: string, iface?: string): DefaultRoute | null {
  const gw = /^\s*gateway:\s*(\S+)/m.exec(text);
  if (gw && isIpv4(gw[1]!)) {
    const ifm = /^\s*interface:\s*(\S+)/m.exec(text);
    return { gateway: gw[1]!, interface: ifm?.[1] ?? null };
  }
  const routes: DefaultRoute[] = [];
  for (const line of text.split('\n')) {
    const m = /^default\s+(\S+)\s+\S+\s+(?:\S+\s+\S+\s+)?(\S+)/.exec(line.trim());
    if (m && isIpv4(m[1]!)) routes.push({ gateway: m[1]!, interface: m[2] ?? null });
  }
  return pick(routes, iface);
}
