/**
 * The address policy of the test-suite network guard: what a test process may talk to.
 * Pure functions, so the policy itself is unit-tested apart from the socket patching.
 *
 * Allowed: the loopback range 127.0.0.0/8, ::1, IPv4-mapped loopback (::ffff:127.x.y.z) and the
 * name `localhost`; unix-socket paths are allowed by the guard before this is consulted.
 * Everything else — private ranges, public addresses, link-local, the unspecified address,
 * short or hex IPv4 forms, and every other host name (a name means a DNS query) — is refused.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** The only multicast groups a test may send to, and only on a socket bound to loopback. */
export const LOOPBACK_MULTICAST_GROUPS: ReadonlySet<string> = new Set(['224.0.0.251', '239.255.255.250']);

/** Removes `[...]` around an IPv6 literal and lower-cases the host. */
export function normaliseHost(host: string): string {
  const h = host.trim().toLowerCase();
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

function ipv4Bytes(s: string): number[] | null {
  if (!isIPv4(s)) return null;
  return s.split('.').map(Number);
}

/** The 16 bytes of an IPv6 literal (with an optional trailing dotted IPv4 part), or null. */
export function ipv6Bytes(input: string): number[] | null {
  const s = input.split('%')[0] ?? '';
  if (!isIPv6(s)) return null;
  let text = s;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const maybeV4 = text.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    const v4 = ipv4Bytes(maybeV4);
    if (!v4) return null;
    tail.push(...v4);
    text = text.slice(0, lastColon + 1) + '0:0';
  }
  const [head = '', rest] = text.split('::');
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groupsOf(head);
  const right = rest === undefined ? [] : groupsOf(rest);
  const missing = 8 - left.length - right.length;
  if (rest === undefined && missing !== 0) return null;
  const groups = [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right].map((g) => parseInt(g, 16));
  if (groups.length !== 8 || groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** True only for addresses that cannot leave this machine (see the module comment). */
export function isLoopbackHost(host: string): boolean {
  const h = normaliseHost(host);
  if (h === 'localhost') return true;
  const v4 = ipv4Bytes(h);
  if (v4) return v4[0] === 127;
  const v6 = ipv6Bytes(h);
  if (!v6) return false;
  if (h.includes('%')) return false; // a zone id means a link-local, interface-scoped address
  const zeros = (from: number, to: number) => v6.slice(from, to).every((b) => b === 0);
  if (zeros(0, 15) && v6[15] === 1) return true; // ::1
  return zeros(0, 10) && v6[10] === 0xff && v6[11] === 0xff && v6[12] === 127; // ::ffff:127.x.y.z
}

/** True for an IP literal (v4 or v6, with or without brackets); false for host names. */
export function isIpLiteral(host: string): boolean {
  const h = normaliseHost(host).split('%')[0] ?? '';
  return isIPv4(h) || isIPv6(h);
}
