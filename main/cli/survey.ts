import type { CliCommand, CliContext } from './command.js';
import { checkInputPath, helpText, LIMITS, parseFlags, scopeFlags, SCOPE_FLAGS, type OptionHelp } from './flags.js';
import { CliError, cliWords, EXIT, startProgress, tellNotices, UsageError } from './command.js';
import type { ScopeRequest } from '../core/network/scope.js';
import type { SurveyReport } from '../core/network/survey-service.js';
import { isIpv4, inSubnet, subnetOf } from '../core/network/ip.js';
import { DEFAULT_SURVEY_SECONDS } from '../core/network/scope.js';
import type { ProbeScope } from '../core/ports.js';
import type { Message } from '../core/messages/index.js';

const USAGE =
  'porchlight survey [--json] [--interface NAME] [--gateway IP] [--seconds N] [--target IP]... [--sweep] [--neighbors FILE]';

/** The scope options `survey` and `audit` share, as their --help lists them. */
export const SCOPE_HELP: Record<'interface' | 'gateway' | 'seconds' | 'neighbors' | 'json', OptionHelp> = {
  interface: {
    flag: '--interface',
    value: 'NAME',
    text: 'the network interface whose subnet is looked at (its own address and prefix); nothing else is probed',
    default: 'survey: the active interface (printed on stderr); audit: none, so the network checks read unknown',
    example: '--interface wlan0',
  },
  gateway: {
    flag: '--gateway',
    value: 'IP',
    text: "the router's IPv4 address (private or loopback only)",
    default: "the interface's default route, when it is on the interface's subnet",
    limits: 'a private or loopback IPv4 address',
    example: '--gateway 192.168.1.1',
  },
  seconds: {
    flag: '--seconds',
    value: 'N',
    text: 'how long the survey may take in all',
    default: `${DEFAULT_SURVEY_SECONDS}`,
    limits: `${LIMITS['--seconds'].min} to ${LIMITS['--seconds'].max} seconds`,
    example: '--seconds 20',
  },
  neighbors: {
    flag: '--neighbors',
    value: 'FILE',
    text: "read the neighbor table from FILE (the text of `ip neigh`) instead of the system's",
    default: "the system's table (or $PORCHLIGHT_NEIGHBOR_TABLE)",
    example: '--neighbors neigh.txt',
  },
  json: {
    flag: '--json',
    text: 'print the result as JSON on stdout (no progress; an error is {"error":{"code","message"}})',
    default: 'off (plain text)',
    example: '--json',
  },
};

const HELP = helpText({
  command: 'porchlight survey',
  summary: 'identify the router and list the devices on one local network',
  usage: USAGE,
  options: [
    SCOPE_HELP.interface,
    SCOPE_HELP.gateway,
    SCOPE_HELP.seconds,
    { flag: '--target', value: 'IP', text: "also look at this address (repeatable); it must be on the interface's subnet", default: 'none', limits: 'at most 256, private or loopback IPv4', example: '--target 192.168.1.50 --target 192.168.1.51' },
    { flag: '--sweep', text: "also knock on every address of the subnet (TCP), for devices that stay quiet", default: 'off', example: '--sweep' },
    SCOPE_HELP.neighbors,
    SCOPE_HELP.json,
  ],
  notes: ['Without --interface the survey uses the active interface and prints, on stderr, which one and which subnet.'],
  examples: ['porchlight survey --interface wlan0', 'porchlight survey --interface eth0 --gateway 192.168.1.1 --seconds 20 --json'],
});

export { subnetOf };

/** "interface wlan0 (192.168.1.23, subnet 192.168.1.0/24, router 192.168.1.1)" — what a survey looks at. */
export function describeScope(s: Pick<ProbeScope, 'interface' | 'interfaceAddress' | 'prefixLength' | 'gateway'>): string {
  return `interface ${s.interface} (${s.interfaceAddress}, subnet ${subnetOf(s.interfaceAddress, s.prefixLength)}${s.gateway ? `, router ${s.gateway}` : ''})`;
}

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
  for (const ip of [f.gateway, ...f.targets]) if (ip !== null && !isIpv4(ip)) throw new UsageError(`"${ip}" is not an IPv4 address (e.g. 192.168.1.1)`);
  if (f.neighbors !== null) checkInputPath(f.neighbors, '--neighbors');
  return f;
}

