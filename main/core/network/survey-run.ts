/**
 * One survey: neighbor table, SSDP and mDNS listening, device descriptions and the router's own
 * answers, all inside the scope and its budget. Pure orchestration over ports; every peer that
 * hangs or speaks garbage becomes a reason on its device, never a crash or an overrun.
 */
import type { Discovery, HttpFetcher, NeighborEntry, NeighborTable, OuiRegistry, ProbeScope, SsdpReply } from '../ports.js';
import { withDeadline, mapLimit, probeFailure } from './deadline.js';
import { msg, type Message } from '../messages/index.js';
import { inScope, urlInScope } from './scope.js';
import { SSDP_SEARCH_TARGETS, parseSsdpReply, type SsdpAnswer } from './ssdp.js';
import { MDNS_SERVICE_TYPES, assembleServices, type MdnsService } from './mdns.js';
import { isDeadNeighbor } from './neighbor-parsers.js';
import { vendorOfMac } from './mac.js';
import { formatIpv4, inSubnet, parseIpv4 } from './ip.js';
import { classifyDevice, type CategoryRules, type DeviceCategory } from './categories.js';
import { parseDeviceDescription, type DeviceDescription } from '../router/index.js';
import { probeRouterDirect, standardRouterTargets, type RouterProbeTargets } from '../router/index.js';
import { combineRouterEvidence, failedEvidence, fromDescription, fromServerHeader, type RouterEvidence, type RouterIdentity } from '../router/index.js';
import { namesSoftwareNotDevice } from '../router/index.js';
import { announcedFirmware, modelOfDescription } from './device-identity.js';

/** How a device made itself known in this survey. */
export type SeenBy = 'neighbors' | 'mdns' | 'ssdp' | 'target' | 'sweep';

/** One device as this survey saw it (before the user's edits are applied). */
export interface SeenDevice {
  ip: string;
  mac: string | null;
  vendor: string | null;
  vendorSource: 'oui' | 'upnp' | 'mdns' | null;
  model: string | null;
  /** The firmware the device announced (UPnP description, Shelly mDNS TXT) and where; null when it did not. */
  firmware?: string | null;
  firmwareSource?: string | null;
  names: string[];
  services: string[];
  category: DeviceCategory;
  categoryBasis: Message;
  seenBy: SeenBy[];
  /** Probes of this device that failed (timeouts, garbage), as messages (the reason an unknown device shows). */
  problems: Message[];
  /** `unknown` when a probe failed and nothing identified the device; the reason (a message) says why. */
  status: 'identified' | 'unknown';
  unknownReason: Message | null;
}

/** Phases reported while a survey runs. */
export type SurveyPhase = 'neighbors' | 'listening' | 'describing' | 'router' | 'saving' | 'done';

/** Progress callback payload: a phase and an overall fraction 0..1. */
export interface SurveyProgress {
  phase: SurveyPhase;
  fraction: number;
}

/** The raw result of one run. */
export interface SurveyRun {
  gateway: { address: string | null; mac: string | null; router: RouterIdentity | null };
  devices: SeenDevice[];
  /** What the survey could not read as a whole (a listener cut short, a table that did not answer), as messages. */
  notes: Message[];
  durationMs: number;
  budgetMs: number;
}

export interface SurveyRunDeps {
  neighbors: NeighborTable;
  discovery: Discovery;
  http: HttpFetcher;
  oui: OuiRegistry;
  rules: CategoryRules;
  knownRouterVendors: string[];
  /** Monotonic milliseconds (performance.now in production). */
  now: () => number;
  /** Where the router's direct sources live; standard ports unless a lab moves them. */
  routerTargets?: (gateway: string) => RouterProbeTargets;
  /** Ports the opt-in sweep tries (bounded). */
  sweepPorts?: number[];
}

