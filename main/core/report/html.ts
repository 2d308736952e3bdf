import type { Report, ReportCheck } from './report.js';
import { routerSourceWords } from '../router/index.js';
import { featuresCell, knownVulnsCell, updatesItselfCell, vulnSection, vulnsOf } from './vulns-html.js';

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
h3 { font-size: 15px; margin: 16px 0 4px; break-after: avoid; }
.meta { color: #57606a; margin: 0 0 16px; }
.summary-page { break-after: page; }
.score { display: flex; gap: 20px; align-items: center; border: 1px solid #d0d7de; border-radius: 8px; padding: 16px; }
.score b { font-size: 44px; line-height: 1; }
.score small { color: #57606a; }
.counts { margin: 8px 0 0; }
.due { border-left: 4px solid #8a4b00; padding: 8px 12px; background: #fdf6ec; margin: 16px 0; }
.top-actions li { margin: 6px 0; }
table { width: 100%; border-collapse: collapse; margin: 8px 0; table-layout: auto; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #d8dee4; overflow-wrap: break-word; }
th { background: #f6f8fa; font-weight: 600; }
thead { display: table-header-group; }
table.checks { table-layout: fixed; }
table.checks th:nth-child(1) { width: 13%; }
table.checks th:nth-child(2) { width: 31%; }
table.checks th:nth-child(3) { width: 21%; }
table.checks th:nth-child(4) { width: 13%; }
table.checks th:nth-child(5) { width: 22%; }
table.devices { table-layout: fixed; }
table.devices th:nth-child(1) { width: 26%; }
table.devices th:nth-child(2) { width: 13%; }
table.devices th:nth-child(3) { width: 32%; }
table.devices th:nth-child(4) { width: 18%; }
table.devices th:nth-child(5) { width: 11%; }
tr { break-inside: avoid; }
.st { display: inline-block; min-width: 64px; padding: 1px 6px; border-radius: 10px; font-weight: 600; font-size: 12px; border: 1px solid; text-align: center; white-space: nowrap; }
.st-pass { color: #116329; border-color: #4ac26b; background: #dafbe1; }
.st-warn { color: #7d4e00; border-color: #d4a72c; background: #fff8c5; }
.st-fail { color: #a40e26; border-color: #ff8182; background: #ffebe9; }
.st-unknown { color: #424a53; border-color: #8c959f; background: #eaeef2; }
.st-skipped { color: #57606a; border-color: #d0d7de; background: #fff; }
.tag { display: inline-block; padding: 0 6px; border: 1px solid #8c959f; border-radius: 4px; font-size: 12px; color: #424a53; }
.muted { color: #57606a; }
ul, ol { margin: 4px 0; padding-left: 20px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.cols { display: flex; gap: 24px; flex-wrap: wrap; }
.cols > section { flex: 1 1 300px; }
li { break-inside: avoid; }
footer { margin-top: 32px; color: #57606a; font-size: 12px; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { border-bottom-color: #000; }
  .st, .tag { border-color: #000 !important; background: #fff !important; color: #000 !important; }
  .due { background: #fff; }
}
/* size: auto lets the printer's paper decide (A4 or US Letter); the margins fit both. */
@page { size: auto; margin: 15mm 14mm; }
`;

const status = (s: ReportCheck['status']) => `<span class="st st-${s}">${STATUS_LABEL[s]}</span>`;
const day = (iso: string | null) => (iso ? escapeHtml(iso.slice(0, 10)) : '—');
const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The areas of the report, in the wizard's order, in plain words. */
const AREAS: ReadonlyArray<[ReportCheck['step'], string]> = [
  ['welcome', 'Getting started'],
  ['survey', 'Your network and its devices'],
  ['wifi', 'Wi-Fi'],
  ['segmentation', 'A separate network for smart devices'],
  ['passwords', 'Passwords on the router and devices'],
  ['accounts', 'Smart-home accounts'],
  ['assistant', 'Voice assistant'],
  ['updates', 'Updates and internet outages'],
  ['summary', 'This report'],
];

/** How long a result counts: a confirmation until its date, a measurement until the next audit. */
function validity(c: ReportCheck): string {
  if (c.evidence.kind === 'confirmed') return c.evidence.expiresAt ? `until ${day(c.evidence.expiresAt)}` : '—';
  if (c.evidence.kind === 'expired') return `expired ${day(c.evidence.expiresAt)}`;
  if (c.evidence.kind === 'verified') return 'measured again at each check-up';
  return '—';
}

function checkRow(c: ReportCheck): string {
  return `<tr data-check="${escapeHtml(c.step)}">
  <td>${status(c.status)}</td>
  <td><b>${escapeHtml(c.title)}</b><br><span class="muted">${SEVERITY_LABEL[c.severity]} importance</span>${c.reason && c.status !== 'unknown' ? `<br>${escapeHtml(c.reason)}` : c.reason ? `<br>Not known because: ${escapeHtml(c.reason)}` : ''}${c.detail ? `<br><span class="muted">${escapeHtml(c.detail)}</span>` : ''}</td>
  <td>${escapeHtml(c.evidence.text)}</td>
  <td>${validity(c)}</td>
  <td>${c.next ? escapeHtml(c.next) : '<span class="muted">Nothing to do</span>'}</td>
</tr>`;
}

/** Every check, grouped by area; each row says how it is known and how long that counts. */
function checksByArea(report: Report): string {
  const head = '<thead><tr><th scope="col">Status</th><th scope="col">Check</th><th scope="col">How it is known</th><th scope="col">Good until</th><th scope="col">What to do</th></tr></thead>';
  return AREAS.filter(([step]) => report.checks.some((c) => c.step === step))
    .map(([step, name]) => `<h3>${escapeHtml(name)}</h3>\n<table class="checks">${head}<tbody>\n${report.checks.filter((c) => c.step === step).map(checkRow).join('\n')}\n</tbody></table>`)
    .join('\n');
}

function actionItem(a: Report['actions'][number]): string {
  return `<li><b>${escapeHtml(a.title)}</b> <span class="muted">(+${points(a.points)} points, ${SEVERITY_LABEL[a.severity].toLowerCase()} importance)</span><br>${escapeHtml(a.next)}</li>`;
}

function actionsList(report: Report): string {
  if (!report.actions.length) return '<p>Nothing left to do. Well done.</p>';
  return `<ol>${report.actions.map(actionItem).join('')}</ol>`;
}

/** The three actions that raise the score most. */
function topActions(report: Report): string {
  if (!report.actions.length) return '<p>Nothing left to do. Well done.</p>';
  const more = report.actions.length - 3;
  return `<ol class="top-actions">${report.actions.slice(0, 3).map(actionItem).join('')}</ol>${more > 0 ? `<p class="muted">${more} more ${more === 1 ? 'action is' : 'actions are'} listed under “Remaining actions”.</p>` : ''}`;
}

/** What changed since the previous audit, in a few lines for the summary page. */
function changedInShort(report: Report): string {
  const d = report.diff;
  if (!d.previous) return '<p>This is the first audit: there is nothing to compare with yet.</p>';
  const delta = d.scoreDelta === null || d.scoreDelta === 0 ? 'the score is unchanged' : `the score went ${d.scoreDelta > 0 ? 'up' : 'down'} by ${Math.abs(d.scoreDelta)}`;
  const n = (count: number, one: string, many: string) => (count ? `${count} ${count === 1 ? one : many}` : null);
  const parts = [
    n(d.improved.length, 'check got better', 'checks got better'),
    n(d.regressed.length, 'check got worse', 'checks got worse'),
    n(d.newDevices.length, 'new device', 'new devices'),
    n(d.goneDevices.length, 'device gone', 'devices gone'),
    n(d.expiredConfirmations.length, 'confirmation expired', 'confirmations expired'),
  ].filter(Boolean);
  return `<p>Since the audit of ${day(d.previous.at)} (score ${d.previous.score}), ${delta}${parts.length ? `; ${parts.join(', ')}` : '; nothing else changed'}.</p>`;
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

type Device = Report['inventory'][number];
/**
 * The device table's columns. A new column (e.g. known vulnerabilities) is one more entry here:
 * a header and a cell; the table, its header and every row follow.
 */
export interface DeviceColumn {
  header: string;
  cell: (device: Device, report: Report) => string;
}

/** True only for the device at the router's own address: another device of kind "router" (an access point) has its own firmware. */
const isTheRouter = (d: Device, report: Report) => !!report.router?.address && d.ip === report.router.address;
/** When the latest survey saw devices: the newest "last seen" of the inventory. */
const latestSurvey = (report: Report) => report.inventory.reduce<string | null>((max, d) => (d.lastSeen && (!max || d.lastSeen > max) ? d.lastSeen : max), null);
/** A device the latest survey did not see (moved to another network, switched off or gone). */
const notSeenThisAudit = (d: Device, report: Report) => {
  const latest = latestSurvey(report);
  return !!d.lastSeen && !!latest && d.lastSeen < latest;
};

/**
 * The device table: five columns, so names and words stay whole on A4/Letter paper (with eight,
 * printed cells broke words in the middle: "MarkerDev/ice7f3a", "cam/era").
 */
export const DEVICE_COLUMNS: DeviceColumn[] = [
  {
    header: 'Device',
    cell: (d, r) => {
      const what = [d.category, d.vendor].filter((x): x is string => !!x).map(escapeHtml).join(', ');
      const seen = notSeenThisAudit(d, r) ? ` <span class="tag">not seen in the latest survey (last seen ${day(d.lastSeen)}; moved to another network, switched off or gone)</span>` : '';
      return `<b>${escapeHtml(deviceName(d))}</b>${seen}${what ? `<br><span class="muted">${what}</span>` : ''}`;
    },
  },
  { header: 'Network address', cell: (d) => escapeHtml(d.ip ?? '—') },
  {
    header: 'Firmware and security features',
    cell: (d, r) =>
      `<span class="muted">Firmware:</span> ${escapeHtml(d.firmware ?? (isTheRouter(d, r) && r.router?.firmware ? r.router.firmware : null) ?? vulnsOf(r, d.key)?.firmware ?? 'not known')}<br><span class="muted">Updates itself:</span> ${updatesItselfCell(r, d.key)}<br>${featuresCell(r, d.key)}`,
  },
  { header: 'Known exploited vulnerabilities', cell: (d, r) => knownVulnsCell(r, d.key) },
  { header: 'First seen', cell: (d) => day(d.firstSeen) },
];

function routerSection(report: Report): string {
  const r = report.router;
  if (!r) return '<p class="muted">The router was not identified in this audit.</p>';
  const row = (term: string, value: string | null) => `<dt>${term}</dt><dd>${value ? escapeHtml(value) : '<span class="muted">not known</span>'}</dd>`;
  const how = r.sources.length ? r.sources.map((s) => escapeHtml(routerSourceWords(s))).join(', ') : null;
  return `<dl class="facts">${row('Maker and model', [r.vendor, r.model].filter(Boolean).join(' ') || null)}${row('Firmware', r.firmware)}${row('Address', r.address)}<dt>How it is known</dt><dd>${how ? `read from ${how}` : '<span class="muted">not known</span>'}</dd></dl>`;
}

function devicesTable(report: Report, columns: readonly DeviceColumn[] = DEVICE_COLUMNS): string {
  if (!report.inventory.length) return '<p class="muted">No devices were inventoried in this audit.</p>';
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('');
  const rows = report.inventory.map((d) => `<tr>${columns.map((c) => `<td>${c.cell(d, report)}</td>`).join('')}</tr>`).join('\n');
  return `<p class="muted">${report.inventory.length} ${report.inventory.length === 1 ? 'device' : 'devices'}.</p><table class="devices"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** "12 passed, 3 need a look, …" for the summary page. */
function counts(report: Report): string {
  const n = (status: ReportCheck['status']) => report.checks.filter((c) => c.status === status).length;
  const words: Array<[ReportCheck['status'], string]> = [
    ['pass', 'passed'],
    ['warn', 'need a look'],
    ['fail', 'failed'],
    ['unknown', 'not known yet'],
    ['skipped', 'do not apply'],
  ];
  return `${report.checks.length} checks: ${words.map(([s, w]) => `${n(s)} ${w}`).join(', ')}.`;
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
<section class="summary-page" aria-label="Summary">
<h1>Home security audit</h1>
<p class="meta">${mode} of ${day(report.audit.at)} · Porchlight ${escapeHtml(report.app.version)}</p>
<section class="score" aria-label="Score"><b>${report.score}</b><div>out of 100<br><small>Weighted by importance: critical 10, high 6, medium 3, low 1. A pass earns all, a warning half, a failed or unknown check nothing; checks that do not apply are left out.</small></div></section>
<p class="counts">${counts(report)}</p>
<h2>What changed</h2>
${changedInShort(report)}
<h2>The three most important things to do</h2>
${topActions(report)}
<p class="due">Next check-up due on <b>${day(report.schedule.nextDueAt)}</b> (every ${report.schedule.intervalDays} days).</p>
</section>
<h2>Every check, by area</h2>
${checksByArea(report)}
<h2>Remaining actions, most important first</h2>
${actionsList(report)}
<h2>What raised or lowered the score</h2>
${factors(report)}
<h2>Changes since the last audit</h2>
${diffSection(report)}
<h2>Your router</h2>
${routerSection(report)}
<h2>Every device</h2>
${devicesTable(report)}
${vulnSection(report)}
<footer>Generated by Porchlight on ${day(report.generatedAt)}. This report contains no passwords or passphrases: they stay in your system keychain.</footer>
</main>
</body>
</html>
`;
}
