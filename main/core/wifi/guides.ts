/** Router-family WPA3 instructions and devices that cannot join WPA3-only networks, as validated data. */
import { z } from 'zod';
import { loadResource } from '../checks/index.js';
import { familyOf } from '../router/index.js';

const Step = z.string().min(5).max(400);

/**
 * One router family: how to recognise it, where its admin page is, and the steps to WPA3 or
 * transition. These entries' id, name and vendorPatterns are THE router list every step offers
 * (main/core/router/router-families.ts joins the separate-network steps to it by id).
 */
export const WifiRouterGuideSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2).max(80),
  vendorPatterns: z.array(z.string().min(2).max(40)),
  adminAddresses: z.array(z.string().min(3).max(200)).min(1),
  wpa3Support: Step,
  wpa3Only: z.array(Step).min(3),
  transition: z.array(Step).min(2),
  notes: z.array(Step),
});
export type WifiRouterGuide = z.infer<typeof WifiRouterGuideSchema>;

/** Families the issue requires, so a trimmed file fails at load rather than leaving a homeowner without steps. */
export const REQUIRED_FAMILIES = ['avm-fritzbox', 'tp-link', 'netgear', 'asus', 'linksys', 'eero', 'google-nest-wifi', 'ubiquiti', 'openwrt', 'generic'] as const;

export const WifiRouterGuidesSchema = z
  .strictObject({ version: z.number().int().positive(), families: z.array(WifiRouterGuideSchema).min(1) })
  .refine((g) => new Set(g.families.map((f) => f.id)).size === g.families.length, { message: 'family ids must be unique' })
  .refine((g) => REQUIRED_FAMILIES.every((id) => g.families.some((f) => f.id === id)), { message: `families must include ${REQUIRED_FAMILIES.join(', ')}` });
export type WifiRouterGuides = z.infer<typeof WifiRouterGuidesSchema>;

/** One device (family) known not to join WPA3-only networks. */
export const LegacyDeviceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  vendor: z.string().min(2).max(60),
  model: z.string().min(2).max(200),
  category: z.enum(['voice-assistant', 'media', 'console', 'smart-plug', 'camera', 'printer', 'computer', 'phone', 'other']),
  wpa3: z.enum(['no', 'unknown']),
  advice: Step,
});
export type LegacyDevice = z.infer<typeof LegacyDeviceSchema>;

export const LegacyDevicesSchema = z
  .strictObject({ version: z.number().int().positive(), note: Step, devices: z.array(LegacyDeviceSchema).min(1) })
  .refine((d) => new Set(d.devices.map((x) => x.id)).size === d.devices.length, { message: 'device ids must be unique' });
export type LegacyDevices = z.infer<typeof LegacyDevicesSchema>;

/** Loads resources/wifi-router-guides.json through its schema. */
export function loadWifiRouterGuides(resourcesDir: string): WifiRouterGuides {
  return loadResource(resourcesDir, 'wifi-router-guides.json', WifiRouterGuidesSchema);
}

/** Loads resources/wifi-legacy-devices.json through its schema. */
export function loadLegacyDevices(resourcesDir: string): LegacyDevices {
  return loadResource(resourcesDir, 'wifi-legacy-devices.json', LegacyDevicesSchema);
}

/**
 * The family whose vendor pattern appears in the router's vendor/model or the SSID; `generic`
 * otherwise — the router area's one matcher over the one router list (this file's entries), so the
 * Wi-Fi and separate-network steps default to the same router.
 */
export function guessRouterFamily(guides: WifiRouterGuides, hints: { vendor?: string | null; model?: string | null; ssid?: string | null }): WifiRouterGuide {
  return familyOf(guides, hints.vendor ?? null, hints.model ?? null, hints.ssid);
}
