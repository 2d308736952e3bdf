/**
 * Router families: the ONE router list (ids, names, how to recognise each) that every step offers,
 * joined with each family's separate-network instructions (resources/router-families.json).
 *
 * The list itself — id, name and vendor patterns, in the order the steps show them — is kept once,
 * in resources/wifi-router-guides.json (whose entries also carry the Wi-Fi step's WPA3 steps);
 * router-families.json holds, per id, only the guest-network / isolation / VLAN steps. Loading
 * fails when one file has a family the other lacks, so the Wi-Fi and separate-network steps can
 * never offer different routers.
 */
import { z } from 'zod';
import { loadResource } from '../checks/index.js';

const Step = z.string().min(5).max(400);
const Id = z.string().regex(/^[a-z0-9-]+$/);

/** The file holding the one router list. */
export const ROUTER_LIST_FILE = 'wifi-router-guides.json';

/** One entry of the router list: what the steps show and how the survey's identity picks it. */
export const RouterListEntrySchema = z.object({ id: Id, name: z.string().min(2).max(80), vendorPatterns: z.array(z.string().min(2).max(40)) });
export type RouterListEntry = z.infer<typeof RouterListEntrySchema>;
const RouterListSchema = z
  .object({ families: z.array(RouterListEntrySchema).min(1) })
  .refine((l) => new Set(l.families.map((f) => f.id)).size === l.families.length, { message: 'router ids must be unique' })
  .refine((l) => l.families.some((x) => x.id === 'generic'), { message: 'a "generic" family is required' });

/** One family's separate-network instructions (resources/router-families.json), keyed by the list's id. */
export const SegmentationGuideSchema = z.strictObject({
  id: Id,
  adminUrlHint: z.string().min(3),
  guestNetwork: z.array(Step).min(1),
  isolation: Step,
  vlan: Step,
});

const SegmentationGuidesSchema = z
  .strictObject({ version: z.number().int().positive(), families: z.array(SegmentationGuideSchema).min(1), crossNetworkWarning: z.array(Step).min(1) })
  .refine((f) => new Set(f.families.map((x) => x.id)).size === f.families.length, { message: 'family ids must be unique' });

/** One router family with its guest-network / isolation / VLAN instructions. */
export const RouterFamilySchema = RouterListEntrySchema.extend(SegmentationGuideSchema.shape).strict();
export type RouterFamily = z.infer<typeof RouterFamilySchema>;

export interface RouterFamilies {
  version: number;
  families: RouterFamily[];
  crossNetworkWarning: string[];
}

/** The one router list, in the order the steps show it. */
export function loadRouterList(resourcesDir: string): RouterListEntry[] {
  return loadResource(resourcesDir, ROUTER_LIST_FILE, RouterListSchema).families.map(({ id, name, vendorPatterns }) => ({ id, name, vendorPatterns }));
}

/** Loads the router list joined with every family's separate-network instructions; a family missing from either file is an error. */
export function loadRouterFamilies(resourcesDir: string): RouterFamilies {
  const list = loadRouterList(resourcesDir);
  const guides = loadResource(resourcesDir, 'router-families.json', SegmentationGuidesSchema);
  const byId = new Map(guides.families.map((g) => [g.id, g]));
  const missing = list.filter((f) => !byId.has(f.id)).map((f) => f.id);
  const extra = guides.families.filter((g) => !list.some((f) => f.id === g.id)).map((g) => g.id);
  if (missing.length || extra.length) {
    throw new Error(`router-families.json must have separate-network steps for exactly the routers of ${ROUTER_LIST_FILE}${missing.length ? `; missing: ${missing.join(', ')}` : ''}${extra.length ? `; not in the list: ${extra.join(', ')}` : ''}`);
  }
  return { version: guides.version, families: list.map((f) => ({ ...f, ...byId.get(f.id)!, id: f.id })), crossNetworkWarning: guides.crossNetworkWarning };
}

/** Every vendor word the families know (for reading banners). */
export const knownRouterVendors = (f: { families: readonly RouterListEntry[] }): string[] => f.families.flatMap((x) => x.vendorPatterns);

/**
 * The family whose pattern appears in the router's vendor or model (or another hint, e.g. the
 * network's name); the generic family otherwise. The one matcher both steps use.
 */
export function familyOf<F extends RouterListEntry>(f: { families: readonly F[] }, vendor: string | null, model: string | null, ...more: (string | null | undefined)[]): F {
  const text = [vendor, model, ...more].filter(Boolean).join(' ').toLowerCase();
  const hit = text ? f.families.find((x) => x.vendorPatterns.some((p) => text.includes(p.toLowerCase()))) : undefined;
  return hit ?? f.families.find((x) => x.id === 'generic')!;
}
