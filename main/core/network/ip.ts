/** IPv4 helpers for scope checks: parsing, subnets, and which address ranges count as "home". */

/** Parses dotted-quad IPv4 into a 32-bit unsigned number, or null when it is not one. */
export function parseIpv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** Formats a 32-bit number as dotted quad. */
export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** True for a syntactically valid IPv4 address. */
export const isIpv4 = (text: string): boolean => parseIpv4(text) !== null;

/** True when `ip` lies in `base`/`prefix`. */
export function inSubnet(ip: string, base: string, prefix: number): boolean {
  const a = parseIpv4(ip);
  const b = parseIpv4(base);
  if (a === null || b === null || prefix < 0 || prefix > 32) return false;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (a & mask) === (b & mask);
}

/** Loopback 127.0.0.0/8. */
export const isLoopback = (ip: string): boolean => inSubnet(ip, '127.0.0.0', 8);

/** The RFC 1918 private ranges: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16. */
export const isRfc1918 = (ip: string): boolean => inSubnet(ip, '10.0.0.0', 8) || inSubnet(ip, '172.16.0.0', 12) || inSubnet(ip, '192.168.0.0', 16);

/** IPv4 link-local, 169.254.0.0/16. */
export const isLinkLocalV4 = (ip: string): boolean => inSubnet(ip, '169.254.0.0', 16);

/**
 * RFC 1918 private ranges and IPv4 link-local: the only non-loopback addresses a survey may probe.
 * The one definition of these ranges: the credential probes' address scope
 * (core/credentials/address-scope.ts) is built from the same three functions.
 */
export function isPrivate(ip: string): boolean {
  return isRfc1918(ip) || isLinkLocalV4(ip);
}

/** The one rule for active probes: a private or loopback IPv4 address, nothing public. */
export const isProbeable = (ip: string): boolean => isIpv4(ip) && (isLoopback(ip) || isPrivate(ip));

/** Converts a dotted netmask (255.255.255.0) to a prefix length, or null when not contiguous. */
export function maskToPrefix(mask: string): number | null {
  const n = parseIpv4(mask);
  if (n === null) return null;
  const bits = n.toString(2).padStart(32, '0');
  if (!/^1*0*$/.test(bits)) return null;
  return bits.indexOf('0') === -1 ? 32 : bits.indexOf('0');
}

/** The subnet an interface address is on, as network/prefix (192.168.1.23, 24 → 192.168.1.0/24). */
export function subnetOf(address: string, prefix: number): string {
  const n = parseIpv4(address);
  if (n === null || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return `${address}/${prefix}`;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return `${formatIpv4((n & mask) >>> 0)}/${prefix}`;
}
