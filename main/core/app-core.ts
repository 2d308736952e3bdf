import type { Clock, DocumentStore, ExternalOpener, HttpFetcher, HttpProber, Logger, PdfPrinter, ReportSink, SecretStore } from './ports.js';
import type { History, Progress, Settings } from './store/documents.js';
import { kevMatcher } from './vulns/index.js';
import { loadCheckCatalog, type CheckCatalog } from './checks/catalog.js';
import { CheckBoard } from './checks/check-board.js';
import { SecretService } from './secrets/secret-service.js';
import { checkExternalUrl, loadExternalHosts } from './shell/external-links.js';
import { createAccountServices, type AccountServices } from './accounts/services.js';
import { AuditService } from './audit/audit-service.js';
import { createVerifiers, recordOutcome, runVerifiers, type AuditScope, type CheckId, type RouterApiPort, type VerifierRegistry } from './checks/verifiers/index.js';
import type { CheckView } from './checks/results.js';
import { reportCheck } from './audit/assemble.js';
import type { WifiScanner } from './ports.js';
import { WifiStep } from './wifi/wifi-step.js';
import { createSurveyFeature, type NetworkDeps, type SurveyFeature } from './network/survey-feature.js';
import { CredentialService } from './credentials/credential-service.js';
import type { ProberSettings } from './credentials/safe-prober.js';
import type { Message, MessageFormatter } from './messages/index.js';
import { PorchlightError } from './errors.js';
import type { ProbeLedgerDoc } from './credentials/attempt-ledger.js';
import type { RouterPinStore, RouterTransport } from './router-api/transport.js';
import type { PendingApplyDoc } from './router-api/openwrt/pending-apply.js';
import { EMPTY_HOME_MODEL, HomeModel, displayName, migrateConfirmations, migrateProfile, type HomeModelDoc } from './model/index.js';

/** A document kept in memory only (a host that wired no home-model file: unit tests, old wiring). */
function memoryDocument<T>(initial: T): DocumentStore<T> {
  let value = structuredClone(initial);
  return { notices: [], read: () => structuredClone(value), write: (v: T) => void (value = structuredClone(v)) };
}

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
  /** The home model document (`home.json`); absent → kept in memory for this run. */
  home?: DocumentStore<HomeModelDoc>;
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
  /** The computer's preferred languages (Electron: app.getPreferredSystemLanguages()); absent → Node's locale environment. */
  systemLanguages?: () => readonly string[];
  /** The router's own answer for the router checks (issue 16), given the run's attempt ledger; absent → those checks keep their confirmation/probe path. */
  routerApi?: (ledger: { take(host: string): boolean }) => RouterApiPort;
  /** Router automation in the app (main/services/router-automation.ts): the pinned transport and the profile's pins; absent → "Let Porchlight change it" is unavailable. */
  routerAutomation?: () => Promise<RouterAutomationPorts>;
}

/**
 * What router automation needs from the host, opened at first use (the first screen does not wait
 * for the router modules): the pinned transport, the profile's pins and user names, the document an
 * OpenWrt apply waiting for its proof is recorded in, and a plain-HTTP fetcher used only to tell
 * "OpenWrt without HTTPS" apart.
 */
export interface RouterAutomationPorts {
  transport: RouterTransport;
  pins: RouterPinStore;
  pending?: DocumentStore<PendingApplyDoc>;
  http?: HttpFetcher;
  /** Labs and unusual set-ups; defaults: FRITZ!Box 49000 / 49443, OpenWrt HTTPS 443. */
  ports?: { tr064Http?: number; tr064Tls?: number; ubusTls?: number; ubusHttp?: number };
}

/** The Node-only core every host shares. Holds no Electron and no adapter: only ports. */
export interface Core {
  readonly deps: CoreDeps;
  readonly catalog: CheckCatalog;
  /** The home model: the one place what Porchlight knows about the home is kept. */
  readonly model: HomeModel;
  readonly checks: CheckBoard;
  readonly secrets: SecretService;
  /** Accounts, assistant and updates steps, and the dated confirmations they keep in the home model. */
  readonly accountSteps: AccountServices;
  readonly audit: AuditService;
  /** The wifi step: scan and classify, router guides, passphrase into the keychain, verification by rescan. */
  readonly wifi: WifiStep;
  /** Survey and inventory; null when the host wired no network ports. */
  readonly survey: SurveyFeature | null;
  /** Default credentials: dataset, safe prober (5 attempts per host per audit), passwords step. */
  readonly credentials: CredentialService;
  /** One verifier per catalog check: the steps' "check again", the re-audit and `porchlight audit` call these. */
  readonly verifiers: VerifierRegistry;
  /** Notices gathered at start (a corrupted store restored, an old snapshot discarded …), as messages. */
  readonly notices: Message[];
  openExternal(url: string): Promise<void>;
  /**
   * A step's "check again": runs the check's one verifier (the same the audit runs) within the
   * network scope the owner consented to, and records its measurement on the board. Null when the
   * check has nothing to measure (it rests on a confirmation).
   */
  recheck(id: CheckId): Promise<CheckView | null>;
}

