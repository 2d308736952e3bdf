import { isIP } from 'node:net';
import { PorchlightError } from '../errors.js';
import { isIpv4, isLinkLocalV4, isLoopback, isRfc1918 } from '../network/index.js';

/** Where an address sits; only the first three may ever receive a credential probe. */
export type AddressScope = 'loopback' | 'private' | 'link-local' | 'public';

/** IPv4 ranges come from core/network (the survey's scope uses the same definitions). */
function scopeV4(ip: string): AddressScope {
  if (!isIpv4(ip)) return 'public';
  if (isLoopback(ip)) return 'loopback';
  if (isRfc1918(ip)) return 'private';
  if (isLinkLocalV4(ip)) return 'link-local';
  return 'public';
}

function scopeV6(ip: string): AddressScope {
  const lower = ip.toLowerCase().split('%')[0]!;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return scopeV4(mapped[1]!);
  if (lower === '::1') return 'loopback';
  const first = parseInt(lower.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return 'private';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  return 'public';
}

/** Classifies an IP literal; anything that is not an IP literal counts as public (it would need DNS). */
export function addressScope(ip: string): AddressScope {
  const v = isIP(ip.split('%')[0] ?? '');
  if (v === 4) return scopeV4(ip);
  if (v === 6) return scopeV6(ip);
  return 'public';
}

/** A probe target after validation: an IP literal in a probe-able scope, with its port. */
export interface ProbeTarget {
  host: string;
  port: number;
  https: boolean;
  scope: Exclude<AddressScope, 'public'>;
}

/**
 * Parses HOST[:PORT] and refuses — before anything is sent, even a DNS query — any host that is
 * not a loopback, private or link-local IP literal ("localhost" is read as 127.0.0.1).
 */
export function resolveProbeTarget(spec: string, https = false): ProbeTarget {
  const raw = spec.trim();
  let host = raw;
  let portText: string | undefined;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(raw);
  if (bracket) {
    host = bracket[1]!;
    portText = bracket[2];
  } else if ((raw.match(/:/g) ?? []).length === 1) {
    [host, portText] = raw.split(':') as [string, string];
  }
  if (host.toLowerCase() === 'localhost') host = '127.0.0.1';
  if (!isIP(host.split('%')[0] ?? '')) {
    throw new PorchlightError('refused', 'error.address-not-ip', { host });
  }
  const scope = addressScope(host);
  if (scope === 'public') {
    throw new PorchlightError('refused', 'error.address-public', { host });
  }
  const port = portText === undefined ? (https ? 443 : 80) : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PorchlightError('invalid-arguments', 'error.port-invalid', { port: String(portText) });
  return { host, port, https, scope };
}
