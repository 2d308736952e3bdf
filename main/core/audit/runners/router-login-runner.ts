import type { Core } from '../../app-core.js';
import type { AuditRunner, AuditScope, MeasuredCheck, RunnerOutcome } from '../runners.js';
import { probeDetail, probeEvidence } from '../../credentials/safe-prober.js';

/**
 * The router's admin login against its vendor's public factory credentials (`router.admin-default`),
 * through the safe prober (at most 5 attempts per host per audit — the ledger's audit is "after the
 * last saved audit", so each headless run has its own budget — lockout stop, local scope only).
 * It probes only the gateway the user named (`--gateway`): naming it is the consent. The vendor
 * comes from the survey's router identity when it ran first.
 */
export function routerLoginRunner(core: Core): AuditRunner {
  return {
    name: 'router login',
    checkIds: ['router.admin-default'],
    deadlineMs: 90_000,
    async run(scope: AuditScope): Promise<RunnerOutcome> {
      const unknown = (reason: string): RunnerOutcome => ({ results: { 'router.admin-default': { status: 'unknown', reason } } });
      if (!scope.gateway) return unknown('no gateway was given: run the audit with --gateway IP to check the router login');
      const vendorName = core.survey?.service.lastReport()?.gateway.router?.vendor ?? null;
      const vendor = vendorName && core.credentials.vendor(vendorName) ? vendorName : null;
      const host = scope.adminPort ? `${scope.gateway}:${scope.adminPort}` : scope.gateway;
      const report = await core.credentials.check({ host, consent: true, vendor, gatewayOverride: scope.gateway });
      const detail = probeDetail(report);
      // one wording and one attempt count for the step, the evidence and the JSON (the host's ledger)
      const status = report.result === 'default-accepted' ? 'fail' : report.result === 'default-rejected' ? 'pass' : 'unknown';
      const m: MeasuredCheck = { status, reason: probeEvidence(report), detail };
      return { results: { 'router.admin-default': m } };
    },
  };
}
