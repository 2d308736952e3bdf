/** Combines what each no-login source said about the router into one identity with provenance. */
import type { DeviceDescription } from './upnp-description.js';
import type { HnapSettings } from './hnap.js';
import type { HttpBanner } from './http-banner.js';
import { productOfServerHeader, versionIn } from './server-header.js';

/** Where a fact about the router came from, in order of trust. */
export const ROUTER_SOURCES = ['tr064', 'upnp', 'hnap', 'ssdp-server', 'http', 'oui'] as const;
export type RouterSource = (typeof ROUTER_SOURCES)[number];

/** What one source said (or why it said nothing). */
export interface RouterEvidence {
  source: RouterSource;
  url: string | null;
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  /** Null when the source answered; otherwise why it gave nothing (timeout, 404, malformed XML …). */
  error: string | null;
}

/** The router's identity: each field with the source that said it; null fields are unknown. */
export interface RouterIdentity {
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  friendlyName: string | null;
  sources: { vendor: RouterSource | null; model: RouterSource | null; firmware: RouterSource | null };
  evidence: RouterEvidence[];
}

/** Evidence from a UPnP or TR-064 description. */
export function fromDescription(source: 'tr064' | 'upnp', url: string, d: DeviceDescription): RouterEvidence {
  // Vendors put filler in modelNumber ("avm", "1"); append it only when it looks like a model code.
  const number = d.modelNumber && /\d/.test(d.modelNumber) && /[A-Za-z]/.test(d.modelNumber) && !(d.modelName ?? '').includes(d.modelNumber) ? d.modelNumber : null;
  const model = [d.modelName, number].filter(Boolean).join(' ') || null;
  return { source, url, vendor: d.manufacturer, model, firmware: d.firmware, error: null };
}

/** Evidence from HNAP GetDeviceSettings. */
export function fromHnap(url: string, h: HnapSettings): RouterEvidence {
  return { source: 'hnap', url, vendor: h.vendor, model: h.model, firmware: h.firmware, error: null };
}

/** Evidence from an SSDP SERVER header: only the firmware-looking version is trusted, the product is a hint. */
export function fromServerHeader(server: string, knownVendors: string[]): RouterEvidence {
  const product = productOfServerHeader(server);
  const vendor = product ? (knownVendors.find((v) => product.toLowerCase().includes(v.toLowerCase())) ?? null) : null;
  return { source: 'ssdp-server', url: null, vendor, model: product, firmware: versionIn(product), error: null };
}

/** Evidence from the admin page banner (Server header, title): weakest, vendor only when a known name appears. */
export function fromHttpBanner(url: string, b: HttpBanner, knownVendors: string[]): RouterEvidence {
  const text = `${b.title ?? ''} ${b.server ?? ''}`.toLowerCase();
  const vendor = knownVendors.find((v) => text.includes(v.toLowerCase())) ?? null;
  return { source: 'http', url, vendor, model: b.title, firmware: null, error: null };
}

/** A source that gave nothing, with its reason. */
export const failedEvidence = (source: RouterSource, url: string | null, error: string): RouterEvidence => ({
  source,
  url,
  vendor: null,
  model: null,
  firmware: null,
  error,
});

/** Picks each field from the most trusted source that has it; keeps every piece of evidence. */
export function combineRouterEvidence(evidence: RouterEvidence[], friendlyName: string | null = null): RouterIdentity {
  const ordered = [...evidence].sort((a, b) => ROUTER_SOURCES.indexOf(a.source) - ROUTER_SOURCES.indexOf(b.source));
  const pick = (k: 'vendor' | 'model' | 'firmware') => {
    const e = ordered.find((x) => x.error === null && x[k]);
    return { value: e?.[k] ?? null, source: e?.source ?? null };
  };
  const vendor = pick('vendor');
  const model = pick('model');
  const firmware = pick('firmware');
  return {
    vendor: vendor.value,
    model: model.value,
    firmware: firmware.value,
    friendlyName,
    sources: { vendor: vendor.source, model: model.source, firmware: firmware.source },
    evidence: ordered,
  };
}
