/**
 * "Does the router accept its new password": one login with the password saved as router/admin,
 * read by the core from the keychain, counted in the host's ledger like every factory attempt and
 * judged on the same evidence. The password must reappear nowhere: not in the IPC result (report,
 * reason, evidence, notes), the check board, the profile documents, the log or an error.
 */
import { words } from '../../../support/words.js';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createCore } from '../../../../main/core/app-core.js';
import { resourcesDir } from '../../../../main/compose.js';
import { DEFAULT_HISTORY, DEFAULT_PROGRESS, DEFAULT_SETTINGS, type History, type Progress, type Settings } from '../../../../main/core/store/documents.js';
import { FixedClock, MemoryDocument, MemoryLogger, MemorySecretStore, RecordingOpener } from '../../../support/fakes.js';
import { passwordsChannels } from '../../../../main/ipc/channels/passwords.js';
import { passwordsHandlers } from '../../../../main/ipc/handlers/passwords.js';
import { dispatch } from '../../../../main/ipc/register.js';
import { basicServer, ScriptedHttp, type Handler, type Reply } from './fake-http.js';

// Characters that change under URL and form encoding, so every encoded form is looked for too.
const NEW = 'Nw7+q/Z&x=%Ü r9-K2mP';
const OLD = 'old-Router-Pass-42';
const forms = (s: string) => [s, encodeURIComponent(s), new URLSearchParams({ p: s }).toString().slice(2), Buffer.from(s).toString('base64'), Buffer.from(`admin:${s}`).toString('base64')];

const LOGIN = (msg = '') =>
  `<!doctype html><html><body>${msg ? `<p class="error">${msg}</p>` : ''}<form method="post" action="/login.cgi"><input type="hidden" name="token" value="t1">` +
  '<input type="text" name="user"><input type="password" name="pass"><input type="submit" value="Login"></form></body></html>';

/** A router whose login page echoes the password it refused (as some firmware does in its error text). */
function formRouter(password: () => string, echo = false): Handler {
  return (q): Reply => {
    if (q.method === 'POST') {
      const f = new URLSearchParams(q.body ?? '');
      if (f.get('user') === 'admin' && f.get('pass') === password()) return { status: 302, headers: { location: ['/status.html'], 'set-cookie': ['SID=abc123; Path=/'] } };
      // an echoing firmware answers with an error page of its own (no form), quoting what was typed
      if (echo) return { status: 200, body: `<html><body><p class="error">Login failed: the password “${f.get('pass')}” is incorrect.</p><a href="/">Back</a></body></html>` };
      return { status: 200, body: LOGIN('The username or password is incorrect') };
    }
    const signedIn = /SID=abc123/.test(q.headers.cookie ?? '');
    if (q.path === '/status.html') return signedIn ? { status: 200, body: '<h1>Status</h1><p>Internet connected</p>' } : { status: 302, headers: { location: ['/'] } };
    return signedIn ? { status: 200, body: '<h1>Status</h1><p>Internet connected</p>' } : { status: 200, body: LOGIN() };
  };
}

function setup(handler: Handler) {
  const http = new ScriptedHttp(handler);
  const secrets = new MemorySecretStore();
  const progress = new MemoryDocument<Progress>(DEFAULT_PROGRESS);
  const history = new MemoryDocument<History>(DEFAULT_HISTORY);
  const log = new MemoryLogger();
  const core = createCore({
    host: 'harness',
    version: '0.0.0-test',
    platform: 'linux',
    resourcesDir: resourcesDir(),
    secrets,
    settings: new MemoryDocument<Settings>(DEFAULT_SETTINGS),
    progress,
    history,
    clock: new FixedClock(),
    log,
    opener: new RecordingOpener(),
    httpProber: http,
    proberSettings: { delayMs: 0, requestTimeoutMs: 500 },
  });
  secrets.data.set('router/admin', NEW);
  secrets.data.set('router/admin/previous', OLD);
  /** Every output a host, a file or a log could carry. */
  const everything = (...results: unknown[]) =>
    [JSON.stringify(results), JSON.stringify(log.lines), JSON.stringify(progress.read()), JSON.stringify(history.read()), JSON.stringify(core.checks.list())].join('\n');
  return { core, http, secrets, log, everything };
}

