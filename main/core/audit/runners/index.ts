import type { Core } from '../../app-core.js';
import type { AuditRunner } from '../runners.js';
import { inventoryOf, routerOf, surveyRunner } from './survey-runner.js';
import { routerLoginRunner } from './router-login-runner.js';
import { wifiRunner } from './wifi-runner.js';
import { segmentRunner } from './segment-runner.js';

/** Builds one area's runner from the Core, or null when that area's capability is not in this build. */
export type AuditRunnerFactory = (core: Core) => AuditRunner | null;

/**
 * The automated checks of the headless audit, one factory per area. A check no runner covers
 * reads `unknown` — "no automated check available in this build" — never `pass`.
 */
export const auditRunnerFactories: readonly AuditRunnerFactory[] = [wifiRunner, segmentRunner, surveyRunner, routerLoginRunner];

/** The runners available on this Core. */
export function auditRunners(core: Core): AuditRunner[] {
  return auditRunnerFactories.map((f) => f(core)).filter((r): r is AuditRunner => r !== null);
}

/** The app's survey of this session as the audit records it (inventory, router), or null before one ran. */
export function surveyedNow(core: Core) {
  const report = core.survey?.service.lastReport() ?? null;
  return report ? { inventory: inventoryOf(report), router: routerOf(report) } : null;
}
