import { z } from 'zod';
import { SeveritySchema, STEP_IDS, type CheckCatalog } from '../checks/index.js';
import { CheckStatusSchema, viewChecks, type CheckResult } from '../checks/index.js';
import { AuditModeSchema, AuditSourceSchema, InventoryDeviceSchema, RouterIdentitySchema, type AuditRecord } from '../audit/index.js';
import { scoreChecks } from '../audit/index.js';
import { describeEvidence, nextAction } from '../audit/index.js';
import { diffAudits } from '../audit/index.js';
import { reauditSchedule } from '../audit/index.js';
import { VulnRecordSchema } from '../vulns/index.js';
import { MessageSchema, msg, type Message, type MessageFormatter } from '../messages/index.js';

/**
 * The next action in the report's language: the catalog's words for "check again", "open the step"
 * and "run the step" around the check's own next action (English from nextAction where a host
 * wires no catalog).
 */
function nextIn(v: Parameters<typeof nextAction>[0], messages: MessageFormatter): string | null {
  const english = nextAction(v);
  if (english === null || english === v.next) return english;
  const say = (m: Message) => {
    const w = messages.format(m);
    return w && w !== m.code ? w : null;
  };
  const step = say(msg(`report.step.${v.step}`));
  if (!step) return english;
  const kind = v.expired ? 'expired' : v.evidenceKinds.includes('confirmed') ? 'confirm' : 'measure';
  return say(msg(`report.next.${kind}`, { step, next: v.next })) ?? english;
}

/** The report's schema version: 2 added `reasonMessage` and `detailMessage` (message codes) to each check. */
export const REPORT_SCHEMA_VERSION = 2;

const ReportMessageSchema = MessageSchema.describe(
  'A message code with params (e.g. {"code":"common.not-checked-yet","params":{}}); the words are in renderer/i18n/<language>/messages.json. user.text carries text the user typed',
);

/**
 * The report document: what `porchlight audit --json` prints, what the JSON export writes, and
 * what the HTML/PDF exports render. Its JSON Schema (resources/report.schema.json) is generated
 * from this zod schema and kept identical by a golden-file test; docs/report-schema.md explains it.
 * It holds no secret: statuses, evidence, reasons, devices and router facts only.
 */

const iso = z.iso.datetime({ offset: true });
const Step = z.enum(STEP_IDS);

export const REPORT_SCHEMA_ID = 'https://porchlight.invalid/schemas/report-v2.json';

const ReportEvidenceSchema = z.strictObject({
  kind: z.enum(['verified', 'confirmed', 'expired', 'none']).describe('verified: measured by Porchlight; confirmed: the user said so; expired: a confirmation past its date; none'),
  at: iso.nullable().describe('When it was measured or confirmed'),
  expiresAt: iso.nullable().describe('When a confirmation stops counting'),
  text: z.string().describe('The evidence in one sentence, e.g. "confirmed on 2026-01-02 (valid until 2026-04-02)"'),
});

const ReportCheckSchema = z.strictObject({
  id: z.string().describe('Stable check id from the catalog, e.g. wifi.encryption'),
  title: z.string(),
  step: Step,
  severity: SeveritySchema,
  status: CheckStatusSchema,
  evidence: ReportEvidenceSchema,
  reason: z.string().nullable().describe('Why the check has this status, in words of the report\'s language (the app\'s language; English by default); always present for unknown and skipped'),
  reasonMessage: ReportMessageSchema.nullable().describe('The reason as a message code with params (schema version 2)'),
  detail: z.string().nullable().describe('What was seen, in words of the report\'s language (the app\'s language; English by default)'),
  detailMessage: ReportMessageSchema.nullable().describe('The detail as a message code with params (schema version 2)'),
  next: z.string().nullable().describe('The next action, or null when nothing is left to do'),
  references: z.array(z.string()),
});

const FactorSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  step: Step,
  severity: SeveritySchema,
  status: CheckStatusSchema,
  weight: z.number().int().positive(),
  earned: z.number().min(0).max(100).describe('Points (out of 100) this check added'),
  lost: z.number().min(0).max(100).describe('Points (out of 100) this check cost; what fixing it would add'),
});

const ActionSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  step: Step,
  severity: SeveritySchema,
  status: CheckStatusSchema,
  points: z.number().min(0).max(100).describe('Points the score gains when this is done'),
  next: z.string(),
});

const ChangeSchema = z.strictObject({ id: z.string(), from: CheckStatusSchema, to: CheckStatusSchema });

