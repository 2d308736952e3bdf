import { describe, expect, it } from 'vitest';
import { AttemptBudgetSpent, HttpSession } from '../../../../main/core/credentials/http-session.js';
import { AttemptLedger } from '../../../../main/core/credentials/attempt-ledger.js';
import { resolveProbeTarget } from '../../../../main/core/credentials/address-scope.js';
import { ScriptedHttp, type Reply } from './fake-http.js';

const target = resolveProbeTarget('192.168.1.1');

function gated(ledger: AttemptLedger) {
  return { take: () => ledger.take(target.host) };
}

describe('HttpSession: every request carrying a password passes the host ledger first', () => {
  it('a 307/308 re-post sends the password again and is counted again; a 302/303 drops it', async () => {
    const ledger = new AttemptLedger();
    const http = new ScriptedHttp((q): Reply => {
      if (q.path === '/a') return { status: 307, headers: { location: ['/b'] } };
      if (q.path === '/b') return { status: 308, headers: { location: ['/c'] } };
      if (q.path === '/c') return { status: 303, headers: { location: ['/d'], 'set-cookie': ['sid=1; Path=/'] } };
      return { status: 200, body: 'ok' };
    });
    const s = new HttpSession(http, target, 1000, false, () => {}, gated(ledger));
    const r = await s.request('POST', '/a', { form: { password: 'admin' }, credential: true });
    expect(r).toMatchObject({ path: '/d', redirects: 3, cookiesSet: ['sid'] });
    expect(http.requests.map((q) => `${q.method} ${q.path} ${q.body ?? ''}`)).toEqual(['POST /a password=admin', 'POST /b password=admin', 'POST /c password=admin', 'GET /d ']);
    expect(http.credentialRequests()).toHaveLength(3);
    expect(ledger.used(target.host)).toBe(3);
  });

  it('refuses to send once the budget is spent (nothing leaves), and an Authorization header goes with the first hop only', async () => {
    const ledger = new AttemptLedger('a', 1);
    const http = new ScriptedHttp((q) => (q.path === '/x' ? { status: 307, headers: { location: ['/y'] } } : { status: 200 }));
    const s = new HttpSession(http, target, 1000, false, () => {}, gated(ledger));
    await expect(s.request('POST', '/x', { form: { p: '1' }, credential: true })).rejects.toBeInstanceOf(AttemptBudgetSpent);
    expect(http.requests.map((q) => q.path)).toEqual(['/x']); // the re-post to /y was not sent
    await expect(s.request('GET', '/z', { headers: { authorization: 'Basic YTpi' }, credential: true })).rejects.toBeInstanceOf(AttemptBudgetSpent);
    expect(http.requests).toHaveLength(1);

    const open = new HttpSession(new ScriptedHttp(() => ({ status: 200 })), target, 1000, false);
    await expect(open.request('GET', '/', { credential: true })).rejects.toThrow(/needs the attempt gate/);

    const redirects = new ScriptedHttp((q) => (q.path === '/p' ? { status: 302, headers: { location: ['/q'] } } : { status: 200 }));
    await new HttpSession(redirects, target, 1000, false).request('GET', '/p', { headers: { authorization: 'Basic YTpi' } });
    expect(redirects.requests.map((q) => q.headers.authorization)).toEqual(['Basic YTpi', undefined]);
  });

  it('keeps the cookies a server sets and forgets the ones it expires', async () => {
    const http = new ScriptedHttp((q): Reply =>
      q.path === '/login'
        ? { status: 200, headers: { 'set-cookie': ['sysauth=abc; path=/cgi-bin/luci/; SameSite=Strict; HttpOnly', 'old=1'] } }
        : { status: 200, headers: { 'set-cookie': ['old=deleted; expires=Thu, 01 Jan 1970 00:00:00 GMT'] } },
    );
    const s = new HttpSession(http, target, 1000, false);
    expect((await s.request('GET', '/login')).cookiesSet).toEqual(['sysauth', 'old']);
    expect((await s.request('GET', '/next')).cookiesSet).toEqual([]);
    // LuCI's session cookie is scoped to /cgi-bin/luci/: a browser sends it there and nowhere else
    await s.request('GET', '/cgi-bin/luci/admin/status');
    expect(http.requests.at(-1)!.headers.cookie).toBe('sysauth=abc');
    await s.request('GET', '/again');
    expect(http.requests.at(-1)!.headers.cookie).toBeUndefined();
  });
});

