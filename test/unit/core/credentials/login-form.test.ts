import { words } from '../../../support/words.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLoginForm, hasPasswordField } from '../../../../main/core/credentials/login-form.js';
import { attemptsRemaining, lockoutSign } from '../../../../main/core/credentials/lockout.js';
import { loadHtmlParser } from '../../../../main/core/html/html-tree.js';

beforeAll(loadHtmlParser);

const res = (status: number, body = '', headers: Record<string, string[]> = {}) => ({ status, body, headers, untrustedCertificate: false });

describe('login form detection', () => {
  it('finds fields, hidden inputs and resolves the action', () => {
    const f = findLoginForm(`<FORM Method=POST action="login.cgi?x=1"><input type=hidden name=csrf value="a&amp;b"><input name="Username" id=u><input type="password" name="pw"><input type=submit value=Go></FORM>`, '/admin/index.html');
    expect(f).toEqual({ action: '/admin/login.cgi?x=1', method: 'POST', userField: 'Username', passwordField: 'pw', hidden: { csrf: 'a&b' }, scripted: false });
  });

  it('password-only forms, GET forms, scripted logins and foreign actions', () => {
    expect(findLoginForm(`<form action="/l" method="get"><input type="password" name="p"><button>Go</button></form>`, '/')).toMatchObject({ userField: null, method: 'GET', scripted: false });
    expect(findLoginForm(`<form action="/l"><input type="password" name="p"><button type="button" onclick="go()">Go</button></form>`, '/')!.scripted).toBe(true);
    expect(findLoginForm(`<form action="/l"><input type="password" name="p"><button>Go</button></form><script>x.value = hex_md5(p.value)</script>`, '/')!.scripted).toBe(true);
    expect(findLoginForm(`<form onsubmit="return hash()"><input type="text" name="u"><input type="password" name="p"></form>`, '/')!.scripted).toBe(true);
    expect(findLoginForm(`<div><input type="password" id="p"></div><script>login()</script>`, '/')!.scripted).toBe(true);
    expect(findLoginForm(`<form action="http://evil.example/x"><input type="password" name="p"></form>`, '/')).toBeNull();
    expect(findLoginForm('<h1>Status</h1>', '/')).toBeNull();
    expect(hasPasswordField(`<input type='password'>`)).toBe(true);
  });
});

describe('lockout signs', () => {
  it('429, 423, 403 after 401, Retry-After and lockout pages', () => {
    expect(words(lockoutSign(res(429), false))).toMatch(/429/);
    expect(words(lockoutSign(res(423), false))).toMatch(/locked/);
    expect(words(lockoutSign(res(403), true))).toMatch(/403 after 401/);
    expect(lockoutSign(res(403), false)).toBeNull();
    expect(words(lockoutSign(res(503, '', { 'retry-after': ['60'] }), false))).toMatch(/Retry-After/);
    expect(words(lockoutSign(res(200, '<p>Too many failed login attempts. Try again in 5 minutes.</p>'), false))).toMatch(/lockout message/);
    expect(words(lockoutSign(res(200, '<p>Your account is locked.</p>'), false))).toMatch(/lockout/);
    expect(lockoutSign(res(200, '<script>var locked=false</script><p>Welcome</p>'), false)).toBeNull();
  });

  it('reads how many attempts remain', () => {
    expect(attemptsRemaining(res(200, 'Wrong password. 2 attempts remaining.'))).toBe(2);
    expect(attemptsRemaining(res(200, '1 more login attempt left'))).toBe(1);
    expect(attemptsRemaining(res(200, 'Remaining attempts: 0'))).toBe(0);
    expect(attemptsRemaining(res(200, '', { 'x-ratelimit-remaining': ['4'] }))).toBe(4);
    expect(attemptsRemaining(res(200, 'Wrong password.'))).toBeNull();
  });
});

describe('what a page after a login says', () => {
  it('recognises the failure messages real firmware shows, and not a status page', async () => {
    const { loginFailureMessage } = await import('../../../../main/core/credentials/login-form.js');
    for (const msg of [
      'The username or password is incorrect, please input again.', // TP-Link
      'User Name or Password is incorrect.', // D-Link
      'Invalid username or password', // ASUS
      'Invalid username and/or password! Please try again.', // OpenWrt LuCI
      'Incorrect user name or password.', // Hikvision web
      'Invalid user name or password.', // Zyxel
      'Invalid credentials.', // Ubiquiti airOS
      'Login failed', // generic
      'Authentication failed!',
    ]) {
      expect(loginFailureMessage(`<html><body><div class="err">${msg}</div></body></html>`), msg).not.toBeNull();
    }
    for (const page of [
      '<h1>Status</h1><p>Internet: connected. Errors: 0. Firmware 3.16.9</p><a href="/pw.htm">Change password</a>',
      '<p>Password protection is on.</p><a href="/forgot">Forgot password?</a>',
      '<script>var err = "Login failed";</script><h1>Welcome</h1>',
    ]) {
      expect(loginFailureMessage(page), page).toBeNull();
    }
  });

  it('counts password fields and follows only same-host "refresh" tags', async () => {
    const { passwordFieldCount, metaRefreshTarget } = await import('../../../../main/core/credentials/login-form.js');
    expect(passwordFieldCount('<input type=password name=a><input type="password" name=b>')).toBe(2);
    expect(metaRefreshTarget('<meta http-equiv="refresh" content="0; URL=cgi-bin/luci/" />', '/')).toBe('/cgi-bin/luci/');
    expect(metaRefreshTarget("<META HTTP-EQUIV='Refresh' CONTENT='1;url=/main.htm'>", '/login.cgi')).toBe('/main.htm');
    expect(metaRefreshTarget('<meta http-equiv="refresh" content="0; url=http://evil.example/">', '/')).toBeNull();
    expect(metaRefreshTarget('<meta name="viewport" content="width=device-width">', '/')).toBeNull();
  });
});
