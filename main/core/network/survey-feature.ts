/**
 * The survey as a Core feature: the service plus where its scope comes from. The app's scope is
 * the active interface's subnet and default gateway; a host may pin it (the CLI's flags, the test
 * harness's lab) — and a host that provides no interface list cannot survey at all, so nothing
 * reaches a real interface by accident.
 */
import type { Clock, Discovery, GatewayLookup, HttpFetcher, InterfaceList, Logger, NeighborTable, OuiRegistry, ProbeScope } from '../ports.js';
import type { HomeModel } from '../model/index.js';
import { PorchlightError } from '../errors.js';
import { buildScope, type ScopeRequest } from './scope.js';
import { isProbeable } from './ip.js';
import { SurveyService } from './survey-service.js';
import type { RouterProbeTargets } from '../router/index.js';

/** The network ports a host wires in to enable the survey. */
export interface NetworkDeps {
  neighbors: NeighborTable;
  discovery: Discovery;
  http: HttpFetcher;
  oui: OuiRegistry;
  gateway: GatewayLookup;
  interfaces: InterfaceList;
  /** A fixed scope (CLI flags, test lab). Absent → the active interface's subnet. */
  fixedScope?: () => ScopeRequest | null;
  routerTargets?: (gateway: string) => RouterProbeTargets;
}

/** Options a caller may add to the host's scope (the app's "add a host", the budget, the sweep opt-in). */
export interface ScopeOptions {
  seconds?: number;
  targets?: string[];
  sweep?: boolean;
}

export interface SurveyFeature {
  readonly service: SurveyService;
  /** The scope a survey started now would use; refuses when there is no usable home interface. */
  scope(opts?: ScopeOptions): Promise<ProbeScope>;
}

/**
 * Picks the active interface: the one the default route leaves by, else the first private
 * non-internal IPv4 interface. Public-addressed interfaces are never chosen.
 */
export async function activeInterfaceScope(n: NetworkDeps, opts: ScopeOptions): Promise<ScopeRequest> {
  const candidates = n.interfaces.list().filter((i) => !i.internal && isProbeable(i.address));
  const route = await n.gateway.defaultRoute().catch(() => null);
  const chosen = (route?.interface ? candidates.find((i) => i.name === route.interface) : undefined) ?? candidates[0];
  if (!chosen) throw new PorchlightError('not-found', 'error.no-home-network');
  const gateway = route && isProbeable(route.gateway) ? route.gateway : null;
  return { interface: chosen.name, interfaceAddress: chosen.address, prefixLength: Math.max(chosen.prefixLength, 16), gateway, ...opts };
}

/** Builds the feature from the host's ports, or null when the host wired none. */
export function createSurveyFeature(
  n: NetworkDeps | undefined,
  deps: { model: HomeModel; clock: Clock; log: Logger; resourcesDir: string },
): SurveyFeature | null {
  if (!n) return null;
  const service = new SurveyService({ ...n, ...deps, routerTargets: n.routerTargets });
  return {
    service,
    async scope(opts: ScopeOptions = {}) {
      const fixed = n.fixedScope ? n.fixedScope() : undefined;
      if (n.fixedScope && !fixed) throw new PorchlightError('refused', 'error.no-survey-scope');
      const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as ScopeOptions;
      const req = fixed ? { ...fixed, ...given, targets: [...(fixed.targets ?? []), ...(opts.targets ?? [])] } : await activeInterfaceScope(n, given);
      return buildScope(req);
    },
  };
}
