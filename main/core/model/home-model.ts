import type { Clock, DocumentStore, Logger } from '../ports.js';
import { PorchlightError } from '../errors.js';
import type { DeviceCategory } from '../network/index.js';
import type { Message } from '../messages/index.js';
import {
  CONSENT_KINDS,
  HomeModelSchema,
  type AnswerKey,
  type Answers,
  type Consent,
  type ConsentKind,
  type ConsentedScope,
  type CredentialOutcome,
  type DeviceRecord,
  type HomeModelDoc,
  type NetworkSeen,
  type RouterRecord,
} from './schema.js';

/** An owner's edit of one device. */
export interface DeviceEdit {
  name?: string | null;
  category?: DeviceCategory | null;
  moveToIot?: boolean;
  removed?: boolean;
  loginPage?: string | null;
  /** The owner's maker / model (empty clears it). */
  maker?: string | null;
  model?: string | null;
}

/** A device as one survey saw it (before the model merges it with what it remembers). */
export interface SeenDeviceFacts {
  ip: string | null;
  mac: string | null;
  vendor: string | null;
  model: string | null;
  category: DeviceCategory;
  categoryBasis: Message | null;
  names: string[];
  services: string[];
  /** The firmware the device announced in this survey, and where (issue 18). */
  firmware?: string | null;
  firmwareSource?: string | null;
}

/** Stable device id: the MAC when known, else the address (mDNS-only devices). */
export const deviceId = (mac: string | null, ip: string | null): string => (mac ? mac : `ip:${ip ?? 'unknown'}`);

/** The owner's name first, then the names the network gave. */
export const deviceNames = (r: DeviceRecord): string[] => [...new Set([r.userName, ...r.names].filter((n): n is string => !!n))];

/** The name a person reads for a device: the owner's, the network's, the maker's, else its address. */
export const displayName = (r: DeviceRecord): string => deviceNames(r)[0] ?? (r.vendor ? `${r.vendor} device` : (r.ip ?? r.id));

/** The category that counts: the owner's choice over the classifier's. */
export const effectiveCategory = (r: DeviceRecord): DeviceCategory => r.userCategory ?? r.category;

/**
 * The one service through which the core reads and changes the home model. Every write is
 * validated against the schema before it reaches the store, so the document on disk always parses.
 */
export class HomeModel {
  constructor(private readonly deps: { store: DocumentStore<HomeModelDoc>; clock: Pick<Clock, 'now'>; log?: Pick<Logger, 'warn'> }) {}

  /** The whole model (a copy: changing it changes nothing). */
  read(): HomeModelDoc {
    return this.deps.store.read();
  }

