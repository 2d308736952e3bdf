import type { Report, ReportCheck } from './report.js';
import { routerSourceWords } from '../router/index.js';
import { vulnCells, vulnSection, vulnsOf } from './vulns-html.js';

/**
 * The HTML report: one self-contained file (its only style sheet is inline, it loads nothing —
 * its own CSP says so), readable on screen and on paper. Every value is escaped. It is an exported
 * file, not an app page, so the app's CSP (no inline styles) does not apply to it.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STATUS_LABEL: Record<ReportCheck['status'], string> = { pass: 'Pass', warn: 'Warning', fail: 'Fail', unknown: 'Unknown', skipped: 'Skipped' };
const SEVERITY_LABEL = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' } as const;

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1f24; background: #fff; margin: 0; }
main { max-width: 900px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; break-after: avoid; }
.meta { color: #57606a; margin: 0 0 16px; }
.score { display: flex; gap: 20px; align-items: center; border: 1px solid #d0d7de; border-radius: 8px; padding: 16px; }
.score b { font-size: 44px; line-height: 1; }
.score small { color: #57606a; }
table { width: 100%; border-collapse: collapse; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #d8dee4; }
th { background: #f6f8fa; font-weight: 600; }
tr { break-inside: avoid; }
.st { display: inline-block; min-width: 64px; padding: 1px 6px; border-radius: 10px; font-weight: 600; font-size: 12px; border: 1px solid; text-align: center; }
.st-pass { color: #116329; border-color: #4ac26b; background: #dafbe1; }
.st-warn { color: #7d4e00; border-color: #d4a72c; background: #fff8c5; }
.st-fail { color: #a40e26; border-color: #ff8182; background: #ffebe9; }
.st-unknown { color: #424a53; border-color: #8c959f; background: #eaeef2; }
.st-skipped { color: #57606a; border-color: #d0d7de; background: #fff; }
.muted { color: #57606a; }
ul { margin: 4px 0; padding-left: 20px; }
h3 { font-size: 15px; margin: 12px 0 4px; }
.cols { display: flex; gap: 24px; flex-wrap: wrap; }
.cols > section { flex: 1 1 300px; }
li { break-inside: avoid; }
footer { margin-top: 32px; color: #57606a; font-size: 12px; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { border-bottom-color: #000; }
  .st { border-color: #000 !important; background: #fff !important; color: #000 !important; }
}
@page { margin: 16mm; }
`;

const status = (s: ReportCheck['status']) => `<span class="st st-${s}">${STATUS_LABEL[s]}</span>`;
const day = (iso: string | null) => (iso ? escapeHtml(iso.slice(0, 10)) : '—');
const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function checksTable(report: Report): string {
  const rows = report.checks
    .map(
      (c) => `<tr>
  <td>${status(c.status)}</td>
  <td><b>${escapeHtml(c.title)}</b><br><span class="muted">${SEVERITY_LABEL[c.severity]}</span>${c.reason && c.status !== 'unknown' ? `<br>${escapeHtml(c.reason)}` : ''}${c.detail ? `<br><span class="muted">${escapeHtml(c.detail)}</span>` : ''}</td>
  <td>${escapeHtml(c.evidence.text)}</td>
  <td>${c.next ? escapeHtml(c.next) : '<span class="muted">Nothing to do</span>'}</td>
</tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th scope="col">Status</th><th scope="col">Check</th><th scope="col">Evidence</th><th scope="col">Next action</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function actionsList(report: Report): string {
  if (!report.actions.length) return '<p>Nothing left to do. Well done.</p>';
  return `<ol>${report.actions
    .map((a) => `<li><b>${escapeHtml(a.title)}</b> <span class="muted">(+${points(a.points)} points, ${SEVERITY_LABEL[a.severity].toLowerCase()})</span><br>${escapeHtml(a.next)}</li>`)
    .join('')}</ol>`;
}

function factors(report: Report): string {
  const li = (f: Report['scoreBreakdown']['raised'][number], sign: '+' | '−', n: number) =>
    `<li>${sign}${points(n)} ${escapeHtml(f.title)} <span class="muted">(${STATUS_LABEL[f.status].toLowerCase()}, ${SEVERITY_LABEL[f.severity].toLowerCase()})</span></li>`;
  const raised = report.scoreBreakdown.raised.map((f) => li(f, '+', f.earned)).join('');
  const lowered = report.scoreBreakdown.lowered.map((f) => li(f, '−', f.lost)).join('');
  const excluded = report.scoreBreakdown.excluded.length
    ? `<p class="muted">Not counted (not applicable): ${report.scoreBreakdown.excluded.map((id) => escapeHtml(titleOf(report, id))).join(', ')}</p>`
    : '';
  return `<div class="cols"><section><h3>What raised the score</h3><ul>${raised || '<li class="muted">nothing yet</li>'}</ul></section><section><h3>What lowered it</h3><ul>${lowered || '<li class="muted">nothing</li>'}</ul></section></div>${excluded}`;
}

/** A check's title (the report shows names, never check ids). */
function titleOf(report: Report, id: string): string {
  return report.checks.find((c) => c.id === id)?.title ?? 'A check of an older catalog';
}

