/**
 * Matches a device (maker + model, firmware when known) against the KEV snapshot through the
 * normalisation table, and says exactly what matched and how sure it is:
 *  - `exact-model`: a model the entry names (in its product, name or description) is the device's model;
 *  - `revision`: the same model with a hardware-revision suffix on one side ("WNR2000" / "WNR2000v5");
 *  - `model-family`: the entry names a product line without any model ("DSL CPE Devices") and the
 *    table puts the device's model in that line.
 * The maker alone never counts as a match, and a maker is only ever compared with its own entries.
 */
import type { KevCatalog, KevEntry, VendorTable } from './catalog.js';
import { actionKind, type ActionKind } from './actions.js';
import { affectedByVersion, type Affected } from './versions.js';

export type MatchHow = 'exact-model' | 'revision' | 'model-family';

/** One catalog entry that concerns a device, and how it was found. */
export interface VulnMatch {
  cve: string;
  vendorProject: string;
  product: string;
  name: string;
  dateAdded: string;
  dueDate: string;
  /** CISA's required action, verbatim (shown second, after the plain words of `action`). */
  requiredAction: string;
  action: ActionKind;
  how: MatchHow;
  /** What matched: the entry's model name, or the family's name. */
  matched: string;
  /** Whether the device's firmware is inside versions the entry itself states. */
  affected: Affected;
  ransomware: boolean;
}

/** A device's identity as the matcher reads it. */
export interface DeviceIdentity {
  vendor: string | null;
  model: string | null;
  firmware: string | null;
}

export type DeviceVulnStatus = 'listed' | 'end-of-life' | 'clear' | 'unidentified';

/** The outcome for one device. */
export interface DeviceVulns {
  status: DeviceVulnStatus;
  /** Why it could not be matched (unidentified only). */
  missing: 'vendor' | 'model' | 'both' | null;
  /** The maker as the table names it, or the device's own spelling when the table does not know it. */
  maker: string | null;
  matches: VulnMatch[];
}

/** Lower-case words of a name ("D-Link Systems, Inc." → "d link systems inc"). */
export const words = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const compact = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]+/g, '');

/** Model-like tokens in a text: a letter and at least two digits (DIR-859, RT-AX55, AC15, WNR2000v5). */
export function modelTokens(text: string): string[] {
  return [...modelTokenSpellings(text).keys()];
}

/** Model tokens (compacted: "DIR645") with the spelling the text used ("DIR-645"). */
export function modelTokenSpellings(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/[\s,;/()[\]"']+/)) {
    const t = raw.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
    if (!/[A-Za-z]/.test(t) || (t.match(/\d/g)?.length ?? 0) < 2) continue;
    if (/^(CVE|CWE|BOD|HTTP|HTTPS|RFC)-?\d/i.test(t) || t.includes('://') || /^\d/.test(t) && !/^\d+[A-Z]/i.test(t)) continue;
    if (!out.has(compact(t))) out.set(compact(t), t);
  }
  return out;
}

const REVISION = /^(V\d{1,2}|[A-H]\d|R\d|REV[A-Z0-9]{1,3}|HW[A-Z0-9]{1,3})$/;

/** Compares a device token with an entry token: exact, a hardware revision apart, or not at all. */
export function compareModel(device: string, entry: string): 'exact-model' | 'revision' | null {
  if (device === entry) return 'exact-model';
  const [long, short] = device.length > entry.length ? [device, entry] : [entry, device];
  if (short.length >= 4 && long.startsWith(short) && REVISION.test(long.slice(short.length))) return 'revision';
  return null;
}

const GENERIC = /\b(router|routers|devices?|ip camera|camera|cameras|firmware|access point|storage device|gateway|nas)\b/g;

/** An index of the snapshot by maker, built once per catalog. */
export class KevMatcher {
  private readonly byVendor = new Map<string, KevEntry[]>();
  private readonly aliasToVendor: { alias: string; id: string }[] = [];
  private readonly names = new Map<string, string>();

