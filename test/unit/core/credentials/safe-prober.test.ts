import { words } from '../../../support/words.js';
import { describe, expect, it } from 'vitest';
import { SafeProber } from '../../../../main/core/credentials/safe-prober.js';
import { AttemptLedger } from '../../../../main/core/credentials/attempt-ledger.js';
import { findVendor, loadDefaultCredentials } from '../../../../main/core/credentials/dataset.js';
import { resolveProbeTarget } from '../../../../main/core/credentials/address-scope.js';
import { resourcesDir } from '../../../../main/compose.js';
import { PorchlightError } from '../../../../main/core/errors.js';
import { basicServer, formServer, LOGIN_PAGE, ScriptedHttp, type Handler } from './fake-http.js';

const data = loadDefaultCredentials(resourcesDir());
const vendor = (name: string) => findVendor(data, name);
const FAST = { requestTimeoutMs: 1000, delayMs: 0 };

function probe(handler: Handler, opts: { vendor?: string | null; host?: string; ledger?: AttemptLedger; delayMs?: number; https?: boolean; isGateway?: boolean } = {}) {
  const http = new ScriptedHttp(handler);
  const ledger = opts.ledger ?? new AttemptLedger();
  const prober = new SafeProber(http, data, ledger, { ...FAST, delayMs: opts.delayMs ?? 0 });
  const run = () =>
    prober.check({
      target: resolveProbeTarget(opts.host ?? '192.168.1.1', opts.https ?? false),
      vendor: opts.vendor === undefined ? null : vendor(opts.vendor ?? ''),
      isGateway: opts.isGateway ?? false,
      consent: true,
    });
  return { http, ledger, run };
}

