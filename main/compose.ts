import { appVersion as appVersionOf } from './app-version.js';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createCore, type Core, type CoreDeps } from './core/app-core.js';
import type { Clock, ExternalOpener, SecretStore } from './core/ports.js';
import { NodeHttpProber, proberSettingsFromEnv } from './adapters/http-prober.js';
import { ConfDocumentStore } from './adapters/conf-document-store.js';
import { DEFAULT_PROBE_LEDGER, ProbeLedgerSchema, type ProbeLedgerDoc } from './core/credentials/attempt-ledger.js';
import { KeytarSecretStore } from './adapters/keytar-secret-store.js';
import { SystemClock } from './adapters/system-clock.js';
import { FileLogger } from './adapters/file-logger.js';
import { openProfileStores } from './adapters/profile.js';
import { nodeNetworkDeps } from './adapters/network/index.js';
import type { NetworkDeps } from './core/network/survey-feature.js';
import { ChromiumPdfPrinter } from './adapters/chromium-pdf-printer.js';
import { DirectoryReportSink } from './adapters/directory-report-sink.js';
import { NodeWifiScanner } from './adapters/wifi/node-wifi-scanner.js';
import { createMessageFormatter } from './core/messages/index.js';
import { setErrorLogWords } from './core/errors.js';
import type { RouterApiPort } from './core/checks/verifiers/index.js';
import type { RouterAutomationPorts } from './core/app-core.js';
import type * as RouterApi from './core/router-api/index.js';
// The one English message catalog, shared with the renderer (bundled by esbuild into each host).
import messagesEn from '../renderer/i18n/en/messages.json' with { type: 'json' };
import messagesDe from '../renderer/i18n/de/messages.json' with { type: 'json' };
import messagesEs from '../renderer/i18n/es/messages.json' with { type: 'json' };
import messagesFr from '../renderer/i18n/fr/messages.json' with { type: 'json' };

// Errors carry English log lines wherever a host composes a core (the app, the CLI, the harness); the user reads their message in the chosen language.
const englishWords = createMessageFormatter({ en: messagesEn });
setErrorLogWords((m) => englishWords.format(m));

/** The repository (or packaged app) root: this file and every bundle in dist/ sit one level below it. */
export const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where resources/ lives: PORCHLIGHT_RESOURCES, else beside the app root. */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PORCHLIGHT_RESOURCES ?? join(APP_ROOT, 'resources');
}

export { appVersion } from './app-version.js';

export interface NodeCoreOptions {
  host: CoreDeps['host'];
  profileDir: string;
  opener: ExternalOpener;
  /** The computer's preferred languages (Electron: app.getPreferredSystemLanguages()). */
  systemLanguages?: () => readonly string[];
  clock?: Clock;
  secrets?: SecretStore;
  echoLog?: boolean;
  /** Survey ports; only the Electron app defaults to the real active interface — other hosts pass a scoped set or none. */
  network?: NetworkDeps;
  /** The OS Wi-Fi scanner for a host that wires it explicitly (browser mode); default: see below. */
  wifi?: NodeWifiScanner;
  /** Where exports are saved (browser mode: Documents/Porchlight); default <profile>/reports. */
  reportsDir?: string;
}

/** Composition root for every host: real adapters wired into the core. */
export function createNodeCore(opts: NodeCoreOptions): Core {
  const stores = openProfileStores(opts.profileDir);
  const secretStore = opts.secrets ?? new KeytarSecretStore();
  // One router-api.json (pinned certificates, router user names), one pending-apply document and one
  // transport for reading and changing the router. Their modules (TR-064 and ubus clients, SOAP, the
  // pinned transport) load when the router is first used, not at start (the first screen and the CLI do not wait for them).
  let routerModules: Promise<RouterAutomationPorts & { api: typeof RouterApi }> | null = null;
  const routerParts = () =>
    (routerModules ??= Promise.all([import('./core/router-api/index.js'), import('./adapters/router/pinned-transport.js'), import('./adapters/network/http-fetcher.js')]).then(([api, t, h]) => ({
      api,
      transport: new t.PinnedRouterTransport(),
      pins: api.documentPinStore(new ConfDocumentStore({ dir: opts.profileDir, name: 'router-api', schema: api.RouterPinsSchema, defaults: api.DEFAULT_ROUTER_PINS, version: '1.0.0' })),
      pending: new ConfDocumentStore({ dir: opts.profileDir, name: api.ROUTER_PENDING_DOCUMENT, schema: api.PendingApplySchema, defaults: api.NO_PENDING_APPLY, version: '1.0.0' }),
      http: new h.NodeHttpFetcher(),
    })));
  return createCore({
    host: opts.host,
    version: appVersionOf(),
    platform: process.platform,
    resourcesDir: resourcesDir(),
    secrets: secretStore,
    ...stores,
    clock: opts.clock ?? new SystemClock(),
    log: new FileLogger(join(opts.profileDir, 'logs', 'porchlight.log'), opts.echoLog ?? false),
    opener: opts.opener,
    network: opts.network ?? (opts.host === 'electron' ? nodeNetworkDeps() : undefined),
    httpProber: new NodeHttpProber(),
    proberSettings: proberSettingsFromEnv(),
    // the app and harness keep the 5-attempt budget across restarts; one CLI run is its own audit
    probeLedger: opts.host === 'cli' ? undefined : new ConfDocumentStore<ProbeLedgerDoc>({ dir: opts.profileDir, name: 'probe-ledger', schema: ProbeLedgerSchema, defaults: DEFAULT_PROBE_LEDGER, version: '1.0.0' }),
    // Audit exports: headless Chromium and <profile>/reports here; the Electron glue (main/app/reaudit.ts) installs printToPDF and Documents.
    pdf: new ChromiumPdfPrinter(),
    reports: new DirectoryReportSink(opts.reportsDir ?? join(opts.profileDir, 'reports')),
    // The test harness reads Wi-Fi only through the fake nmcli, never this machine's radio (network rule):
    // it gets a scanner only when a fake's state file is configured (test/lab/fake-nmcli).
    wifi: opts.wifi ?? (opts.host === 'harness' && !process.env.PORCHLIGHT_FAKE_NMCLI_STATE ? undefined : new NodeWifiScanner()),
    messages: createMessageFormatter({ en: messagesEn, de: messagesDe, es: messagesEs, fr: messagesFr }),
    systemLanguages: opts.systemLanguages,
    // The router checks read the router's own answer (FRITZ!Box TR-064, OpenWrt ubus) where the owner saved its login (issue 16).
    routerApi: (ledger) => {
      let port: Promise<RouterApiPort> | null = null;
      return {
        async status(ctx) {
          port ??= routerParts().then((p) => p.api.routerReadPort({ transport: p.transport, secrets: secretStore, pins: p.pins, ledger, pending: p.pending, http: p.http }));
          return (await port).status(ctx);
        },
      };
    },
    // "Let Porchlight change it" (main/services/router-automation.ts): the same transport, pins and pending document.
    routerAutomation: () => routerParts().then(({ api: _api, ...ports }) => ports),
  });
}

