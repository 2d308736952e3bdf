/**
 * The inventory as kept in History.devices: first/last seen, the user's name for a device, whether
 * it moves to the IoT network, removed or added by hand. Entries are schema-checked on read; a
 * broken entry is dropped with a log line rather than breaking the survey.
 */
import { z } from 'zod';
import { DeviceCategorySchema } from './categories.js';

const iso = z.iso.datetime({ offset: true });

/** One device as remembered across surveys. */
export const DeviceRecordSchema = z.strictObject({
  id: z.string().min(1).max(80),
  ip: z.string().max(45).nullable(),
  mac: z.string().max(17).nullable(),
  vendor: z.string().max(200).nullable(),
  model: z.string().max(200).nullable().default(null),
  category: DeviceCategorySchema,
  /** What decided the category, in plain words ("UPnP device type InternetGatewayDevice:1 (its description)"); null for older records. */
  categoryBasis: z.string().max(200).nullable().default(null),
  /** Names the network gave (mDNS instance, friendlyName …). */
  names: z.array(z.string().max(200)).max(16),
  services: z.array(z.string().max(200)).max(64),
  firstSeen: iso.nullable(),
  lastSeen: iso.nullable(),
  /** The user's own name, shown first. */
  userName: z.string().max(80).nullable().default(null),
  /** The user's category choice, overriding the classifier. */
  userCategory: DeviceCategorySchema.nullable().default(null),
  moveToIot: z.boolean().default(false),
  removed: z.boolean().default(false),
  removedAt: iso.nullable().default(null),
  manual: z.boolean().default(false),
});
export type DeviceRecord = z.infer<typeof DeviceRecordSchema>;

/** Reads every valid record from History.devices; invalid ones are reported by id. */
export function readDeviceRecords(raw: Record<string, unknown>): { records: Map<string, DeviceRecord>; dropped: string[] } {
  const records = new Map<string, DeviceRecord>();
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const parsed = DeviceRecordSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) records.set(key, parsed.data);
    else dropped.push(key);
  }
  return { records, dropped };
}

/** Stable device id: the MAC when known, else the address (mDNS-only or manual devices). */
export const deviceId = (mac: string | null, ip: string | null): string => (mac ? mac : `ip:${ip ?? 'unknown'}`);
