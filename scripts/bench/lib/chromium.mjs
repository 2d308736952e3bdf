// The browser the renderer benchmark loads its pages in: found by the same search as the PDF export
// and the e2e tests (findChromium in main/adapters/chromium-pdf-printer.ts; PORCHLIGHT_CHROMIUM
// overrides), imported from that TypeScript file (scripts/import-ts.mjs) so the candidate list
// exists once.
//
// The search prefers Debian's chromium-headless-shell. For this benchmark that matters: the full
// `chromium` in headless mode starts a renderer for its own browser interface (a "top-chrome WebUI"
// process) with every new window, i.e. every fresh context, which burned 300–600 ms of CPU during
// each load on this 2-core machine, beside the page being measured; its loads scattered by ±25 %.
// The headless shell is the same Chromium (Blink, V8) without that interface — closer to Electron,
// which has none either — and its loads scatter by a few per cent (docs/performance.md, session 16).
import { join } from 'node:path';
import { importTs } from '../../import-ts.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A Chromium executable, or null (then the caller says what to install). */
export async function findChromium() {
  const { findChromium: find } = await importTs(join(ROOT, 'main', 'adapters', 'chromium-pdf-printer.ts'));
  return find();
}
