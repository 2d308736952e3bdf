import { assessHome, factSources, vulnRecord, type KevMatcher, type VulnRecord } from '../vulns/index.js';
import { randomUUID } from 'node:crypto';
import type { Clock, DocumentStore, Logger, PdfPrinter, ReportSink } from '../ports.js';
import type { CheckCatalog } from '../checks/index.js';
import type { CheckView } from '../checks/index.js';
import type { History, Progress, Settings } from '../store/index.js';
import { PorchlightError } from '../errors.js';
import { assembleChecks, reportCheck, REPORT_CHECK_ID } from './assemble.js';
import { inventoryFromModel, readConfirmations, routerFromModel } from './history-sources.js';
import { ConfirmationStore } from '../confirmations/index.js';
import { latestAudit, type AuditMode, type AuditRecord, type InventoryDevice, type RouterIdentity } from './record.js';
import type { AuditScope, MeasuredCheck } from './runners.js';
import { runVerifiers, type ConsentGate, type VerifierRegistry } from '../checks/index.js';
import { notRechecked, type NotRechecked } from './not-rechecked.js';
import type { HomeModel } from '../model/index.js';
import { scoreChecks } from './score.js';
import { reauditSchedule, type ReauditSchedule } from './schedule.js';
import { planReaudit, type ReauditPlan } from './plan.js';
import { buildReport, renderReportHtml, type Report } from '../report/index.js';
import { msg, PLAIN_FORMATTER, nodeSystemLanguages, resolveLanguage, type MessageFormatter } from '../messages/index.js';
import { loadSidecar, localizeEntries, TRANSLATABLE } from '../l10n/index.js';

export type ExportFormat = 'html' | 'json' | 'pdf';

/** Audits kept in the history; the oldest are dropped beyond this (a quarterly audit fills it in 50 years). */
export const MAX_AUDITS_KEPT = 200;

export interface AuditServiceDeps {
  catalog: CheckCatalog;
  settings: DocumentStore<Settings>;
  progress: DocumentStore<Progress>;
  history: DocumentStore<History>;
  clock: Clock;
  log: Logger;
  appVersion: string;
  /** One verifier per catalog check (resolved when an audit runs). */
  verifiers: () => VerifierRegistry;
  /** The home model: the inventory and router an audit records. */
  model: Pick<HomeModel, 'read' | 'confirmations' | 'setConfirmations'>;
  /** The host's export ports, read when an export runs (the Electron glue installs its own at start). */
  exportPorts: { pdf?: PdfPrinter; reports?: ReportSink };
  /** Words for message codes in reports (the host wires the English catalog). */
  messages?: MessageFormatter;
  /** The computer's preferred languages (for the `system` language setting); absent → Node's locale environment. */
  systemLanguages?: () => readonly string[];
  /** Where resources/ is (the check texts' translations, resources/l10n); absent → English check texts. */
  resourcesDir?: string;
  /** The KEV matcher (local snapshot): each audit records every device's known exploited vulnerabilities. */
  kev?: () => KevMatcher;
}

/** An exported report, ready to write. */
export interface ExportedReport {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

const MIME: Record<ExportFormat, string> = { html: 'text/html', json: 'application/json', pdf: 'application/pdf' };

/**
 * The audit: assembles every check from its sources, scores it, saves the record to the history,
 * compares it with the previous audit, plans re-audits and exports reports. Shared by the app's
 * summary step and the headless `porchlight audit`.
 */
export class AuditService {
  private reauditRequested = false;
  private readonly confirmations: ConfirmationStore;

  constructor(private readonly deps: AuditServiceDeps) {
    this.confirmations = new ConfirmationStore(deps.model, deps.settings, deps.clock);
  }

  /** Saved audits, oldest first. */
  list(): AuditRecord[] {
    return this.deps.history.read().audits;
  }

  latest(): AuditRecord | null {
    return latestAudit(this.list());
  }

  /** The re-audit schedule from the last audit and the user's interval. */
  schedule(): ReauditSchedule {
    return reauditSchedule(this.latest()?.at ?? null, this.deps.settings.read().reauditIntervalDays, this.deps.clock.now());
  }

  /** Set by the tray/menu "Re-audit now"; the renderer reads it through audit:status. */
  requestReaudit(): void {
    this.reauditRequested = true;
  }

  /** Reads and clears the pending "Re-audit now" request. */
  takeReauditRequest(): boolean {
    const r = this.reauditRequested;
    this.reauditRequested = false;
    return r;
  }