describe('SafeProber', () => {
  it('refuses a public address and a missing consent without sending anything', async () => {
    const http = new ScriptedHttp(() => ({ status: 200 }));
    const prober = new SafeProber(http, data, new AttemptLedger(), FAST);
    const publicTarget = { host: '8.8.8.8', port: 80, https: false, scope: 'private' as const };
    await expect(prober.check({ target: publicTarget, vendor: null, isGateway: false, consent: true })).rejects.toThrow(/public internet address/);
    await expect(prober.check({ target: resolveProbeTarget('10.0.0.1'), vendor: null, isGateway: false, consent: false })).rejects.toBeInstanceOf(PorchlightError);
    expect(http.requests).toHaveLength(0);
  });

  it('Basic with the vendor default → default-accepted naming the public pair', async () => {
    const { http, run } = probe(basicServer('admin', 'password'), { vendor: 'netgear' });
    const r = await run();
    expect(r).toMatchObject({ login: 'basic', result: 'default-accepted', attempts: 1, matched: { username: 'admin', password: 'password' }, vendor: 'NETGEAR' });
    expect(http.credentialRequests()).toHaveLength(1);
    expect(http.requests.every((q) => q.timeoutMs === 1000)).toBe(true);
  });

  it('Basic with a changed password → default-rejected after only the vendor defaults', async () => {
    const { http, run } = probe(basicServer('admin', 'x7-Changed'), { vendor: 'netgear' });
    const r = await run();
    expect(r).toMatchObject({ result: 'default-rejected', attempts: 2, tried: 2, matched: null });
    expect(http.credentialRequests()).toHaveLength(2);
  });

  it('a form that says "Login successful" to everything is never a false positive, nor a false refusal', async () => {
    const { http, run } = probe(formServer('admin', 'admin', 'always200'));
    const r = await run();
    expect(r.result).toBe('unknown');
    expect(words(r.reason)).toMatch(/as if the login worked/);
    expect(r.matched).toBeNull();
    expect(http.credentialRequests()).toHaveLength(5);
  });

  it('a real form login with its factory pair is found, and its CSRF token is sent back', async () => {
    const { http, run } = probe(formServer('admin', 'admin'), { vendor: 'asus' });
    const r = await run();
    expect(r).toMatchObject({ login: 'form', result: 'default-accepted', matched: { username: 'admin', password: 'admin' } });
    const post = http.requests.find((q) => q.method === 'POST')!;
    expect(new URLSearchParams(post.body).get('token')).toBe('t1');
    expect(post.path).toBe('/login.cgi');
  });

  it('never more than 5 attempts per host per audit, across calls; a new audit resets it', async () => {
    const ledger = new AttemptLedger('audit-1');
    const first = probe(basicServer('admin', 'nope'), { ledger });
    expect((await first.run()).attempts).toBe(5);
    const second = probe(basicServer('admin', 'nope'), { ledger, vendor: 'netgear' });
    const r2 = await second.run();
    expect(r2).toMatchObject({ result: 'unknown', attempts: 0 });
    expect(words(r2.reason)).toMatch(/already had 5/);
    expect(second.http.requests).toHaveLength(0);
    // another host has its own budget
    expect((await probe(basicServer('admin', 'nope'), { ledger, host: '192.168.1.2', vendor: 'netgear' }).run()).attempts).toBe(2);
    // a budget partly used stops mid-list with the reason
    const l2 = new AttemptLedger();
    await probe(basicServer('a', 'b'), { ledger: l2, vendor: 'netgear' }).run(); // 2 used
    await probe(basicServer('a', 'b'), { ledger: l2, vendor: 'generic-isp' }).run(); // 3 more → 5
    expect(l2.used('192.168.1.1')).toBe(5);
    ledger.startAudit('audit-2');
    expect((await probe(basicServer('admin', 'nope'), { ledger, vendor: 'netgear' }).run()).attempts).toBe(2);
  });

  it('stops at 429, at 403 after 401, at a lockout page and at "1 attempt remaining"', async () => {
    const r429 = await probe((q, n) => (n === 1 || !q.headers.authorization ? { status: 401, headers: { 'www-authenticate': ['Basic realm="x"'] } } : { status: 429 })).run();
    expect(r429).toMatchObject({ result: 'unknown', attempts: 1 });
    expect(words(r429.reason)).toMatch(/429/);

    const r403 = await probe((q, n) => (n <= 2 ? { status: 401, headers: { 'www-authenticate': ['Basic realm="x"'] } } : { status: 403 })).run();
    expect(r403).toMatchObject({ result: 'unknown', attempts: 2 });
    expect(words(r403.reason)).toMatch(/403 after 401/);

    let failures = 0;
    const warned = probe((q) => {
      if (q.method === 'POST') {
        failures++;
        return { status: 200, body: `${LOGIN_PAGE}<p>Wrong password. ${3 - failures} attempts remaining.</p>` };
      }
      return { status: 200, body: LOGIN_PAGE };
    });
    const rw = await warned.run();
    expect(rw).toMatchObject({ result: 'unknown', attempts: 2 });
    expect(failures).toBe(2);

    const page = await probe(() => ({ status: 200, body: '<h1>Too many failed attempts, the login is locked</h1>' })).run();
    expect(page).toMatchObject({ result: 'unknown', attempts: 0 });
  });

  it('spaces attempts out by the configured delay', async () => {
    const { http, run } = probe(basicServer('admin', 'nope'), { vendor: 'netgear', delayMs: 120 });
    const times: number[] = [];
    const orig = http.send.bind(http);
    http.send = async (q) => {
      if (q.headers.authorization) times.push(Date.now());
      return orig(q);
    };
    await run();
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(110);
  });

  it('unknown with the reason: timeouts, refused connections, no login, foreign schemes, app-only and label-password vendors', async () => {
    const hung = await probe(() => Promise.reject(new PorchlightError('timeout', 'error.no-answer', { address: '192.168.1.1:80', count: 2 }))).run();
    expect(hung).toMatchObject({ result: 'unknown', attempts: 0 });
    expect(words(hung.reason)).toMatch(/did not answer within 1 s/);
    const refused = await probe(() => Promise.reject(new PorchlightError('refused', 'error.connection-refused', { address: '192.168.1.1:80' }, { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }))).run();
    expect(words(refused.reason)).toMatch(/refused the connection/);
    expect((await probe(() => ({ status: 200, body: '<h1>Hello</h1>' })).run())).toMatchObject({ login: 'none', result: 'unknown' });
    expect(words((await probe(() => ({ status: 401, headers: { 'www-authenticate': ['NTLM'] } })).run()).reason)).toMatch(/ntlm/);
    const eero = probe(() => ({ status: 200 }), { vendor: 'eero' });
    expect(await eero.run()).toMatchObject({ login: 'app-only', result: 'unknown' });
    expect(eero.http.requests).toHaveLength(0);
    const fritz = probe(() => ({ status: 200 }), { vendor: 'fritz!box' });
    expect(words((await fritz.run()).reason)).toMatch(/label/);
    expect(fritz.http.requests).toHaveLength(0);
  });

  it('accepts a self-signed certificate only for the gateway, and says so', async () => {
    const gw = probe(() => ({ status: 401, headers: { 'www-authenticate': ['Basic realm="x"'] }, untrustedCertificate: true }), { https: true, isGateway: true, vendor: 'netgear' });
    const r = await gw.run();
    expect(gw.http.requests.every((q) => q.allowUntrustedCertificate)).toBe(true);
    expect(r.certificate).toBe('self-signed-accepted-for-gateway');
    expect(r.notes.map(words).join(' ')).toMatch(/self-signed/);
    const other = probe(() => ({ status: 401, headers: { 'www-authenticate': ['Basic realm="x"'] } }), { https: true, isGateway: false, vendor: 'netgear' });
    await other.run();
    expect(other.http.requests.every((q) => !q.allowUntrustedCertificate)).toBe(true);
  });

  it('follows only same-host redirects', async () => {
    const { http, run } = probe((q) => (q.path === '/' ? { status: 302, headers: { location: ['http://evil.example/login'] } } : { status: 200 }));
    const r = await run();
    expect(r.result).toBe('unknown');
    expect(http.requests.map((q) => q.host)).toEqual(['192.168.1.1']);
  });
});

