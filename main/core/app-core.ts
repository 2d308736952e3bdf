import type { Clock, DocumentStore, ExternalOpener, Logger, SecretStore } from './ports.js';
import type { History, Progress, Settings } from './store/documents.js';
import { loadCheckCatalog, type CheckCatalog } from './checks/catalog.js';
import { CheckBoard } from './checks/check-board.js';
import { SecretService } from './secrets/secret-service.js';
import { checkExternalUrl, loadExternalHosts } from './shell/external-links.js';
import { createAccountServices, type AccountServices } from './accounts/services.js';

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
}

/** The Node-only core every host shares. Holds no Electron and no adapter: only ports. */
export interface Core {
  readonly deps: CoreDeps;
  readonly catalog: CheckCatalog;
  readonly checks: CheckBoard;
  readonly secrets: SecretService;
  /** Accounts, assistant and updates steps, and the dated confirmations they keep in history. */
  readonly accountSteps: AccountServices;
  /** Notices gathered at start (a corrupted store restored, an old snapshot discarded …). */
  readonly notices: string[];
  openExternal(url: string): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const catalog = loadCheckCatalog(deps.resourcesDir);
  const externalHosts = loadExternalHosts(deps.resourcesDir);
  const notices = [...deps.settings.notices, ...deps.progress.notices, ...deps.history.notices];
  const checks = new CheckBoard(catalog, deps.progress, deps.settings, deps.clock);
  const secrets = new SecretService(deps.secrets, deps.log);
  return {
    deps,
    catalog,
    notices,
    checks,
    secrets,
    accountSteps: createAccountServices(deps, externalHosts, checks, secrets),
    async openExternal(url: string) {
      const safe = checkExternalUrl(url, externalHosts);
      deps.log.info('opening external link', { host: new URL(safe).hostname });
      await deps.opener.open(safe);
    },
  };
}
