// Writes dist/kev-index.json, the compact KEV index (main/core/vulns/kev-index.ts), from the
// snapshot resources/kev/known_exploited_vulnerabilities.json, after validating the snapshot with
// its full schema (the one the app falls back to). Run by scripts/build.mjs; the bundles read the
// index when the known-vulnerabilities check first runs.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeIfChanged } from './write-if-changed.mjs';

const ROOT = join(import.meta.dirname, '..');

/** Builds the index of `resources` and writes it to `out`; returns its size in bytes. */
export async function writeKevIndex(out = join(ROOT, 'dist', 'kev-index.json'), resources = join(ROOT, 'resources')) {
  const mod = join(ROOT, '.tmp', `kev-index-${process.pid}.mjs`);
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  await build({
    stdin: {
      contents: "export { parseKevFile, KevCatalogSchema, KEV_SNAPSHOT_FILE } from './main/core/vulns/catalog.ts'; export { encodeKevIndex, fileFingerprint } from './main/core/vulns/kev-index.ts';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: mod,
    logLevel: 'warning',
  });
  const { parseKevFile, KevCatalogSchema, KEV_SNAPSHOT_FILE, encodeKevIndex, fileFingerprint } = await import(pathToFileURL(mod).href).finally(() => rmSync(mod, { force: true }));
  const snapshot = join(resources, KEV_SNAPSHOT_FILE);
  const json = JSON.stringify(encodeKevIndex(parseKevFile(snapshot, KevCatalogSchema), fileFingerprint(snapshot)));
  mkdirSync(join(out, '..'), { recursive: true });
  writeIfChanged(out, json);
  return Buffer.byteLength(json);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = await writeKevIndex(process.argv[2]);
  console.log(`kev-index: ${(size / 1024).toFixed(0)} KB`);
}
