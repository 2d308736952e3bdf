// `npm run bench`: runs every scripts/bench/*.mjs in turn (each prints its own figures) and fails
// if any of them fails. Speed and size targets live in these scripts, not in timed tests: each
// figure is printed beside its baseline with the ratio and its goal, and collected here into one
// closing table together with how loaded the machine was (os.loadavg) before and after.
// `npm run bench -- cli-start` runs one module. Run it inside a private network namespace (README).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'bench');
const only = process.argv[2];
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && (!only || f === `${only}.mjs`))
  .sort();
if (scripts.length === 0) {
  const all = readdirSync(dir).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4));
  console.error(`bench: no module named ${only}; there are: ${all.join(', ')}`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'porchlight-bench-'));
const results = join(work, 'results.jsonl');
const avg = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const before = avg();
console.log(`bench: Node ${process.version}, ${cpus().length} CPUs; load average (1/5/15 min) at start ${before}`);
let failed = 0;
for (const s of scripts) {
  console.log(`\n==== bench: ${s} ====`);
  const r = spawnSync(process.execPath, [join(dir, s)], { stdio: 'inherit', env: { ...process.env, BENCH_RESULTS: results } });
  if (r.status !== 0) {
    failed++;
    console.log(`bench ${s} failed (exit ${r.status ?? r.signal})`);
  }
}
let rows = [];
try {
  rows = readFileSync(results, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
} catch {
  // no module reported a figure
}
rmSync(work, { recursive: true, force: true });
if (rows.length) {
  const fmt = (v, unit) => `${v.toFixed(1)} ${unit}`;
  console.log('\n==== ratios (figure / baseline; goal = largest ratio that meets the target) ====');
  for (const r of rows) {
    // "edge": within the goal in this run, but the ratio's 95 % interval reaches over it.
    const mark = !r.ok ? 'OVER' : r.reliable === false ? 'edge' : 'ok  ';
    const span = r.interval ? `; 95 % interval ${r.interval[0].toFixed(2)}–${r.interval[1].toFixed(2)}` : '';
    console.log(`${mark}  ${r.ratio.toFixed(2)} (goal ≤ ${r.goal}${span})  ${r.what}: ${fmt(r.value, r.unit)} vs ${r.baselineWhat} ${fmt(r.baseline, r.unit)}  [load ${r.loadavg.map((x) => x.toFixed(1)).join('/')}]`);
  }
  const within = rows.filter((r) => r.ok);
  const edge = within.filter((r) => r.reliable === false).length;
  console.log(`${within.length} of ${rows.length} figures within their goal${edge ? ` (${edge} of them only at its edge: the 95 % interval of the ratio reaches over the goal)` : ''}`);
}
console.log(`load average at start ${before}, at end ${avg()} (${cpus().length} CPUs: above that the figures are slowed by other work)`);
console.log(`\nbench: ${scripts.length - failed} of ${scripts.length} passed`);
process.exit(failed ? 1 : 0);
