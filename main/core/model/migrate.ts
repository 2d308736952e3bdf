import type { DocumentStore, Logger } from '../ports.js';
import type { History, Progress } from '../store/index.js';
import { CONSENT_KINDS, ConfirmationRecordSchema, DeviceRecordSchema, EMPTY_HOME_MODEL, HomeModelSchema, type Answers, type Consent, type ConsentKind, type DeviceRecord, type HomeModelDoc } from './schema.js';

/** The wizard answers a 0.1.0 progress snapshot held that the core needs, read once at migration. */
export function answersFromLegacySnapshot(snapshot: unknown): Partial<Answers> {
  const answers = (snapshot as { context?: { answers?: Record<string, Record<string, unknown> | undefined> } } | null)?.context?.answers;
  const ssid = (v: unknown) => (typeof v === 'string' && v.length > 0 && Buffer.byteLength(v, 'utf8') <= 32 ? v : undefined);
  const out: Partial<Answers> = {};
  const iot = ssid(answers?.segmentation?.iotSsid);
  if (iot !== undefined) out.iotSsid = iot;
  const home = ssid(answers?.wifi?.homeSsid ?? answers?.wifi?.ssid);
  if (home !== undefined) out.homeSsid = home;
  return out;
}

/** The welcome step's consent answers a 0.1.0 progress snapshot held (only true/false answers). */
export function consentFromLegacySnapshot(snapshot: unknown): Partial<Record<ConsentKind, boolean>> {
  const consent = (snapshot as { context?: { consent?: Record<string, unknown> } } | null)?.context?.consent;
  const out: Partial<Record<ConsentKind, boolean>> = {};
  for (const k of CONSENT_KINDS) if (typeof consent?.[k] === 'boolean') out[k] = consent[k];
  return out;
}

/**
 * Brings a profile written before the home model existed (0.1.0: devices in `history.devices`,
 * wizard answers inside the renderer's saved snapshot) into the model, once. Every device record
 * that parses is kept with all its edits; one that does not is logged by id and left in history
 * (never silently dropped). The progress snapshot itself is left untouched so the wizard restores it.
 */
export function migrateProfile(deps: {
  home: DocumentStore<HomeModelDoc>;
  history: DocumentStore<History>;
  progress: DocumentStore<Progress>;
  log: Pick<Logger, 'info' | 'warn'>;
}): { migrated: boolean; devices: number; kept: string[] } {
  const home = deps.home.read();
  const history = deps.history.read();
  const legacy = Object.entries(history.devices ?? {});
  const snapshot = deps.progress.read();
  const answers = answersFromLegacySnapshot(snapshot.snapshot);
  const consent = consentFromLegacySnapshot(snapshot.snapshot);
  if (home.migratedFrom !== null) return { migrated: false, devices: 0, kept: [] };
  if (legacy.length === 0 && Object.keys(answers).length === 0 && Object.keys(consent).length === 0) {
    // a profile made by this version: nothing to bring in, and never again (a later snapshot is the renderer's own)
    deps.home.write({ ...home, migratedFrom: 'none' });
    return { migrated: false, devices: 0, kept: [] };
  }
  const devices: Record<string, DeviceRecord> = {};
  const kept: Record<string, unknown> = {};
  for (const [key, value] of legacy) {
    const parsed = DeviceRecordSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) devices[key] = parsed.data;
    else kept[key] = value;
  }
  const next: HomeModelDoc = HomeModelSchema.parse({
    ...EMPTY_HOME_MODEL,
    ...home,
    migratedFrom: '0.1.0',
    devices,
    answers: { ...home.answers, ...answers },
    consent: { ...home.consent, ...consent, at: Object.keys(consent).length ? (snapshot.savedAt ?? null) : home.consent.at } satisfies Consent,
  });
  deps.home.write(next);
  // history keeps only what could not be read, so there is one copy of every device
  deps.history.write({ ...history, devices: kept as History['devices'] });
  if (Object.keys(kept).length) deps.log.warn('device records left unread in history', { count: Object.keys(kept).length });
  deps.log.info('profile migrated into the home model', { from: '0.1.0', devices: Object.keys(devices).length });
  return { migrated: true, devices: Object.keys(devices).length, kept: Object.keys(kept) };
}

/** The key a confirmation is kept under (the same as confirmationKey in main/core/confirmations). */
const keyOf = (r: { checkId: string; subject: string | null }) => (r.subject === null ? r.checkId : `${r.checkId}:${r.subject}`);

/**
 * Moves the owner's dated confirmations from the history (where 0.1.0 and the versions before the
 * model kept them) into the home model, on every start until none is left: each entry that parses
 * (and sits under its own key) moves; where the model already holds the same key, the newer
 * confirmation wins and the older one joins its `earlier` answers, so nothing is lost. An entry
 * that does not parse stays in the history and is logged (never silently dropped).
 */
export function migrateConfirmations(deps: { home: DocumentStore<HomeModelDoc>; history: DocumentStore<History>; log: Pick<Logger, 'info' | 'warn'> }): { moved: number; kept: string[] } {
  const history = deps.history.read();
  const entries = Object.entries(history.confirmations ?? {});
  if (entries.length === 0) return { moved: 0, kept: [] };
  const home = deps.home.read();
  const confirmations = { ...home.confirmations };
  const kept: Record<string, unknown> = {};
  let moved = 0;
  for (const [key, raw] of entries) {
    const parsed = ConfirmationRecordSchema.safeParse(raw);
    if (!parsed.success || keyOf(parsed.data) !== key) {
      kept[key] = raw;
      continue;
    }
    const old = parsed.data;
    const have = confirmations[key];
    if (!have) confirmations[key] = old;
    else {
      const [newer, older] = have.confirmedAt >= old.confirmedAt ? [have, old] : [old, have];
      const earlier = [{ status: older.status, confirmedAt: older.confirmedAt, answer: older.answer }, ...older.earlier, ...newer.earlier]
        .filter((e, i, all) => e.confirmedAt !== newer.confirmedAt && all.findIndex((x) => x.confirmedAt === e.confirmedAt) === i)
        .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))
        .slice(0, 5);
      confirmations[key] = { ...newer, earlier };
    }
    moved++;
  }
  deps.home.write(HomeModelSchema.parse({ ...home, confirmations }));
  deps.history.write({ ...history, confirmations: kept as History['confirmations'] });
  if (Object.keys(kept).length) deps.log.warn('confirmations left unread in history', { count: Object.keys(kept).length });
  deps.log.info('confirmations moved into the home model', { count: moved });
  return { moved, kept: Object.keys(kept) };
}
