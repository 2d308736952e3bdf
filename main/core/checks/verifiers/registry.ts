/**
 * WHERE A NEW CHECK GOES: one entry in resources/checks.json, its id in CHECK_IDS (types.ts), one
 * verifier here (a file of its own when it measures something, taking only the ports it reads), and
 * its message set. The app's step, the re-audit and `porchlight audit` all call the verifier below.
 */
import type { Clock } from '../../ports.js';
import type { HomeModel } from '../../model/index.js';
import type { SurveyReport } from '../../network/index.js';
import type { CheckResult } from '../results.js';
import { confirmationVerifier, type VerifierRegistry } from './types.js';
import { wifiEncryptionVerifier, type WifiPort } from './wifi.js';
import { iotIsolatedVerifier, iotSegmentVerifier } from './segmentation.js';
import { inventoryVerifier } from './inventory.js';
import { routerLoginVerifier, type RouterLoginPorts } from './router-login.js';
import { reportVerifier } from './report.js';
import { routerApiVerifier, type RouterApiPort } from './router-api.js';
import { knownVulnerabilitiesVerifier, type KnownVulnerabilityPorts } from './known-vulnerabilities.js';
import { rememberRouterAutoUpdate } from '../../vulns/index.js';

/** Every port some verifier reads; each verifier is handed only its own. */
export interface VerifierPorts {
  wifi: WifiPort;
  model: Pick<HomeModel, 'read' | 'present' | 'recordCredentialOutcome' | 'adminHostOf'>;
  /** Runs a survey within the consented scope; null when this host has no network scope. */
  survey: (() => Promise<SurveyReport>) | null;
  credentials: RouterLoginPorts['credentials'];
  lastReviewAt: () => string | null;
  intervalDays: () => number;
  clock: Pick<Clock, 'now'>;
  reportCheck: () => CheckResult;
  /** The router's own answer through its local API (issue 16); absent or null: the checks keep their confirmation/probe path. */
  router?: RouterApiPort | null;
  /** The KEV matcher over the local snapshot, and when the last audit ran (entries added since are flagged). */
  kev: KnownVulnerabilityPorts['kev'];
  lastAuditAt: () => string | null;
}

/** The registry: exactly one verifier per catalog check. */
export function createVerifiers(ports: VerifierPorts): VerifierRegistry {
  // The router's automatic-update answer is remembered from the router checks' own reading (known vulnerabilities: "updates itself").
  const p = ports.router ? { ...ports, router: rememberRouterAutoUpdate(ports.router) } : ports;
  return {
    'wifi.encryption': wifiEncryptionVerifier(p.wifi),
    'wifi.passphrase': confirmationVerifier,
    'wifi.wps': routerApiVerifier('wifi.wps', p.router, null),
    'network.iot-segment': iotSegmentVerifier({ wifi: p.wifi, model: p.model }),
    'network.iot-isolated': iotIsolatedVerifier({ survey: p.survey, model: p.model }),
    'router.admin-default': routerApiVerifier('router.admin-default', p.router, routerLoginVerifier({ credentials: p.credentials, model: p.model })),
    'router.firmware': routerApiVerifier('router.firmware', p.router, null),
    'router.remote-admin': routerApiVerifier('router.remote-admin', p.router, null),
    'router.upnp': routerApiVerifier('router.upnp', p.router, null),
    'devices.inventory': inventoryVerifier({ survey: p.survey, model: p.model, lastReviewAt: p.lastReviewAt, intervalDays: p.intervalDays, clock: p.clock }),
    'devices.default-passwords': confirmationVerifier,
    'devices.firmware': confirmationVerifier,
    'devices.known-vulnerabilities': knownVulnerabilitiesVerifier({ survey: p.survey, model: p.model, kev: p.kev, lastAuditAt: p.lastAuditAt }),
    'accounts.2fa': confirmationVerifier,
    'accounts.unique-passwords': confirmationVerifier,
    'accounts.integrations-review': confirmationVerifier,
    'voice.purchasing': confirmationVerifier,
    'voice.unlock-pin': confirmationVerifier,
    'voice.recordings': confirmationVerifier,
    'resilience.outage-plan': confirmationVerifier,
    'docs.report': reportVerifier(p.reportCheck),
  };
}