function diffSection(report: Report): string {
  const d = report.diff;
  if (!d.previous) return '<p>This is the first audit: there is nothing to compare with yet.</p>';
  const name = (dev: Report['inventory'][number]) => escapeHtml(deviceName(dev)) + (dev.ip ? ` <span class="muted">${escapeHtml(dev.ip)}</span>` : '');
  const change = (c: { id: string; from: ReportCheck['status']; to: ReportCheck['status'] }) =>
    `<li>${escapeHtml(titleOf(report, c.id))}: ${STATUS_LABEL[c.from]} → ${STATUS_LABEL[c.to]}</li>`;
  const part = (title: string, items: string[]) => (items.length ? `<h3>${title}</h3><ul>${items.join('')}</ul>` : '');
  const delta = d.scoreDelta === null ? '' : d.scoreDelta === 0 ? ' (score unchanged)' : ` (score ${d.scoreDelta > 0 ? '+' : ''}${d.scoreDelta})`;
  const body =
    part('New devices', d.newDevices.map((x) => `<li>${name(x)}</li>`)) +
    part('Devices gone', d.goneDevices.map((x) => `<li>${name(x)}</li>`)) +
    part('Got worse', d.regressed.map(change)) +
    part('Got better', d.improved.map(change)) +
    part('Other changes', d.otherChanges.map(change)) +
    part('Confirmations that expired', d.expiredConfirmations.map((e) => `<li>${escapeHtml(titleOf(report, e.id))}: confirmed ${day(e.confirmedAt)}, expired ${day(e.expiredAt)}</li>`));
  return `<p>Compared with the audit of ${day(d.previous.at)} (score ${d.previous.score})${delta}.</p>${body || '<p>Nothing changed.</p>'}`;
}

/** A device by its name; its maker, then its hardware (MAC) address, only when no name is known. */
function deviceName(d: Report['inventory'][number]): string {
  return d.name ?? (d.vendor ? `A device by ${d.vendor}` : d.mac ? `Unnamed device (hardware address ${d.mac})` : 'Unnamed device');
}

function inventory(report: Report): string {
  const r = report.router;
  const router = r
    ? `<p><b>Router:</b> ${escapeHtml([r.vendor, r.model].filter(Boolean).join(' ') || 'not identified')}${r.firmware ? `, firmware ${escapeHtml(r.firmware)}` : ''}${r.address ? ` at ${escapeHtml(r.address)}` : ''}${r.sources.length ? ` <span class="muted">(from ${r.sources.map((s) => escapeHtml(routerSourceWords(s))).join(', ')})</span>` : ''}</p>`
    : '<p><b>Router:</b> <span class="muted">not identified in this audit</span></p>';
  if (!report.inventory.length) return `${router}<p class="muted">No devices were inventoried in this audit.</p>`;
  const rows = report.inventory
    .map((d) => `<tr><td>${escapeHtml(deviceName(d))}</td><td>${escapeHtml(d.category ?? '—')}</td><td>${escapeHtml(d.vendor ?? '—')}</td><td>${escapeHtml(d.ip ?? '—')}</td><td>${escapeHtml(d.firmware ?? vulnsOf(report, d.key)?.firmware ?? '—')}</td>${vulnCells(report, d.key)}<td>${day(d.firstSeen)}</td></tr>`)
    .join('\n');
  return `${router}<table><thead><tr><th scope="col">Device</th><th scope="col">Kind</th><th scope="col">Maker</th><th scope="col">Network address</th><th scope="col">Firmware</th><th scope="col">Updates itself</th><th scope="col">Known exploited vulnerabilities</th><th scope="col">First seen</th></tr></thead><tbody>\n${rows}\n</tbody></table>${vulnSection(report)}`;
}

/** Renders the report as one self-contained HTML document. */
export function renderReportHtml(report: Report): string {
  const mode = report.audit.mode === 're-audit' ? 'Re-audit' : 'First audit';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Porchlight ${escapeHtml(report.app.version)}">
<title>Porchlight home security audit — ${day(report.audit.at)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Home security audit</h1>
<p class="meta">${mode} of ${day(report.audit.at)} · Porchlight ${escapeHtml(report.app.version)}</p>
<section class="score" aria-label="Score"><b>${report.score}</b><div>out of 100<br><small>Weighted by severity: critical 10, high 6, medium 3, low 1. Pass earns all, a warning half, fail and unknown nothing; skipped checks are left out.</small></div></section>
<p>Next re-audit due on <b>${day(report.schedule.nextDueAt)}</b> (every ${report.schedule.intervalDays} days).</p>
<h2>What raised or lowered the score</h2>
${factors(report)}
<h2>Remaining actions, most important first</h2>
${actionsList(report)}
<h2>Every check</h2>
${checksTable(report)}
<h2>Changes since the last audit</h2>
${diffSection(report)}
<h2>Router and devices</h2>
${inventory(report)}
<footer>Generated by Porchlight on ${day(report.generatedAt)}. This report contains no passwords or passphrases: they stay in your system keychain.</footer>
</main>
</body>
</html>
`;
}
