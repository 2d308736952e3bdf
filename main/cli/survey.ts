import type { CliCommand, CliContext } from './command.js';
import { parseFlags, scopeFlags, SCOPE_FLAGS } from './flags.js';
import { EXIT, UsageError } from './command.js';
import { OsInterfaceList } from '../adapters/network/interfaces.js';
import { SystemGatewayLookup } from '../adapters/network/gateway-lookup.js';
import type { ScopeRequest } from '../core/network/scope.js';
import type { SurveyReport } from '../core/network/survey-service.js';
import { isIpv4, inSubnet } from '../core/network/ip.js';

const USAGE =
  'porchlight survey [--json] [--interface NAME] [--gateway IP] [--seconds N] [--target IP]... [--sweep] [--neighbors FILE]';

/** Parsed flags of `porchlight survey`. */
export interface SurveyFlags {
  json: boolean;
  iface: string | null;
  gateway: string | null;
  seconds: number | undefined;
  targets: string[];
  sweep: boolean;
  neighbors: string | null;
}

/** Parses the flags; anything unexpected is a usage error (exit 2). */
export function parseSurveyFlags(argv: string[]): SurveyFlags {
  const v = parseFlags(argv, { ...SCOPE_FLAGS, sweep: { type: 'boolean' }, target: { type: 'string', multiple: true } });
  const f: SurveyFlags = { ...scopeFlags(v), sweep: v.sweep ?? false, targets: v.target ?? [] };
  for (const ip of [f.gateway, ...f.targets]) if (ip !== null && !isIpv4(ip)) throw new UsageError(`"${ip}" is not an IPv4 address`);
  return f;
}

/** The stable `--json` shape (documented in the issue): gateway with router identity, devices, duration. */
export function publicReport(r: SurveyReport) {
  const router = r.gateway.router;
  return {
    gateway: {
      address: r.gateway.address,
      mac: r.gateway.mac,
      router: router
        ? { vendor: router.vendor, model: router.model, firmware: router.firmware, friendlyName: router.friendlyName, sources: router.sources, unknown: router.unknown ?? null, evidence: router.evidence }
        : null,
    },
    devices: r.devices.map((d) => ({
      ip: d.ip,
      mac: d.mac,
      vendor: d.vendor,
      model: d.model,
      names: d.names,
      services: d.services,
      category: d.category,
      categoryBasis: d.categoryBasis ?? null,
      firstSeen: d.firstSeen,
      lastSeen: d.lastSeen,
      status: d.status,
      reason: d.reason,
      seenBy: d.seenBy,
      moveToIot: d.moveToIot,
    })),
    notes: r.notes,
    durationMs: r.durationMs,
    budgetMs: r.budgetMs,
  };
}

function human(r: SurveyReport): string {
  const rt = r.gateway.router;
  const lines = [
    `Gateway: ${r.gateway.address ?? 'unknown'}${rt ? ` — ${[rt.vendor, rt.model].filter(Boolean).join(' ') || 'unidentified'}${rt.firmware ? `, firmware ${rt.firmware}` : ''}` : ''}`,
    `Devices (${r.devices.length}), surveyed in ${r.durationMs} ms of ${r.budgetMs} ms:`,
    ...r.devices.map((d) => `  ${(d.ip ?? '-').padEnd(15)} ${(d.mac ?? '-').padEnd(17)} ${d.category.padEnd(10)} ${d.vendor ?? 'unknown vendor'}${d.names[0] ? ` — ${d.names[0]}` : ''}${d.status === 'unknown' ? ` [unknown: ${d.reason}]` : ''}`),
    ...r.notes.map((n) => `note: ${n}`),
  ];
  return lines.join('\n') + '\n';
}

/** Builds the scope request from flags: a named interface (its own address and subnet), else the active one. */
export async function scopeFromFlags(f: SurveyFlags): Promise<ScopeRequest | null> {
  if (!f.iface) return null;
  const ifc = new OsInterfaceList().list().find((i) => i.name === f.iface);
  if (!ifc) throw new UsageError(`there is no IPv4 interface called "${f.iface}"`);
  let gateway = f.gateway;
  if (!gateway && !ifc.internal) {
    const route = await new SystemGatewayLookup().defaultRoute(f.iface).catch(() => null);
    if (route && (route.interface === f.iface || inSubnet(route.gateway, ifc.address, ifc.prefixLength))) gateway = route.gateway;
  }
  return { interface: ifc.name, interfaceAddress: ifc.address, prefixLength: ifc.prefixLength, gateway, targets: f.targets, seconds: f.seconds, sweep: f.sweep };
}

/**
 * `porchlight survey`: identifies the router and lists the devices of the scope's network. Exit 0
 * with the report, 2 when the scope is refused or the survey could not run.
 */
export function surveyCommand(): CliCommand {
  return {
    name: 'survey',
    summary: 'Identify the router and inventory devices on the local network',
    usage: USAGE,
    async run(ctx: CliContext) {
      const { createNodeCore, defaultProfileDir, nodeNetworkDeps } = await import('./host.js');
      const f = parseSurveyFlags(ctx.argv);
      const fixed = await scopeFromFlags(f);
      const neighborFile = f.neighbors ?? ctx.env.PORCHLIGHT_NEIGHBOR_TABLE ?? null;
      const core = createNodeCore({
        host: 'cli',
        profileDir: defaultProfileDir(ctx.env),
        opener: {
          async open() {
            throw new Error('the command line opens no links');
          },
        },
        network: nodeNetworkDeps({ neighborFile, fixedScope: fixed ? () => fixed : undefined }),
      });
      const survey = core.survey!;
      const scope = await survey.scope({ seconds: f.seconds, targets: fixed ? [] : f.targets, sweep: f.sweep });
      const report = await survey.service.run(scope);
      ctx.stdout(f.json ? `${JSON.stringify(publicReport(report), null, 2)}\n` : human(report));
      return EXIT.ok;
    },
  };
}
