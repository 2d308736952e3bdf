/**
 * Device categories from what a device says about itself. The rules are data
 * (resources/device-categories.json); the order of evidence is code, strongest first: the default
 * gateway, the HomeKit category id, the UPnP device type (the root type of its own description,
 * then the device types it advertises over SSDP), then model/name words, then advertised mDNS
 * services, then the MAC vendor. A device type outranks names: an InternetGatewayDevice whose name
 * says "Gateway", "Hub" or "Bridge" is a router, not a hub.
 */
import { z } from 'zod';
import { loadResource } from '../checks/index.js';
import { msg, type Message } from '../messages/index.js';

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
  /** Root device types of the device's own UPnP descriptions (the strongest device-type evidence). */
  descriptionTypes?: string[];
  vendor: string | null;
}

const firstMatch = (rules: { pattern: string; category: DeviceCategory }[], texts: (string | null)[]) => {
  for (const rule of rules) {
    const re = new RegExp(rule.pattern, 'i');
    if (texts.some((t) => t && re.test(t))) return rule.category;
  }
  return null;
};

/** Which kind of evidence decided a category. */
export type CategorySource = 'gateway' | 'homekit' | 'upnp-description' | 'ssdp' | 'name' | 'mdns-service' | 'mac-vendor' | 'none';

/** The category, which kind of evidence decided it, and that evidence as a message (`survey.basis.*`). */
export interface Classification {
  category: DeviceCategory;
  source: CategorySource;
  basis: Message;
}

/** "urn:schemas-upnp-org:device:InternetGatewayDevice:1" → "InternetGatewayDevice:1". */
const shortType = (t: string) => /:device:([^:]+(?::\d+)?)$/i.exec(t)?.[1] ?? t;

/** Only device types count as device types: not service URNs, not "upnp:rootdevice", not "ssdp:all". */
const isDeviceType = (t: string) => /^urn:[^:]+:device:/i.test(t);

/** The category, and which kind of evidence decided it. */
export function classifyDevice(rules: CategoryRules, e: CategoryEvidence): Classification {
  if (e.isGateway) return { category: 'router', source: 'gateway', basis: msg('survey.basis.gateway') };
  if (e.homekitCategory && rules.homekitCategories[e.homekitCategory] && rules.homekitCategories[e.homekitCategory] !== 'unknown') {
    return { category: rules.homekitCategories[e.homekitCategory]!, source: 'homekit', basis: msg('survey.basis.homekit', { category: e.homekitCategory }) };
  }
  // The root type of its own description, in order: the device says what it is.
  for (const t of e.descriptionTypes ?? []) {
    const c = firstMatch(rules.ssdpDeviceTypes, [t]);
    if (c) return { category: c, source: 'upnp-description', basis: msg('survey.basis.upnp-description', { type: shortType(t) }) };
  }
  // Device types it advertises over SSDP (embedded devices too): the most specific rule first.
  const advertised = e.deviceTypes.filter(isDeviceType);
  for (const rule of rules.ssdpDeviceTypes) {
    const re = new RegExp(rule.pattern, 'i');
    const hit = advertised.find((t) => re.test(t));
    if (hit) return { category: rule.category, source: 'ssdp', basis: msg('survey.basis.ssdp', { type: shortType(hit) }) };
  }
  const byModel = firstMatch(rules.models, e.names);
  if (byModel) return { category: byModel, source: 'name', basis: msg('survey.basis.model-name') };
  for (const s of e.services) {
    const c = rules.services[s];
    if (c) return { category: c, source: 'mdns-service', basis: msg('survey.basis.service', { service: s }) };
  }
  // Anything else that looks like a type (older callers pass search targets only).
  const byType = firstMatch(rules.ssdpDeviceTypes, e.deviceTypes);
  if (byType) return { category: byType, source: 'ssdp', basis: msg('survey.basis.upnp-type') };
  const byVendor = firstMatch(rules.vendors, [e.vendor]);
  if (byVendor) return { category: byVendor, source: 'mac-vendor', basis: msg('survey.basis.mac-vendor') };
  return { category: 'unknown', source: 'none', basis: msg('survey.basis.nothing') };
}
