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
  /** Whether it installs updates by itself, and how that is known; null when Porchlight cannot tell. */
  updatesItself: Evidenced | null;
  /** Security features with the evidence Porchlight has for each; `null` state: not known. */
  features: SecurityFeature[];
}

/** A yes/no fact and where it came from: a measurement (probe, survey, router's own answer) or the owner's answer. */
export interface Evidenced {
  value: boolean;
  /** probe: the factory-password check; router-api: the router's own answer; owner: the owner's answer; survey: what the latest survey saw. */
  basis: 'probe' | 'router-api' | 'owner' | 'survey';
  /** When it was measured or answered (ISO), when known. */
  at: string | null;
}

/**
 * The security features the report documents per device. Each is filled only from evidence
 * Porchlight has; anything else is not known (never guessed):
 *  - factory-password: the factory login was refused (changed) or accepted (still set), from the default-password check;
 *  - separate-network: only "no" is ever measured — a device marked to move to the IoT network that the latest survey still saw;
 *  - https-login: the login page address the owner gave starts with https:// (or http://: no).
 */
export type SecurityFeatureId = 'factory-password-changed' | 'separate-network' | 'https-login';
export interface SecurityFeature {
  id: SecurityFeatureId;
  state: Evidenced | null;
}

/** Evidence outside the home model: the owner's firmware answers and the router's own answer about automatic updates. */
export interface DeviceFactSources {
  /** The owner's answer in the updates step (device id, or "router"): its answer id and when. */
  firmwareAnswer?: (subject: string) => { answer: string; at: string } | null;
  /** The router's own answer about automatic updates (FRITZ!Box / OpenWrt API), when it was read. */
  routerAutoUpdate?: () => { mode: 'off' | 'notify' | 'important' | 'all' | 'unknown'; at: string } | null;
}

/** The router's automatic-update mode as a yes/no: installs updates (all, or important ones) or not (off, notify only). */
export function autoUpdateOf(mode: 'off' | 'notify' | 'important' | 'all' | 'unknown'): boolean | null {
  return mode === 'all' || mode === 'important' ? true : mode === 'off' || mode === 'notify' ? false : null;
}

/** The newest credential outcome for a device's address (keys are the host, or host:port). */
function credentialOf(doc: HomeModelDoc, ip: string | null): HomeModelDoc['credentials'][string] | null {
  if (!ip) return null;
  const hits = Object.entries(doc.credentials)
    .filter(([h]) => h === ip || h.startsWith(`${ip}:`) || h.startsWith(`[${ip}]:`))
    .map(([, o]) => o)
    .sort((a, b) => b.at.localeCompare(a.at));
  return hits[0] ?? null;
}

/** The features of one device from the model's evidence. */
export function featuresOf(doc: HomeModelDoc, d: HomeModelDoc['devices'][string] | null, ip: string | null): SecurityFeature[] {
  const cred = credentialOf(doc, d?.ip ?? ip);
  const password: Evidenced | null =
    cred?.result === 'default-rejected' ? { value: true, basis: 'probe', at: cred.at } : cred?.result === 'default-accepted' ? { value: false, basis: 'probe', at: cred.at } : null;
  const seenNow = !!d && !!doc.surveyedAt && d.lastSeen === doc.surveyedAt;
  const separate: Evidenced | null = d?.moveToIot && seenNow ? { value: false, basis: 'survey', at: doc.surveyedAt } : null;
  const page = d?.loginPage?.trim().toLowerCase() ?? '';
  const https: Evidenced | null = page.startsWith('https://') ? { value: true, basis: 'owner', at: null } : page.startsWith('http://') ? { value: false, basis: 'owner', at: null } : null;
  return [
    { id: 'factory-password-changed', state: password },
    { id: 'separate-network', state: separate },
    { id: 'https-login', state: https },
  ];
}

export interface HomeVulns {
  catalogVersion: string;
  catalogCount: number;
  lastAuditAt: string | null;
  devices: DeviceVulnView[];
}

/** Matches the router and every present device of the model. */
export function assessHome(matcher: KevMatcher, doc: HomeModelDoc, lastAuditAt: string | null, facts: DeviceFactSources = {}): HomeVulns {
  const out: DeviceVulnView[] = [];
  const since = lastAuditAt?.slice(0, 10) ?? null;
  const owner = (subject: string): Evidenced | null => {
    const a = facts.firmwareAnswer?.(subject) ?? null;
    // Only "updates itself automatically" says anything about automatic updates; "I updated it" does not.
    return a?.answer === 'auto-update' ? { value: true, basis: 'owner', at: a.at } : null;
  };
  const routerApi = (): Evidenced | null => {
    const r = facts.routerAutoUpdate?.() ?? null;
    const v = r ? autoUpdateOf(r.mode) : null;
    return r && v !== null ? { value: v, basis: 'router-api', at: r.at } : null;
  };
  const view = (id: string, name: string, isRouter: boolean, vendor: string | null, model: string | null, firmware: string | null, byOwner: boolean, record: HomeModelDoc['devices'][string] | null): void => {
    const r = matcher.match({ vendor, model, firmware });
    // The router's own answer is a measurement: it goes before the owner's.
    const updatesItself = isRouter ? (routerApi() ?? owner('router')) : owner(id);
    out.push({
      ...r, id, name, isRouter, vendor, model, firmware,
      identifiedBy: vendor && model ? (byOwner ? 'owner' : 'network') : null,
      newSince: since ? r.matches.filter((m) => m.dateAdded > since).map((m) => m.cve) : [],
      updatesItself,
      features: featuresOf(doc, record, isRouter ? (doc.router?.address ?? null) : null),
    });
  };
  const routerIp = doc.router?.address ?? null;
  // The devices at home as the latest survey saw them (and those the owner added by hand), as the audit's inventory counts them.
  const devices = Object.values(doc.devices).filter((d) => !d.removed && (doc.surveyedAt === null || d.manual || d.lastSeen === doc.surveyedAt));
  const routerRecord = devices.find((d) => routerIp !== null && d.ip === routerIp) ?? null;
  if (doc.router) {
    const idn = doc.router.identity;
    const vendor = routerRecord?.userVendor ?? idn?.vendor ?? routerRecord?.vendor ?? null;
    const model = routerRecord?.userModel ?? idn?.model ?? routerRecord?.model ?? null;
    view(routerRecord?.id ?? 'router', routerRecord?.userName ?? idn?.friendlyName ?? 'Router', true, vendor, model, idn?.firmware ?? null, !!(routerRecord?.userVendor || routerRecord?.userModel), routerRecord);
  }
  for (const d of devices) {
    if (d === routerRecord) continue;
    view(d.id, d.userName ?? d.names[0] ?? (d.vendor ? `${d.vendor} device` : (d.ip ?? d.id)), false, d.userVendor ?? d.vendor, d.userModel ?? d.model, d.firmware ?? null, !!(d.userVendor || d.userModel), d);
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
