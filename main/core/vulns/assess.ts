/**
 * The home's known exploited vulnerabilities: the router and every device still at home, each
 * matched against the snapshot, and the check's verdict from the rules:
 * end of life (exact model, primary instruction "stop using it") → fail; a listed product line → warn;
 * an unidentified device → unknown with the reason; pass only when every device is identified and clear.
 */
import type { HomeModelDoc } from '../model/index.js';
import { msg, type Message } from '../messages/index.js';
import type { DeviceVulns, KevMatcher, VulnMatch } from './matcher.js';

/** One device of the home with its matches, as the panel, the report and `--json` show it. */
export interface DeviceVulnView extends DeviceVulns {
  /** The home model's device id, or "router" for the router's identity. */
  id: string;
  name: string;
  isRouter: boolean;
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  /** Where the maker and model came from: the network, or the owner's entry. */
  identifiedBy: 'network' | 'owner' | null;
  /** CVE ids of matches added to the catalog after the last audit. */
  newSince: string[];
}

export interface HomeVulns {
  catalogVersion: string;
  catalogCount: number;
  lastAuditAt: string | null;
  devices: DeviceVulnView[];
}

/** Matches the router and every present device of the model. */
export function assessHome(matcher: KevMatcher, doc: HomeModelDoc, lastAuditAt: string | null): HomeVulns {
  const out: DeviceVulnView[] = [];
  const since = lastAuditAt?.slice(0, 10) ?? null;
  const view = (id: string, name: string, isRouter: boolean, vendor: string | null, model: string | null, firmware: string | null, byOwner: boolean): void => {
    const r = matcher.match({ vendor, model, firmware });
    out.push({ ...r, id, name, isRouter, vendor, model, firmware, identifiedBy: vendor && model ? (byOwner ? 'owner' : 'network') : null, newSince: since ? r.matches.filter((m) => m.dateAdded > since).map((m) => m.cve) : [] });
  };
  const routerIp = doc.router?.address ?? null;
  // The devices at home as the latest survey saw them (and those the owner added by hand), as the audit's inventory counts them.
  const devices = Object.values(doc.devices).filter((d) => !d.removed && (doc.surveyedAt === null || d.manual || d.lastSeen === doc.surveyedAt));
  const routerRecord = devices.find((d) => routerIp !== null && d.ip === routerIp) ?? null;
  if (doc.router) {
    const idn = doc.router.identity;
    const vendor = routerRecord?.userVendor ?? idn?.vendor ?? routerRecord?.vendor ?? null;
    const model = routerRecord?.userModel ?? idn?.model ?? routerRecord?.model ?? null;
    view(routerRecord?.id ?? 'router', routerRecord?.userName ?? idn?.friendlyName ?? 'Router', true, vendor, model, idn?.firmware ?? null, !!(routerRecord?.userVendor || routerRecord?.userModel));
  }
  for (const d of devices) {
    if (d === routerRecord) continue;
    view(d.id, d.userName ?? d.names[0] ?? (d.vendor ? `${d.vendor} device` : (d.ip ?? d.id)), false, d.userVendor ?? d.vendor, d.userModel ?? d.model, null, !!(d.userVendor || d.userModel));
  }
  return { catalogVersion: matcher.catalog.catalogVersion, catalogCount: matcher.catalog.count, lastAuditAt, devices: out };
}

const list = (xs: string[]): string => xs.join(', ').slice(0, 1500);
const cves = (ms: VulnMatch[]): string => list([...new Set(ms.map((m) => m.cve))]);

/** The check's verdict for `devices.known-vulnerabilities`, as message codes. */
export function vulnVerdict(h: HomeVulns): { status: 'pass' | 'warn' | 'fail' | 'unknown'; reason: Message; detail: Message } {
  const fresh = h.devices.flatMap((d) => d.newSince);
  const detail = fresh.length
    ? msg('vulns.snapshot-new', { version: h.catalogVersion, count: h.catalogCount, since: h.lastAuditAt?.slice(0, 10) ?? '', cves: list(fresh) })
    : msg('vulns.snapshot', { version: h.catalogVersion, count: h.catalogCount });
  if (h.devices.length === 0) return { status: 'unknown', reason: msg('vulns.no-devices', {}), detail };
  const eol = h.devices.filter((d) => d.status === 'end-of-life');
  const listed = h.devices.filter((d) => d.status === 'listed');
  const unidentified = h.devices.filter((d) => d.status === 'unidentified');
  if (eol.length) return { status: 'fail', reason: msg('vulns.end-of-life', { names: list(eol.map((d) => d.name)), cves: cves(eol.flatMap((d) => d.matches)) }), detail };
  if (listed.length) return { status: 'warn', reason: msg('vulns.listed', { count: listed.length, names: list(listed.map((d) => d.name)), cves: cves(listed.flatMap((d) => d.matches)) }), detail };
  if (unidentified.length) return { status: 'unknown', reason: msg('vulns.unidentified', { count: unidentified.length, names: list(unidentified.map((d) => d.name)) }), detail };
  return { status: 'pass', reason: msg('vulns.none', { count: h.devices.length, version: h.catalogVersion }), detail };
}
