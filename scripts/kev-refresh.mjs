#!/usr/bin/env node
/**
 * Replaces the KEV snapshot (resources/kev/known_exploited_vulnerabilities.json) with a catalog the
 * maintainer downloaded from https://github.com/cisagov/kev-data (or cisa.gov). The app never fetches
 * it at run time. The file is checked with the same zod schema the app loads it with
 * (main/core/vulns/catalog.ts); an invalid, truncated or older catalog is refused and the current
 * snapshot is left untouched. The write is atomic (temporary file, then rename).
 *
 *   node scripts/kev-refresh.mjs <downloaded-file.json> [--resources DIR] [--allow-older]
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const usage = 'usage: node scripts/kev-refresh.mjs <downloaded-file.json> [--resources DIR] [--allow-older]';
const fail = (text) => {
  process.stderr.write(`kev-refresh: ${text}\n`);
  process.exit(2);
};
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) fail(`${name} needs a value\n${usage}`);
  args.splice(i, 2);
  return v;
};
const resources = resolve(flag('--resources') ?? join(root, 'resources'));
const allowOlder = args.includes('--allow-older');
const files = args.filter((a) => a !== '--allow-older');
if (files.length !== 1) fail(`name exactly one downloaded file\n${usage}`);
const input = resolve(files[0]);
if (!existsSync(input)) fail(`${input} does not exist`);

// Load the app's own schema (TypeScript) through esbuild, so there is one schema, not two.
const tmp = mkdtempSync(join(root, '.kev-refresh-'));
let mod;
try {
  const out = join(tmp, 'catalog.mjs');
  await build({ entryPoints: [join(root, 'main/core/vulns/catalog.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: out, logLevel: 'error' });
  mod = await import(pathToFileURL(out).href);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

let next;
try {
  next = mod.parseKevFile(input, mod.KevCatalogSchema);
} catch (err) {
  fail(`refused: ${err.message}`);
}
const target = join(resources, mod.KEV_SNAPSHOT_FILE);
let current = null;
try {
  current = mod.parseKevFile(target, mod.KevCatalogSchema);
} catch {
  current = null; // no valid snapshot yet: any valid catalog replaces it
}
if (current && next.catalogVersion < current.catalogVersion && !allowOlder) {
  fail(`refused: the downloaded catalog (${next.catalogVersion}) is older than the snapshot (${current.catalogVersion}); pass --allow-older to go back`);
}
const text = readFileSync(input, 'utf8');
const staging = `${target}.new`;
writeFileSync(staging, text);
if (current) copyFileSync(target, `${target}.previous`);
renameSync(staging, target);
if (current) rmSync(`${target}.previous`, { force: true });
const added = current ? next.vulnerabilities.filter((v) => !current.vulnerabilities.some((c) => c.cveID === v.cveID)).length : next.count;
process.stdout.write(
  `KEV snapshot replaced: catalog ${current?.catalogVersion ?? '(none)'} → ${next.catalogVersion}, ${next.count} entries (${added} new).\n` +
    'Now update resources/README.md (catalog date, entry count, source commit) and run the matcher tests: npx vitest run --project unit test/unit/core/vulns\n',
);