  constructor(readonly catalog: KevCatalog, private readonly table: VendorTable) {
    const kevToIds = new Map<string, string[]>();
    for (const v of table.vendors) {
      this.names.set(v.id, v.name);
      for (const a of v.aliases) this.aliasToVendor.push({ alias: words(a), id: v.id });
      for (const k of v.kev) kevToIds.set(k, [...(kevToIds.get(k) ?? []), v.id]);
    }
    for (const e of catalog.vulnerabilities) {
      const ids = kevToIds.get(e.vendorProject) ?? [`kev:${words(e.vendorProject)}`];
      for (const id of ids) this.byVendor.set(id, [...(this.byVendor.get(id) ?? []), e]);
      if (!kevToIds.has(e.vendorProject)) this.names.set(`kev:${words(e.vendorProject)}`, e.vendorProject);
    }
    // Longest aliases first, so "d link systems" wins over a shorter spelling.
    this.aliasToVendor.sort((a, b) => b.alias.length - a.alias.length);
  }

  /** The maker's id: an alias of the table, else a KEV maker's own name at the start of the vendor string. */
  vendorId(vendor: string): string | null {
    const w = words(vendor);
    const c = compact(vendor);
    for (const { alias, id } of this.aliasToVendor) if (w === alias || w.startsWith(`${alias} `) || c === compact(alias)) return id;
    for (const id of this.byVendor.keys()) {
      if (!id.startsWith('kev:')) continue;
      const k = id.slice(4);
      if (w === k || w.startsWith(`${k} `)) return id;
    }
    return null;
  }

  /** The maker's name as the table writes it. */
  vendorName(id: string): string {
    return this.names.get(id) ?? id;
  }

  /** Matches one device. Unidentified (no maker or no model) is said so, never guessed. */
  match(d: DeviceIdentity): DeviceVulns {
    const vendor = d.vendor?.trim() || null;
    const model = d.model?.trim() || null;
    if (!vendor || !model) return { status: 'unidentified', missing: !vendor && !model ? 'both' : !vendor ? 'vendor' : 'model', maker: vendor, matches: [] };
    const id = this.vendorId(vendor);
    if (!id) return { status: 'clear', missing: null, maker: vendor, matches: [] };
    const deviceTokens = modelTokens(model);
    const deviceWhole = compact(words(model).replace(GENERIC, ' '));
    const families = this.table.families.filter((f) => f.vendor === id && f.models.some((m) => new RegExp(m, 'i').test(model)));
    const matches: VulnMatch[] = [];
    for (const e of this.byVendor.get(id) ?? []) {
      const spellings = modelTokenSpellings(`${e.product} ${e.vulnerabilityName} ${e.shortDescription}`);
      const entryTokens = [...spellings.keys()];
      let how: MatchHow | null = null;
      let matched = '';
      for (const dt of deviceTokens) {
        for (const et of entryTokens) {
          const c = compareModel(dt, et);
          if (c && (how === null || (how === 'revision' && c === 'exact-model'))) {
            how = c;
            matched = spellings.get(et) ?? et;
          }
        }
      }
      const product = compact(words(e.product).replace(GENERIC, ' '));
      if (!how && deviceTokens.length === 0 && product.length >= 4 && product === deviceWhole) {
        how = 'exact-model';
        matched = e.product;
      }
      if (!how && entryTokens.length === 0) {
        const f = families.find((x) => x.kevProduct === e.product && (!x.cves || x.cves.includes(e.cveID)));
        if (f) {
          how = 'model-family';
          matched = f.name;
        }
      }
      if (!how) continue;
      matches.push({
        cve: e.cveID,
        vendorProject: e.vendorProject,
        product: e.product,
        name: e.vulnerabilityName.trim(),
        dateAdded: e.dateAdded,
        dueDate: e.dueDate,
        requiredAction: e.requiredAction.trim(),
        action: actionKind(e.requiredAction),
        how,
        matched,
        affected: how === 'exact-model' ? affectedByVersion(e.shortDescription, d.firmware) : 'not-stated',
        ransomware: e.knownRansomwareCampaignUse === 'Known',
      });
    }
    // The surest first (exact model, then revision, then family), newest first within each.
    const rank: Record<MatchHow, number> = { 'exact-model': 0, revision: 1, 'model-family': 2 };
    matches.sort((a, b) => rank[a.how] - rank[b.how] || b.dateAdded.localeCompare(a.dateAdded) || a.cve.localeCompare(b.cve));
    const eol = matches.some((m) => m.how !== 'model-family' && m.action === 'end-of-life');
    return { status: matches.length === 0 ? 'clear' : eol ? 'end-of-life' : 'listed', missing: null, maker: this.vendorName(id), matches };
  }
}
