import type { HomeModel } from '../../model/index.js';
import type { SurveyReport } from '../../network/index.js';
import { assessHome, vulnVerdict, type KevMatcher } from '../../vulns/index.js';
import type { Verifier } from './types.js';

/** The ports of `devices.known-vulnerabilities`: the home model, the KEV matcher, when the last audit ran. */
export interface KnownVulnerabilityPorts {
  /** The audit's survey (shared with the other checks), so the devices compared are the ones just seen; null without network scope. */
  survey: (() => Promise<SurveyReport>) | null;
  model: Pick<HomeModel, 'read'>;
  kev: () => KevMatcher;
  lastAuditAt: () => string | null;
}

/**
 * `devices.known-vulnerabilities`: the router and every device at home compared with the local
 * CISA KEV snapshot (no network). Fail for an end-of-life exact model, warn for a listed product
 * line, unknown when a device is unidentified (the owner can enter its maker and model), pass only
 * when every device is identified and none is listed.
 */
export function knownVulnerabilitiesVerifier(p: KnownVulnerabilityPorts): Verifier {
  return {
    measures: true,
    // It compares the devices the audit's survey just saw: the owner's "look for devices" answer governs it.
    needs: 'deviceDiscovery',
    deadlineMs: 10_000,
    async verify(ctx) {
      if (p.survey) await ctx.once('survey', p.survey);
      const v = vulnVerdict(assessHome(p.kev(), p.model.read(), p.lastAuditAt()));
      return { status: v.status, reason: v.reason, detail: v.detail };
    },
  };
}
