/**
 * The survey as the app and the CLI use it: runs a survey in a scope, remembers devices in the
 * history store (first/last seen, the user's names, "move to IoT"), lets the user edit the
 * inventory, and reports progress of a running survey to a polling UI.
 */
import type { Clock, Discovery, HttpFetcher, Logger, NeighborTable, OuiRegistry, ProbeScope } from '../ports.js';
import { PorchlightError, toErrorInfo, type ErrorInfo } from '../errors.js';
import { loadCategoryRules, type CategoryRules, type DeviceCategory } from './categories.js';
import { loadRouterFamilies, knownRouterVendors, type RouterFamilies } from '../router/index.js';
import { runSurvey, type SurveyProgress, type SurveyRun } from './survey-run.js';
import { deviceId, deviceNames, type DeviceEdit, type DeviceRecord, type HomeModel, type InventoryDeviceView, type SurveyReportDoc } from '../model/index.js';
import type { RouterProbeTargets } from '../router/index.js';
import { isIpv4 } from './ip.js';
import { normalizeMac } from './mac.js';
import { msg, toMessage } from '../messages/index.js';

/** A device of the inventory as hosts show it: what the network said, plus the user's edits. */
/** A device as the survey step lists it (the home model's InventoryDeviceSchema). */
export type InventoryDevice = InventoryDeviceView;

/** What `porchlight survey --json` prints and the survey step shows: the home model's SurveyReportSchema. */
export type SurveyReport = SurveyReportDoc;

/** Progress of the current (or last) survey, for polling hosts. */
export interface SurveyStatus {
  runId: number;
  running: boolean;
  phase: SurveyProgress['phase'] | 'idle' | 'failed';
  fraction: number;
  error: ErrorInfo | null;
  report: SurveyReport | null;
}

export interface SurveyServiceDeps {
  neighbors: NeighborTable;
  discovery: Discovery;
  http: HttpFetcher;
  oui: OuiRegistry;
  /** The home model: where devices, their edits and the router's identity are kept. */
  model: HomeModel;
  clock: Clock;
  log: Logger;
  resourcesDir: string;
  /** Monotonic ms clock; performance.now by default. */
  now?: () => number;
  routerTargets?: (gateway: string) => RouterProbeTargets;
}

export type { DeviceEdit };

/** A device the user adds by hand (one the survey cannot see, e.g. on another network already). */
export interface ManualDevice {
  name: string;
  category: DeviceCategory;
  ip?: string | null;
  mac?: string | null;
}

export class SurveyService {
  readonly rules: CategoryRules;
  readonly families: RouterFamilies;
  private status: SurveyStatus = { runId: 0, running: false, phase: 'idle', fraction: 0, error: null, report: null };
  private current: Promise<SurveyReport> | null = null;

  constructor(private readonly deps: SurveyServiceDeps) {
    this.rules = loadCategoryRules(deps.resourcesDir);
    this.families = loadRouterFamilies(deps.resourcesDir);
  }

  /** Runs a survey to completion and saves what it saw. One at a time: a second call joins the first. */
  async run(scope: ProbeScope): Promise<SurveyReport> {
    if (this.current) return this.current;
    const runId = this.status.runId + 1;
    this.status = { runId, running: true, phase: 'neighbors', fraction: 0, error: null, report: null };
    const now = this.deps.now ?? (() => performance.now());
    this.current = (async () => {
      try {
        const run = await runSurvey(
          {
            neighbors: this.deps.neighbors,
            discovery: this.deps.discovery,
            http: this.deps.http,
            oui: this.deps.oui,
            rules: this.rules,
            knownRouterVendors: knownRouterVendors(this.families),
            now,
            routerTargets: this.deps.routerTargets,
          },
          scope,
          (p) => {
            if (this.status.runId === runId) this.status = { ...this.status, phase: p.phase, fraction: p.fraction };
          },
        );
        const report = this.remember(run);
        this.status = { runId, running: false, phase: 'done', fraction: 1, error: null, report };
        this.deps.log.info('survey finished', { devices: report.devices.length, durationMs: report.durationMs, budgetMs: report.budgetMs });
        return report;
      } catch (err) {
        const info = toErrorInfo(err instanceof PorchlightError ? err : new PorchlightError('internal', 'error.survey-failed'));
        this.deps.log.error('survey failed', { error: (err as Error)?.message });
        this.status = { runId, running: false, phase: 'failed', fraction: 1, error: info, report: null };
        throw err;
      } finally {
        this.current = null;
      }
    })();
    return this.current;
  }

