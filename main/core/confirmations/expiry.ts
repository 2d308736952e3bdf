import { addDays } from '../checks/index.js';

/** One day as Porchlight counts it for expiry: 24 hours of UTC time, the same instant in every zone. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a confirmation made at `confirmedAt` expires: exactly `days` × 24 h later. It is the same
 * rule CheckBoard.confirm uses, so the progress document and the history always agree, and it
 * does not move with the machine's time zone or a daylight-saving change.
 */
export function expiryOf(confirmedAt: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`expiry days must be a positive whole number, not ${days}`);
  return addDays(confirmedAt, days);
}

/** A confirmation is expired from its expiry instant on (inclusive). */
export function isExpired(expiresAt: Date | string, now: Date): boolean {
  return new Date(expiresAt).getTime() <= now.getTime();
}

/** Whole days left before expiry, rounded up (0 once expired), for "expires in N days". */
export function daysLeft(expiresAt: Date | string, now: Date): number {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone, for showing "confirmed on …". */
export function localDate(instant: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
