import type { Report, ReportCheck } from './report.js';
import { vulnsOf } from './vulns-html.js';
import { formatDay, msg, type Message, type MessageFormatter } from '../messages/index.js';

/**
 * The HTML report: one self-contained file (its only style sheet is inline, it loads nothing —
 * its own CSP says so), readable on screen and on paper. Every value is escaped. It is an exported
 * file, not an app page, so the app's CSP (no inline styles) does not apply to it.
 *
 * Every fixed text comes from the `report` group of the messages catalog in the formatter's
 * language (renderer/i18n/<lang>/messages.json), `<html lang>` is that language, and dates and
 * numbers are written by Intl for it.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** What every part of the report needs: the report, its words (escaped) and its language's dates and numbers. */
interface Ctx {
  report: Report;
  /** A catalog message as escaped HTML text. */
  t: (m: Message) => string;
  /** The same words unescaped (for params that are escaped as a whole later). */
  raw: (m: Message) => string;
  day: (iso: string | null) => string;
  points: (n: number) => string;
  lang: string;
}

function context(report: Report, messages: MessageFormatter): Ctx {
  const lang = messages.language;
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const raw = (m: Message) => messages.format(m);
  return {
    report,
    raw,
    t: (m) => escapeHtml(raw(m)),
    day: (iso) => (iso ? escapeHtml(formatDay(iso, lang)) : '—'),
    points: (n) => numbers.format(n),
    lang,
  };
}

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
/* Widths that hold German, Spanish and French words whole (a "good until" of 13% broke "Nachprüfung"). */
table.checks th:nth-child(1) { width: 16%; }
table.checks th:nth-child(2) { width: 27%; }
table.checks th:nth-child(3) { width: 19%; }
table.checks th:nth-child(4) { width: 16%; }
table.checks th:nth-child(5) { width: 22%; }
table.devices { table-layout: fixed; }
table.devices th:nth-child(1) { width: 26%; }
table.devices th:nth-child(2) { width: 13%; }
table.devices th:nth-child(3) { width: 32%; }
table.devices th:nth-child(4) { width: 18%; }
table.devices th:nth-child(5) { width: 11%; }
tr { break-inside: avoid; }
.st { display: inline-block; min-width: 64px; max-width: 100%; padding: 1px 5px; border-radius: 10px; font-weight: 600; font-size: 11px; border: 1px solid; text-align: center; overflow-wrap: normal; }
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

const status = (x: Ctx, s: ReportCheck['status']) => `<span class="st st-${s}">${x.t(msg(`report.status.${s}`))}</span>`;

/** The areas of the report, in the wizard's order. */
const AREAS: ReadonlyArray<ReportCheck['step']> = ['welcome', 'survey', 'wifi', 'segmentation', 'passwords', 'accounts', 'assistant', 'updates', 'summary'];

/** How a result is known, from its kind and dates (the reason is in the check column). */
function evidence(x: Ctx, c: ReportCheck): string {
  const e = c.evidence;
  if (e.kind === 'verified') return x.t(msg('report.evidence.verified', { date: formatDay(e.at ?? '', x.lang) }));
  if (e.kind === 'confirmed') return x.t(msg('report.evidence.confirmed', { date: formatDay(e.at ?? '', x.lang) }));
  if (e.kind === 'expired') return x.t(msg('report.evidence.expired', { date: formatDay(e.at ?? '', x.lang), expired: formatDay(e.expiresAt ?? '', x.lang) }));
  return c.status === 'skipped' ? x.t(msg('report.evidence.skipped')) : x.t(msg('report.evidence.none'));
}

