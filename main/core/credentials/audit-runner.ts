import type { AuditRunner, MeasuredCheck } from '../audit/runners.js';
import type { CredentialService } from './credential-service.js';
import type { ProbeReport } from './safe-prober.js';

/** How a probe reads as the router.admin-default check: pass only when the defaults were refused. */
export function routerCheckFromReport(r: ProbeReport): MeasuredCheck {
  if (r.result === 'default-accepted') return { status: 'fail', reason: `${r.host} still accepts a public factory login.`, detail: JSON.stringify({ host: r.host, login: r.login }) };
  if (r.result === 'default-rejected') return { status: 'pass', reason: `${r.host} refused its public factory logins (${r.tried} tried).` };
  return { status: 'unknown', reason: r.reason || 'the probe could not decide' };
}

/**
 * The headless audit's default-password runner: probes the gateway the user named (`--gateway`)
 * with the safe prober (5 attempts per host per audit, lockout stop, deadlines). Without a gateway
 * nothing is sent and the check reads unknown with the reason. Naming the gateway on the command
 * line is the consent for this probe; the wizard asks separately in its welcome step.
 * Not registered in audit/runners/index.ts by this area: the audit owner decides (see the report).
 */
export function defaultPasswordsRunner(credentials: CredentialService, vendorOf: () => string | null = () => null): AuditRunner {
  return {
    name: 'default passwords',
    checkIds: ['router.admin-default'],
    deadlineMs: 60_000,
    async run(scope) {
      if (!scope.gateway) {
        return { results: { 'router.admin-default': { status: 'unknown', reason: 'no gateway was given (--gateway), so the router login was not checked' } } };
      }
      const vendor = vendorOf();
      const report = await credentials.check({ host: scope.gateway, consent: true, vendor: vendor && credentials.vendor(vendor) ? vendor : null, gatewayOverride: scope.gateway });
      return { results: { 'router.admin-default': routerCheckFromReport(report) } };
    },
  };
}
