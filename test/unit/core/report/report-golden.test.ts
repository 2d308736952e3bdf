import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildReport, reportJsonSchema, ReportSchema } from '../../../../main/core/report/report.js';
import { renderReportHtml } from '../../../../main/core/report/html.js';
import { formatDay, msg } from '../../../../main/core/messages/index.js';
import { loadCheckCatalog } from '../../../../main/core/checks/catalog.js';
import { scoreChecks } from '../../../../main/core/audit/score.js';
import { viewChecks } from '../../../../main/core/checks/results.js';
import { AuditRecordSchema, type AuditRecord } from '../../../../main/core/audit/record.js';
import { APP_ROOT, resourcesDir } from '../../../../main/compose.js';
import { FIRST_AUDIT, GENERATED_AT, MESSAGES, REAUDIT } from '../../../golden/report-fixtures.js';

/**
 * Golden files: the JSON Schema in resources/ and the reports in test/golden/ must match what the
 * code produces. After an intended change, regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const catalog = loadCheckCatalog(resourcesDir());
const GOLDEN = join(APP_ROOT, 'test', 'golden');
const SCHEMA_FILE = join(resourcesDir(), 'report.schema.json');

function golden(file: string, actual: string) {
  if (UPDATE) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const scored = (r: AuditRecord): AuditRecord => ({ ...r, score: scoreChecks(viewChecks(catalog, Object.fromEntries(r.checks.map((c) => [c.id, c])), new Date(r.at))).score });
const first = scored(FIRST_AUDIT);
const second = scored(REAUDIT);
const firstReport = buildReport({ catalog, record: first, previous: null, intervalDays: 90, appVersion: '0.1.0', generatedAt: new Date(FIRST_AUDIT.at), messages: MESSAGES });
const reaudit = buildReport({ catalog, record: second, previous: first, intervalDays: 90, appVersion: '0.1.0', generatedAt: GENERATED_AT, messages: MESSAGES });

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
}

describe('report JSON schema (golden)', () => {
  it('resources/report.schema.json is exactly the schema the code generates', () => {
    golden(SCHEMA_FILE, JSON.stringify(reportJsonSchema(), null, 2) + '\n');
  });

  it('the fixtures are valid audit records', () => {
    expect(AuditRecordSchema.safeParse(first).success).toBe(true);
    expect(AuditRecordSchema.safeParse(second).success).toBe(true);
  });

  it('the first-audit and re-audit reports match their golden files', () => {
    golden(join(GOLDEN, 'report-first.json'), JSON.stringify(firstReport, null, 2) + '\n');
    golden(join(GOLDEN, 'report-reaudit.json'), JSON.stringify(reaudit, null, 2) + '\n');
  });

  it('the golden reports validate against the JSON Schema file (ajv, draft 2020-12)', () => {
    const validate = validator();
    for (const file of ['report-first.json', 'report-reaudit.json']) {
      const doc = JSON.parse(readFileSync(join(GOLDEN, file), 'utf8'));
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('the schema rejects a report with a missing score, an unknown status, an extra field or a bad date', () => {
    const validate = validator();
    const base = JSON.parse(JSON.stringify(reaudit));
    const { score: _score, ...noScore } = base;
    expect(validate(noScore)).toBe(false);
    expect(validate({ ...base, checks: [{ ...base.checks[0], status: 'great' }] })).toBe(false);
    expect(validate({ ...base, secret: 'hunter2' })).toBe(false);
    expect(validate({ ...base, generatedAt: 'yesterday' })).toBe(false);
    expect(ReportSchema.safeParse(base).success).toBe(true);
  });

  it('lists every catalog check, the actions by impact, and the diff', () => {
    expect(reaudit.checks.map((c) => c.id)).toEqual(catalog.checks.map((c) => c.id));
    expect(reaudit.actions.map((a) => a.points)).toEqual([...reaudit.actions.map((a) => a.points)].sort((a, b) => b - a));
    expect(reaudit.diff.newDevices.map((d) => d.name)).toEqual(['Plug & <Play>']);
    // the Garden camera is still listed (marked to move) but the latest survey did not see it: gone from the main network
    expect(reaudit.diff.goneDevices.map((d) => d.name)).toEqual(['Kitchen Echo', 'Garden camera']);
    expect(reaudit.diff.regressed.map((c) => c.id)).toContain('network.iot-isolated');
    expect(reaudit.diff.improved.map((c) => c.id)).toEqual(['wifi.encryption', 'router.admin-default', 'docs.report']);
    expect(reaudit.diff.expiredConfirmations.map((c) => c.id)).toEqual([
      'wifi.wps', 'router.firmware', 'accounts.2fa', 'accounts.unique-passwords', 'accounts.integrations-review', 'voice.purchasing', 'voice.recordings', 'resilience.outage-plan',
    ]);
    expect(reaudit.schedule.nextDueAt).toBe('2026-07-05T10:00:00.000Z');
  });
});

describe('HTML report', () => {
  const html = renderReportHtml(reaudit, MESSAGES);

  it('matches its golden file', () => {
    golden(join(GOLDEN, 'report-reaudit.html'), html);
  });

  it('is self-contained: no script, no external resource, its own CSP forbids loading anything', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|https?:\/\//i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('@media print');
  });

  it('escapes what devices and checks say about themselves', () => {
    expect(html).toContain('Plug &amp; &lt;Play&gt;');
    expect(html).toContain('Shelly &quot;Gen2&quot;');
    expect(html).not.toContain('<Play>');
  });

  it('shows the score, what moved it, every check with its evidence and next action, and the diff', () => {
    expect(html).toContain(`<b>${reaudit.score}</b>`);
    // how each check is known, in the catalog's words with the day as the language writes it
    const day = (iso: string | null) => formatDay(iso ?? '', 'en');
    for (const c of reaudit.checks) {
      const e = c.evidence;
      const words =
        e.kind === 'verified'
          ? MESSAGES.format(msg('report.evidence.verified', { date: day(e.at) }))
          : e.kind === 'confirmed'
            ? MESSAGES.format(msg('report.evidence.confirmed', { date: day(e.at) }))
            : e.kind === 'expired'
              ? MESSAGES.format(msg('report.evidence.expired', { date: day(e.at), expired: day(e.expiresAt) }))
              : MESSAGES.format(msg(c.status === 'skipped' ? 'report.evidence.skipped' : 'report.evidence.none'));
      expect(html, c.id).toContain(words);
    }
    expect(html).toContain('What raised the score');
    expect(html).toContain('Confirmations that expired');
    expect(html).toContain('Devices gone');
  });
});