  /** Starts a survey without waiting; poll `progress()`. */
  start(scope: ProbeScope): SurveyStatus {
    if (!this.current) this.run(scope).catch(() => {});
    return this.progress();
  }

  /** The running or last survey's status (its report once done). */
  progress(): SurveyStatus {
    return { ...this.status };
  }

  /** The last report of this session, or null. */
  lastReport(): SurveyReport | null {
    return this.status.report;
  }

  private records(): Map<string, DeviceRecord> {
    return this.deps.model.devices();
  }

  /**
   * Merges a run into the home model and builds the report (seen devices first, then remembered
   * ones). A device the owner removed stays out of the report even when seen again.
   */
  private remember(run: SurveyRun): SurveyReport {
    const { records, at } = this.deps.model.recordSurvey(run);
    const seen = new Map(run.devices.map((d) => [deviceId(d.mac, d.ip), d]));
    const devices = [...records.values()].filter((r) => !r.removed).map((r) => this.view(r, seen.get(r.id) ?? null));
    devices.sort((a, b) => Number(b.seenBy.length > 0) - Number(a.seenBy.length > 0) || (a.ip ?? '').localeCompare(b.ip ?? '', 'en', { numeric: true }));
    return {
      gateway: run.gateway,
      devices,
      notes: run.notes,
      durationMs: run.durationMs,
      budgetMs: run.budgetMs,
      withinBudget: run.durationMs <= run.budgetMs,
      finishedAt: at,
    };
  }

  private view(r: DeviceRecord, seen: SurveyRun['devices'][number] | null): InventoryDevice {
    return {
      id: r.id,
      ip: r.ip,
      mac: r.mac,
      vendor: r.vendor,
      model: r.model,
      names: deviceNames(r),
      services: r.services,
      category: r.userCategory ?? r.category,
      categoryBasis: r.userCategory ? msg('survey.basis.yours') : toMessage(r.categoryBasis),
      firstSeen: r.firstSeen,
      lastSeen: r.lastSeen,
      moveToIot: r.moveToIot,
      manual: r.manual,
      seenBy: seen?.seenBy ?? [],
      status: seen ? seen.status : 'not-seen',
      reason: seen ? seen.unknownReason : r.manual ? msg('survey.device.added-by-hand') : msg('survey.device.not-seen'),
    };
  }

  /** The remembered inventory (without removed devices), as the survey step lists it. */
  inventory(): InventoryDevice[] {
    const last = this.status.report;
    const seen = new Map(last?.devices.filter((d) => d.seenBy.length > 0).map((d) => [d.id, d]) ?? []);
    return [...this.records().values()]
      .filter((r) => !r.removed)
      .map((r) => {
        const v = this.view(r, null);
        const s = seen.get(r.id);
        return s ? { ...v, seenBy: s.seenBy, status: s.status, reason: s.reason } : v;
      });
  }

  /** Renames, recategorises, marks for the IoT network, removes or restores a device. */
  editDevice(id: string, edit: DeviceEdit): InventoryDevice {
    return this.view(this.deps.model.editDevice(id, edit), null);
  }

  /** Adds a device by hand (kept in history; the survey merges it once it sees the same MAC). */
  addDevice(d: ManualDevice): InventoryDevice {
    const mac = d.mac ? normalizeMac(d.mac) : null;
    if (d.mac && !mac) throw new PorchlightError('invalid-arguments', 'error.mac-invalid', { mac: d.mac });
    if (d.ip && !isIpv4(d.ip)) throw new PorchlightError('invalid-arguments', 'error.ipv4-invalid', { ip: d.ip });
    const name = d.name.trim().slice(0, 80);
    if (!name) throw new PorchlightError('invalid-arguments', 'error.device-name-needed');
    const records = this.records();
    const id = mac ?? `manual:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}-${records.size + 1}`;
    if (records.has(id) && !records.get(id)!.removed) throw new PorchlightError('refused', 'error.device-already-listed');
    const at = this.deps.clock.now().toISOString();
    const r: DeviceRecord = {
      id,
      ip: d.ip ?? null,
      mac,
      vendor: null,
      model: null,
      category: d.category,
      categoryBasis: null,
      names: [],
      services: [],
      firstSeen: at,
      lastSeen: null,
      userName: name,
      userCategory: d.category,
      moveToIot: false,
      removed: false,
      removedAt: null,
      manual: true,
      loginPage: null,
      userVendor: null,
      userModel: null,
    };
    this.deps.model.putDevice(r);
    return this.view(r, null);
  }
}
