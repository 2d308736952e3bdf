import { describe, expect, it } from 'vitest';
import { scoreChecks, SEVERITY_WEIGHT } from '../../../../main/core/audit/score.js';
import type { CheckStatus } from '../../../../main/core/checks/results.js';
import type { Severity } from '../../../../main/core/checks/catalog.js';

const check = (id: string, severity: Severity, status: CheckStatus) => ({ id, title: id, step: 'wifi' as const, severity, status });

describe('audit score', () => {
  it('is 100 when every check passes and 0 when every check fails', () => {
    expect(scoreChecks([check('a.x', 'critical', 'pass'), check('b.x', 'low', 'pass')]).score).toBe(100);
    expect(scoreChecks([check('a.x', 'critical', 'fail'), check('b.x', 'low', 'fail')]).score).toBe(0);
  });

  it('weighs by severity: critical 10, high 6, medium 3, low 1', () => {
    expect(SEVERITY_WEIGHT).toEqual({ critical: 10, high: 6, medium: 3, low: 1 });
    // critical pass (10) + low fail (1): 10/11
    expect(scoreChecks([check('a.x', 'critical', 'pass'), check('b.x', 'low', 'fail')]).score).toBe(91);
    // critical fail + low pass: 1/11
    expect(scoreChecks([check('a.x', 'critical', 'fail'), check('b.x', 'low', 'pass')]).score).toBe(9);
  });

  it('gives a warning half credit and an unknown none', () => {
    expect(scoreChecks([check('a.x', 'high', 'warn'), check('b.x', 'high', 'pass')]).score).toBe(75);
    expect(scoreChecks([check('a.x', 'high', 'unknown'), check('b.x', 'high', 'pass')]).score).toBe(50);
    expect(scoreChecks([check('a.x', 'high', 'unknown'), check('b.x', 'high', 'fail')]).score).toBe(0);
  });

  it('leaves skipped checks out of both sides of the ratio', () => {
    const withSkip = scoreChecks([check('a.x', 'critical', 'skipped'), check('b.x', 'low', 'pass')]);
    expect(withSkip.score).toBe(100);
    expect(withSkip.excluded).toEqual(['a.x']);
    expect(withSkip.lowered).toEqual([]);
    expect(scoreChecks([check('a.x', 'critical', 'skipped')]).score).toBe(100);
  });

  it('says what raised and what lowered it, in points that add up to 100', () => {
    const b = scoreChecks([check('a.x', 'critical', 'pass'), check('b.x', 'high', 'warn'), check('c.x', 'medium', 'fail'), check('d.x', 'low', 'unknown')]);
    // total weight 20: a earns 50, b earns 15 / loses 15, c loses 15, d loses 5
    expect(b.raised.map((f) => [f.id, f.earned])).toEqual([['a.x', 50], ['b.x', 15]]);
    expect(b.lowered.map((f) => [f.id, f.lost])).toEqual([['c.x', 15], ['b.x', 15], ['d.x', 5]]);
    const sum = [...b.raised.map((f) => f.earned), ...b.lowered.map((f) => f.lost)].reduce((x, y) => x + y, 0);
    expect(sum).toBeCloseTo(100, 5);
    expect(b.score).toBe(65);
  });

  it('orders the remaining actions by impact, a failure before an unknown before a warning at equal points', () => {
    const b = scoreChecks([check('w.x', 'high', 'warn'), check('u.x', 'medium', 'unknown'), check('f.x', 'medium', 'fail'), check('c.x', 'critical', 'unknown')]);
    expect(b.lowered.map((f) => f.id)).toEqual(['c.x', 'f.x', 'u.x', 'w.x']);
  });
});
