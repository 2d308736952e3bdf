// The browser the renderer benchmark loads its pages in: found by the same search as the PDF export
// and the e2e tests (findChromium in main/adapters/chromium-pdf-printer.ts; PORCHLIGHT_CHROMIUM
// overrides), compiled from that TypeScript file on the fly so the candidate list exists once.
//
// The search prefers Debian's chromium-headless-shell. For this benchmark that matters: the full
// `chromium` in headless mode starts a renderer for its own browser interface (a "top-chrome WebUI"
// process) with every new window, i.e. every fresh context, which burned 300–600 ms of CPU during
// each load on this 2-core machine, beside the page being measured; its loads scattered by ±25 %.
// The headless shell is the same Chromium (Blink, V8) without that interface — closer to Electron,
// which has none either — and its loads scatter by a few per cent (docs/performance.md, session 16).
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A Chromium executable, or null (then the caller says what to install). */
export async function findChromium() {
  const out = await build({
    entryPoints: [join(ROOT, 'main', 'adapters', 'chromium-pdf-printer.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'warning',
  });
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-bench-chromium-'));
  try {
    const file = join(dir, 'find-chromium.mjs');
    writeFileSync(file, out.outputFiles[0].text);
    const mod = await import(pathToFileURL(file).href);
    return mod.findChromium();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
