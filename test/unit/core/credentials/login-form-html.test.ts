/**
 * Login pages read as a browser reads them (parse5): cases a regex scan got wrong or right only by
 * accident. The shapes follow real firmware: upper-case tags and unquoted attributes (older
 * TP-Link/Netgear/D-Link pages), forms opened inside tables, commented-out old logins, login forms
 * kept in a <template> or <noscript> for a script to show, and OpenWrt's refresh start page.
 */
import { words } from '../../../support/words.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLoginForm, hasInertPasswordField, hasPasswordField, loginFailureMessage, metaRefreshTarget, pageText, passwordFieldCount, refreshUrl } from '../../../../main/core/credentials/login-form.js';
import { loadHtmlParser } from '../../../../main/core/html/html-tree.js';
import { SafeProber } from '../../../../main/core/credentials/safe-prober.js';
import { AttemptLedger } from '../../../../main/core/credentials/attempt-ledger.js';
import { loadDefaultCredentials } from '../../../../main/core/credentials/dataset.js';
import { resolveProbeTarget } from '../../../../main/core/credentials/address-scope.js';
import { resourcesDir } from '../../../../main/compose.js';
import { ScriptedHttp, formServer } from './fake-http.js';
import { attemptsRemaining, lockoutSign } from '../../../../main/core/credentials/lockout.js';

beforeAll(loadHtmlParser);

describe('login forms as a browser parses them', () => {
  it('upper-case tags and unquoted attributes (older router firmware)', () => {
    const page = `<HTML><HEAD><TITLE>Login</TITLE></HEAD><BODY><FORM NAME=login METHOD=POST ACTION=/cgi-bin/login.cgi>
<INPUT TYPE=HIDDEN NAME=session_key VALUE=8f1e2&amp;a><TABLE><TR><TD>User Name</TD><TD><INPUT TYPE=TEXT NAME=username SIZE=20></TD></TR>
<TR><TD>Password</TD><TD><INPUT TYPE=PASSWORD NAME=passwd SIZE=20></TD></TR></TABLE><INPUT TYPE=SUBMIT VALUE=Login></FORM></BODY></HTML>`;
    expect(findLoginForm(page, '/')).toEqual({
      action: '/cgi-bin/login.cgi',
      method: 'POST',
      userField: 'username',
      passwordField: 'passwd',
      hidden: { session_key: '8f1e2&a' },
      scripted: false,
    });
    expect(hasPasswordField(page)).toBe(true);
  });

  it('a form opened inside a table keeps its controls up to </form>, as the browser associates them', () => {
    const page = `<table width=100%><form method="post" action="/goform/formLogin"><tr><td>User</td><td><input name="login_name"></td></tr>
<tr><td>Password</td><td><input type="password" name="login_pass"></td></tr><tr><td><input type="submit" value="OK"></td></tr></form></table>`;
    expect(findLoginForm(page, '/login.asp')).toEqual({ action: '/goform/formLogin', method: 'POST', userField: 'login_name', passwordField: 'login_pass', hidden: {}, scripted: false });
  });

  it('a password input inside an HTML comment is no form and no password prompt', () => {
    const commented = `<h1>Status</h1><!-- <form action="/old_login.cgi"><input type="password" name="pw"><input type="submit"></form> -->`;
    expect(findLoginForm(commented, '/')).toBeNull();
    expect(hasPasswordField(commented)).toBe(false);
    expect(passwordFieldCount(commented)).toBe(0);
    // the commented-out old login comes first; the live form is the one a browser posts
    const both = `<!--<form action="/old.cgi"><input type="password" name="old_pw"><input type=submit></form>--><form action="/login.cgi"><input name="user"><input type="password" name="pw"><button>Log in</button></form>`;
    expect(findLoginForm(both, '/')).toMatchObject({ action: '/login.cgi', passwordField: 'pw', userField: 'user', scripted: false });
    expect(passwordFieldCount(both)).toBe(1);
  });

  it('a form inside <template> or <noscript> is not a form the page shows; it is a password prompt only a script displays', () => {
    const template = `<div id="app"></div><template id="login"><form action="/api/login"><input name="user"><input type="password" name="pw"><button>Log in</button></form></template><script src="/app.js"></script>`;
    const noscript = `<div id="app"></div><noscript><form action="/nojs/login"><input name="user"><input type="password" name="pw"><input type="submit"></form></noscript>`;
    for (const page of [template, noscript]) {
      expect(findLoginForm(page, '/')).toBeNull();
      expect(hasPasswordField(page)).toBe(false);
      expect(hasInertPasswordField(page)).toBe(true);
    }
    expect(hasInertPasswordField('<h1>Status</h1><!-- <input type=password> -->')).toBe(false);
  });

  it('attribute values a regex misread: a type in odd case, a password named in a data- attribute, a button of unknown type', () => {
    expect(hasPasswordField('<input data-type="password" name="x">')).toBe(false);
    expect(hasPasswordField('<input type="PassWord" name="x">')).toBe(true);
    expect(hasPasswordField('<input type="password2" name="x">')).toBe(false);
    // a button whose type a browser does not know submits the form
    expect(findLoginForm('<form action="/l"><input type="password" name="p"><button type="go">Go</button></form>', '/')!.scripted).toBe(false);
    expect(findLoginForm('<form action="/l"><input type="password" name="p"><button type="reset">Clear</button></form>', '/')!.scripted).toBe(true);
    // an input of unknown type is a text field (the user name)
    expect(findLoginForm('<form action="/l"><input type="usr" name="uname"><input type="password" name="p"><input type="submit"></form>', '/')!.userField).toBe('uname');
    // a control placed outside the form but bound to it with form="…"
    expect(findLoginForm('<form id="f" action="/l"><input type="password" name="p"></form><input type="submit" form="f">', '/')!.scripted).toBe(false);
  });
});

