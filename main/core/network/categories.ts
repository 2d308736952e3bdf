/**
 * Device categories from what a device says about itself. The rules are data
 * (resources/device-categories.json); the order of evidence is code: HomeKit category id, then
 * model/name words, then advertised services, then UPnP device type, then MAC vendor.
 */
import { z } from 'zod';
import { loadResource } from '../checks/catalog.js';

/** The categories the inventory groups by. */
export const DEVICE_CATEGORIES = ['speaker', 'camera', 'lock', 'hub', 'tv', 'plug-light', 'computer', 'phone', 'router', 'unknown'] as const;
export const DeviceCategorySchema = z.enum(DEVICE_CATEGORIES);
export type DeviceCategory = z.infer<typeof DeviceCategorySchema>;

const Pattern = z.string().min(1).refine((p) => {
  try {
    new RegExp(p, 'i');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');
const Rule = z.strictObject({ pattern: Pattern, category: DeviceCategorySchema });

/** Schema of resources/device-categories.json. */
export const CategoryRulesSchema = z.strictObject({
  version: z.number().int().positive(),
  homekitCategories: z.record(z.string().regex(/^\d+$/), DeviceCategorySchema),
  models: z.array(Rule),
  services: z.record(z.string().regex(/^_[a-z0-9-]+\._(tcp|udp)$/), DeviceCategorySchema),
  ssdpDeviceTypes: z.array(Rule),
  vendors: z.array(Rule),
});
export type CategoryRules = z.infer<typeof CategoryRulesSchema>;

/** Loads and validates the category rules. */
export function loadCategoryRules(resourcesDir: string): CategoryRules {
  return loadResource(resourcesDir, 'device-categories.json', CategoryRulesSchema);
}

/** What the classifier looks at for one device. */
export interface CategoryEvidence {
  isGateway: boolean;
  homekitCategory: string | null;
  /** Model names, friendly names, mDNS `md`/instance names. */
  names: string[];
  /** mDNS service types ("_hap._tcp"). */
  services: string[];
  /** UPnP device types and SSDP search targets. */
  deviceTypes: string[];
  vendor: string | null;
}

const firstMatch = (rules: { pattern: string; category: DeviceCategory }[], texts: (string | null)[]) => {
  for (const rule of rules) {
    const re = new RegExp(rule.pattern, 'i');
    if (texts.some((t) => t && re.test(t))) return rule.category;
  }
  return null;
};

/** The category, and which kind of evidence decided it. */
export function classifyDevice(rules: CategoryRules, e: CategoryEvidence): { category: DeviceCategory; basis: string } {
  if (e.isGateway) return { category: 'router', basis: 'default gateway' };
  if (e.homekitCategory && rules.homekitCategories[e.homekitCategory] && rules.homekitCategories[e.homekitCategory] !== 'unknown') {
    return { category: rules.homekitCategories[e.homekitCategory]!, basis: `HomeKit category ${e.homekitCategory}` };
  }
  const byModel = firstMatch(rules.models, e.names);
  if (byModel) return { category: byModel, basis: 'model name' };
  for (const s of e.services) {
    const c = rules.services[s];
    if (c) return { category: c, basis: `service ${s}` };
  }
  const byType = firstMatch(rules.ssdpDeviceTypes, e.deviceTypes);
  if (byType) return { category: byType, basis: 'UPnP device type' };
  const byVendor = firstMatch(rules.vendors, [e.vendor]);
  if (byVendor) return { category: byVendor, basis: 'MAC vendor' };
  return { category: 'unknown', basis: 'nothing identifying answered' };
}