/** The scope the owner consented to in the app (saved in the home model), as the verifiers read it. */
export function consentedScope(model: Pick<HomeModel, 'read'>): AuditScope {
  const s = model.read().scope;
  return { interface: s?.interface ?? null, gateway: s?.gateway ?? null };
}

export function createCore(deps: CoreDeps): Core {
  const catalog = loadCheckCatalog(deps.resourcesDir);
  const externalHosts = loadExternalHosts(deps.resourcesDir);
  const homeStore = deps.home ?? memoryDocument(EMPTY_HOME_MODEL);
  // Every recovery is told (issue 13): the probe ledger's too; a folder-wide notice only once.
  const all = [...deps.settings.notices, ...deps.progress.notices, ...deps.history.notices, ...homeStore.notices, ...(deps.probeLedger?.notices ?? [])];
  const notices = [...new Map(all.map((n) => [JSON.stringify(n), n])).values()];
  try {
    migrateProfile({ home: homeStore, history: deps.history, progress: deps.progress, log: deps.log });
    migrateConfirmations({ home: homeStore, history: deps.history, log: deps.log });
  } catch (err) {
    // A full or read-only disk: the store has already told the user (notices); nothing was changed,
    // and the migration runs again at the next start that can write. Anything else is a real fault.
    if (!(err instanceof PorchlightError && err.code === 'storage-unavailable')) throw err;
    deps.log.warn('the home model could not be saved at start; the 0.1.0 migration runs again next time', { code: err.code });
  }
  const model = new HomeModel({ store: homeStore, clock: deps.clock, log: deps.log });
  const checks = new CheckBoard(catalog, deps.progress, deps.settings, deps.clock);
  const secrets = new SecretService(deps.secrets, deps.log);
  let registry: VerifierRegistry | null = null;
  const verifiers = (): VerifierRegistry =>
    (registry ??= createVerifiers({
      wifi: core.wifi,
      model,
      survey: core.survey ? async () => core.survey!.service.run(await core.survey!.scope()) : null,
      credentials: core.credentials,
      lastReviewAt: () => lastReviewAt(deps.progress.read().checks, core.audit.list()),
      intervalDays: () => deps.settings.read().reauditIntervalDays,
      clock: deps.clock,
      reportCheck: () => reportCheck(core.audit.list(), deps.settings.read().reauditIntervalDays, deps.clock.now()),
      router: deps.routerApi ? deps.routerApi(core.credentials.ledger) : null,
      kev: () => kevMatcher(deps.resourcesDir),
      lastAuditAt: () => core.audit.latest()?.at ?? null,
    }));
  const core: Core = {
    deps,
    catalog,
    model,
    notices,
    checks,
    secrets,
    wifi: new WifiStep({ scanner: deps.wifi, secrets, checks, clock: deps.clock, log: deps.log, resourcesDir: deps.resourcesDir }),
    survey: createSurveyFeature(deps.network, { ...deps, model }),
    credentials: new CredentialService({ onOutcome: (r) => recordOutcome(model, r), resourcesDir: deps.resourcesDir, http: deps.httpProber, secrets, checks, log: deps.log, settings: deps.proberSettings, gateway: () => model.read().router?.address ?? null, ledgerStore: deps.probeLedger, auditKey: () => `after:${core.audit.latest()?.id ?? 'none'}`, deviceName: (id) => { const d = model.devices().get(id); return d ? displayName(d) : null; } }),
    accountSteps: createAccountServices({ ...deps, model }, externalHosts, checks, secrets),
    get verifiers() {
      return verifiers();
    },
    audit: new AuditService({ ...deps, catalog, model, appVersion: deps.version, exportPorts: deps, verifiers: () => verifiers(), kev: () => kevMatcher(deps.resourcesDir) }),
    async recheck(id: CheckId) {
      const out = await runVerifiers(verifiers(), consentedScope(model), Date.now, [id]);
      const m = out.results[id];
      return m ? checks.recordVerified(id, m.status, m.reason ?? '', m.detail ?? null) : null;
    },
    async openExternal(url: string) {
      const safe = checkExternalUrl(url, externalHosts);
      deps.log.info('opening external link', { host: new URL(safe).hostname });
      await deps.opener.open(safe);
    },
  };
  return core;
}

/**
 * When the owner last reviewed the inventory: the survey step's verified pass of
 * `devices.inventory` on the wizard board, or the newest audit where it passed.
 */
export function lastReviewAt(board: Progress['checks'], audits: readonly { checks: readonly { id: string; status: string; evidence: { kind: string; at?: string } }[] }[]): string | null {
  const dates: string[] = [];
  const b = board['devices.inventory'];
  if (b?.status === 'pass' && b.evidence.kind === 'verified') dates.push(b.evidence.at);
  for (const a of audits) {
    const c = a.checks.find((x) => x.id === 'devices.inventory');
    if (c?.status === 'pass' && c.evidence.kind === 'verified' && c.evidence.at) dates.push(c.evidence.at);
  }
  return dates.sort().at(-1) ?? null;
}
