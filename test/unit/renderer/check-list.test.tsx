/**
 * The check list as the summary shows it, rendered to static HTML with the real English catalogs:
 * every status reads as a word, every kind of evidence as a dated sentence, an unknown always
 * with its reason.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n, loadLaterCatalogs } from '../../../renderer/i18n';
import { CheckList } from '../../../renderer/components/check-list';
import type { CheckView } from '../../../renderer/wizard/api';

initI18n();
// The check texts and the result words come with the catalogs loaded just after the first screen.
await loadLaterCatalogs();

const base: CheckView = {
  id: 'wifi.wps',
  step: 'wifi',
  severity: 'medium',
  title: 'WPS is turned off',
  why: 'WPS PINs can be brute-forced.',
  passWhen: 'WPS is off.',
  next: 'Turn WPS off.',
  references: ['NSA 2023'],
  evidenceKinds: ['confirmed'],
  status: 'unknown',
  reason: { code: 'common.not-checked-yet', params: {} },
  detail: null,
  evidence: { kind: 'none' },
  expired: false,
};

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('CheckList', () => {
  it('an unknown check says so, with its reason, and that there is no evidence yet', () => {
    const out = text(renderToStaticMarkup(<CheckList checks={[base]} />));
    expect(out).toContain('WPS is turned off');
    expect(out).toContain('Unknown');
    expect(out).toContain('No evidence yet');
    expect(out).toContain('Unknown because: it has not been checked yet');
  });

  it('verified, confirmed, expired and skipped evidence read as dated sentences', () => {
    const checks: CheckView[] = [
      { ...base, id: 'a.verified', status: 'pass', reason: null, evidence: { kind: 'verified', at: '2026-03-01T10:00:00.000Z' } },
      { ...base, id: 'a.confirmed', status: 'warn', reason: null, evidence: { kind: 'confirmed', at: '2026-03-01T10:00:00.000Z', expiresAt: '2026-05-30T10:00:00.000Z' } },
      {
        ...base,
        id: 'a.expired',
        status: 'unknown',
        reason: { code: 'confirmation.expired', params: { date: '2026-05-30T10:00:00.000Z' } },
        evidence: { kind: 'confirmed', at: '2026-03-01T10:00:00.000Z', expiresAt: '2026-05-30T10:00:00.000Z' },
        expired: true,
      },
      { ...base, id: 'a.skipped', status: 'skipped', reason: { code: 'user.text', params: { text: 'I have no smart lock' } }, evidence: { kind: 'none' } },
    ];
    const out = text(renderToStaticMarkup(<CheckList checks={checks} />));
    expect(out).toContain('Passed');
    expect(out).toContain('Measured by Porchlight on Mar 1, 2026');
    expect(out).toContain('Needs a look');
    expect(out).toContain('Confirmed by you on Mar 1, 2026, valid until May 30, 2026');
    expect(out).toContain('Your confirmation expired on May 30, 2026; please confirm again');
    expect(out).toContain('Unknown because: the confirmation expired on May 30, 2026; confirm it again');
    expect(out).toContain('Does not apply because: I have no smart lock');
  });

  it("calls only the user's own words \"Your note\"; a measured reason reads as it is", () => {
    const checks: CheckView[] = [
      { ...base, id: 'a.note', status: 'pass', reason: { code: 'user.text', params: { text: 'done on the router page' } }, evidence: { kind: 'confirmed', at: '2026-03-01T10:00:00.000Z', expiresAt: '2026-05-30T10:00:00.000Z' } },
      { ...base, id: 'a.measured', status: 'pass', reason: { code: 'common.prose', params: { text: 'the factory password was refused' } }, evidence: { kind: 'verified', at: '2026-03-01T10:00:00.000Z' } },
    ];
    const out = text(renderToStaticMarkup(<CheckList checks={checks} />));
    expect(out).toContain('Your note: done on the router page');
    expect(out).toContain('the factory password was refused');
    expect(out).not.toContain('Your note: the factory password');
  });

  it('shows a detail as words, never as raw JSON, a raw code or the check id', () => {
    const checks: CheckView[] = [
      { ...base, status: 'fail', reason: null, detail: { code: 'common.prose', params: { text: 'seen: Home (WPA2)' } } },
      { ...base, id: 'a.other', status: 'fail', reason: { code: 'no.such-code', params: {} }, detail: null },
    ];
    const out = text(renderToStaticMarkup(<CheckList checks={checks} />));
    expect(out).toContain('seen: Home (WPA2)');
    expect(out).toContain('Porchlight has no description for this result yet');
    expect(out).not.toMatch(/no\.such-code|wifi\.wps|a\.other|\{"|code:/);
  });

  it('marks each status with a shape as well as colour', () => {
    const html = renderToStaticMarkup(<CheckList checks={[{ ...base, status: 'fail', reason: null }]} />);
    expect(html).toContain('status-fail');
    expect(html).toMatch(/aria-hidden="true">✕</);
    expect(text(html)).toContain('Failed');
  });
});
