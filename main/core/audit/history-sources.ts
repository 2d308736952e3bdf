import type { CheckResult } from '../checks/index.js';
import { confirmationNote, type ConfirmationStore } from '../confirmations/index.js';
import { msg } from '../messages/index.js';
import { deviceNames, effectiveCategory, type HomeModelDoc } from '../model/index.js';
import type { InventoryDevice, RouterIdentity } from './record.js';

/**
 * What an audit reads from other areas: confirmations (through the confirmation store) and the
 * devices and router of the home model.
 */

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
        ? { id, status: 'skipped', reason: confirmationNote(r) ?? msg('confirmation.skipped-earlier'), evidence: { kind: 'none' }, detail: null }
        : { id, status: r.status, reason: confirmationNote(r), evidence: { kind: 'confirmed', at: r.confirmedAt, expiresAt: r.expiresAt }, detail: null },
    );
  }
  return out;
}

/**
 * The inventory an audit records: the home model's devices still at home that answered the latest
 * survey (or were added by hand), by id. Before any survey in this model, every device still at home.
 */
export function inventoryFromModel(home: Pick<HomeModelDoc, 'devices' | 'surveyedAt'>): InventoryDevice[] {
  return Object.values(home.devices)
    // Devices marked to move to the IoT network stay listed after they left the main network (the report marks them not seen).
    .filter((d) => !d.removed && (home.surveyedAt === null || d.manual || d.moveToIot === true || d.lastSeen === home.surveyedAt))
    .map((d) => ({
      key: d.id.slice(0, 100),
      name: deviceNames(d)[0]?.slice(0, 200) ?? null,
      ip: d.ip,
      mac: d.mac,
      vendor: [d.vendor, d.model].filter(Boolean).join(' ').slice(0, 200) || null,
      category: effectiveCategory(d),
      firmware: d.firmware?.slice(0, 100) ?? null,
      firstSeen: d.firstSeen,
      lastSeen: d.lastSeen,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The router an audit records: the home model's router, with the sources that said each field. */
export function routerFromModel(home: Pick<HomeModelDoc, 'router'>): RouterIdentity | null {
  const r = home.router;
  if (!r) return null;
  const id = r.identity;
  const sources = id ? [...new Set([id.sources.vendor, id.sources.model, id.sources.firmware].filter((s): s is NonNullable<typeof s> => s !== null))] : [];
  return { address: r.address, vendor: id?.vendor ?? null, model: id?.model ?? null, firmware: id?.firmware ?? null, sources: sources.slice(0, 20) };
}