describe('SafeProber edge cases that must not read as "refused"', () => {
  it('a stale Digest nonce is retried once (counted), never taken as a refusal', async () => {
    const challenge = (nonce: string, stale = false) => ({
      status: 401,
      headers: { 'www-authenticate': [`Digest realm="cam", nonce="${nonce}", qop="auth"${stale ? ', stale=true' : ''}`] },
    });
    let n = 0;
    const { http, run } = probe((q) => {
      if (!q.headers.authorization) return challenge('n0');
      n++;
      if (n === 1) return challenge('n1', true); // first answer: nonce expired
      return q.headers.authorization.includes('nonce="n1"') ? { status: 200, body: 'ok' } : challenge('n2');
    }, { vendor: 'hikvision' });
    const r = await run();
    expect(r).toMatchObject({ login: 'digest', result: 'default-accepted', attempts: 2 });
    expect(http.credentialRequests()).toHaveLength(2);

    const always = probe((q) => (q.headers.authorization ? challenge(`s${Math.random()}`, true) : challenge('n0')), { vendor: 'hikvision' });
    const r2 = await always.run();
    expect(r2.result).toBe('unknown');
    expect(r2.attempts).toBeLessThanOrEqual(5);
  });

  it('a login page whose script hashes the password is not tested by a plain POST (unknown, not refused)', async () => {
    const page = `<form action="/login.cgi" method="post"><input name="user"><input type="password" name="pass" id="pw"><button type="button" onclick="doLogin()">Log in</button></form>
<script>function doLogin(){ document.forms[0].pass.value = btoa(document.getElementById('pw').value); document.forms[0].submit(); }</script>`;
    const { http, run } = probe(() => ({ status: 200, body: page }), { vendor: 'asus' });
    const r = await run();
    expect(r).toMatchObject({ login: 'form', result: 'unknown', attempts: 0 });
    expect(words(r.reason)).toMatch(/script/);
    expect(http.credentialRequests()).toHaveLength(0);
  });
});

describe('SafeProber on password-only forms', () => {
  it('tries each password once (admin/"" and root/"" are one attempt)', async () => {
    const page = `<form action="/login" method="post"><input type="password" name="pw"><button>Log in</button></form>`;
    const { http, run } = probe(() => ({ status: 200, body: page }));
    const r = await run();
    expect(r).toMatchObject({ result: 'default-rejected', candidates: 4, attempts: 4 });
    expect(http.requests.filter((q) => q.method === 'POST').map((q) => new URLSearchParams(q.body).get('pw'))).toEqual(['admin', 'password', '1234', '']);
  });
});
