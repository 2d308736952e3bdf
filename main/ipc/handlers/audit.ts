import type { HandlersFor } from './types.js';
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
  'audit:complete': (core, { mode }) => core.audit.complete(mode).report,
  'audit:report': (core, { id }) => core.audit.report(id),
  'audit:history': (core) => core.audit.list().map((a) => ({ id: a.id, at: a.at, mode: a.mode, source: a.source, score: a.score })),
  'audit:plan-reaudit': (core) => core.audit.planReaudit(),
  'audit:export': (core, { format, id }) => core.audit.exportToSink(format, id),
};
