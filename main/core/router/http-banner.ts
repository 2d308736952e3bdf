/** What an admin page's HTTP answer gives away without a login: the Server header and the page title. */
import { stripControl } from '../network/index.js';
import { documentTitle, parseHtml } from '../html/index.js';

export { loadHtmlParser } from '../html/index.js';

/** Server header and <title>, bounded and tidied. */
export interface HttpBanner {
  server: string | null;
  title: string | null;
}

const clean = (s: string | undefined | null, max = 120): string | null => {
  // U+FFFD is what the HTML parser puts in place of a NUL: junk, not a name
  const u = stripControl((s ?? '').replace(/\uFFFD/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return u ? u.slice(0, max) : null;
};

/**
 * Reads the banner from headers (lower-case names) and an HTML body. The title is the one a
 * browser shows in its tab (parsed with parse5: entities decoded, a title in a comment, a script or
 * an SVG drawing does not count). Needs `await loadHtmlParser()` first.
 */
export function readHttpBanner(headers: Record<string, string>, body: string): HttpBanner {
  return { server: clean(headers['server']), title: clean(documentTitle(parseHtml(body, 64 * 1024))) };
}
