import { z } from 'zod';
import type { CheckResult } from '../checks/results.js';
import type { History } from '../store/documents.js';
import type { InventoryDevice } from './record.js';

/**
 * Readers for the history store's shared parts, written by other areas: confirmations (the
 * confirmation store's records) and devices (the survey's records). Tolerant of missing fields,
 * never trusting them — an entry that does not parse is ignored, not fatal.
 */

const iso = z.iso.datetime({ offset: true });

/** The fields of a confirmation record (main/core/confirmations) the audit relies on. */
const ConfirmationEntry = z.object({
  checkId: z.string().max(64),
  subject: z.string().max(64).nullable(),
  status: z.enum(['pass', 'warn', 'fail', 'skipped']),
  note: z.string().max(2000).nullable().optional(),
  confirmedAt: iso,
  expiresAt: iso,
});
type Entry = z.infer<typeof ConfirmationEntry>;

const WORST = { fail: 0, warn: 1, pass: 2 } as const;

/**
 * The user's word on each check, from the history store, as a check result: the check-level
 * record when there is one, otherwise its per-subject records (one per account, device …) folded
 * conservatively — the worst status, the oldest date, the earliest expiry. A skipped record becomes
 * a skip with its reason. Expiry is applied later, by the check view.
 */
export function readConfirmations(history: Pick<History, 'confirmations'>): Map<string, CheckResult> {
  const checkLevel = new Map<string, Entry>();
  const subjects = new Map<string, Entry[]>();
  for (const [key, value] of Object.entries(history.confirmations)) {
    const parsed = ConfirmationEntry.safeParse(value);
    if (!parsed.success) continue;
    const e = parsed.data;
    if (key !== (e.subject === null ? e.checkId : `${e.checkId}:${e.subject}`)) continue;
    if (e.subject === null) checkLevel.set(e.checkId, e);
    else if (e.status !== 'skipped') subjects.set(e.checkId, [...(subjects.get(e.checkId) ?? []), e]);
  }
  const out = new Map<string, CheckResult>();
  for (const [id, list] of subjects) {
    if (checkLevel.has(id)) continue;
    const worst = list.reduce((a, b) => (WORST[b.status as keyof typeof WORST] < WORST[a.status as keyof typeof WORST] ? b : a));
    const at = list.map((e) => e.confirmedAt).sort()[0]!;
    const expiresAt = list.map((e) => e.expiresAt).sort()[0]!;
    const reason = list.map((e) => `${e.subject}: ${e.note ?? e.status}`).join('; ').slice(0, 2000);
    out.set(id, { id, status: worst.status, reason, evidence: { kind: 'confirmed', at, expiresAt }, detail: null });
  }
  for (const [id, e] of checkLevel) {
    out.set(
      id,
      e.status === 'skipped'
        ? { id, status: 'skipped', reason: e.note ?? 'skipped in an earlier audit', evidence: { kind: 'none' }, detail: null }
        : { id, status: e.status, reason: e.note ?? null, evidence: { kind: 'confirmed', at: e.confirmedAt, expiresAt: e.expiresAt }, detail: null },
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
