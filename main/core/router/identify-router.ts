/** Combines what each no-login source said about the router into one identity with provenance. */
import type { DeviceDescription } from './upnp-description.js';
import type { HnapSettings } from './hnap.js';
import type { HttpBanner } from './http-banner.js';
import { describeToken, namesSoftwareNotDevice, parseServerHeader, type ServerToken } from './server-header.js';
import { msg, type Message } from '../messages/index.js';

/** Where a fact about the router came from, in order of trust. */
export const ROUTER_SOURCES = ['tr064', 'upnp', 'hnap', 'ssdp-server', 'http', 'oui'] as const;
export type RouterSource = (typeof ROUTER_SOURCES)[number];

/** A source as a message (its words live under `router.source.*` in the catalogs). */
export const routerSourceMessage = (s: RouterSource): Message => msg(`router.source.${s}`);

/** The router facts a survey reports. */
export type RouterField = 'vendor' | 'model' | 'firmware';
/** Sources that can never carry a field (so a reason does not list them). */
const NEVER: Record<RouterField, RouterSource[]> = { vendor: [], model: ['oui'], firmware: ['http', 'oui'] };

/** What one source said (or why it said nothing). */
export interface RouterEvidence {
  source: RouterSource;
  url: string | null;
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  /** Null when the source answered; otherwise why it gave nothing (timeout, 404, malformed XML …), as a message. */
  error: Message | null;
  /**
   * What the source said that is not about the router itself and was therefore not used (the UPnP
   * library or daemon and the operating system a SERVER header names, a daemon's default names), as a message.
   */
  setAside?: Message | null;
}

/** The router's identity: each field with the source that said it; a null field is unknown, with the reason. */
export interface RouterIdentity {
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  friendlyName: string | null;
  sources: { vendor: RouterSource | null; model: RouterSource | null; firmware: RouterSource | null };
  /** Why each unknown field is unknown (null for a field that is known). */
  unknown?: { vendor: Message | null; model: Message | null; firmware: Message | null };
  evidence: RouterEvidence[];
}

/** Evidence from a UPnP or TR-064 description. Names a UPnP daemon fills in by default are not the router's. */
export function fromDescription(source: 'tr064' | 'upnp', url: string, d: DeviceDescription): RouterEvidence {
  const setAside: Message[] = [];
  const keep = (v: string | null, what: 'maker' | 'model') => {
    if (v && namesSoftwareNotDevice(v)) {
      setAside.push(what === 'maker' ? msg('router.set-aside.default-maker', { value: v }) : msg('router.set-aside.default-model', { value: v }));
      return null;
    }
    return v;
  };
  const manufacturer = keep(d.manufacturer, 'maker');
  const modelName = keep(d.modelName, 'model');
  // Vendors put filler in modelNumber ("avm", "1"); append it only when it looks like a model code.
  const number = modelName && d.modelNumber && /\d/.test(d.modelNumber) && /[A-Za-z]/.test(d.modelNumber) && !modelName.includes(d.modelNumber) ? d.modelNumber : null;
  const model = [modelName, number].filter(Boolean).join(' ') || null;
  return { source, url, vendor: manufacturer, model, firmware: d.firmware, error: null, setAside: setAside.length ? msg('router.set-aside.list', { items: setAside }) : null };
}

/** Evidence from HNAP GetDeviceSettings. */
export function fromHnap(url: string, h: HnapSettings): RouterEvidence {
  return { source: 'hnap', url, vendor: h.vendor, model: h.model, firmware: h.firmware, error: null };
}

const listTokens = (ts: ServerToken[]) => ts.map(describeToken).join(', ');

/**
 * Evidence from an SSDP SERVER header. Its tokens are classified (server-header.ts): the UPnP library
 * or daemon and the operating system never describe the router. Only a product token that names a
 * known router maker ("AVM FRITZ!Box 7590 154.07.57") may give the maker, model and firmware.
 */
