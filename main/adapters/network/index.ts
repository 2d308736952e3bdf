/** Real network adapters for the survey, wired by the hosts (Electron, CLI, harness). */
import type { NetworkDeps } from '../../core/network/survey-feature.js';
import type { ScopeRequest } from '../../core/network/scope.js';
import type { RouterProbeTargets } from '../../core/router/probe-router.js';
import { FileNeighborTable, SystemNeighborTable } from './neighbor-table.js';
import { multicastDiscovery } from './discovery.js';
import { NodeHttpFetcher } from './http-fetcher.js';
import { OuiDataRegistry } from './oui-registry.js';
import { SystemGatewayLookup } from './gateway-lookup.js';
import { OsInterfaceList } from './interfaces.js';

export interface NetworkAdapterOptions {
  /** Read the neighbor table from this file (`ip neigh` format) instead of the OS: the loopback lab. */
  neighborFile?: string | null;
  /** Pin the scope (CLI flags, lab); absent → the active interface's subnet. */
  fixedScope?: () => ScopeRequest | null;
  routerTargets?: (gateway: string) => RouterProbeTargets;
}

/** The real survey ports: OS neighbor table (or a lab file), dgram/multicast-dns, node:http, oui-data. */
export function nodeNetworkDeps(opts: NetworkAdapterOptions = {}): NetworkDeps {
  return {
    neighbors: opts.neighborFile ? new FileNeighborTable(opts.neighborFile) : new SystemNeighborTable(),
    discovery: multicastDiscovery,
    http: new NodeHttpFetcher(),
    oui: new OuiDataRegistry(),
    gateway: new SystemGatewayLookup(),
    interfaces: new OsInterfaceList(),
    fixedScope: opts.fixedScope,
    routerTargets: opts.routerTargets,
  };
}
