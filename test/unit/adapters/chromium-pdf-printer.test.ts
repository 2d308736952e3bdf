/**
 * Which Chromium prints the PDF report (CLI and browser mode): the headless shell when it is
 * installed, the full browser otherwise, PORCHLIGHT_CHROMIUM above both. The printing itself runs
 * against the real Chromium in the integration and e2e tests (test/integration/audit-secrets.test.ts,
 * test/e2e/audit.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { ChromiumPdfPrinter, findChromium } from '../../../main/adapters/chromium-pdf-printer.js';

const SHELL = '/usr/lib/chromium/chromium-headless-shell';
const FULL = '/usr/lib/chromium/chromium';
const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('findChromium', () => {
  it('prefers the headless shell when both are installed', () => {
    expect(findChromium({}, only(FULL, SHELL))).toBe(SHELL);
  });

  it('falls back to the full browser, then to the other usual places', () => {
    expect(findChromium({}, only(FULL))).toBe(FULL);
    expect(findChromium({}, only('/usr/bin/chromium-browser', '/usr/bin/google-chrome'))).toBe('/usr/bin/chromium-browser');
  });

  it('takes PORCHLIGHT_CHROMIUM over every candidate, and never another one when it is missing', () => {
    expect(findChromium({ PORCHLIGHT_CHROMIUM: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', SHELL))).toBe('/opt/chrome/chrome');
    expect(findChromium({ PORCHLIGHT_CHROMIUM: '/opt/chrome/chrome' }, only(SHELL, FULL))).toBeNull();
  });

  it('finds nothing when no Chromium is installed, and printing then says so', async () => {
    expect(findChromium({}, only())).toBeNull();
    await expect(new ChromiumPdfPrinter(null).htmlToPdf('<p>report</p>')).rejects.toMatchObject({ code: 'refused', userMessage: { code: 'error.pdf-needs-chromium' } });
  });
});
