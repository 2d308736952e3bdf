import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- a plain .mjs bench library without type declarations
import * as reportLib from '../../../scripts/bench/lib/report.mjs';

type Interval = [number, number];
const { bootstrapInterval, medianAt, median, verdict, figure } = reportLib as {
  bootstrapInterval: (n: number, statistic: (idx: number[]) => number, opts?: { resamples?: number; seed?: number }) => Interval;
  medianAt: (xs: number[], idx: number[]) => number;
  median: (xs: number[]) => number;
  verdict: (ratio: number, goal: number, interval?: Interval) => { ok: boolean; reliable: boolean; words: string };
  figure: (f: { what: string; value: number; unit: string; baseline: number; baselineWhat: string; goal: number; interval?: Interval }) => boolean;
};

/** Deterministic noise: a fixed sequence in [-1, 1). */
function noise(n: number, seed: number): number[] {
  let a = seed;
  return Array.from({ length: n }, () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return (a / 2147483648) * 2 - 1;
  });
}

describe('scripts/bench/lib/report.mjs: how far a measured ratio can be trusted', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives a narrow interval around the true ratio when the runs barely scatter', () => {
    const n = 41;
    const base = noise(n, 3).map((e) => 500 + 5 * e);
    const ours = noise(n, 7).map((e) => 600 + 6 * e); // 1.2×, ±1 %
    const [lo, hi] = bootstrapInterval(n, (idx) => medianAt(ours, idx) / medianAt(base, idx));
    expect(lo).toBeGreaterThan(1.17);
    expect(hi).toBeLessThan(1.23);
    expect(lo).toBeLessThanOrEqual(median(ours) / median(base));
    expect(hi).toBeGreaterThanOrEqual(median(ours) / median(base));
  });

  it('gives a wide interval when the runs scatter as much as the renderer loads do, and the same one for the same data', () => {
    const n = 21;
    const base = noise(n, 11).map((e) => 520 + 120 * e);
    const ours = noise(n, 13).map((e) => 680 + 160 * e);
    const stat = (idx: number[]) => medianAt(ours, idx) / medianAt(base, idx);
    const [lo, hi] = bootstrapInterval(n, stat);
    expect(hi - lo).toBeGreaterThan(0.15);
    expect(bootstrapInterval(n, stat)).toEqual([lo, hi]); // fixed seed: reproducible
    // It does resample: the statistic sees many different sets of runs, each of n runs.
    const seen = new Set<string>();
    bootstrapInterval(n, (idx) => (seen.add(idx.join(',')), idx.length === n ? stat(idx) : Number.NaN), { resamples: 200 });
    expect(seen.size).toBeGreaterThan(190);
  });

  it('resamples whole rounds: a load spike that hits every command of a round does not widen a paired ratio', () => {
    const n = 30;
    const spike = noise(n, 5).map((e) => 1 + Math.abs(e)); // 1×–2× slow-down per round, shared
    const base = spike.map((s) => 100 * s);
    const ours = spike.map((s) => 130 * s);
    const [lo, hi] = bootstrapInterval(n, (idx) => median(idx.map((i) => ours[i]! / base[i]!)));
    expect(lo).toBeCloseTo(1.3, 10);
    expect(hi).toBeCloseTo(1.3, 10);
  });

  it('refuses fewer than two runs instead of inventing an interval', () => {
    expect(() => bootstrapInterval(1, () => 1)).toThrow(/at least 2 runs/);
    expect(() => bootstrapInterval(Number.NaN, () => 1)).toThrow(/at least 2 runs/);
  });

  it('says "ok" only when the ratio is within the goal, and "not reliably" when its interval reaches over it', () => {
    expect(verdict(1.2, 1.3, [1.15, 1.25])).toMatchObject({ ok: true, reliable: true });
    const edge = verdict(1.28, 1.3, [1.2, 1.37]);
    expect(edge).toMatchObject({ ok: true, reliable: false });
    expect(edge.words).toMatch(/not reliably/);
    expect(verdict(1.35, 1.3, [1.25, 1.45])).toMatchObject({ ok: false, reliable: false, words: 'OVER GOAL (95 % interval 1.25–1.45)' });
    expect(verdict(1.5, 1.3, [1.4, 1.6]).words).toMatch(/^OVER GOAL, reliably/);
    // Figures without a spread (sizes, memory) are judged on the ratio alone.
    expect(verdict(0.95, 1)).toEqual({ ok: true, reliable: true, words: 'ok' });
    expect(verdict(1.01, 1)).toEqual({ ok: false, reliable: false, words: 'OVER GOAL' });
  });

  it('prints the interval beside the ratio', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const ok = figure({ what: 'welcome step', value: 640, unit: 'ms', baseline: 500, baselineWhat: 'hello page', goal: 1.3, interval: [1.2, 1.36] });
    expect(ok).toBe(true);
    expect(lines.join('\n')).toContain('ratio 1.28 (goal ≤ 1.3) ok in this run, not reliably: its 95 % interval 1.20–1.36 reaches over the goal');
  });
});
