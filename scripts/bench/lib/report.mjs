// Shared by the scripts/bench/*.mjs modules: medians, interleaved timing of commands, and one
// printed row per figure — the figure beside its baseline, the ratio and the goal — also appended
// (as a JSON line) to $BENCH_RESULTS so scripts/bench.mjs can print every ratio in one table.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The 1/5/15-minute load averages and the CPU count, as printed beside every figure. */
export const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`;

/** Runs a command to its end; resolves its wall time in ms (from spawn to exit), stdout and stderr. */
export function timed(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const c = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('error', reject);
    c.on('exit', (code, signal) => resolve({ ms: performance.now() - t0, code, signal, out, err }));
  });
}

/**
 * Runs each named command `runs` times, interleaved (a, b, c, a, b, c, …) so a change of machine
 * load hits all of them alike; returns the wall times per name. A non-zero exit is an error.
 */
export async function interleaved(commands, runs, { okCodes = [0] } = {}) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, [cmd, args, opts]] of Object.entries(commands)) {
      const r = await timed(cmd, args, opts);
      if (!okCodes.includes(r.code)) throw new Error(`${name} exited ${r.code ?? r.signal}: ${r.err.slice(0, 400)}`);
      times[name].push(r.ms);
    }
  }
  return times;
}

const fmt = (v, unit) => (unit === 'ms' ? `${v.toFixed(1)} ms` : unit === 'MiB' ? `${v.toFixed(1)} MiB` : unit === 'KiB' ? `${v.toFixed(1)} KiB` : `${v} ${unit}`);

/**
 * Prints one figure: what, its value, the baseline it is compared with, the ratio, the goal and
 * whether the ratio is within it. `goal` is the largest ratio that meets the target.
 */
export function figure({ what, value, unit, baseline, baselineWhat, goal, note }) {
  const ratio = value / baseline;
  const ok = ratio <= goal;
  console.log(`  ${what}: ${fmt(value, unit)} | baseline ${baselineWhat}: ${fmt(baseline, unit)} | ratio ${ratio.toFixed(2)} (goal ≤ ${goal}) ${ok ? 'ok' : 'OVER GOAL'}${note ? ` — ${note}` : ''}`);
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify({ what, value, unit, baseline, baselineWhat, ratio, goal, ok, loadavg: loadavg() })}\n`);
  return ok;
}
