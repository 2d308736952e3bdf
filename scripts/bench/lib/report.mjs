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

/**
 * How far a ratio measured from interleaved runs can be trusted: a 95 % bootstrap interval.
 * `statistic(indices)` computes the figure's ratio from the runs at those indices (run i of every
 * command ran side by side, so a run is resampled with its partners and shares their load);
 * `resamples` sets of n indices are drawn with replacement from a fixed-seed generator (the same
 * data gives the same interval). Returns [low, high]: the 2.5th and 97.5th percentiles.
 */
export function bootstrapInterval(n, statistic, { resamples = 2000, seed = 1 } = {}) {
  if (!Number.isInteger(n) || n < 2) throw new Error(`bootstrapInterval: needs at least 2 runs, got ${n}`);
  // mulberry32: a small, fixed-seed generator (Math.random cannot be seeded).
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const stats = [];
  const idx = new Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(random() * n);
    stats.push(statistic(idx));
  }
  stats.sort((x, y) => x - y);
  const at = (q) => stats[Math.min(stats.length - 1, Math.max(0, Math.round(q * (stats.length - 1))))];
  return [at(0.025), at(0.975)];
}

/** The median of xs at the given indices (for bootstrapInterval's statistics). */
export const medianAt = (xs, indices) => median(indices.map((i) => xs[i]));

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
 * The verdict words for a ratio and, when the figure is timed, its 95 % interval: within the goal
 * is judged on the ratio itself (as issue 15 asks); the interval says whether that is reliable.
 */
export function verdict(ratio, goal, interval) {
  const ok = ratio <= goal;
  if (!interval) return { ok, reliable: ok, words: ok ? 'ok' : 'OVER GOAL' };
  const span = `95 % interval ${interval[0].toFixed(2)}–${interval[1].toFixed(2)}`;
  if (ok && interval[1] <= goal) return { ok, reliable: true, words: `ok (${span})` };
  if (ok) return { ok, reliable: false, words: `ok in this run, not reliably: its ${span} reaches over the goal` };
  return { ok, reliable: false, words: interval[0] <= goal ? `OVER GOAL (${span})` : `OVER GOAL, reliably (${span})` };
}

/**
 * Prints one figure: what, its value, the baseline it is compared with, the ratio, the goal and
 * whether the ratio is within it. `goal` is the largest ratio that meets the target; `interval`
 * (timed figures) is the ratio's 95 % bootstrap interval over the interleaved runs.
 */
export function figure({ what, value, unit, baseline, baselineWhat, goal, note, interval }) {
  const ratio = value / baseline;
  const { ok, reliable, words } = verdict(ratio, goal, interval);
  console.log(`  ${what}: ${fmt(value, unit)} | baseline ${baselineWhat}: ${fmt(baseline, unit)} | ratio ${ratio.toFixed(2)} (goal ≤ ${goal}) ${words}${note ? ` — ${note}` : ''}`);
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify({ what, value, unit, baseline, baselineWhat, ratio, goal, ok, reliable, interval: interval ?? null, loadavg: loadavg() })}\n`);
  return ok;
}