  private views(host: 'app' | 'cli', measured: Partial<Record<string, MeasuredCheck>>, exportingNow: boolean, notRun: Partial<Record<string, NotRechecked>> = {}): CheckView[] {
    const now = this.deps.clock.now();
    const history = this.deps.history.read();
    const settings = this.deps.settings.read();
    const report = exportingNow
      ? { id: REPORT_CHECK_ID, status: 'pass' as const, reason: msg('audit.report-check.with-this'), evidence: { kind: 'verified' as const, at: now.toISOString() }, detail: null }
      : reportCheck(history.audits, settings.reauditIntervalDays, now);
    return assembleChecks(this.deps.catalog, {
      host,
      measured,
      notRun,
      board: this.deps.progress.read().checks,
      confirmations: readConfirmations(this.confirmations),
      previous: latestAudit(history.audits),
      report,
      now,
    });
  }

  private draft(views: CheckView[], mode: AuditMode, source: AuditRecord['source'], inventory: InventoryDevice[], router: RouterIdentity | null): AuditRecord {
    return {
      schemaVersion: 1,
      id: randomUUID(),
      at: this.deps.clock.now().toISOString(),
      mode,
      source,
      appVersion: this.deps.appVersion.slice(0, 40),
      score: scoreChecks(views).score,
      checks: views.map((v) => ({ id: v.id, status: v.status, reason: v.reason, evidence: v.evidence, detail: v.detail, expired: v.expired })),
      inventory,
      router,
      exports: [],
      vulnerabilities: this.knownVulnerabilities(),
    };
  }

  /**
   * Known exploited vulnerabilities of the home now (null without the KEV snapshot), with what
   * Porchlight knows of each device's updates (the router's own answer, the owner's answers).
   */
  knownVulnerabilities(): VulnRecord | null {
    if (!this.deps.kev) return null;
    const doc = this.deps.model.read();
    return vulnRecord(assessHome(this.deps.kev(), doc, this.latest()?.at ?? null, factSources(this.confirmations, doc.router?.address ?? null)));
  }

  /** The state the summary step shows before the audit is saved: live checks, last surveyed inventory and router. */
  current(mode: AuditMode = this.latest() ? 're-audit' : 'first-time'): AuditRecord {
    const home = this.deps.model.read();
    const inventory = inventoryFromModel(home);
    const router = routerFromModel(home) ?? this.latest()?.router ?? null;
    return this.draft(this.views('app', {}, false), mode, 'app', inventory, router);
  }

  /** Report of the current, unsaved state (the summary step's live view). */
  preview(): Report {
    return this.reportOf({ ...this.current(), id: 'current-unsaved' });
  }

  private save(record: AuditRecord): AuditRecord {
    const history = this.deps.history.read();
    const audits = [...history.audits, record].slice(-MAX_AUDITS_KEPT);
    this.deps.history.write({ ...history, audits });
    this.deps.log.info('audit saved', { id: record.id, mode: record.mode, source: record.source, score: record.score });
    return record;
  }

  /** Completes the app's audit (the summary step): saves what the wizard established. */
  complete(mode: AuditMode): { record: AuditRecord; report: Report } {
    const record = this.save(this.current(mode));
    return { record, report: this.reportOf(record) };
  }

  /**
   * The headless audit: runs every automated check within the given scope, reads confirmations
   * from the history store (expired ones reported as such), saves the audit. `exportingNow` tells
   * it a report is being written with this run (the docs.report check then passes). `consent`: what
   * the owner allowed in the app (the home model's); a check needing a look not allowed is not run,
   * and keeps the dated result it had (or reads unknown) saying why. Null: scope flags decide.
   */
  async runHeadless(
    scope: AuditScope,
    opts: { exportingNow?: boolean; consent?: ConsentGate } = {},
  ): Promise<{ record: AuditRecord; report: Report; timings: Partial<Record<string, number>>; notRun: string[] }> {
    const outcome = await runVerifiers(this.deps.verifiers(), scope, Date.now, undefined, opts.consent ?? null);
    const previous = this.latest();
    const notRun = Object.fromEntries(Object.entries(outcome.notRun).map(([id, n]) => [id, notRechecked(n!.kind, n!.answer)]));
    const views = this.views('cli', outcome.results, opts.exportingNow ?? false, notRun);
    // the verifiers' survey (if any) has updated the home model: the audit records it as it stands now
    const home = this.deps.model.read();
    const inventory = inventoryFromModel(home);
    const router = routerFromModel(home) ?? previous?.router ?? null;
    const record = this.save(this.draft(views, previous ? 're-audit' : 'first-time', 'cli', inventory, router));
    return { record, report: this.reportOf(record), timings: outcome.timings, notRun: Object.keys(notRun) };
  }

  /** Which steps a re-audit should run, from the last audit and the state now. */
  planReaudit(): ReauditPlan {
    const now = this.current('re-audit');
    return planReaudit(this.deps.catalog, this.latest(), now);
  }

