// Child process of scripts/electronegativity.mjs (started with the network guard preloaded, inside
// an empty network namespace where possible). Runs Electronegativity's own runner on one staged
// directory and writes its raw result as JSON; the parent applies the policy.
//
//   node --import ./scripts/electronegativity-net-guard.mjs scripts/electronegativity-scan.mjs INPUT_DIR ELECTRON_VERSION OUT.json
import { createRequire } from 'node:module';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const [input, electronVersion, out] = process.argv.slice(2);
if (!input || !electronVersion || !out) {
  console.error('usage: electronegativity-scan.mjs INPUT_DIR ELECTRON_VERSION OUT.json');
  process.exit(2);
}
if (!globalThis.__porchlightNetGuard) {
  console.error('electronegativity-scan: refusing to run without the network guard (--import ./scripts/electronegativity-net-guard.mjs)');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const { version } = require('@doyensec/electronegativity/package.json');

// Quiet the "could not retrieve translations" line (the fetch is refused by the guard on purpose).
const log = console.log;
console.log = () => {};
const sarif = join(dirname(resolve(out)), 'electronegativity.sarif');
let result;
try {
  result = await run(
    {
      input: resolve(input),
      // A value here switches the runner to quiet, non-CLI mode. When it finds issues it also writes
      // a SARIF file there, so it goes beside OUT (a temporary folder), never into the checkout.
      output: sarif,
      isSarif: true,
      customScan: [],
      // This global check downloads Electron's release list from the network; Electron's support
      // status is checked offline by scripts/electronegativity.mjs instead.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      isRelative: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
} finally {
  console.log = log;
  rmSync(sarif, { force: true });
}

const plain = (v) => (v && typeof v === 'object' && 'name' in v ? v.name : v);
writeFileSync(
  out,
  JSON.stringify(
    {
      tool: `@doyensec/electronegativity ${version}`,
      electronVersion,
      globalChecks: result.globalChecks,
      atomicChecks: result.atomicChecks,
      errors: result.errors,
      issues: result.issues.map((i) => ({
        id: i.id,
        severity: plain(i.severity),
        confidence: plain(i.confidence),
        file: i.file,
        line: i.location?.line ?? 0,
        column: i.location?.column ?? 0,
        sample: typeof i.sample === 'string' ? i.sample.trim().slice(0, 300) : null,
        description: i.description,
        manualReview: Boolean(i.manualReview),
        url: i.shortenedURL ?? null,
      })),
    },
    null,
    2,
  ),
);
