/** Router families (resources/router-families.json): how to recognise one and how to segment on it. */
import { z } from 'zod';
import { loadResource } from '../checks/index.js';

const Step = z.string().min(5).max(400);

/** One router family with its guest-network / isolation / VLAN instructions. */
export const RouterFamilySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  vendorPatterns: z.array(z.string().min(2)),
  adminUrlHint: z.string().min(3),
  guestNetwork: z.array(Step).min(1),
  isolation: Step,
  vlan: Step,
});
export type RouterFamily = z.infer<typeof RouterFamilySchema>;

export const RouterFamiliesSchema = z
  .strictObject({ version: z.number().int().positive(), families: z.array(RouterFamilySchema).min(1), crossNetworkWarning: z.array(Step).min(1) })
  .refine((f) => f.families.some((x) => x.id === 'generic'), { message: 'a "generic" family is required' });
export type RouterFamilies = z.infer<typeof RouterFamiliesSchema>;

/** Loads and validates the router families. */
export function loadRouterFamilies(resourcesDir: string): RouterFamilies {
  return loadResource(resourcesDir, 'router-families.json', RouterFamiliesSchema);
}

/** Every vendor word the families know (for reading banners). */
export const knownRouterVendors = (f: RouterFamilies): string[] => f.families.flatMap((x) => x.vendorPatterns);

/** The family whose pattern appears in the router's vendor or model; the generic family otherwise. */
export function familyOf(f: RouterFamilies, vendor: string | null, model: string | null): RouterFamily {
  const text = `${vendor ?? ''} ${model ?? ''}`.toLowerCase();
  return f.families.find((x) => x.vendorPatterns.some((p) => text.includes(p.toLowerCase()))) ?? f.families.find((x) => x.id === 'generic')!;
}