describe('HttpSession: the cookie jar follows RFC 6265 like a browser', () => {
  const replyWith = (cookies: Record<string, string[]>) =>
    new ScriptedHttp((q): Reply => ({ status: 200, body: 'ok', headers: cookies[q.path] ? { 'set-cookie': cookies[q.path]! } : {} }));
  const sentCookie = (http: ScriptedHttp) => http.requests.at(-1)!.headers.cookie;

  it('a cookie with Path=/cgi-bin goes only to paths under /cgi-bin', async () => {
    const http = replyWith({ '/cgi-bin/login.cgi': ['SESSIONID=s3cr3t; Path=/cgi-bin; HttpOnly'] });
    const s = new HttpSession(http, target, 1000, false);
    expect((await s.request('GET', '/cgi-bin/login.cgi')).cookiesSet).toEqual(['SESSIONID']);
    await s.request('GET', '/cgi-bin/status.cgi');
    expect(sentCookie(http)).toBe('SESSIONID=s3cr3t');
    await s.request('GET', '/cgi-bin');
    expect(sentCookie(http)).toBe('SESSIONID=s3cr3t');
    for (const path of ['/', '/index.html', '/cgi-binary/x', '/status/cgi-bin/x']) {
      await s.request('GET', path);
      expect(sentCookie(http), path).toBeUndefined();
    }
  });

  it('a cookie without Path is scoped to the directory of the page that set it', async () => {
    const http = replyWith({ '/goform/login': ['token=1'] });
    const s = new HttpSession(http, target, 1000, false);
    await s.request('GET', '/goform/login');
    await s.request('GET', '/goform/status');
    expect(sentCookie(http)).toBe('token=1');
    await s.request('GET', '/');
    expect(sentCookie(http)).toBeUndefined();
  });

  it('Max-Age=0 drops a cookie (and is no session handed out); a past Expires does too', async () => {
    const http = replyWith({
      '/login': ['sid=abc; Path=/', 'lang=en; Path=/'],
      '/logout': ['sid=abc; Path=/; Max-Age=0', 'lang=en; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT'],
      '/fresh': ['tmp=1; Path=/; Max-Age=0'],
    });
    const s = new HttpSession(http, target, 1000, false);
    await s.request('GET', '/login');
    await s.request('GET', '/home');
    expect(sentCookie(http)).toBe('sid=abc; lang=en');
    expect((await s.request('GET', '/logout')).cookiesSet).toEqual([]);
    await s.request('GET', '/home');
    expect(sentCookie(http)).toBeUndefined();
    expect((await s.request('GET', '/fresh')).cookiesSet).toEqual([]);
    await s.request('GET', '/home');
    expect(sentCookie(http)).toBeUndefined();
  });

  it('refuses a cookie for another domain or a public suffix, keeps a host-only one', async () => {
    const http = replyWith({ '/': ['evil=1; Domain=example.com; Path=/', 'tld=1; Domain=com; Path=/', 'ip=1; Domain=192.168.1.2; Path=/', 'ok=1; Path=/'] });
    const s = new HttpSession(http, target, 1000, false);
    expect((await s.request('GET', '/')).cookiesSet).toEqual(['ok']);
    await s.request('GET', '/next');
    expect(sentCookie(http)).toBe('ok=1');
  });

  it('keeps two sessions apart: a fresh session (an anonymous visitor) starts with an empty jar', async () => {
    const http = replyWith({ '/': ['sid=a; Path=/'] });
    const a = new HttpSession(http, target, 1000, false);
    await a.request('GET', '/');
    await new HttpSession(http, target, 1000, false).request('GET', '/x');
    expect(sentCookie(http)).toBeUndefined(); // a fresh session (an anonymous visitor) has an empty jar
    await a.request('GET', '/x');
    expect(sentCookie(http)).toBe('sid=a');
  });
});
