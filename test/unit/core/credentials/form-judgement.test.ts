/**
 * Form logins judged on what a browser sees — the page the post lands on, the session handed out,
 * the protected page afterwards — on login flows shaped like real equipment:
 *  - OpenWrt LuCI (luci dispatcher): "/" is a meta refresh to /cgi-bin/luci/, which answers 403 with
 *    the login form (fields luci_username/luci_password, X-LuCI-Login-Required: yes); success sets
 *    `sysauth=…; path=/cgi-bin/luci/; SameSite=Strict; HttpOnly` and redirects to the same page;
 *    failure is 403 with the form and "Invalid username and/or password! Please try again."
 *  - a static login page whose post redirects to a separate status page (cookie session), and back
 *    to the login page with an error on failure (TP-Link/D-Link style);
 *  - a login that answers 200 with the login form again plus an error (ASUS style, lab form app);
 *  - a post that answers 200 "Login successful" to everything, and a post that always redirects to
 *    a status page anyone can open: neither may ever read as "accepted", nor as "refused".
 */
import { words } from '../../../support/words.js';
import { describe, expect, it } from 'vitest';
import { SafeProber, attemptsText, probeDetail, probeEvidence } from '../../../../main/core/credentials/safe-prober.js';
import { AttemptLedger } from '../../../../main/core/credentials/attempt-ledger.js';
import { findVendor, loadDefaultCredentials } from '../../../../main/core/credentials/dataset.js';
import { resolveProbeTarget } from '../../../../main/core/credentials/address-scope.js';
import { resourcesDir } from '../../../../main/compose.js';
import { ScriptedHttp, type Handler, type Reply } from './fake-http.js';

const data = loadDefaultCredentials(resourcesDir());

function probe(handler: Handler, vendorName: string | null = null, ledger = new AttemptLedger()) {
  const http = new ScriptedHttp(handler);
  const prober = new SafeProber(http, data, ledger, { requestTimeoutMs: 1000, delayMs: 0 });
  const run = () => prober.check({ target: resolveProbeTarget('192.168.1.1'), vendor: vendorName ? findVendor(data, vendorName) : null, isGateway: false, consent: true });
  return { http, ledger, run };
}

const form = (action: string, user: string, pass: string, message = '') =>
  `<!doctype html><html><body>${message ? `<p class="error">${message}</p>` : ''}<form method="post" action="${action}">` +
  `<input type="text" name="${user}"><input type="password" name="${pass}"><input type="submit" value="Login"></form></body></html>`;
const STATUS = '<html><body><h1>Status</h1><p>Firmware 3.16.9 — Internet connected</p><a href="/logout">Log out</a></body></html>';
const cookieOf = (h: string | undefined, name: string) => new RegExp(`(?:^|; )${name}=([^;]+)`).exec(h ?? '')?.[1];

/** OpenWrt LuCI, as its dispatcher answers. */
function luci(password: string): Handler {
  const sessions = new Set<string>();
  const loginPage = (msg = '') =>
    `<html><body><form method="post" class="cbi-map">${msg ? `<div class="alert-message error">${msg}</div>` : ''}` +
    `<input name="luci_username" type="text" value="root"><input name="luci_password" type="password"><button class="btn cbi-button-positive important">Log in</button></form></body></html>`;
  return (q): Reply => {
    if (q.path === '/') return { status: 200, body: '<html><head><meta http-equiv="refresh" content="0; URL=cgi-bin/luci/" /></head><body><a href="cgi-bin/luci/">LuCI - Lua Configuration Interface</a></body></html>' };
    if (!q.path.startsWith('/cgi-bin/luci')) return { status: 404, body: 'Not found' };
    if (q.method === 'POST') {
      const f = new URLSearchParams(q.body ?? '');
      if (f.get('luci_username') === 'root' && f.get('luci_password') === password) {
        const sid = `s${sessions.size + 1}abcdef`;
        sessions.add(sid);
        return { status: 302, headers: { location: ['/cgi-bin/luci/'], 'set-cookie': [`sysauth=${sid}; path=/cgi-bin/luci/; SameSite=Strict; HttpOnly`] } };
      }
      return { status: 403, headers: { 'x-luci-login-required': ['yes'] }, body: loginPage('Invalid username and/or password! Please try again.') };
    }
    if (sessions.has(cookieOf(q.headers.cookie, 'sysauth') ?? '')) return { status: 200, body: '<html><body><h2>Status</h2><h3>System</h3><p>Hostname OpenWrt</p></body></html>' };
    return { status: 403, headers: { 'x-luci-login-required': ['yes'] }, body: loginPage() };
  };
}

