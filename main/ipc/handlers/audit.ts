import type { HandlersFor } from './types.js';
import type { Core } from '../../core/app-core.js';
import { reportCheck } from '../../core/audit/assemble.js';
import type { auditChannels } from '../channels/audit.js';

/** Handlers of the audit's channels: thin calls into core.audit. */
export const auditHandlers: HandlersFor<typeof auditChannels> = {
  'audit:status': (core) => {
    const latest = core.audit.latest();
    const s = core.audit.schedule();
    return {
      audits: core.audit.list().length,
      lastAuditAt: latest?.at ?? null,
      lastScore: latest?.score ?? null,
      intervalDays: s.intervalDays,
      nextDueAt: s.nextDueAt,
      state: s.state,
      daysUntilDue: s.daysUntilDue,
      reauditRequested: core.audit.takeReauditRequest(),
    };
  },
  'audit:preview': (core) => core.audit.preview(),
  'audit:complete': (core, { mode }) => {
    const { report } = core.audit.complete(mode);
    settleReportCheck(core);
    return report;
  },
  'audit:report': (core, { id }) => core.audit.report(id),
  'audit:history': (core) => core.audit.list().map((a) => ({ id: a.id, at: a.at, mode: a.mode, source: a.source, score: a.score })),
  'audit:plan-reaudit': (core) => core.audit.planReaudit(),
  'audit:export': async (core, { format, id }) => {
    const out = await core.audit.exportToSink(format, id);
    settleReportCheck(core);
    return out;
  },
};

/**
 * The board's "Setup documented in a report" (docs.report) follows the same rule as the saved audit
 * and its exports (the exports of history), so the summary never shows it Unknown while the score
 * counts it as passed.
 */
function settleReportCheck(core: Core): void {
  const r = reportCheck(core.audit.list(), core.deps.settings.read().reauditIntervalDays, core.deps.clock.now());
  core.checks.recordVerified(r.id, r.status, r.reason, r.detail);
}
