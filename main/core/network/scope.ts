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
    throw new PorchlightError('invalid-arguments', 'error.survey-budget', { min: 2, max: 120 });
  }
  if (!/^[A-Za-z0-9_.:\- {}]{1,64}$/.test(req.interface)) {
    throw new PorchlightError('invalid-arguments', 'error.interface-invalid', { name: req.interface });
  }
  if (!isIpv4(req.interfaceAddress) || !isProbeable(req.interfaceAddress)) {
    throw new PorchlightError('refused', 'error.interface-address-public', { address: req.interfaceAddress });
  }
  if (!Number.isInteger(req.prefixLength) || req.prefixLength < 8 || req.prefixLength > 32) {
    throw new PorchlightError('invalid-arguments', 'error.prefix-length', { min: 8, max: 32 });
  }
  const loopbackOnly = isLoopback(req.interfaceAddress);
  const check = (what: 'gateway' | 'target', ip: string) => {
    if (!isIpv4(ip)) throw what === 'gateway' ? new PorchlightError('invalid-arguments', 'error.gateway.not-ipv4', { ip }) : new PorchlightError('invalid-arguments', 'error.target.not-ipv4', { ip });
    if (!isProbeable(ip)) throw what === 'gateway' ? new PorchlightError('refused', 'error.gateway.public', { ip }) : new PorchlightError('refused', 'error.target.public', { ip });
    if (loopbackOnly && !isLoopback(ip)) throw what === 'gateway' ? new PorchlightError('refused', 'error.gateway.not-loopback', { ip }) : new PorchlightError('refused', 'error.target.not-loopback', { ip });
  };
  const gateway = req.gateway ?? null;
  if (gateway !== null) check('gateway', gateway);
  const targets = [...new Set(req.targets ?? [])];
  if (targets.length > 256) throw new PorchlightError('invalid-arguments', 'error.too-many-targets', { max: 256 });
  for (const t of targets) check('target', t);
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