/** How long a result counts: a confirmation until its date, a measurement until the next audit. */
function validity(x: Ctx, c: ReportCheck): string {
  if (c.evidence.kind === 'confirmed') return c.evidence.expiresAt ? x.t(msg('report.validity.until', { date: formatDay(c.evidence.expiresAt, x.lang) })) : '—';
  if (c.evidence.kind === 'expired') return x.t(msg('report.validity.expired', { date: formatDay(c.evidence.expiresAt ?? '', x.lang) }));
  if (c.evidence.kind === 'verified') return x.t(msg('report.validity.verified'));
  return '—';
}

function checkRow(x: Ctx, c: ReportCheck): string {
  const reason = c.reason && c.status !== 'unknown' ? `<br>${escapeHtml(c.reason)}` : c.reason ? `<br>${x.t(msg('report.not-known-because', { reason: c.reason }))}` : '';
  return `<tr data-check="${escapeHtml(c.step)}">
  <td>${status(x, c.status)}</td>
  <td><b>${escapeHtml(c.title)}</b><br><span class="muted">${x.t(msg(`report.importance.${c.severity}`))}</span>${reason}${c.detail ? `<br><span class="muted">${escapeHtml(c.detail)}</span>` : ''}</td>
  <td>${evidence(x, c)}</td>
  <td>${validity(x, c)}</td>
  <td>${c.next ? escapeHtml(c.next) : `<span class="muted">${x.t(msg('report.nothing-to-do'))}</span>`}</td>
</tr>`;
}

/** Every check, grouped by area; each row says how it is known and how long that counts. */
function checksByArea(x: Ctx): string {
  const cols = ['status', 'check', 'how', 'until', 'next'].map((k) => `<th scope="col">${x.t(msg(`report.col.${k}`))}</th>`).join('');
  const head = `<thead><tr>${cols}</tr></thead>`;
  return AREAS.filter((step) => x.report.checks.some((c) => c.step === step))
    .map((step) => `<h3>${x.t(msg(`report.area.${step}`))}</h3>\n<table class="checks">${head}<tbody>\n${x.report.checks.filter((c) => c.step === step).map((c) => checkRow(x, c)).join('\n')}\n</tbody></table>`)
    .join('\n');
}

function actionItem(x: Ctx, a: Report['actions'][number]): string {
  return `<li><b>${escapeHtml(a.title)}</b> <span class="muted">(${x.t(msg('report.action-points', { points: x.points(a.points) }))}, ${x.t(msg(`report.severity.${a.severity}`))})</span><br>${escapeHtml(a.next)}</li>`;
}

function actionsList(x: Ctx): string {
  if (!x.report.actions.length) return `<p>${x.t(msg('report.all-done'))}</p>`;
  return `<ol>${x.report.actions.map((a) => actionItem(x, a)).join('')}</ol>`;
}

/** The three actions that raise the score most. */
function topActions(x: Ctx): string {
  if (!x.report.actions.length) return `<p>${x.t(msg('report.all-done'))}</p>`;
  const more = x.report.actions.length - 3;
  return `<ol class="top-actions">${x.report.actions.slice(0, 3).map((a) => actionItem(x, a)).join('')}</ol>${more > 0 ? `<p class="muted">${x.t(msg('report.more-actions', { count: more }))}</p>` : ''}`;
}

/** The score change in one sentence. */
function deltaWords(x: Ctx, delta: number | null): string {
  if (delta === null || delta === 0) return x.t(msg('report.delta.same'));
  return x.t(msg(`report.delta.${delta > 0 ? 'up' : 'down'}`, { count: Math.abs(delta) }));
}

/** What changed since the previous audit, in a few lines for the summary page. */
function changedInShort(x: Ctx): string {
  const d = x.report.diff;
  if (!d.previous) return `<p>${x.t(msg('report.first-audit'))}</p>`;
  const counts: Array<[string, number]> = [
    ['improved', d.improved.length],
    ['regressed', d.regressed.length],
    ['new-devices', d.newDevices.length],
    ['gone-devices', d.goneDevices.length],
    ['expired', d.expiredConfirmations.length],
  ];
  const parts = counts.filter(([, n]) => n > 0).map(([k, n]) => x.raw(msg(`report.changes.${k}`, { count: n })));
  const rest = parts.length ? x.t(msg('report.changes.list', { list: parts.join(', ') })) : x.t(msg('report.changes.nothing-else'));
  return `<p>${x.t(msg('report.compared', { date: formatDay(d.previous.at, x.lang), score: d.previous.score }))} ${deltaWords(x, d.scoreDelta)} ${rest}</p>`;
}

