import type { HttpProbeResponse } from '../ports.js';
import { msg, type Message } from '../messages/index.js';
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
 * lockout page. Returns the sign as a message, or null.
 */
export function lockoutSign(res: HttpProbeResponse, seenUnauthorized: boolean): Message | null {
  if (res.status === 429) return msg('credentials.lockout.too-many');
  if (res.status === 423) return msg('credentials.lockout.locked');
  if (res.status === 403 && seenUnauthorized) return msg('credentials.lockout.forbidden-after-401');
  if (res.headers['retry-after'] && res.status >= 400) return msg('credentials.lockout.retry-after');
  if (LOCKED_TEXT.test(textOf(res.body))) return msg('credentials.lockout.message');
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
