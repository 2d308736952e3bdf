// `npm run bench`: runs every scripts/bench/*.mjs in turn (each prints its own figures) and fails
// if any of them fails. Speed and size targets live in these scripts, not in timed tests.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'bench');
const only = process.argv[2];
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && (!only || f === `${only}.mjs`))
  .sort();
let failed = 0;
for (const s of scripts) {
  console.log(`\n==== bench: ${s} ====`);
  const r = spawnSync(process.execPath, [join(dir, s)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`bench ${s} failed (exit ${r.status ?? r.signal})`);
  }
}
console.log(`\nbench: ${scripts.length - failed} of ${scripts.length} passed`);
process.exit(failed ? 1 : 0);
