import { z } from 'zod';
import { channel, NoArgs } from './schema-helpers.js';
import { ReportSchema } from '../../core/report/report.js';
import { AuditModeSchema, AuditSourceSchema } from '../../core/audit/record.js';
import { STEP_IDS } from '../../core/checks/catalog.js';

const AuditId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const iso = z.string().max(40);

/** The audit's channels: schedule, live summary, completion, history, re-audit plan, export. */
export const auditChannels = {
  /** Where the re-audit schedule stands, and whether the tray/menu asked for a re-audit (read once). */
  'audit:status': channel(
    NoArgs,
    z.strictObject({
      audits: z.number().int().min(0),
      lastAuditAt: iso.nullable(),
      lastScore: z.number().int().nullable(),
      intervalDays: z.number().int(),
      nextDueAt: iso.nullable(),
      state: z.enum(['never', 'scheduled', 'due', 'overdue']),
      daysUntilDue: z.number().int().nullable(),
      reauditRequested: z.boolean(),
    }),
  ),
  /** The summary before saving: score, every check, actions, diff against the last audit. */
  'audit:preview': channel(NoArgs, ReportSchema),
  /** Saves the audit the wizard established to the history and returns its report. */
  'audit:complete': channel(z.strictObject({ mode: AuditModeSchema }), ReportSchema),
  /** The report of a saved audit (the newest without an id). */
  'audit:report': channel(z.strictObject({ id: AuditId.optional() }), ReportSchema),
  'audit:history': channel(
    NoArgs,
    z.array(z.strictObject({ id: z.string(), at: iso, mode: AuditModeSchema, source: AuditSourceSchema, score: z.number().int() })),
  ),
  /** The re-audit's steps: survey, only the steps with a regression, a new device or an expired confirmation, summary. */
  'audit:plan-reaudit': channel(
    NoArgs,
    z.strictObject({
      steps: z.array(z.enum(STEP_IDS)),
      reasons: z.array(z.strictObject({ step: z.enum(STEP_IDS), kind: z.enum(['regression', 'new-device', 'expired-confirmation', 'first-audit', 'new-vulnerability']), subject: z.string() })),
    }),
  ),
  /** Exports a saved audit's report as HTML, PDF or JSON; answers where the file was written. */
  'audit:export': channel(
    z.strictObject({ format: z.enum(['html', 'pdf', 'json']), id: AuditId.optional() }),
    z.strictObject({ fileName: z.string(), path: z.string(), bytes: z.number().int().positive() }),
  ),
};