  /** A saved audit (the newest without an id), or not-found. */
  private find(id?: string): AuditRecord {
    const audits = this.list();
    const found = id === undefined ? audits.at(-1) : audits.find((a) => a.id === id);
    if (!found) throw (id === undefined ? new PorchlightError('not-found', 'error.no-audit-yet') : new PorchlightError('not-found', 'error.audit-not-found', { audit: id }));
    return found;
  }

  /** The formatter of the UI's language (the setting, or the computer's when it is `system`). */
  private wordsOf(): MessageFormatter {
    const settings = this.deps.settings.read();
    const language = resolveLanguage(settings.language, this.deps.systemLanguages?.() ?? nodeSystemLanguages());
    const messages = this.deps.messages ?? PLAIN_FORMATTER;
    return messages.forLanguage?.(language) ?? messages;
  }

  private reportOf(record: AuditRecord): Report {
    const audits = this.list();
    const index = audits.findIndex((a) => a.id === record.id);
    const previous = index > 0 ? audits[index - 1]! : index < 0 ? latestAudit(audits) : null;
    const settings = this.deps.settings.read();
    // The report is written in the UI's language (the setting, or the computer's when it is `system`).
    const language = resolveLanguage(settings.language, this.deps.systemLanguages?.() ?? nodeSystemLanguages());
    const messages = this.deps.messages ?? PLAIN_FORMATTER;
    const sidecar = this.deps.resourcesDir ? loadSidecar(this.deps.resourcesDir, language, 'checks.json') : null;
    return buildReport({
      catalog: { ...this.deps.catalog, checks: localizeEntries(this.deps.catalog.checks, sidecar, TRANSLATABLE['checks.json']!.fields) },
      record,
      previous,
      intervalDays: settings.reauditIntervalDays,
      appVersion: this.deps.appVersion,
      generatedAt: this.deps.clock.now(),
      messages: messages.forLanguage?.(language) ?? messages,
    });
  }

  /** The report of a saved audit (the newest by default). */
  report(id?: string): Report {
    return this.reportOf(this.find(id));
  }

  /**
   * Renders a saved audit's report and hands it to `write` (a file, the host's sink); only once it
   * is written is the export recorded on the audit. Exporting settles that audit's docs.report check
   * (a report now exists), so the exported file already shows it passing.
   */
  async export<T>(format: ExportFormat, id: string | undefined, write: (out: ExportedReport) => Promise<T>): Promise<T> {
    const pdf = this.deps.exportPorts.pdf;
    if (format === 'pdf' && !pdf) throw new PorchlightError('refused', 'error.pdf-unavailable');
    const record = this.exported(this.find(id), format);
    const report = this.reportOf(record);
    let bytes: Uint8Array;
    if (format === 'json') bytes = new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'html') bytes = new TextEncoder().encode(renderReportHtml(report, this.wordsOf()));
    else bytes = await pdf!.htmlToPdf(renderReportHtml(report, this.wordsOf()));
    const result = await write({ fileName: `porchlight-audit-${record.at.slice(0, 10)}-${record.id.slice(0, 8)}.${format}`, mime: MIME[format], bytes });
    const history = this.deps.history.read();
    this.deps.history.write({ ...history, audits: history.audits.map((a) => (a.id === record.id ? record : a)) });
    this.deps.log.info('report exported', { format, bytes: bytes.length });
    return result;
  }

  /** Exports through the host's report sink; returns where it went. */
  async exportToSink(format: ExportFormat, id?: string): Promise<{ fileName: string; path: string; bytes: number }> {
    const sink = this.deps.exportPorts.reports;
    if (!sink) throw new PorchlightError('refused', 'error.report-saving-unavailable');
    return this.export(format, id, async (out) => ({ fileName: out.fileName, path: await sink.save(out.fileName, out.bytes), bytes: out.bytes.length }));
  }

  /** The audit as it reads once this export is done: the export dated, docs.report passing, the score updated. */
  private exported(record: AuditRecord, format: ExportFormat): AuditRecord {
    const now = this.deps.clock.now().toISOString();
    const checks = record.checks.map((c) =>
      c.id === REPORT_CHECK_ID && c.status !== 'pass'
        ? { ...c, status: 'pass' as const, reason: msg('audit.report-check.exported', { date: now }), evidence: { kind: 'verified' as const, at: now }, expired: false }
        : c,
    );
    const status = new Map(checks.map((c) => [c.id, c.status]));
    const score = scoreChecks(this.deps.catalog.checks.map((def) => ({ ...def, status: status.get(def.id) ?? ('unknown' as const) }))).score;
    return { ...record, checks, score, exports: [...record.exports, { format, at: now }].slice(-1000) };
  }
}
