/**
 * The HTML/PDF report in the profile's language (issue 17): `<html lang>` is the language, every
 * fixed text (title, headings, table headers, labels, sentences around the data) comes from the
 * `report` group of renderer/i18n/<lang>/messages.json, and dates and numbers are written by Intl.
 *
 * Proof of "no English left": the same report rendered in the pseudo-locale en-XA (every catalog
 * string wrapped in ⟦…⟧) has no heading, header cell, label or fixed sentence with a letter outside
 * ⟦…⟧; and in German, Spanish and French every heading is that language's catalog text, never the
 * English one (where the words differ at all, e.g. "Firmware" is also German).
 */
import { describe, expect, it } from 'vitest';
import { loadCheckCatalog } from '../../../../main/core/checks/catalog.js';
import { buildReport } from '../../../../main/core/report/report.js';
import { renderReportHtml } from '../../../../main/core/report/html.js';
import { scoreChecks } from '../../../../main/core/audit/score.js';
import { viewChecks } from '../../../../main/core/checks/results.js';
import type { AuditRecord } from '../../../../main/core/audit/record.js';
import { createMessageFormatter, formatDay, type MessageCatalog } from '../../../../main/core/messages/index.js';
import { resourcesDir } from '../../../../main/compose.js';
import { pseudoCatalog } from '../../../../renderer/i18n/pseudo.js';
import { FIRST_AUDIT, GENERATED_AT, REAUDIT } from '../../../golden/report-fixtures.js';
import en from '../../../../renderer/i18n/en/messages.json' with { type: 'json' };
import de from '../../../../renderer/i18n/de/messages.json' with { type: 'json' };
import es from '../../../../renderer/i18n/es/messages.json' with { type: 'json' };
import fr from '../../../../renderer/i18n/fr/messages.json' with { type: 'json' };

const catalog = loadCheckCatalog(resourcesDir());
const scored = (r: AuditRecord): AuditRecord => ({ ...r, score: scoreChecks(viewChecks(catalog, Object.fromEntries(r.checks.map((c) => [c.id, c])), new Date(r.at))).score });
const words = createMessageFormatter({ en, de, es, fr, 'en-XA': pseudoCatalog(en) as MessageCatalog });

function html(lng: string): string {
  const messages = words.forLanguage!(lng);
  const first = scored(FIRST_AUDIT);
  const report = buildReport({ catalog, record: scored(REAUDIT), previous: first, intervalDays: 90, appVersion: '0.1.0', generatedAt: GENERATED_AT, messages });
  return renderReportHtml(report, messages);
}

/** The text of every element of these kinds (tags stripped, entities decoded). */
function texts(doc: string, tags: string[]): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    for (const m of doc.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))) {
      out.push(
        m[1]!
          .replace(/<[^>]+>/g, ' ')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
  }
  return out;
}

/** The fixed parts of the report: headings, header cells, labels and the sentences around the data. */
const FIXED = ['title', 'h1', 'h2', 'h3', 'th', 'dt', 'footer'];
/** The text with every catalog string (⟦…⟧, innermost first: one may hold another) and every date Intl wrote removed. */
function strip(text: string): string {
  let prev: string;
  do {
    prev = text;
    text = text.replace(/⟦[^⟦⟧]*⟧/g, '');
  } while (text !== prev);
  return text.replace(/\b[A-Z][a-z]{2} \d{1,2}, \d{4}\b/g, '');
}
const attr = (doc: string, name: string) => [...doc.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('the HTML report in the pseudo-locale', () => {
  const doc = html('en-XA');
  it('has no fixed text that did not come from the catalog', () => {
    const leaks = texts(doc, FIXED)
      .map(strip)
      .filter((t) => /\p{L}/u.test(t.replace(/Porchlight|\d/g, '')));
    expect(leaks).toEqual([]);
    for (const label of attr(doc, 'aria-label')) expect(label).toMatch(/^⟦.*⟧$/);
    // the summary page's fixed sentences too (the data inside them is numbers and dates)
    for (const cls of ['meta', 'counts', 'due']) {
      const p = new RegExp(`<p class="${cls}">([\\s\\S]*?)</p>`).exec(doc)?.[1] ?? '';
      expect(p, cls).toMatch(/⟦/);
      expect(strip(p).replace(/Porchlight/g, ''), cls).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});

describe.each([
  ['de', de],
  ['es', es],
  ['fr', fr],
] as const)('the HTML report in %s', (lng, cat) => {
  const doc = html(lng);
  const english = html('en');
  it('says its language and writes dates the way the language does', () => {
    expect(doc).toMatch(new RegExp(`<html lang="${lng}">`));
    expect(doc).toContain(formatDay(GENERATED_AT.toISOString(), lng));
    expect(formatDay(GENERATED_AT.toISOString(), lng)).not.toBe(formatDay(GENERATED_AT.toISOString(), 'en'));
  });
  it('has no English heading left: every heading is this language’s catalog text', () => {
    const h2 = texts(doc, ['h2']);
    const enH2 = texts(english, ['h2']);
    expect(h2).toHaveLength(enH2.length);
    expect(h2).toEqual(expect.arrayContaining(Object.values(cat.report.heading)));
    const localHeadings = new Set(texts(doc, FIXED));
    const enWords = (en as unknown as { report: Record<string, unknown> }).report;
    const flat = (node: unknown): string[] => (typeof node === 'string' ? [node] : node && typeof node === 'object' ? Object.values(node).flatMap(flat) : []);
    const localWords = new Set(flat(cat.report));
    // an English catalog text shown as a heading is a leak, unless this language writes it the same way
    const leaked = flat(enWords).filter((w) => !w.includes('{{') && localHeadings.has(w) && !localWords.has(w));
    expect(leaked).toEqual([]);
    expect(texts(doc, ['h1'])).toEqual([cat.report.title]);
  });
  it('says what to do next in this language (the core’s "check again" words too)', () => {
    expect(english).toContain('Check this again and re-confirm it in the');
    expect(doc).not.toMatch(/Check this again|Open the \w+ step of Porchlight|Run the \w+ step of Porchlight/);
  });
});