/** A static login page; the post redirects to a cookie-protected status page, or back to the login page with an error. */
function statusRedirect(password: string): Handler {
  return (q): Reply => {
    if (q.method === 'POST' && q.path === '/login.cgi') {
      const f = new URLSearchParams(q.body ?? '');
      if (f.get('username') === 'admin' && f.get('password') === password) return { status: 302, headers: { location: ['/status.htm'], 'set-cookie': ['SESSIONID=9f8e7d; Path=/; HttpOnly'] } };
      return { status: 302, headers: { location: ['/?err=1'] } };
    }
    if (q.path === '/status.htm') return cookieOf(q.headers.cookie, 'SESSIONID') === '9f8e7d' ? { status: 200, body: STATUS } : { status: 302, headers: { location: ['/'] } };
    if (q.path.startsWith('/?err')) return { status: 200, body: form('/login.cgi', 'username', 'password', 'The username or password is incorrect, please input again.') };
    return { status: 200, body: form('/login.cgi', 'username', 'password') };
  };
}

describe('form logins: judged on the landing page, the session and the protected page', () => {
  it('a static login page whose post redirects to a protected status page: the factory login is found (it used to read "refused")', async () => {
    const { http, run } = probe(statusRedirect('1234'));
    const r = await run();
    expect(r).toMatchObject({ login: 'form', result: 'default-accepted', matched: { username: 'admin', password: '1234' } });
    expect(words(r.reason)).toMatch(/status\.htm opened with that session and not without it/);
    expect(words(r.evidence.at(-1))).toMatch(/handed out a session cookie \(SESSIONID\)/);
    // the witness: exactly the posts the device saw, one per login tried (admin/admin, admin/password, admin/1234)
    expect(http.credentialRequests()).toHaveLength(3);
    expect(r.attempts).toBe(3);
  });

  it('the same page after the owner changed the password: refused by every piece of evidence → default-rejected', async () => {
    const { http, run } = probe(statusRedirect('x-Changed-42'));
    const r = await run();
    expect(r.result).toBe('default-rejected');
    expect(words(r.evidence[0])).toMatch(/showed the login form again at \/\?err=1/);
    expect(http.credentialRequests()).toHaveLength(5);
  });

  it('OpenWrt LuCI: meta refresh, 403 login page, sysauth cookie → the blank root password is found; after a change it is refused', async () => {
    const open = await probe(luci(''), 'openwrt').run();
    expect(open).toMatchObject({ login: 'form', result: 'default-accepted', matched: { username: 'root', password: '' }, attempts: 1 });
    expect(open.url).toBe('http://192.168.1.1:80/');
    const closed = probe(luci('n3w-Secret'), 'openwrt');
    const r = await closed.run();
    expect(r).toMatchObject({ result: 'default-rejected', attempts: 1 });
    expect(words(r.evidence[0])).toMatch(/showed the login form again \(HTTP 403\)/);
  });

  it('200 with the login form again and an error message → refused; a bare "Login failed" page → refused', async () => {
    const again = await probe((q) => (q.method === 'POST' ? { status: 200, body: form('/login.cgi', 'user', 'pass', 'Invalid username or password') } : { status: 200, body: form('/login.cgi', 'user', 'pass') }), 'asus').run();
    expect(again.result).toBe('default-rejected');
    const bare = await probe((q) => (q.method === 'POST' ? { status: 200, body: '<html><body><h2>Login failed</h2><a href="/">Back</a></body></html>' } : { status: 200, body: form('/login.cgi', 'user', 'pass') }), 'asus').run();
    expect(bare.result).toBe('default-rejected');
    expect(words(bare.evidence[0])).toMatch(/Login failed/);
  });

  it('a post answered with a "refresh" page that leads on to the protected status page is followed like a browser would', async () => {
    const { run } = probe((q): Reply => {
      if (q.method === 'POST') {
        const ok = new URLSearchParams(q.body ?? '').get('password') === 'admin';
        return ok
          ? { status: 200, headers: { 'set-cookie': ['SID=77aa; Path=/'] }, body: '<html><head><meta http-equiv="Refresh" content="1;url=/main.htm"></head><body>Please wait…</body></html>' }
          : { status: 200, body: form('/login.cgi', 'username', 'password', 'User Name or Password is incorrect.') };
      }
      if (q.path === '/main.htm') return cookieOf(q.headers.cookie, 'SID') === '77aa' ? { status: 200, body: STATUS } : { status: 200, body: form('/login.cgi', 'username', 'password') };
      return { status: 200, body: form('/login.cgi', 'username', 'password') };
    });
    const r = await run();
    expect(r).toMatchObject({ result: 'default-accepted', matched: { username: 'admin', password: 'admin' }, attempts: 1 });
    expect(words(r.reason)).toMatch(/\/main\.htm opened with that session and not without it/);
  });

  it('a post that always redirects to a status page anyone can open is never "accepted" (nor "refused")', async () => {
    const { run } = probe((q): Reply => {
      if (q.method === 'POST') return { status: 302, headers: { location: ['/status.htm'], 'set-cookie': ['sid=decoy; Path=/'] } };
      if (q.path === '/status.htm') return { status: 200, body: STATUS };
      return { status: 200, body: form('/login.cgi', 'username', 'password') };
    });
    const r = await run();
    expect(r.result).toBe('unknown');
    expect(words(r.reason)).toMatch(/opens without any login too/);
    expect(words(r.reason)).toMatch(/The maker is unknown; common factory logins tried: admin \/ admin; admin \/ password; admin \/ 1234; admin \/ \(blank password\); root \/ \(blank password\)\.$/);
  });

  it('a server that answers 200 to every request and every path is never "accepted"', async () => {
    const { run } = probe((q) => (q.method === 'POST' ? { status: 200, body: '<h1>Welcome</h1>', headers: { 'set-cookie': ['sid=x'] } } : { status: 200, body: form('/login.cgi', 'username', 'password') }));
    const r = await run();
    expect(r.result).toBe('unknown');
    expect(r.matched).toBeNull();
  });

  it('conflicting evidence is unknown with the reason: an error message, yet the admin page opens', async () => {
    let posted = false;
    const { run } = probe((q): Reply => {
      if (q.method === 'POST') {
        posted = true;
        return { status: 200, body: '<p>Login failed: wrong password</p>' };
      }
      return { status: 200, body: posted ? STATUS : form('/login.cgi', 'username', 'password') };
    });
    const r = await run();
    expect(r.result).toBe('unknown');
    expect(words(r.reason)).toMatch(/contradict/);
  });

  it('a landing page asking to set a new password, with the admin page still closed, is not read as "refused"', async () => {
    const { run } = probe((q) =>
      q.method === 'POST'
        ? { status: 200, body: '<form action="/setpw.cgi" method="post"><input type="password" name="newpw"><input type="password" name="confirm"><button>Save</button></form>' }
        : { status: 200, body: form('/login.cgi', 'username', 'password') },
    );
    expect((await run()).result).toBe('unknown');
  });
});

