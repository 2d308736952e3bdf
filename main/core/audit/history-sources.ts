import { z } from 'zod';
import type { CheckResult } from '../checks/results.js';
import type { History } from '../store/documents.js';
import type { ConfirmationStore } from '../confirmations/confirmation-store.js';
import type { InventoryDevice } from './record.js';

/**
 * Readers for the history store's shared parts, written by other areas: confirmations (through the
 * confirmation store) and devices (the survey's records, tolerant of missing fields). An entry that
 * does not parse is ignored, not fatal.
 */

const iso = z.iso.datetime({ offset: true });

/**
 * The user's word on each check from the history store, as a check result: the check-level record
 * the confirmation store keeps for every confirmed check (per-subject answers — one per account,
 * device … — are rolled up into it by the steps that ask them). A skipped record becomes a skip with
 * its reason; expiry is applied later, by the check view.
 */
export function readConfirmations(store: Pick<ConfirmationStore, 'list'>): Map<string, CheckResult> {
  const out = new Map<string, CheckResult>();
  for (const r of store.list().records) {
    if (r.subject !== null) continue;
    const id = r.checkId;
    out.set(
      id,
      r.status === 'skipped'
        ? { id, status: 'skipped', reason: r.note ?? 'skipped in an earlier audit', evidence: { kind: 'none' }, detail: null }
        : { id, status: r.status, reason: r.note, evidence: { kind: 'confirmed', at: r.confirmedAt, expiresAt: r.expiresAt }, detail: null },
    );
  }
  return out;
}

/** The fields of a survey device record (main/core/network/device-records.ts) the inventory shows. */
const DeviceEntry = z.object({
  ip: z.string().max(64).nullable().optional(),
  mac: z.string().max(32).nullable().optional(),
  vendor: z.string().max(200).nullable().optional(),
  model: z.string().max(200).nullable().optional(),
  category: z.string().max(40).nullable().optional(),
  userCategory: z.string().max(40).nullable().optional(),
  name: z.string().max(200).nullable().optional(),
  userName: z.string().max(200).nullable().optional(),
  names: z.array(z.string().max(200)).max(64).optional(),
  firmware: z.string().max(100).nullable().optional(),
  firstSeen: iso.nullable().optional(),
  lastSeen: iso.nullable().optional(),
  removed: z.boolean().optional(),
});

/** A survey's device as an inventory entry; null for an unreadable or removed one. */
export function toInventoryDevice(key: string, value: unknown): InventoryDevice | null {
  const d = DeviceEntry.safeParse(value);
  if (!d.success || d.data.removed) return null;
  const v = d.data;
  return {
    key: key.slice(0, 100),
    name: (v.userName ?? v.name ?? v.names?.[0] ?? null)?.slice(0, 200) ?? null,
    ip: v.ip ?? null,
    mac: v.mac ?? null,
    vendor: [v.vendor, v.model].filter(Boolean).join(' ').slice(0, 200) || null,
    category: v.userCategory ?? v.category ?? null,
    firmware: v.firmware ?? null,
    firstSeen: v.firstSeen ?? null,
    lastSeen: v.lastSeen ?? null,
  };
}

/** The inventory as last surveyed, from the history store's device records (keyed by MAC or stable id). */
export function readInventory(history: Pick<History, 'devices'>): InventoryDevice[] {
  return Object.entries(history.devices)
    .map(([key, value]) => toInventoryDevice(key, value))
    .filter((d): d is InventoryDevice => d !== null)
    .sort((a, b) => a.key.localeCompare(b.key));
}