function factors(x: Ctx): string {
  const b = x.report.scoreBreakdown;
  const li = (f: Report['scoreBreakdown']['raised'][number], sign: '+' | '−', n: number) =>
    `<li>${sign}${x.points(n)} ${escapeHtml(f.title)} <span class="muted">(${x.t(msg(`report.status.${f.status}`))}, ${x.t(msg(`report.severity.${f.severity}`))})</span></li>`;
  const raised = b.raised.map((f) => li(f, '+', f.earned)).join('');
  const lowered = b.lowered.map((f) => li(f, '−', f.lost)).join('');
  const excluded = b.excluded.length ? `<p class="muted">${x.t(msg('report.factors.excluded', { list: b.excluded.map((id) => titleOf(x, id)).join(', ') }))}</p>` : '';
  return `<div class="cols"><section><h3>${x.t(msg('report.factors.raised'))}</h3><ul>${raised || `<li class="muted">${x.t(msg('report.factors.nothing-yet'))}</li>`}</ul></section><section><h3>${x.t(msg('report.factors.lowered'))}</h3><ul>${lowered || `<li class="muted">${x.t(msg('report.factors.nothing'))}</li>`}</ul></section></div>${excluded}`;
}

/** A check's title (the report shows names, never check ids); unescaped. */
function titleOf(x: Ctx, id: string): string {
  return x.report.checks.find((c) => c.id === id)?.title ?? x.raw(msg('report.older-check'));
}

function diffSection(x: Ctx): string {
  const d = x.report.diff;
  if (!d.previous) return `<p>${x.t(msg('report.first-audit'))}</p>`;
  const name = (dev: Report['inventory'][number]) => escapeHtml(deviceName(x, dev)) + (dev.ip ? ` <span class="muted">${escapeHtml(dev.ip)}</span>` : '');
  const change = (c: { id: string; from: ReportCheck['status']; to: ReportCheck['status'] }) =>
    `<li>${escapeHtml(titleOf(x, c.id))}: ${x.t(msg(`report.status.${c.from}`))} → ${x.t(msg(`report.status.${c.to}`))}</li>`;
  const part = (key: string, items: string[]) => (items.length ? `<h3>${x.t(msg(`report.diff.${key}`))}</h3><ul>${items.join('')}</ul>` : '');
  const body =
    part('new-devices', d.newDevices.map((v) => `<li>${name(v)}</li>`)) +
    part('gone-devices', d.goneDevices.map((v) => `<li>${name(v)}</li>`)) +
    part('regressed', d.regressed.map(change)) +
    part('improved', d.improved.map(change)) +
    part('other', d.otherChanges.map(change)) +
    part(
      'expired',
      d.expiredConfirmations.map((e) => `<li>${x.t(msg('report.diff.expired-item', { title: titleOf(x, e.id), confirmed: formatDay(e.confirmedAt, x.lang), expired: formatDay(e.expiredAt, x.lang) }))}</li>`),
    );
  return `<p>${x.t(msg('report.compared', { date: formatDay(d.previous.at, x.lang), score: d.previous.score }))} ${deltaWords(x, d.scoreDelta)}</p>${body || `<p>${x.t(msg('report.diff.nothing'))}</p>`}`;
}