describe('visible text and failure messages', () => {
  it('text in comments, scripts, templates and no-script fallbacks is not what the page says', () => {
    expect(loginFailureMessage('<h1>Status</h1><!-- shown when err > 0: Invalid password -->')).toBeNull();
    expect(loginFailureMessage('<h1>Status</h1><template><p class="err">Invalid password</p></template>')).toBeNull();
    expect(loginFailureMessage('<h1>Status</h1><script>if (e > 0) alert("Login failed")</script>')).toBeNull();
    expect(loginFailureMessage('<H1>Login&#32;failed</H1>')).toBe('Login failed');
    expect(loginFailureMessage('<p>Invalid&nbsp;user&nbsp;name or password</p>')).not.toBeNull();
    expect(pageText('<P>Router <B>status</B><STYLE>p{color:red}</STYLE></P>')).toBe('Router status');
  });
});

describe('lockout notices as the page shows them', () => {
  const page = (body: string) => ({ status: 200, body, headers: {}, untrustedCertificate: false });
  it('entities decoded, comments and templates are not notices', () => {
    expect(words(lockoutSign(page('<p>Too&nbsp;many failed login attempts.</p>'), false))).toMatch(/lockout message/);
    expect(attemptsRemaining(page('<p>Wrong password. 2&nbsp;attempts&nbsp;remaining.</p>'))).toBe(2);
    expect(lockoutSign(page('<p>Welcome</p><!-- TODO: show "account is locked" when x > 3 -->'), false)).toBeNull();
    expect(lockoutSign(page('<p>Welcome</p><template id="t"><p>Too many failed attempts</p></template>'), false)).toBeNull();
    expect(lockoutSign(page('<a title="a > b">Status</a><script>if (n > 5) show("locked")</script>'), false)).toBeNull();
  });
});