/**
 * The stable `--json` shape (documented in the issue): gateway with router identity, devices, notes,
 * duration. Reasons, evidence and notes are put into words in the CLI's language (as `reason` is),
 * so the shape stays strings and nothing reads a message code as a sentence.
 */
export function publicReport(r: SurveyReport, words: (m: Message | null | undefined) => string) {
  const router = r.gateway.router;
  const said = (m: Message | null | undefined) => (m ? words(m) : null);
  return {
    gateway: {
      address: r.gateway.address,
      mac: r.gateway.mac,
      router: router
        ? {
            vendor: router.vendor,
            model: router.model,
            firmware: router.firmware,
            friendlyName: router.friendlyName,
            sources: router.sources,
            unknown: router.unknown ? { vendor: said(router.unknown.vendor), model: said(router.unknown.model), firmware: said(router.unknown.firmware) } : null,
            evidence: router.evidence.map((e) => ({ ...e, error: said(e.error), setAside: said(e.setAside) })),
          }
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
      categoryBasis: d.categoryBasis ? words(d.categoryBasis) : null,
      firstSeen: d.firstSeen,
      lastSeen: d.lastSeen,
      status: d.status,
      reason: d.reason ? words(d.reason) : null,
      seenBy: d.seenBy,
      moveToIot: d.moveToIot,
    })),
    notes: r.notes.map((n) => words(n)),
    durationMs: r.durationMs,
    budgetMs: r.budgetMs,
  };
}

function human(r: SurveyReport, words: (m: Message | null | undefined) => string): string {
  const rt = r.gateway.router;
  const lines = [
    `Gateway: ${r.gateway.address ?? 'unknown'}${rt ? ` — ${[rt.vendor, rt.model].filter(Boolean).join(' ') || 'unidentified'}${rt.firmware ? `, firmware ${rt.firmware}` : ''}` : ''}`,
    `Devices (${r.devices.length}), surveyed in ${r.durationMs} ms of ${r.budgetMs} ms:`,
    ...r.devices.map((d) => `  ${(d.ip ?? '-').padEnd(15)} ${(d.mac ?? '-').padEnd(17)} ${d.category.padEnd(10)} ${d.vendor ?? 'unknown vendor'}${d.names[0] ? ` — ${d.names[0]}` : ''}${d.status === 'unknown' ? ` [unknown: ${words(d.reason)}]` : ''}`),
    ...r.notes.map((n) => `note: ${words(n)}`),
  ];
  return lines.join('\n') + '\n';
}

/** Builds the scope request from flags: a named interface (its own address and subnet), else the active one. */
export async function scopeFromFlags(f: SurveyFlags): Promise<ScopeRequest | null> {
  if (!f.iface) return null;
  // Loaded here, not at start-up, so `porchlight --help` does not load the network adapters.
  const [{ OsInterfaceList }, { SystemGatewayLookup }] = await Promise.all([import('../adapters/network/interfaces.js'), import('../adapters/network/gateway-lookup.js')]);
  const ifc = new OsInterfaceList().list().find((i) => i.name === f.iface);
  if (!ifc) {
    const names = new OsInterfaceList().list().map((i) => i.name);
    throw new CliError('no-such-interface', `there is no IPv4 interface called "${f.iface}"${names.length ? ` (this computer has: ${names.join(', ')})` : ''}`);
  }
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
    help: HELP,
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
      await tellNotices(ctx, core.notices, f.json);
      const survey = core.survey!;
      const scope = await survey.scope({ seconds: f.seconds, targets: fixed ? [] : f.targets, sweep: f.sweep });
      ctx.stderr(fixed ? `porchlight survey: looking at ${describeScope(scope)}\n` : `porchlight survey: no --interface given, so it looks at the active ${describeScope(scope)}; name another with --interface\n`);
      const progress = startProgress(ctx, f.json, `surveying ${scope.interface}`, Math.round(scope.budgetMs / 1000));
      let report: SurveyReport;
      try {
        report = await survey.service.run(scope);
      } finally {
        progress.stop();
      }
      const formatter = await cliWords();
      const words = (m: Message | null | undefined) => formatter.format(m);
      ctx.stdout(f.json ? `${JSON.stringify(publicReport(report, words), null, 2)}\n` : human(report, words));
      return EXIT.ok;
    },
  };
}
