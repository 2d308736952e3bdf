import type { HomeModel } from '../../model/index.js';
import type { CredentialService } from '../../credentials/index.js';
import { probeDetail, probeEvidence, type ProbeReport } from '../../credentials/index.js';
import { msg } from '../../messages/index.js';
import type { MeasuredCheck, Verifier } from './types.js';

/**
 * How a default-credential probe reads as a check, one rule for the passwords step, the re-audit
 * and `porchlight audit`: pass only when the factory logins were refused, fail when one worked,
 * unknown otherwise; the reason and attempt count are the host ledger's.
 */
export function loginVerdict(report: ProbeReport, afterChange = false): MeasuredCheck {
  const status = report.result === 'default-accepted' ? 'fail' : report.result === 'default-rejected' ? 'pass' : 'unknown';
  return { status, reason: probeEvidence(report, afterChange), detail: probeDetail(report) };
}

/** The ports of `router.admin-default`: the safe prober and the router's maker from the home model. */
export interface RouterLoginPorts {
  credentials: Pick<CredentialService, 'check' | 'vendor'>;
  model: Pick<HomeModel, 'read' | 'recordCredentialOutcome' | 'adminHostOf'>;
}

/**
 * `router.admin-default`: the router's admin login against its maker's public factory logins,
 * through the safe prober (at most 5 attempts per host per audit, lockout stop, local scope only).
 * It probes only the gateway of the consented scope; the maker comes from the home model.
 */
export function routerLoginVerifier(p: RouterLoginPorts): Verifier {
  return {
    measures: true,
    needs: 'credentialProbe',
    deadlineMs: 90_000,
    async verify(ctx) {
      const { scope } = ctx;
      if (!scope.gateway) return { status: 'unknown', reason: msg('router.no-gateway') };
      const vendorName = p.model.read().router?.identity?.vendor ?? null;
      const vendor = vendorName && p.credentials.vendor(vendorName) ? vendorName : null;
      // the admin page the owner consented to in the app (its port), unless --admin-port names another
      const host = scope.adminPort ? `${scope.gateway}:${scope.adminPort}` : p.model.adminHostOf(scope.gateway);
      const report = await p.credentials.check({ host, consent: true, vendor, gatewayOverride: scope.gateway });
      recordOutcome(p.model, report);
      return loginVerdict(report);
    },
  };
}

/** Keeps a probe's outcome in the home model: the verdict, the user names tried, the ledger's count. */
export function recordOutcome(model: Pick<HomeModel, 'recordCredentialOutcome'>, report: ProbeReport): void {
  model.recordCredentialOutcome(report.host, {
    result: report.result,
    usernames: report.triedLogins.map((l) => l.username).slice(0, 10),
    matchedUsername: report.matched?.username ?? null,
    attempts: report.auditAttempts,
  });
}
