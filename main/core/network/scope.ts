import { PorchlightError } from '../errors.js';
import type { ProbeScope } from '../ports.js';
import { inSubnet, isIpv4, isLoopback, isProbeable } from './ip.js';

/** What a host (CLI flags, app settings, test harness) says the survey may touch. */
export interface ScopeRequest {
  interface: string;
  interfaceAddress: string;
  prefixLength: number;
  gateway?: string | null;
  targets?: string[];
  /** Overall budget in seconds (default 10, 2..120). */
  seconds?: number;
  sweep?: boolean;
}

/** Default overall budget of a survey, in seconds. */
export const DEFAULT_SURVEY_SECONDS = 10;

/**
 * Builds the survey's scope and refuses anything that would probe outside the home: the interface
 * address, gateway and every target must be private or loopback IPv4, and a loopback interface
 * keeps every probe on 127.0.0.0/8. Per-probe deadline and listen window are derived from the budget
 * so that the phases always fit inside it.
 */
export function buildScope(req: ScopeRequest): ProbeScope {
  const seconds = req.seconds ?? DEFAULT_SURVEY_SECONDS;
  if (!Number.isFinite(seconds) || seconds < 2 || seconds > 120) {
    throw new PorchlightError('invalid-arguments', 'The survey budget must be between 2 and 120 seconds.');
  }
  if (!/^[A-Za-z0-9_.:\- {}]{1,64}$/.test(req.interface)) {
    throw new PorchlightError('invalid-arguments', `"${req.interface}" is not an interface name.`);
  }
  if (!isIpv4(req.interfaceAddress) || !isProbeable(req.interfaceAddress)) {
    throw new PorchlightError('refused', `The interface address ${req.interfaceAddress} is not a private or loopback IPv4 address; Porchlight only surveys home networks.`);
  }
  if (!Number.isInteger(req.prefixLength) || req.prefixLength < 8 || req.prefixLength > 32) {
    throw new PorchlightError('invalid-arguments', 'The subnet prefix length must be between 8 and 32.');
  }
  const loopbackOnly = isLoopback(req.interfaceAddress);
  const check = (what: string, ip: string) => {
    if (!isIpv4(ip)) throw new PorchlightError('invalid-arguments', `${what} "${ip}" is not an IPv4 address.`);
    if (!isProbeable(ip)) throw new PorchlightError('refused', `${what} ${ip} is a public address; Porchlight only probes private and loopback addresses.`);
    if (loopbackOnly && !isLoopback(ip)) throw new PorchlightError('refused', `${what} ${ip} is not on the loopback interface's network.`);
  };
  const gateway = req.gateway ?? null;
  if (gateway !== null) check('The gateway', gateway);
  const targets = [...new Set(req.targets ?? [])];
  if (targets.length > 256) throw new PorchlightError('invalid-arguments', 'At most 256 targets can be added by hand.');
  for (const t of targets) check('The target', t);
  const budgetMs = Math.round(seconds * 1000);
  return {
    interface: req.interface,
    interfaceAddress: req.interfaceAddress,
    prefixLength: req.prefixLength,
    gateway,
    targets,
    budgetMs,
    listenMs: Math.min(3000, Math.round(budgetMs * 0.3)),
    probeDeadlineMs: Math.min(2500, Math.round(budgetMs * 0.2)),
    sweep: req.sweep ?? false,
  };
}

/**
 * May the survey actively contact `ip` (fetch a description, open a TCP connection)? Only the
 * gateway, explicit targets and addresses inside the interface's subnet — and never a public one.
 */
export function inScope(scope: ProbeScope, ip: string): boolean {
  if (!isProbeable(ip)) return false;
  if (isLoopback(scope.interfaceAddress) && !isLoopback(ip)) return false;
  return ip === scope.gateway || scope.targets.includes(ip) || inSubnet(ip, scope.interfaceAddress, scope.prefixLength);
}

/** Refuses a URL whose host is outside the scope (used before every fetch of an advertised LOCATION). */
export function urlInScope(scope: ProbeScope, url: string): URL | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return inScope(scope, u.hostname) ? u : null;
}
