import type { Clock, DocumentStore, ExternalOpener, HttpProber, Logger, PdfPrinter, ReportSink, SecretStore } from './ports.js';
import type { History, Progress, Settings } from './store/documents.js';
import { loadCheckCatalog, type CheckCatalog } from './checks/catalog.js';
import { CheckBoard } from './checks/check-board.js';
import { SecretService } from './secrets/secret-service.js';
import { checkExternalUrl, loadExternalHosts } from './shell/external-links.js';
import { createAccountServices, type AccountServices } from './accounts/services.js';
import { AuditService } from './audit/audit-service.js';
import { auditRunners, surveyedNow } from './audit/runners/index.js';
import type { WifiScanner } from './ports.js';
import { WifiStep } from './wifi/wifi-step.js';
import { createSurveyFeature, type NetworkDeps, type SurveyFeature } from './network/survey-feature.js';
import { CredentialService } from './credentials/credential-service.js';
import type { ProberSettings } from './credentials/safe-prober.js';
import type { MessageFormatter } from './messages/index.js';
import type { ProbeLedgerDoc } from './credentials/attempt-ledger.js';

/** Everything the core needs, wired by a host (Electron main, CLI, test harness). */
export interface CoreDeps {
  host: 'electron' | 'harness' | 'cli';
  version: string;
  platform: string;
  resourcesDir: string;
  secrets: SecretStore;
  settings: DocumentStore<Settings>;
  progress: DocumentStore<Progress>;
  history: DocumentStore<History>;
  clock: Clock;
  log: Logger;
  opener: ExternalOpener;
  /** Survey network ports (neighbor table, SSDP/mDNS, HTTP, OUI …); absent → the survey is unavailable in this host. */
  network?: NetworkDeps;
  /** Report export (audit): PDF rendering and where exported files go; absent → that export is refused. */
  pdf?: PdfPrinter;
  reports?: ReportSink;
  /** OS Wi-Fi scan (node-wifi adapter); absent → every Wi-Fi reading is `unknown` with the reason. */
  wifi?: WifiScanner;
  /** Default-password probes (HttpProber port) and their pace; absent prober → probes are refused. */
  httpProber?: HttpProber;
  proberSettings?: Partial<ProberSettings>;
  /** Persisted attempt ledger (5 per host per audit, across restarts); absent → in memory. */
  probeLedger?: DocumentStore<ProbeLedgerDoc>;
  /** Words for message codes in reports and CLI output (renderer/i18n/en/messages.json, wired by the host). */
  messages?: MessageFormatter;
}

/** The Node-only core every host shares. Holds no Electron and no adapter: only ports. */
export interface Core {
  readonly deps: CoreDeps;
  readonly catalog: CheckCatalog;
  readonly checks: CheckBoard;
  readonly secrets: SecretService;
  /** Accounts, assistant and updates steps, and the dated confirmations they keep in history. */
  readonly accountSteps: AccountServices;
  readonly audit: AuditService;
  /** The wifi step: scan and classify, router guides, passphrase into the keychain, verification by rescan. */
  readonly wifi: WifiStep;
  /** Survey and inventory; null when the host wired no network ports. */
  readonly survey: SurveyFeature | null;
  /** Default credentials: dataset, safe prober (5 attempts per host per audit), passwords step. */
  readonly credentials: CredentialService;
  /** Notices gathered at start (a corrupted store restored, an old snapshot discarded …). */
  readonly notices: string[];
  openExternal(url: string): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const catalog = loadCheckCatalog(deps.resourcesDir);
  const externalHosts = loadExternalHosts(deps.resourcesDir);
  // Every recovery is told (issue 13): the probe ledger's too; a folder-wide notice only once.
  const notices = [...new Set([...deps.settings.notices, ...deps.progress.notices, ...deps.history.notices, ...(deps.probeLedger?.notices ?? [])])];
  const checks = new CheckBoard(catalog, deps.progress, deps.settings, deps.clock);
  const secrets = new SecretService(deps.secrets, deps.log);
  const core: Core = {
    deps,
    catalog,
    notices,
    checks,
    secrets,
    wifi: new WifiStep({ scanner: deps.wifi, secrets, checks, clock: deps.clock, log: deps.log, resourcesDir: deps.resourcesDir }),
    survey: createSurveyFeature(deps.network, deps),
    credentials: new CredentialService({ resourcesDir: deps.resourcesDir, http: deps.httpProber, secrets, checks, log: deps.log, settings: deps.proberSettings, gateway: () => core.survey?.service.lastReport()?.gateway.address ?? null, ledgerStore: deps.probeLedger, auditKey: () => `after:${core.audit.latest()?.id ?? 'none'}` }),
    accountSteps: createAccountServices(deps, externalHosts, checks, secrets),
    audit: new AuditService({ ...deps, catalog, appVersion: deps.version, exportPorts: deps, runners: () => auditRunners(core), surveyed: () => surveyedNow(core) }),
    async openExternal(url: string) {
      const safe = checkExternalUrl(url, externalHosts);
      deps.log.info('opening external link', { host: new URL(safe).hostname });
      await deps.opener.open(safe);
    },
  };
  return core;
}