const DiffSchema = z.strictObject({
  previous: z.strictObject({ id: z.string(), at: iso, score: z.number().int() }).nullable().describe('The audit compared with; null for a first audit'),
  scoreDelta: z.number().int().nullable(),
  newDevices: z.array(InventoryDeviceSchema),
  goneDevices: z.array(InventoryDeviceSchema),
  regressed: z.array(ChangeSchema),
  improved: z.array(ChangeSchema),
  otherChanges: z.array(ChangeSchema),
  expiredConfirmations: z.array(z.strictObject({ id: z.string(), confirmedAt: iso, expiredAt: iso })),
});

export const ReportSchema = z
  .strictObject({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    generatedAt: iso,
    app: z.strictObject({ name: z.literal('Porchlight'), version: z.string() }),
    audit: z.strictObject({ id: z.string(), at: iso, mode: AuditModeSchema, source: AuditSourceSchema }),
    score: z.number().int().min(0).max(100).describe('Out of 100, weighted by severity; see docs/report-schema.md'),
    scoreBreakdown: z.strictObject({
      raised: z.array(FactorSchema),
      lowered: z.array(FactorSchema),
      excluded: z.array(z.string()).describe('Checks skipped as not applicable: left out of the score'),
    }),
    checks: z.array(ReportCheckSchema).describe('Every check of the catalog, in catalog order'),
    actions: z.array(ActionSchema).describe('Remaining actions, biggest score impact first'),
    inventory: z.array(InventoryDeviceSchema),
    router: RouterIdentitySchema.nullable(),
    knownVulnerabilities: VulnRecordSchema.nullable().describe("Each device's firmware and its entries in CISA's Known Exploited Vulnerabilities catalog, with how each match was made; null for audits saved before this was recorded"),
    diff: DiffSchema,
    schedule: z.strictObject({ intervalDays: z.number().int().positive(), nextDueAt: iso }),
  })
  .describe('A Porchlight audit report (contains no secrets)');
export type Report = z.infer<typeof ReportSchema>;
export type ReportCheck = Report['checks'][number];

/** The JSON Schema of the report, as written to resources/report.schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  return { $id: REPORT_SCHEMA_ID, ...z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }) };
}

export interface ReportInput {
  catalog: CheckCatalog;
  record: AuditRecord;
  previous: AuditRecord | null;
  intervalDays: number;
  appVersion: string;
  generatedAt: Date;
  /** Words for the core's messages (the English catalog through i18next). */
  messages: MessageFormatter;
}

/** Builds the report of one saved audit: every catalog check, the score and why, the actions, the diff. */
export function buildReport(input: ReportInput): Report {
  const { catalog, record } = input;
  const results: Record<string, CheckResult> = {};
  for (const c of record.checks) results[c.id] = { id: c.id, status: c.status, reason: c.reason, evidence: c.evidence, detail: c.detail };
  // Views at the audit's own date: expiry as it stood then, not as it stands when exporting.
  const views = viewChecks(catalog, results, new Date(record.at));
  const breakdown = scoreChecks(views);
  const words = (m: (typeof views)[number]['reason']) => input.messages.format(m).trim() || null;
  const checks = views.map((v) => ({
    id: v.id,
    title: v.title,
    step: v.step,
    severity: v.severity,
    status: v.status,
    evidence: describeEvidence({ ...v, reason: words(v.reason) }),
    reason: words(v.reason),
    reasonMessage: v.reason,
    detail: words(v.detail),
    detailMessage: v.detail,
    next: nextIn(v, input.messages),
    references: v.references,
  }));
  const nextOf = new Map(checks.map((c) => [c.id, c.next]));
  const schedule = reauditSchedule(record.at, input.intervalDays, input.generatedAt);
  // Parsed on the way out: a report that breaks its own published schema is a bug, never a file.
  return ReportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    app: { name: 'Porchlight', version: input.appVersion },
    audit: { id: record.id, at: record.at, mode: record.mode, source: record.source },
    score: breakdown.score,
    scoreBreakdown: { raised: breakdown.raised, lowered: breakdown.lowered, excluded: breakdown.excluded },
    checks,
    actions: breakdown.lowered.map((f) => ({ id: f.id, title: f.title, step: f.step, severity: f.severity, status: f.status, points: f.lost, next: nextOf.get(f.id) ?? '' })),
    inventory: record.inventory,
    router: record.router,
    knownVulnerabilities: record.vulnerabilities ?? null,
    diff: diffAudits(input.previous, record),
    schedule: { intervalDays: input.intervalDays, nextDueAt: schedule.nextDueAt! },
  });
}