export function fromServerHeader(server: string, knownVendors: string[]): RouterEvidence {
  const tokens = parseServerHeader(server);
  if (tokens.length === 0) return failedEvidence('ssdp-server', null, msg('router.evidence.server-unreadable'));
  // A maker word standing on its own ("AVM FRITZ!Box …"), not inside another word.
  const word = (v: string) => new RegExp(`(^|[^A-Za-z0-9])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9])`, 'i');
  const named = (t: ServerToken) => knownVendors.find((v) => word(v).test(t.text)) ?? null;
  const own = tokens.find((t) => t.kind === 'product' && named(t));
  const stacks = tokens.filter((t) => t.kind === 'stack');
  const oses = tokens.filter((t) => t.kind === 'os' && t !== own);
  const others = tokens.filter((t) => t.kind === 'product' && t !== own);
  const parts: Message[] = [];
  if (stacks.length) parts.push(msg('router.set-aside.part-software', { names: listTokens(stacks) }));
  if (oses.length) parts.push(msg('router.set-aside.part-system', { names: listTokens(oses) }));
  if (others.length) parts.push(msg('router.set-aside.part-other', { names: listTokens(others) }));
  const setAside = parts.length ? msg('router.set-aside.server-names', { parts }) : null;
  if (!own) return { source: 'ssdp-server', url: null, vendor: null, model: null, firmware: null, error: null, setAside };
  return { source: 'ssdp-server', url: null, vendor: named(own), model: own.name, firmware: own.version, error: null, setAside };
}

/** Evidence from the admin page banner (Server header, title): weakest, vendor only when a known name appears. */
export function fromHttpBanner(url: string, b: HttpBanner, knownVendors: string[]): RouterEvidence {
  const text = `${b.title ?? ''} ${b.server ?? ''}`.toLowerCase();
  const vendor = knownVendors.find((v) => text.includes(v.toLowerCase())) ?? null;
  // A title is only a model when it names a known maker ("FRITZ!Box"); "Login" or "Web Management" is not.
  const titleNamesMaker = !!b.title && knownVendors.some((v) => b.title!.toLowerCase().includes(v.toLowerCase()));
  return { source: 'http', url, vendor, model: titleNamesMaker ? b.title : null, firmware: null, error: null, setAside: titleNamesMaker ? null : b.title ? msg('router.set-aside.title-no-maker', { title: b.title }) : msg('router.set-aside.no-title') };
}

/** A source that gave nothing, with its reason. */
export const failedEvidence = (source: RouterSource, url: string | null, error: Message): RouterEvidence => ({
  source,
  url,
  vendor: null,
  model: null,
  firmware: null,
  error,
  setAside: null,
});

/** Why a field is unknown: what each source that could have said it said instead. */
function unknownReason(field: RouterField, ordered: RouterEvidence[]): Message {
  const parts = ordered
    .filter((e) => !NEVER[field].includes(e.source))
    .slice(0, 16)
    .map((e) => {
      const source = routerSourceMessage(e.source);
      const why = e.error ?? e.setAside ?? null;
      return why ? msg('router.unknown.said', { source, reason: why }) : msg('router.unknown.silent', { source });
    });
  const said = parts.length ? parts : [msg('router.unknown.nothing-answered')];
  return field === 'vendor' ? msg('router.unknown.vendor', { parts: said }) : field === 'model' ? msg('router.unknown.model', { parts: said }) : msg('router.unknown.firmware', { parts: said });
}

/**
 * Picks each field from the most trusted source that has it, never from a weaker one in its place;
 * a field no source about the router gave stays unknown with the reason. Keeps every piece of evidence.
 */
export function combineRouterEvidence(evidence: RouterEvidence[], friendlyName: string | null = null): RouterIdentity {
  const ordered = [...evidence].sort((a, b) => ROUTER_SOURCES.indexOf(a.source) - ROUTER_SOURCES.indexOf(b.source)).map((e) => ({ ...e, setAside: e.setAside ?? null }));
  const pick = (k: RouterField) => {
    const e = ordered.find((x) => x.error === null && x[k]);
    return { value: e?.[k] ?? null, source: e?.source ?? null, reason: e ? null : unknownReason(k, ordered) };
  };
  const vendor = pick('vendor');
  const model = pick('model');
  const firmware = pick('firmware');
  return {
    vendor: vendor.value,
    model: model.value,
    firmware: firmware.value,
    friendlyName: friendlyName && !namesSoftwareNotDevice(friendlyName) ? friendlyName : null,
    sources: { vendor: vendor.source, model: model.source, firmware: firmware.source },
    unknown: { vendor: vendor.reason, model: model.reason, firmware: firmware.reason },
    evidence: ordered,
  };
}