describe('attempts counted as the server sees them, in one ledger per host', () => {
  it('a login form that answers with a 307 re-post sends the password twice: both count, and never more than 5', async () => {
    const { http, ledger, run } = probe((q): Reply => {
      if (q.method === 'POST' && q.path === '/login.cgi') return { status: 307, headers: { location: ['/auth/login.cgi'] } };
      if (q.method === 'POST') return { status: 200, body: form('/login.cgi', 'username', 'password', 'Invalid password') };
      return { status: 200, body: form('/login.cgi', 'username', 'password') };
    });
    const r = await run();
    const seen = http.credentialRequests().length; // what the device saw
    expect(seen).toBe(5);
    expect(r.attempts).toBe(seen);
    expect(ledger.used('192.168.1.1')).toBe(seen);
    expect(r.auditAttempts).toBe(seen);
    expect(r.tried).toBe(3); // 2 + 2 + 1: the third login's re-post did not fit in the budget and was not sent
    expect(r.result).toBe('unknown');
    expect(words(r.reason)).toMatch(/limit of 5 password tries/);
  });

  it('digest stale-nonce retries count like the device counts them; the step, the evidence and the JSON say the same number', async () => {
    let n = 0;
    const { http, run } = probe((q): Reply => {
      const challenge = (nonce: string, stale = false) => ({ status: 401, headers: { 'www-authenticate': [`Digest realm="IP Camera", nonce="${nonce}", qop="auth"${stale ? ', stale=TRUE' : ''}`] } });
      if (!q.headers.authorization) return challenge('n0');
      n++;
      return n % 2 === 1 ? challenge(`n${n}`, true) : challenge(`n${n}`);
    }, 'dahua');
    const r = await run();
    const seen = http.requests.filter((q) => q.headers.authorization).length;
    expect(r.attempts).toBe(seen);
    expect(r.auditAttempts).toBe(seen);
    expect(seen).toBeLessThanOrEqual(5);
    expect(r.tried).toBe(3);
    expect(seen).toBe(5); // 2 + 2 + 1: the third login's retry did not fit
    const text = attemptsText(r);
    expect(text).toBe(`${seen} of 5 password tries used on this device in this audit (${seen} by this check).`);
    expect(probeEvidence(r)).toMatchObject({ params: { used: seen, max: 5, tried: seen } });
    expect(words(probeEvidence(r))).toContain(text);
  });

  it('the unknown maker: the evidence lists the common factory logins tried and the wording says so', async () => {
    const r = await probe(statusRedirect('x-Changed-42')).run();
    expect(r.result).toBe('default-rejected');
    expect(r.triedLogins).toEqual(data.generic);
    expect(words(r.reason)).toMatch(/^The 5 most common factory logins were refused; the maker is unknown.*Tried: admin \/ admin; admin \/ password; admin \/ 1234; admin \/ \(blank password\); root \/ \(blank password\)\.$/);
    expect(probeEvidence(r)).toMatchObject({ code: 'credentials.evidence.rejected', params: { name: '192.168.1.1:80' } });
    expect(words(probeEvidence(r))).toMatch(/the maker is unknown.*5 of 5 password tries used/);
    expect(probeDetail(r)).toMatchObject({ code: 'credentials.detail.same', params: { count: 5 } });
    expect(words(probeDetail(r))).toBe(
      '192.168.1.1:80 asks for a login page (web form). For each of the 5 logins tried, the login showed the login form again at /?err=1; handed out no new cookie; the admin page then showed the login form again.',
    );
  });
});