interface Partial {
  ip: string;
  mac: string | null;
  seenBy: Set<SeenBy>;
  mdns: MdnsService[];
  ssdp: SsdpAnswer[];
  descriptions: DeviceDescription[];
  /** What failed while probing it, as messages (what the survey step and the CLI show). */
  problems: Message[];
}

const SAFETY_MARGIN_MS = 200;
/** A description advertised in the last moments of the listen window still gets this long. */
const LATE_ANSWER_MS = 400;
/** Description fetches in flight at once. */
const DESCRIPTION_CONCURRENCY = 8;
const DEFAULT_SWEEP_PORTS = [80, 443, 8008, 8080, 554, 1400];

/** Runs a survey within scope.budgetMs (plus at most a few ms of bookkeeping). */
export async function runSurvey(deps: SurveyRunDeps, scope: ProbeScope, onProgress: (p: SurveyProgress) => void = () => {}): Promise<SurveyRun> {
  const t0 = deps.now();
  const endAt = t0 + scope.budgetMs - SAFETY_MARGIN_MS;
  const left = () => Math.max(0, endAt - deps.now());
  const notes: Message[] = [];
  const byIp = new Map<string, Partial>();
  const entry = (ip: string): Partial => {
    let p = byIp.get(ip);
    if (!p) {
      p = { ip, mac: null, seenBy: new Set(), mdns: [], ssdp: [], descriptions: [], problems: [] };
      byIp.set(ip, p);
    }
    return p;
  };
  onProgress({ phase: 'neighbors', fraction: 0.02 });

  // Phase A, in parallel: neighbor table, SSDP, mDNS, the router's direct sources.
  const listenBudget = Math.min(scope.listenMs + 750, left());
  // The neighbor table runs beside the listening window, so it may use that long (a busy machine forks slowly).
  const neighborDeadline = Math.min(Math.max(scope.probeDeadlineMs, scope.listenMs), left());
  const neighborsP = withDeadline(deps.neighbors.read(scope).catch((e: unknown) => ({ error: probeFailure(e) })), neighborDeadline);
  // Descriptions are fetched as each SSDP answer arrives, each with a deadline that ends with the
  // listen window (an answer heard at its very end still gets LATE_ANSWER_MS), so a peer that
  // hangs costs no time after the window.
  const listenEndAt = t0 + scope.listenMs;
  const descByUrl = new Map<string, DeviceDescription>();
  /** url → [advertising device, its fetch]; in the order the answers came. */
  const describing = new Map<string, [string, Promise<void>]>();
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  const describe = (url: string, from: string): void => {
    if (describing.has(url)) return;
    describing.set(url, [
      from,
      new Promise<void>((resolve) => {
        const start = () => {
          inFlight++;
          fetchDescription(url, from).finally(() => {
            inFlight--;
            waiting.shift()?.();
            resolve();
          });
        };
        if (inFlight < DESCRIPTION_CONCURRENCY) start();
        else waiting.push(start);
      }),
    ]);
  };
  const fetchDescription = async (url: string, from: string): Promise<void> => {
    const budget = Math.min(scope.probeDeadlineMs, left(), Math.max(LATE_ANSWER_MS, listenEndAt - deps.now()));
    if (budget < 50) {
      entry(from).problems.push(msg('survey.problem.budget', { url }));
      return;
    }
    let error: Message;
    try {
      const r = await withDeadline(deps.http.request(url, { deadlineMs: budget, maxBytes: 256 * 1024 }), budget + 100);
      if (r.timedOut) error = msg('survey.probe.timeout');
      else if (r.value.status !== 200) error = msg('survey.probe.http-status', { status: r.value.status });
      else {
        const d = parseDeviceDescription(r.value.body);
        if (d.ok) {
          descByUrl.set(url, d.value);
          return;
        }
        error = d.reason;
      }
    } catch (err) {
      error = probeFailure(err);
    }
    entry(from).problems.push(msg('survey.problem.description', { url, error }));
  };
  const onSsdpReply = (reply: SsdpReply) => {
    if (!inScope(scope, reply.from)) return;
    const a = parseSsdpReply(reply);
    const u = a?.location ? urlInScope(scope, a.location) : null;
    if (a && u) describe(u.href, a.from);
  };
  const ssdpP = withDeadline(deps.discovery.ssdpSearch(scope, SSDP_SEARCH_TARGETS, onSsdpReply).catch((e: unknown) => ({ error: probeFailure(e) })), listenBudget);
  const mdnsP = withDeadline(deps.discovery.mdnsBrowse(scope, MDNS_SERVICE_TYPES).catch((e: unknown) => ({ error: probeFailure(e) })), listenBudget);
  const gateway = scope.gateway;
  const routerTargets = gateway ? (deps.routerTargets ?? standardRouterTargets)(gateway) : null;
  const routerDirectP = routerTargets
    ? withDeadline(probeRouterDirect(deps.http, routerTargets, Math.min(scope.probeDeadlineMs, left()), deps.knownRouterVendors), Math.min(scope.probeDeadlineMs + 500, left()))
    : null;
  const ticker = setInterval(() => {
    const f = Math.min(0.6, 0.05 + (0.55 * (deps.now() - t0)) / Math.max(1, listenBudget));
    onProgress({ phase: 'listening', fraction: f });
  }, 250);
  ticker.unref?.();

  let neighborRows: NeighborEntry[] = [];
  const ssdpAnswers: SsdpAnswer[] = [];
  let services: MdnsService[] = [];
  try {
    const n = await neighborsP;
    if (n.timedOut) notes.push(msg('survey.note.neighbors-timeout', { count: Math.max(1, Math.round(neighborDeadline / 1000)) }));
    else if ('error' in n.value) notes.push(msg('survey.note.neighbors-failed', { error: n.value.error }));
    else neighborRows = n.value.filter((e) => inScope(scope, e.ip) && (!e.interface || e.interface === scope.interface || e.interface === scope.interfaceAddress));
    for (const row of neighborRows) {
      if (isDeadNeighbor(row) || row.ip === scope.interfaceAddress) continue;
      const p = entry(row.ip);
      p.mac = row.mac;
      p.seenBy.add('neighbors');
    }
    const s = await ssdpP;
    if (s.timedOut) notes.push(msg('survey.note.ssdp-cut-short'));
    else if ('error' in s.value) notes.push(msg('survey.note.ssdp-failed', { error: s.value.error }));
    else {
      const garbage = new Map<string, number>();
      for (const reply of s.value) {
        if (!inScope(scope, reply.from)) continue;
        const a = parseSsdpReply(reply);
        if (!a) {
          garbage.set(reply.from, (garbage.get(reply.from) ?? 0) + 1);
          continue;
        }
        ssdpAnswers.push(a);
        const p = entry(a.from);
        p.seenBy.add('ssdp');
        p.ssdp.push(a);
      }
      for (const [ip, count] of garbage) {
        entry(ip).problems.push(msg('survey.problem.ssdp-garbage', { count }));
      }
    }
    const m = await mdnsP;
    if (m.timedOut) notes.push(msg('survey.note.mdns-cut-short'));
    else if ('error' in m.value) notes.push(msg('survey.note.mdns-failed', { error: m.value.error }));
    else {
      services = assembleServices(m.value);
      for (const svc of services) {
        for (const ip of svc.addresses) {
          if (!inScope(scope, ip) || ip === scope.interfaceAddress) continue;
          const p = entry(ip);
          p.seenBy.add('mdns');
          p.mdns.push(svc);
        }
      }
    }
  } finally {
    clearInterval(ticker);
  }
  onProgress({ phase: 'describing', fraction: 0.65 });

  // Phase B: the device descriptions at advertised LOCATIONs (in scope only), most of them already
  // fetched while listening; any the discovery port did not report as they came are fetched now.
  for (const a of ssdpAnswers) {
    if (!a.location) continue;
    const u = urlInScope(scope, a.location);
    if (!u) {
      entry(a.from).problems.push(msg('survey.problem.out-of-scope'));
      continue;
    }
    describe(u.href, a.from);
  }
  await Promise.all([...describing.values()].map(([, p]) => p));
  // Each device's descriptions in the order it advertised them, whichever answered first.
  for (const [url, [from]] of describing) {
    const d = descByUrl.get(url);
    if (d) entry(from).descriptions.push(d);
  }

  // Explicit targets and the opt-in sweep: TCP connects, bounded.
  const probeHosts = new Set(scope.targets);
  if (scope.sweep) for (const ip of sweepHosts(scope)) probeHosts.add(ip);
  if (probeHosts.size > 0 && left() > 100) {
    const ports = deps.sweepPorts ?? DEFAULT_SWEEP_PORTS;
    const pairs = [...probeHosts].flatMap((ip) => ports.map((port) => ({ ip, port })));
    const found = new Set<string>();
    await mapLimit(pairs, 32, async ({ ip, port }) => {
      if (found.has(ip)) return;
      const budget = Math.min(500, scope.probeDeadlineMs, left());
      if (budget < 20) return;
      const ok = await withDeadline(deps.http.connects(ip, port, budget).catch(() => false), budget + 50);
      if (!ok.timedOut && ok.value) found.add(ip);
    });
    for (const ip of probeHosts) {
      if (found.has(ip)) entry(ip).seenBy.add(scope.targets.includes(ip) ? 'target' : 'sweep');
      else if (scope.targets.includes(ip)) {
        entry(ip).problems.push(msg('survey.problem.no-port'));
      }
    }
  }

  // Router identity.
  onProgress({ phase: 'router', fraction: 0.85 });
  let router: RouterIdentity | null = null;
  let gatewayMac: string | null = null;
  if (gateway) {
    const evidence: RouterEvidence[] = [];
    const direct = routerDirectP ? await routerDirectP : null;
    if (direct && !direct.timedOut) evidence.push(...direct.value);
    else if (routerTargets) evidence.push(failedEvidence('tr064', routerTargets.tr064Url, msg('survey.probe.timeout')));
    const gw = byIp.get(gateway);
    const gwAnswers = gw?.ssdp ?? [];
    const server = gwAnswers.find((a) => a.server)?.server;
    if (server) evidence.push(fromServerHeader(server, deps.knownRouterVendors));
    else evidence.push(failedEvidence('ssdp-server', null, msg('router.evidence.no-ssdp-answer')));
    const igd = gwAnswers.find((a) => a.location && descByUrl.has(urlInScope(scope, a.location)?.href ?? ''));
    const igdUrl = igd?.location ? urlInScope(scope, igd.location)!.href : null;
    const upnpDesc = igdUrl ? descByUrl.get(igdUrl)! : null;
    if (upnpDesc && igdUrl) evidence.push(fromDescription('upnp', igdUrl, upnpDesc));
    else evidence.push(failedEvidence('upnp', gwAnswers.find((a) => a.location)?.location ?? null, gw?.problems.find((p) => p.code === 'survey.problem.description') ?? msg('router.evidence.no-upnp')));
    gatewayMac = gw?.mac ?? null;
    const ouiVendor = vendorOfMac(gatewayMac, deps.oui);
    if (ouiVendor) evidence.push({ source: 'oui', url: null, vendor: ouiVendor, model: null, firmware: null, error: null });
    router = combineRouterEvidence(evidence, upnpDesc?.friendlyName ?? null);
    if (gw) gw.seenBy.add('target');
    else entry(gateway).seenBy.add('target');
  }

  // Assemble devices.
  const devices: SeenDevice[] = [];
  for (const p of byIp.values()) {
    if (p.seenBy.size === 0 && p.problems.length === 0) continue;
    devices.push(describeDevice(deps, p, p.ip === gateway));
  }
  devices.sort((a, b) => (parseIpv4(a.ip) ?? 0) - (parseIpv4(b.ip) ?? 0));
  onProgress({ phase: 'saving', fraction: 0.95 });
  return { gateway: { address: gateway, mac: gatewayMac, router }, devices, notes, durationMs: Math.round(deps.now() - t0), budgetMs: scope.budgetMs };
}

