// Writes dist/oui-index.bin, the compact MAC-vendor index (main/adapters/network/oui-index.ts),
// from the oui-data package. Run by scripts/build.mjs; the bundles read it on their first MAC lookup.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeIfChanged } from './write-if-changed.mjs';

const ROOT = join(import.meta.dirname, '..');

/** Builds the index and writes it to `out`; returns its size in bytes. */
export async function writeOuiIndex(out = join(ROOT, 'dist', 'oui-index.bin')) {
  const mod = join(ROOT, '.tmp', `oui-index-${process.pid}.mjs`);
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  await build({ entryPoints: [join(ROOT, 'main', 'adapters', 'network', 'oui-index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: mod, logLevel: 'warning' });
  const { encodeOuiIndex } = await import(pathToFileURL(mod).href).finally(() => rmSync(mod, { force: true }));
  const registry = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('oui-data'), 'utf8'));
  const bytes = encodeOuiIndex(registry);
  mkdirSync(join(out, '..'), { recursive: true });
  writeIfChanged(out, bytes);
  return bytes.byteLength;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = await writeOuiIndex(process.argv[2]);
  console.log(`oui-index: ${(size / 1024).toFixed(0)} KB`);
}
