import type { HttpProbeResponse } from '../ports.js';
import { parseHtml, textContent } from '../html/index.js';

const LOCKED_TEXT =
  /\b(locked|lock(?:ed)?[ -]?out|too many (?:failed |unsuccessful |invalid |wrong |login )*(?:attempts|tries|logins)|temporarily (?:blocked|disabled|unavailable)|try again (?:later|in \d+)|account (?:is )?disabled)\b/i;
const REMAINING_TEXT = [
  /(\d+)\s+(?:more\s+)?(?:login\s+|sign[- ]in\s+)?(?:attempts?|tries|chances?)\s+(?:remaining|left)/i,
  /(?:remaining|left)\s+(?:login\s+)?(?:attempts?|tries)\s*[:=]?\s*(\d+)/i,
];

const NOT_TEXT = new Set(['script', 'style']);

/**
 * Plain-text view of a body for pattern matching, parsed as a browser parses it (entities such as
 * &nbsp; decoded; tags, comments, scripts, styles and template contents dropped; bounded).
 * No-script fallbacks stay in: a lockout notice there is still a notice.
 */
const textOf = (html: string) => textContent(parseHtml(html, 64 * 1024), NOT_TEXT, ' ').replace(/\s+/g, ' ');

/**
 * The first sign that a login is locking: 429, 403 once a 401 has been seen, a Retry-After, or a
 * lockout page. Returns a reason in plain words, or null.
 */
export function lockoutSign(res: HttpProbeResponse, seenUnauthorized: boolean): string | null {
  if (res.status === 429) return 'the device answered "too many requests" (HTTP 429)';
  if (res.status === 423) return 'the device reported the login as locked (HTTP 423)';
  if (res.status === 403 && seenUnauthorized) return 'the device switched from "wrong password" to "forbidden" (HTTP 403 after 401), a sign of a lockout';
  if (res.headers['retry-after'] && res.status >= 400) return 'the device asked to retry later (Retry-After), a sign of a lockout';
  if (LOCKED_TEXT.test(textOf(res.body))) return 'the device showed a lockout message';
  return null;
}

/** The number of attempts a login page says are left, if it says so. */
export function attemptsRemaining(res: HttpProbeResponse): number | null {
  const t = textOf(res.body);
  for (const re of REMAINING_TEXT) {
    const m = re.exec(t);
    if (m) return Number(m[1]);
  }
  const h = res.headers['x-ratelimit-remaining']?.[0];
  return h !== undefined && /^\d+$/.test(h) ? Number(h) : null;
}