describe('meta refresh as the HTML standard reads it', () => {
  it('odd spacing, case and quoting', () => {
    expect(metaRefreshTarget(`<META HTTP-EQUIV="Refresh" CONTENT="0 ; URL = '/cgi-bin/luci/' ">`, '/')).toBe('/cgi-bin/luci/');
    expect(metaRefreshTarget(`<meta http-equiv=refresh content=0;url=status.htm>`, '/admin/')).toBe('/admin/status.htm');
    expect(metaRefreshTarget(`<meta content='5,URL="/home.asp"' http-equiv='REFRESH'>`, '/')).toBe('/home.asp');
    expect(metaRefreshTarget(`<meta http-equiv="refresh" content="0; URL=cgi-bin/luci/" />`, '/')).toBe('/cgi-bin/luci/'); // OpenWrt's /www/index.html
    expect(metaRefreshTarget(`<meta http-equiv="refresh" content="0; /login.htm">`, '/')).toBe('/login.htm'); // a URL without "url="
    expect(metaRefreshTarget(`<meta http-equiv="refresh" content="0;url='/a b.htm'x">`, '/')).toBe('/a%20b.htm');
  });

  it('no target: a plain reload, a declaration a browser ignores, another host, a commented-out tag', () => {
    expect(metaRefreshTarget(`<meta http-equiv="refresh" content="30">`, '/')).toBeNull();
    expect(metaRefreshTarget(`<meta http-equiv="refresh" content="soon; url=/x">`, '/')).toBeNull();
    expect(metaRefreshTarget(`<meta http-equiv="refresh" content="0; url=http://evil.example/">`, '/')).toBeNull();
    expect(metaRefreshTarget(`<!-- <meta http-equiv="refresh" content="0; url=/old"> -->`, '/')).toBeNull();
    // an ignored declaration does not hide the next one
    expect(metaRefreshTarget(`<meta http-equiv="refresh" content="x"><meta http-equiv="refresh" content="1;url=/next">`, '/')).toBe('/next');
    expect(refreshUrl('')).toBeNull();
    expect(refreshUrl('.5; u')).toBe('u');
  });
});

describe('the prober with a login only a script shows', () => {
  it('a <template> login page is a scripted login: nothing is tried, the result is unknown', async () => {
    const http = new ScriptedHttp(() => ({
      status: 200,
      body: `<html><body><div id="app"></div><template><form action="/login"><input name="user"><input type="password" name="pw"><button>Log in</button></form></template><script src="/app.js"></script></body></html>`,
    }));
    const prober = new SafeProber(http, loadDefaultCredentials(resourcesDir()), new AttemptLedger(), { requestTimeoutMs: 1000, delayMs: 0 });
    const r = await prober.check({ target: resolveProbeTarget('192.168.1.1'), vendor: null, isGateway: false, consent: true });
    expect(r).toMatchObject({ result: 'unknown', login: 'form', attempts: 0 });
    expect(words(r.reason)).toMatch(/signs in through a script/);
    expect(http.credentialRequests()).toHaveLength(0);
  });

  it('a login that lands on a page whose only password prompt is in a <template> is not read as "refused": unknown', async () => {
    const loginPage = '<form method="post" action="/login.cgi"><input name="user"><input type="password" name="pass"><input type="submit"></form>';
    const http = new ScriptedHttp((q) =>
      q.method === 'POST'
        ? { status: 200, body: '<div id="app"></div><template><form><input type="password" name="pass"></form></template><script src="/app.js"></script>' }
        : { status: 200, body: loginPage },
    );
    const prober = new SafeProber(http, loadDefaultCredentials(resourcesDir()), new AttemptLedger(), { requestTimeoutMs: 1000, delayMs: 0 });
    const r = await prober.check({ target: resolveProbeTarget('192.168.1.1'), vendor: null, isGateway: false, consent: true });
    expect(r.result).toBe('unknown');
    expect(words(r.evidence[0])).toMatch(/password prompt only a script can display/);
  });

  it('the session cookie is a secret: its value reaches neither the log nor the report, only the device', async () => {
    const secret = 'ok'; // formServer hands out sid=ok after the right login
    const http = new ScriptedHttp(formServer('admin', 'admin'));
    const lines: string[] = [];
    const log = { info: (m: string, d?: object) => lines.push(m + JSON.stringify(d ?? {})), warn: (m: string, d?: object) => lines.push(m + JSON.stringify(d ?? {})), error: (m: string, d?: object) => lines.push(m + JSON.stringify(d ?? {})) };
    const prober = new SafeProber(http, loadDefaultCredentials(resourcesDir()), new AttemptLedger(), { requestTimeoutMs: 1000, delayMs: 0 }, log);
    const r = await prober.check({ target: resolveProbeTarget('192.168.1.1'), vendor: null, isGateway: false, consent: true });
    expect(r.result).toBe('default-accepted');
    expect(http.requests.some((q) => q.headers.cookie === `sid=${secret}`)).toBe(true); // the jar did send it back
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/sid=/);
    expect(JSON.stringify(r)).not.toMatch(/sid=/);
  });
});
