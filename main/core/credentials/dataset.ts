import { z } from 'zod';
import { loadResource } from '../checks/index.js';

/** How an admin page asks for credentials, as the dataset and the prober name it. */
export const LoginStyleSchema = z.enum(['basic', 'digest', 'form', 'none', 'unknown', 'app-only']);
export type LoginStyle = z.infer<typeof LoginStyleSchema>;

/** A public factory username/password pair (an empty string is a real value: "blank"). */
export const FactoryCredentialSchema = z.strictObject({
  username: z.string().max(64),
  password: z.string().max(64),
});
export type FactoryCredential = z.infer<typeof FactoryCredentialSchema>;

/** At most 5 pairs per vendor: a full check must fit in the 5-attempt budget of one host per audit. */
const Credentials = z.array(FactoryCredentialSchema).max(5);

export const VendorDefaultsSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  kind: z.enum(['router', 'camera', 'nvr', 'hub']),
  aliases: z.array(z.string().min(2).max(40)).min(1),
  login: LoginStyleSchema.exclude(['unknown']),
  uniquePerDevice: z.boolean(),
  credentials: Credentials,
  note: z.string().max(300).optional(),
  sources: z.array(z.string()).min(1),
});
export type VendorDefaults = z.infer<typeof VendorDefaultsSchema>;

export const DefaultCredentialsSchema = z
  .strictObject({
    version: z.number().int().positive(),
    sources: z.array(z.strictObject({ id: z.string(), title: z.string(), url: z.url().optional(), licence: z.string().min(3) })).min(1),
    generic: Credentials.min(1),
    vendors: z.array(VendorDefaultsSchema).min(1),
  })
  .refine((d) => new Set(d.vendors.map((v) => v.id)).size === d.vendors.length, { message: 'vendor ids must be unique' })
  .refine((d) => d.vendors.every((v) => v.sources.every((s) => d.sources.some((k) => k.id === s))), {
    message: 'every vendor source must be listed in sources',
  });
export type DefaultCredentials = z.infer<typeof DefaultCredentialsSchema>;

/** Loads resources/default-credentials.json through its schema; a broken file names the failing field. */
export function loadDefaultCredentials(resourcesDir: string): DefaultCredentials {
  return loadResource(resourcesDir, 'default-credentials.json', DefaultCredentialsSchema);
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9!]+/g, ' ').trim();

/**
 * Finds a vendor by id, name or alias (case- and punctuation-insensitive); the longest alias that
 * occurs in the given text wins, so "Hikvision NVR" picks the NVR entry over the camera one.
 */
export function findVendor(data: DefaultCredentials, text: string | null | undefined): VendorDefaults | null {
  if (!text) return null;
  const t = norm(text);
  if (!t) return null;
  const exact = data.vendors.find((v) => v.id === text.toLowerCase() || norm(v.name) === t);
  if (exact) return exact;
  let best: { v: VendorDefaults; len: number } | null = null;
  for (const v of data.vendors) {
    for (const a of v.aliases) {
      const na = norm(a);
      if (!na) continue;
      const hit = t === na || ` ${t} `.includes(` ${na} `) || (na.length >= 4 && t.includes(na));
      if (hit && (!best || na.length > best.len)) best = { v, len: na.length };
    }
  }
  return best?.v ?? null;
}
