import { describe, expect, it } from 'vitest';
import { isReauditDue, OVERDUE_GRACE_DAYS, reauditSchedule } from '../../../../main/core/audit/schedule.js';

describe('re-audit schedule', () => {
  const last = '2026-01-10T09:30:00.000Z';

  it('has no due date before the first audit', () => {
    const s = reauditSchedule(null, 90, new Date('2026-01-01T00:00:00Z'));
    expect(s).toEqual({ lastAuditAt: null, intervalDays: 90, nextDueAt: null, state: 'never', daysUntilDue: null });
    expect(isReauditDue(s)).toBe(false);
  });

  it('is due exactly interval × 24 h after the last audit', () => {
    expect(reauditSchedule(last, 90, new Date('2026-01-11T00:00:00Z'))).toMatchObject({ nextDueAt: '2026-04-10T09:30:00.000Z', state: 'scheduled', daysUntilDue: 90 });
    const before = reauditSchedule(last, 90, new Date('2026-04-10T09:29:59.999Z'));
    expect(before.state).toBe('scheduled');
    expect(isReauditDue(before)).toBe(false);
    const at = reauditSchedule(last, 90, new Date('2026-04-10T09:30:00.000Z'));
    expect(at).toMatchObject({ state: 'due', daysUntilDue: 0 });
    expect(isReauditDue(at)).toBe(true);
  });

  it('becomes overdue after the grace period', () => {
    expect(OVERDUE_GRACE_DAYS).toBe(14);
    expect(reauditSchedule(last, 90, new Date('2026-04-24T09:29:00.000Z')).state).toBe('due');
    const late = reauditSchedule(last, 90, new Date('2026-04-24T09:30:00.000Z'));
    expect(late).toMatchObject({ state: 'overdue', daysUntilDue: -14 });
  });

  it('follows the user-set interval', () => {
    expect(reauditSchedule(last, 30, new Date('2026-01-11T00:00:00Z')).nextDueAt).toBe('2026-02-09T09:30:00.000Z');
  });

  it('does not move with the time zone or a DST change (dates are instants)', () => {
    const prev = process.env.TZ;
    try {
      process.env.TZ = 'Europe/Berlin';
      // 2026-03-29 is the spring-forward night in Berlin; 2026-10-25 the fall-back one.
      const a = reauditSchedule('2026-03-01T12:00:00.000Z', 90, new Date('2026-03-02T00:00:00Z'));
      process.env.TZ = 'America/New_York';
      const b = reauditSchedule('2026-03-01T12:00:00.000Z', 90, new Date('2026-03-02T00:00:00Z'));
      expect(a.nextDueAt).toBe('2026-05-30T12:00:00.000Z');
      expect(b.nextDueAt).toBe(a.nextDueAt);
    } finally {
      process.env.TZ = prev;
    }
  });
});
