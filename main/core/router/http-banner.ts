/** What an admin page's HTTP answer gives away without a login: the Server header and the page title. */
import { stripControl } from '../network/index.js';

/** Server header and <title>, bounded and tidied. */
export interface HttpBanner {
  server: string | null;
  title: string | null;
}

const clean = (s: string | undefined | null, max = 120): string | null => {
  const t = (s ?? '').replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&nbsp;/g, ' ');
  const u = stripControl(t).replace(/\s+/g, ' ').trim();
  return u ? u.slice(0, max) : null;
};

/** Reads the banner from headers (lower-case names) and an HTML body. */
export function readHttpBanner(headers: Record<string, string>, body: string): HttpBanner {
  const m = /<title[^>]*>([\s\S]{0,400}?)<\/title>/i.exec(body.slice(0, 64 * 1024));
  return { server: clean(headers['server']), title: clean(m?.[1]) };
}
