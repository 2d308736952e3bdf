/** A check the user can answer stays answerable until a measurement settles it (issue 12: no check gets stuck). */
import { describe, expect, it } from 'vitest';
import { isConfirmable } from '../../../renderer/steps/shared/confirm-checks';

const check = (over: Partial<Parameters<typeof isConfirmable>[0]>) => ({
  evidenceKinds: ['verified', 'confirmed'] as Array<'verified' | 'confirmed'>,
  evidence: { kind: 'none' } as const,
  expired: false,
  status: 'unknown' as const,
  ...over,
});

describe('isConfirmable', () => {
  const at = '2026-03-01T10:00:00.000Z';
  it('asks while nothing is known, and after a measurement that came out unknown (an inconclusive password check)', () => {
    expect(isConfirmable(check({}))).toBe(true);
    expect(isConfirmable(check({ evidence: { kind: 'verified', at }, status: 'unknown' }))).toBe(true);
  });
  it('does not ask once a measurement settled it', () => {
    expect(isConfirmable(check({ evidence: { kind: 'verified', at }, status: 'pass' }))).toBe(false);
    expect(isConfirmable(check({ evidence: { kind: 'verified', at }, status: 'fail' }))).toBe(false);
  });
  it('never asks about a check only Porchlight can measure', () => {
    expect(isConfirmable(check({ evidenceKinds: ['verified'] }))).toBe(false);
  });
});