/** A device by its name; its maker, then its hardware (MAC) address, only when no name is known; unescaped. */
function deviceName(x: Ctx, d: Report['inventory'][number]): string {
  return d.name ?? (d.vendor ? x.raw(msg('report.device.by-vendor', { vendor: d.vendor })) : d.mac ? x.raw(msg('report.device.unnamed-mac', { mac: d.mac })) : x.raw(msg('report.device.unnamed')));
}

type Device = Report['inventory'][number];
const CATEGORIES = new Set(['router', 'speaker', 'tv', 'camera', 'lock', 'hub', 'plug-light', 'computer', 'phone', 'unknown']);
/**
 * The device table's columns. A new column (e.g. known vulnerabilities) is one more entry here:
 * a header (a catalog key under report.col) and a cell; the table, its header and every row follow.
 */
export interface DeviceColumn {
  header: string;
  cell: (device: Device, x: Ctx) => string;
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

/** The device table's "updates itself" words (the record is the known-vulnerabilities block's). */
/** How an answer is known, in words: the source, and the date when there is one. */
function basisWords(x: Ctx, basis: string | null | undefined, at?: string | null): string {
  if (!basis) return '';
  const source = x.raw(msg(`report.device.basis.${basis}`));
  const words = at ? x.raw(msg('report.device.basis-on', { basis: source, date: formatDay(at, x.lang) })) : source;
  return ` <span class="muted">(${escapeHtml(words)})</span>`;
}

/** The device table's "Updates itself" answer, with how it is known. */
function updatesItself(x: Ctx, key: string): string {
  const v = vulnsOf(x.report, key);
  if (v?.updatesItself === true || v?.updatesItself === false) return `${x.t(v.updatesItself ? msg('report.device.updates-yes') : msg('report.device.updates-no'))}${basisWords(x, v.updatesItselfBasis)}`;
  return `<span class="muted">${x.t(msg('report.device.updates-unknown'))}</span>`;
}

/**
 * The device's security features: each known one as a sentence with its evidence and date, then
 * one line naming those Porchlight has no evidence for ("not known"), never a guess.
 */
function features(x: Ctx, key: string): string {
  const v = vulnsOf(x.report, key);
  if (!v?.features) return `<span class="muted">${x.t(msg('report.device.features-not-recorded'))}</span>`;
  const known = v.features.filter((f) => f.state !== null).map((f) => `${x.t(msg(`report.device.feature.${f.id}.${f.state ? 'yes' : 'no'}`))}${basisWords(x, f.basis, f.at)}`);
  const unknown = v.features.filter((f) => f.state === null).map((f) => x.raw(msg(`report.device.feature.${f.id}.name`)));
  return [...known, ...(unknown.length ? [`<span class="muted">${x.t(msg('report.device.features-unknown', { list: unknown.join(', ') }))}</span>`] : [])].join('<br>');
}

/** The device table's known exploited vulnerabilities cell: a status in words and the CVE ids. */
function knownVulns(x: Ctx, key: string): string {
  if (!x.report.knownVulnerabilities) return `<span class="muted">${x.t(msg('report.device.kev.not-recorded'))}</span>`;
  const v = vulnsOf(x.report, key);
  if (!v) return `<span class="muted">${x.t(msg('report.device.kev.not-compared'))}</span>`;
  const cves = v.matches.map((m) => escapeHtml(m.cve)).join(', ');
  return `${x.t(msg(`report.device.kev.${v.status}`))}${cves ? `<br><span class="muted">${cves}</span>` : ''}`;
}

/**
 * The device table: five columns, so names and words stay whole on A4/Letter paper (with eight,
 * printed cells broke words in the middle: "MarkerDev/ice7f3a", "cam/era").
 */
export const DEVICE_COLUMNS: DeviceColumn[] = [
  {
    header: 'device',
    cell: (d, x) => {
      const category = d.category && CATEGORIES.has(d.category) ? x.raw(msg(`report.category.${d.category}`)) : d.category;
      const what = [category, d.vendor].filter((v): v is string => !!v).map(escapeHtml).join(', ');
      const seen = notSeenThisAudit(d, x.report) ? ` <span class="tag">${x.t(msg('report.device.not-seen', { date: formatDay(d.lastSeen ?? '', x.lang) }))}</span>` : '';
      return `<b>${escapeHtml(deviceName(x, d))}</b>${seen}${what ? `<br><span class="muted">${what}</span>` : ''}`;
    },
  },
  { header: 'address', cell: (d) => escapeHtml(d.ip ?? '—') },
  {
    header: 'firmware',
    cell: (d, x) =>
      `<span class="muted">${x.t(msg('report.device.firmware-label'))}</span> ${escapeHtml(d.firmware ?? (isTheRouter(d, x.report) && x.report.router?.firmware ? x.report.router.firmware : null) ?? vulnsOf(x.report, d.key)?.firmware ?? x.raw(msg('report.device.firmware-unknown')))}<br><span class="muted">${x.t(msg('report.device.updates-itself'))}</span> ${updatesItself(x, d.key)}<br>${features(x, d.key)}`,
  },
  { header: 'kev', cell: (d, x) => knownVulns(x, d.key) },
  { header: 'first-seen', cell: (d, x) => x.day(d.firstSeen) },
];

const SOURCES = new Set(['tr064', 'upnp', 'hnap', 'ssdp-server', 'http', 'oui']);

function routerSection(x: Ctx): string {
  const r = x.report.router;
  if (!r) return `<p class="muted">${x.t(msg('report.router.none'))}</p>`;
  const unknown = `<span class="muted">${x.t(msg('report.router.not-known'))}</span>`;
  const row = (key: string, value: string | null) => `<dt>${x.t(msg(`report.router.${key}`))}</dt><dd>${value ? escapeHtml(value) : unknown}</dd>`;
  const how = r.sources.filter((s) => SOURCES.has(s)).map((s) => x.raw(msg(`report.source.${s}`)));
  return `<dl class="facts">${row('maker-model', [r.vendor, r.model].filter(Boolean).join(' ') || null)}${row('firmware', r.firmware)}${row('address', r.address)}<dt>${x.t(msg('report.router.how'))}</dt><dd>${how.length ? x.t(msg('report.router.read-from', { sources: how.join(', ') })) : unknown}</dd></dl>`;
}

function devicesTable(x: Ctx, columns: readonly DeviceColumn[] = DEVICE_COLUMNS): string {
  const inv = x.report.inventory;
  if (!inv.length) return `<p class="muted">${x.t(msg('report.device.none'))}</p>`;
  const head = columns.map((c) => `<th scope="col">${x.t(msg(`report.col.${c.header}`))}</th>`).join('');
  const rows = inv.map((d) => `<tr>${columns.map((c) => `<td>${c.cell(d, x)}</td>`).join('')}</tr>`).join('\n');
  return `<p class="muted">${x.t(msg('report.device.count', { count: inv.length }))}</p><table class="devices"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/**
 * Each device on CISA's Known Exploited Vulnerabilities list with the required action in plain
 * words (the same content as vulns-html.ts's section, in the report's language).
 */
function kevSection(x: Ctx): string {
  const k = x.report.knownVulnerabilities;
  if (!k) return '';
  const heading = `<h3>${x.t(msg('report.kev.heading'))}</h3>`;
  const version = /^\d{4}\.\d{2}\.\d{2}$/.test(k.catalogVersion) ? formatDay(k.catalogVersion.replace(/\./g, '-'), x.lang) : k.catalogVersion;
  const catalogLine = `<p class="muted">${x.t(msg('report.kev.catalog', { version, count: x.points(k.catalogCount) }))}</p>`;
  const listed = k.devices.filter((d) => d.matches.length > 0);
  if (!listed.length) return `${heading}${catalogLine}<p>${x.t(msg('report.kev.none'))}</p>`;
  const items = listed
    .map((d) => {
      const rows = d.matches
        .map((m) => {
          const action = m.how === 'model-family' && m.action === 'end-of-life' ? 'possibly-end-of-life' : m.action;
          const when = [x.raw(msg('report.kev.added', { date: formatDay(m.dateAdded, x.lang) })), ...(m.newSinceLastAudit ? [x.raw(msg('report.kev.new-since'))] : [])].join(', ');
          return `<li><b>${escapeHtml(m.cve)}</b> — ${escapeHtml(m.name)} <span class="muted">(${escapeHtml(when)}; ${x.t(msg(`report.kev.how.${m.how}`))})</span><br>${x.t(msg(`report.kev.action.${action}`))}<br><span class="muted">${x.t(msg('report.kev.cisa-words', { text: m.requiredAction }))}</span></li>`;
        })
        .join('\n');
      const what = [d.vendor, d.model].filter(Boolean).join(' ');
      return `<h4>${escapeHtml(d.name)} — ${escapeHtml(what)}${d.firmware ? `, ${x.t(msg('report.kev.firmware', { firmware: d.firmware }))}` : ''}</h4><ul>\n${rows}\n</ul>`;
    })
    .join('\n');
  return `${heading}${catalogLine}${items}`;
}

/** "12 checks: 8 passed, 3 need a look, …" for the summary page. */
function counts(x: Ctx): string {
  const n = (s: ReportCheck['status']) => x.report.checks.filter((c) => c.status === s).length;
  const list = (['pass', 'warn', 'fail', 'unknown', 'skipped'] as const).map((s) => x.raw(msg(`report.count.${s}`, { count: n(s) }))).join(', ');
  return x.t(msg('report.counts', { count: x.report.checks.length, list }));
}

/** Renders the report as one self-contained HTML document, in the formatter's language. */
export function renderReportHtml(report: Report, messages: MessageFormatter): string {
  const x = context(report, messages);
  const mode = x.raw(msg(`report.mode.${report.audit.mode === 're-audit' ? 're-audit' : 'first'}`));
  return `<!doctype html>
<html lang="${escapeHtml(x.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Porchlight ${escapeHtml(report.app.version)}">
<title>${x.t(msg('report.document-title', { date: formatDay(report.audit.at, x.lang) }))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<section class="summary-page" aria-label="${x.t(msg('report.summary-label'))}">
<h1>${x.t(msg('report.title'))}</h1>
<p class="meta">${x.t(msg('report.meta', { mode, date: formatDay(report.audit.at, x.lang), version: report.app.version }))}</p>
<section class="score" aria-label="${x.t(msg('report.score-label'))}"><b>${x.points(report.score)}</b><div>${x.t(msg('report.out-of'))}<br><small>${x.t(msg('report.score-how'))}</small></div></section>
<p class="counts">${counts(x)}</p>
<h2>${x.t(msg('report.heading.changed'))}</h2>
${changedInShort(x)}
<h2>${x.t(msg('report.heading.top'))}</h2>
${topActions(x)}
<p class="due">${x.t(msg('report.due', { date: formatDay(report.schedule.nextDueAt, x.lang), count: report.schedule.intervalDays }))}</p>
</section>
<h2>${x.t(msg('report.heading.checks'))}</h2>
${checksByArea(x)}
<h2>${x.t(msg('report.heading.actions'))}</h2>
${actionsList(x)}
<h2>${x.t(msg('report.heading.factors'))}</h2>
${factors(x)}
<h2>${x.t(msg('report.heading.diff'))}</h2>
${diffSection(x)}
<h2>${x.t(msg('report.heading.router'))}</h2>
${routerSection(x)}
<h2>${x.t(msg('report.heading.devices'))}</h2>
${devicesTable(x)}
${kevSection(x)}
<footer>${x.t(msg('report.footer', { date: formatDay(report.generatedAt, x.lang) }))}</footer>
</main>
</body>
</html>
`;
}