  private update(change: (doc: HomeModelDoc) => HomeModelDoc): HomeModelDoc {
    const next = HomeModelSchema.parse(change(this.read()));
    this.deps.store.write(next);
    return next;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Every remembered device, removed ones included, by id. */
  devices(): Map<string, DeviceRecord> {
    return new Map(Object.entries(this.read().devices));
  }

  /** The devices still at home (not removed by the owner). */
  present(): DeviceRecord[] {
    return Object.values(this.read().devices).filter((d) => !d.removed);
  }

  /**
   * Merges one survey into the model: each seen device keeps its first-seen date and the owner's
   * edits (name, category, IoT move, login page); a device first known by address becomes known by
   * MAC once the neighbor table names it. A device the owner removed stays removed: being seen
   * again does not bring it back (only the owner restores it). The router's identity is replaced
   * by this survey's, with its sources.
   */
  recordSurvey(run: { devices: SeenDeviceFacts[]; gateway: { address: string | null; mac: string | null; router: RouterRecord['identity'] } }): { records: Map<string, DeviceRecord>; seenIds: string[]; at: string } {
    const at = this.now();
    const seenIds: string[] = [];
    let records = new Map<string, DeviceRecord>();
    this.update((doc) => {
      records = new Map(Object.entries(doc.devices));
      for (const d of run.devices) {
        const id = deviceId(d.mac, d.ip);
        const byIp = d.mac ? records.get(deviceId(null, d.ip)) : undefined;
        const old = records.get(id) ?? (byIp && !byIp.manual ? byIp : undefined);
        if (byIp && !byIp.manual && !records.has(id)) records.delete(byIp.id);
        records.set(id, {
          id,
          ip: d.ip,
          mac: d.mac,
          vendor: d.vendor,
          model: d.model,
          category: d.category,
          categoryBasis: d.categoryBasis,
          names: d.names.slice(0, 16),
          services: d.services.slice(0, 64),
          firstSeen: old?.firstSeen ?? at,
          lastSeen: at,
          userName: old?.userName ?? null,
          userCategory: old?.userCategory ?? null,
          moveToIot: old?.moveToIot ?? false,
          removed: old?.removed ?? false,
          removedAt: old?.removedAt ?? null,
          manual: false,
          loginPage: old?.loginPage ?? null,
          userVendor: old?.userVendor ?? null,
          userModel: old?.userModel ?? null,
          firmware: d.firmware?.slice(0, 200) ?? null,
          firmwareSource: d.firmwareSource?.slice(0, 200) ?? null,
        });
        seenIds.push(id);
      }
      const router: RouterRecord | null = run.gateway.address || run.gateway.router ? { address: run.gateway.address, mac: run.gateway.mac, identity: run.gateway.router, at } : doc.router;
      return { ...doc, devices: Object.fromEntries(records), router, surveyedAt: at };
    });
    return { records, seenIds, at };
  }

  /** Applies an owner's edit; a removed hand-added device is forgotten. */
  editDevice(id: string, edit: DeviceEdit): DeviceRecord {
    const r = this.read().devices[id];
    if (!r) throw new PorchlightError('not-found', 'error.device-not-found');
    const next: DeviceRecord = { ...r };
    if (edit.moveToIot === true && (effectiveCategory(r) === 'router' || (r.ip !== null && r.ip === this.read().router?.address))) {
      throw new PorchlightError('refused', 'error.router-cannot-move');
    }
    if (edit.name !== undefined) next.userName = edit.name === null || edit.name.trim() === '' ? null : edit.name.trim().slice(0, 80);
    if (edit.category !== undefined) next.userCategory = edit.category;
    if (edit.moveToIot !== undefined) next.moveToIot = edit.moveToIot;
    if (edit.loginPage !== undefined) next.loginPage = edit.loginPage === null || edit.loginPage.trim() === '' ? null : edit.loginPage.trim().slice(0, 300);
    if (edit.maker !== undefined) next.userVendor = edit.maker === null || edit.maker.trim() === '' ? null : edit.maker.trim().slice(0, 200);
    if (edit.model !== undefined) next.userModel = edit.model === null || edit.model.trim() === '' ? null : edit.model.trim().slice(0, 200);
    if (edit.removed !== undefined) {
      next.removed = edit.removed;
      next.removedAt = edit.removed ? this.now() : null;
    }
    this.update((doc) => {
      const devices = { ...doc.devices };
      if (next.removed && next.manual) delete devices[id];
      else devices[id] = next;
      return { ...doc, devices };
    });
    return next;
  }

  /** Adds (or replaces) a device the owner entered by hand. */
  putDevice(r: DeviceRecord): DeviceRecord {
    this.update((doc) => ({ ...doc, devices: { ...doc.devices, [r.id]: r } }));
    return r;
  }

  /** Records a default-credential check's outcome for a host (user names only, never a password). */
  recordCredentialOutcome(host: string, outcome: Omit<CredentialOutcome, 'at'> & { at?: string }): CredentialOutcome {
    const o: CredentialOutcome = { ...outcome, at: outcome.at ?? this.now() };
    this.update((doc) => ({ ...doc, credentials: { ...doc.credentials, [host.slice(0, 300)]: o } }));
    return o;
  }

  /**
   * The admin page of `gateway` the owner consented to probe (a credential check was run on it in
   * the app): `host:port` when not the default port, else the gateway itself.
   */
  adminHostOf(gateway: string): string {
    const hosts = Object.entries(this.read().credentials)
      .filter(([h]) => h === gateway || h.startsWith(`${gateway}:`))
      .sort(([, a], [, b]) => b.at.localeCompare(a.at));
    return hosts[0]?.[0] ?? gateway;
  }

  /** Records one of the wizard's answers the core needs (the IoT network's name …). */
  setAnswer<K extends AnswerKey>(key: K, value: Answers[K]): void {
    if (this.read().answers[key] === value) return;
    this.update((doc) => ({ ...doc, answers: { ...doc.answers, [key]: value } }));
  }

  /** Records the network scope the owner consented to (the app's survey); the headless audit reuses it. */
  setScope(scope: Omit<ConsentedScope, 'at'>): void {
    this.update((doc) => ({ ...doc, scope: { ...scope, targets: [...new Set(scope.targets)].slice(0, 64), at: this.now() } }));
  }

  /**
   * Records the owner's answers to the welcome step's consent questions (only the kinds given;
   * null means not answered). Dated when an answer changes; the same answers again write nothing.
   */
  setConsent(answers: Partial<Record<ConsentKind, boolean | null>>): Consent {
    const old = this.read().consent;
    const next: Consent = { ...old };
    for (const k of CONSENT_KINDS) if (answers[k] !== undefined) next[k] = answers[k];
    if (CONSENT_KINDS.every((k) => next[k] === old[k])) return old;
    next.at = this.now();
    this.update((doc) => ({ ...doc, consent: next }));
    return next;
  }

  /** Records Wi-Fi networks seen by a scan, keeping the owner's role for each name. */
  recordNetworks(seen: Omit<NetworkSeen, 'at' | 'role'>[]): void {
    const at = this.now();
    this.update((doc) => {
      const bySsid = new Map(doc.networks.map((n) => [n.ssid, n]));
      const roleOf = (ssid: string): NetworkSeen['role'] => (ssid === doc.answers.iotSsid ? 'iot' : ssid === doc.answers.homeSsid ? 'home' : (bySsid.get(ssid)?.role ?? 'other'));
      for (const s of seen) bySsid.set(s.ssid, { ssid: s.ssid, security: s.security, role: roleOf(s.ssid), at });
      return { ...doc, networks: [...bySsid.values()].slice(-64) };
    });
  }

  /** The owner's dated confirmations as stored, by key (`checkId` or `checkId:subject`). */
  confirmations(): HomeModelDoc['confirmations'] {
    return this.read().confirmations;
  }

  /** Replaces the confirmations (the ConfirmationStore's one write); each record is validated by the model's schema. */
  setConfirmations(next: HomeModelDoc['confirmations']): void {
    this.update((doc) => ({ ...doc, confirmations: next }));
  }
}