const uniq = (xs: (string | null | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()))];

function describeDevice(deps: SurveyRunDeps, p: Partial, isGateway: boolean): SeenDevice {
  const ouiVendor = vendorOfMac(p.mac, deps.oui);
  const desc = p.descriptions[0] ?? null;
  const txt = (k: string) => p.mdns.map((s) => s.txt[k]).find((v) => v);
  const mdnsVendor = txt('manufacturer') ?? txt('vendor') ?? null;
  // A UPnP daemon's default names ("MiniUPnP", "OpenWRT router") are not the device's maker or model.
  const descVendor = desc?.manufacturer && !namesSoftwareNotDevice(desc.manufacturer) ? desc.manufacturer : null;
  // modelNumber when modelName is a generic word (D-Link: "Wireless Router" / "DIR-859").
  const descModel = modelOfDescription(desc);
  const fw = announcedFirmware(p.descriptions, p.mdns);
  const vendor = ouiVendor ?? descVendor ?? mdnsVendor ?? null;
  const vendorSource = ouiVendor ? 'oui' : descVendor ? 'upnp' : mdnsVendor ? 'mdns' : null;
  const model = descModel ?? txt('md') ?? txt('model') ?? txt('am') ?? null;
  const names = uniq([desc?.friendlyName, txt('fn'), txt('n'), ...p.mdns.map((s) => s.instance), ...p.mdns.map((s) => s.host?.replace(/\.local$/, ''))]).slice(0, 8);
  const services = uniq([...p.mdns.map((s) => s.type), ...p.descriptions.map((d) => d.deviceType)]).slice(0, 32);
  const hap = p.mdns.find((s) => s.type === '_hap._tcp');
  const { category, basis } = classifyDevice(deps.rules, {
    isGateway,
    homekitCategory: hap?.txt['ci'] ?? null,
    names: uniq([model, desc?.modelDescription, ...names]),
    services: uniq(p.mdns.map((s) => s.type)),
    deviceTypes: uniq([...p.descriptions.map((d) => d.deviceType), ...p.ssdp.map((a) => a.st)]),
    descriptionTypes: uniq(p.descriptions.map((d) => d.deviceType)),
    vendor,
  });
  const identified = category !== 'unknown' || model !== null;
  const unknownReason = identified ? null : p.problems.length > 0 ? msg('survey.problem.list', { items: p.problems.slice(0, 16) }) : basis;
  return {
    ip: p.ip,
    mac: p.mac,
    vendor,
    vendorSource,
    model,
    firmware: fw?.version ?? null,
    firmwareSource: fw?.source ?? null,
    names,
    services,
    category,
    categoryBasis: basis,
    seenBy: [...p.seenBy],
    problems: p.problems,
    status: identified ? 'identified' : 'unknown',
    unknownReason,
  };
}

/** Hosts of the opt-in sweep: the interface's /24 at most (never a whole /8 or /16), minus itself. */
export function sweepHosts(scope: ProbeScope): string[] {
  const self = parseIpv4(scope.interfaceAddress);
  if (self === null) return [];
  const prefix = Math.max(scope.prefixLength, 24);
  const size = 2 ** (32 - prefix);
  const base = (self & ((0xffffffff << (32 - prefix)) >>> 0)) >>> 0;
  const out: string[] = [];
  for (let i = 1; i < size - 1; i++) {
    const ip = formatIpv4((base + i) >>> 0);
    if (ip !== scope.interfaceAddress && inSubnet(ip, scope.interfaceAddress, scope.prefixLength)) out.push(ip);
  }
  return out;
}
