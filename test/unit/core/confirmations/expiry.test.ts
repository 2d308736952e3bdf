import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, daysLeft, expiryOf, isExpired, localDate } from '../../../../main/core/confirmations/expiry.js';
import { addDays } from '../../../../main/core/checks/results.js';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Confirmation instants just before, during and after DST changes in New York and Berlin (2026). */
const AROUND_DST = [
  '2026-03-08T06:59:59Z', // New York: 01:59:59 EST, one second before clocks jump to 03:00 EDT
  '2026-03-08T07:00:00Z', // New York: 03:00 EDT
  '2026-11-01T05:30:00Z', // New York: 01:30 EDT, the first of the two 01:30s
  '2026-11-01T06:30:00Z', // New York: 01:30 EST, the second
  '2026-03-29T00:59:59Z', // Berlin: 01:59:59 CET, before 02:00 → 03:00 CEST
  '2026-10-25T00:30:00Z', // Berlin: 02:30 CEST, the first 02:30
  '2026-10-25T01:30:00Z', // Berlin: 02:30 CET, the second
  '2026-12-31T23:30:00Z', // year end in UTC, already the new year in Berlin
];

describe('confirmation expiry arithmetic', () => {
  it('is exactly N × 24 h after the confirmation, whatever the machine time zone', () => {
    for (const at of AROUND_DST) {
      const expected = new Date(at).getTime() + 90 * DAY_MS;
      for (const tz of ZONES) {
        process.env.TZ = tz;
        expect(expiryOf(new Date(at), 90).getTime(), `${at} in ${tz}`).toBe(expected);
        // The same rule as CheckBoard.confirm, so history and progress agree to the millisecond.
        expect(expiryOf(new Date(at), 90).toISOString()).toBe(addDays(new Date(at), 90).toISOString());
      }
    }
  });

  it('really changes zone between assertions (the TZ switch is live)', () => {
    const instant = new Date('2026-07-01T12:00:00Z');
    process.env.TZ = 'America/New_York';
    const ny = instant.getHours();
    process.env.TZ = 'Europe/Berlin';
    const berlin = instant.getHours();
    expect([ny, berlin]).toEqual([8, 14]);
  });

  it('expires on the expiry instant, not a second before, in every zone and across DST', () => {
    for (const tz of ZONES) {
      process.env.TZ = tz;
      for (const at of AROUND_DST) {
        const exp = expiryOf(new Date(at), 90);
        expect(isExpired(exp, new Date(exp.getTime() - 1000)), `${at} ${tz}`).toBe(false);
        expect(isExpired(exp, exp)).toBe(true);
        expect(isExpired(exp.toISOString(), new Date(exp.getTime() + 1))).toBe(true);
        // 89 days later: still current; 91 days later: expired (what the e2e's clock move relies on).
        expect(isExpired(exp, new Date(new Date(at).getTime() + 89 * DAY_MS))).toBe(false);
        expect(isExpired(exp, new Date(new Date(at).getTime() + 91 * DAY_MS))).toBe(true);
      }
    }
  });

  it('crossing a spring-forward night counts 24-hour days, so the local wall-clock time shifts by the DST hour', () => {
    // Confirmed 2026-03-01 09:00 EST; 30 days later is 2026-03-31 10:00 EDT — the same instant + 720 h.
    const at = new Date('2026-03-01T14:00:00Z');
    const exp = expiryOf(at, 30);
    expect(exp.toISOString()).toBe('2026-03-31T14:00:00.000Z');
    expect(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hour12: false }).format(exp)).toBe('10');
    expect(new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hour: 'numeric', hour12: false }).format(exp)).toBe('16');
  });

  it('counts whole days left, rounding up, and zero once expired', () => {
    const at = new Date('2026-10-24T22:00:00Z');
    const exp = expiryOf(at, 90);
    expect(daysLeft(exp, at)).toBe(90);
    expect(daysLeft(exp, new Date(at.getTime() + 1))).toBe(90);
    expect(daysLeft(exp, new Date(at.getTime() + 89 * DAY_MS + 1))).toBe(1);
    expect(daysLeft(exp, exp)).toBe(0);
    expect(daysLeft(exp, new Date(exp.getTime() + 5 * DAY_MS))).toBe(0);
  });

  it('shows the calendar date in the user zone, independent of the machine zone', () => {
    process.env.TZ = 'Asia/Kolkata';
    // 23:30 UTC on New Year's Eve: still 31 Dec in New York, already 1 Jan in Berlin.
    expect(localDate('2026-12-31T23:30:00Z', 'America/New_York')).toBe('2026-12-31');
    expect(localDate('2026-12-31T23:30:00Z', 'Europe/Berlin')).toBe('2027-01-01');
    // The second 01:30 of New York's fall-back night is still 1 November.
    expect(localDate('2026-11-01T06:30:00Z', 'America/New_York')).toBe('2026-11-01');
  });

  it('refuses a nonsensical number of days', () => {
    expect(() => expiryOf(new Date(), 0)).toThrow(RangeError);
    expect(() => expiryOf(new Date(), 1.5)).toThrow(RangeError);
  });
});