type Ch = typeof passwordsChannels;
const parse = <C extends keyof Ch>(c: C, args: unknown) => passwordsChannels[c].args.parse(args) as z.output<Ch[C]['args']>;
const confirm = (core: ReturnType<typeof setup>['core'], args: Record<string, unknown> = {}) =>
  passwordsHandlers['passwords:confirm-new'](core, parse('passwords:confirm-new', { host: '192.168.1.1', consent: true, ...args }));
const APP = { origin: 'app://porchlight', isMainFrame: true };

function expectNoSecret(text: string) {
  for (const f of forms(NEW)) expect(text).not.toContain(f);
}

describe('checking that the router accepts its new password', () => {
  it('a form login that lands on the status page with a session: accepted, the previous one retired, the password nowhere', async () => {
    let routerPass = NEW;
    const s = setup(formRouter(() => routerPass));
    const r = await dispatch(s.core, 'passwords:confirm-new', { host: '192.168.1.1', consent: true }, APP, { allowedOrigins: ['app://porchlight'] });
    expect(r.ok).toBe(true);
    const v = r.ok ? (r.value as Awaited<ReturnType<typeof confirm>>) : null;
    expect(v).toMatchObject({ report: { result: 'accepted', login: 'form', attempts: 1, auditAttempts: 1 }, previousRetired: true, keptBecause: null, saved: { current: true, previous: false } });
    expect(words(v!.report.reason)).toMatch(/^The router accepted the new password \(/);
    expect(v!.report.evidence.map(words).join(' ')).toMatch(/session cookie \(SID\)/);
    expect(Object.fromEntries(s.secrets.data)).toEqual({ 'router/admin': NEW });
    // exactly one request carried the password, and it carried the saved one
    expect(s.http.credentialRequests()).toHaveLength(1);
    expect(new URLSearchParams(s.http.credentialRequests()[0]!.body ?? '').get('pass')).toBe(NEW);
    expectNoSecret(s.everything(r));
    expect(s.log.lines.some((l) => JSON.stringify(l).includes('own-password login check'))).toBe(true);
    routerPass = OLD;
  });

  it('the router still on the old password: refused, both kept, and a page that echoes the password does not leak it', async () => {
    const s = setup(formRouter(() => OLD, true));
    const v = await confirm(s.core);
    expect(v.report.result).toBe('refused');
    expect(words(v.report.reason)).toMatch(/^The router did not accept the new password/);
    expect(words(v.report.reason)).toContain('••••'); // the echoed value was scrubbed, not repeated
    expect(v.previousRetired).toBe(false);
    expect(Object.fromEntries(s.secrets.data)).toEqual({ 'router/admin': NEW, 'router/admin/previous': OLD });
    expectNoSecret(s.everything(v));
  });

  it('a device that answers "Login successful" to everything: unknown, both kept', async () => {
    const s = setup((q) => (q.method === 'POST' ? { status: 200, body: '<h1>Login successful</h1>', headers: { 'set-cookie': ['sid=decoy'] } } : { status: 200, body: LOGIN() }));
    const v = await confirm(s.core);
    expect(v.report.result).toBe('unknown');
    expect(words(v.report.reason)).toMatch(/did not show whether the new password works/);
    expect(v.previousRetired).toBe(false);
    expect(s.secrets.data.get('router/admin/previous')).toBe(OLD);
    expectNoSecret(s.everything(v));
  });

  it('HTTP Basic: counts toward the same 5 tries as the factory check, one ledger per host', async () => {
    let routerPass = 'password';
    const s = setup((q, n) => basicServer('admin', routerPass)(q, n));
    const probe = await passwordsHandlers['passwords:probe'](s.core, parse('passwords:probe', { target: { kind: 'router' }, host: '192.168.1.1', vendor: 'netgear', consent: true }));
    expect(probe.report).toMatchObject({ result: 'default-accepted', attempts: 1, auditAttempts: 1 });
    routerPass = NEW;
    const v = await confirm(s.core, { vendor: 'netgear' });
    expect(v.report).toMatchObject({ result: 'accepted', login: 'basic', attempts: 1, auditAttempts: 2 });
    expect(v.previousRetired).toBe(true);
    expect(s.http.credentialRequests()).toHaveLength(2);
    expect(s.core.credentials.ledger.used('192.168.1.1')).toBe(2);
    expectNoSecret(s.everything(v, probe));
  });

  it('HTTP Basic refused (401): refused, both kept', async () => {
    const s = setup((q, n) => basicServer('admin', OLD)(q, n));
    const v = await confirm(s.core);
    expect(v.report.result).toBe('refused');
    expect(words(v.report.reason)).toBe('The router did not accept the new password (it asked for the password again, HTTP 401).');
    expect(s.secrets.data.get('router/admin/previous')).toBe(OLD);
    expectNoSecret(s.everything(v));
  });

  it('no tries left on this device: nothing is sent, unknown with the reason, both kept', async () => {
    const s = setup((q, n) => basicServer('admin', NEW)(q, n));
    for (let i = 0; i < 5; i++) s.core.credentials.ledger.take('192.168.1.1');
    const v = await confirm(s.core);
    expect(v.report).toMatchObject({ result: 'unknown', attempts: 0, auditAttempts: 5 });
    expect(words(v.report.reason)).toMatch(/already had 5 password tries/);
    expect(s.http.requests).toHaveLength(0);
    expect(s.secrets.data.get('router/admin/previous')).toBe(OLD);
  });

  it('a login form that would put the password in the web address is not used', async () => {
    const s = setup(() => ({ status: 200, body: '<form method="get" action="/login.cgi"><input name="user"><input type="password" name="pass"><input type="submit" value="Login"></form>' }));
    const v = await confirm(s.core);
    expect(v.report.result).toBe('unknown');
    expect(words(v.report.reason)).toMatch(/sends the password in the web address/);
    expect(s.http.credentialRequests()).toHaveLength(0);
    expect(s.http.requests.every((q) => !q.path.includes('pass='))).toBe(true);
  });

  it('an unreachable router: unknown, both kept, no password in the error', async () => {
    const s = setup(() => {
      throw Object.assign(new Error(`connect ECONNREFUSED ${NEW}`), { code: 'ECONNREFUSED' });
    });
    const v = await confirm(s.core);
    expect(v.report.result).toBe('unknown');
    expect(s.secrets.data.get('router/admin/previous')).toBe(OLD);
    expectNoSecret(s.everything(v));
  });

  it('nothing saved: a plain refusal, nothing sent', async () => {
    const s = setup(() => ({ status: 200, body: LOGIN() }));
    s.secrets.data.clear();
    await expect(confirm(s.core)).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/No new router password is saved/) });
    expect(s.http.requests).toHaveLength(0);
  });

  it('the channel takes no password and needs consent', () => {
    expect(() => parse('passwords:confirm-new', { host: '192.168.1.1', consent: true, password: 'x' })).toThrow();
    expect(() => parse('passwords:confirm-new', { host: '192.168.1.1', consent: false })).toThrow();
    expect(() => parse('passwords:confirm-new', { host: '192.168.1.1' })).toThrow();
  });

  it('a public address is refused before anything is read or sent', async () => {
    const s = setup(() => ({ status: 200, body: LOGIN() }));
    await expect(confirm(s.core, { host: '8.8.8.8' })).rejects.toMatchObject({ code: 'refused' });
    expect(s.http.requests).toHaveLength(0);
  });
});
