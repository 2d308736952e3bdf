import { describe, expect, it } from 'vitest';
import { checkExternalUrl, loadExternalHosts } from '../../../../main/core/shell/external-links.js';
import { PorchlightError } from '../../../../main/core/errors.js';
import { RESOURCES } from '../accounts/fakes.js';

const hosts = loadExternalHosts(RESOURCES);

function refusal(url: string): PorchlightError {
  try {
    checkExternalUrl(url, hosts);
  } catch (err) {
    return err as PorchlightError;
  }
  throw new Error(`${url} was not refused`);
}

describe('external-link opener allow-list', () => {
  it('opens allow-listed https pages and their subdomains', () => {
    expect(checkExternalUrl('https://www.amazon.com/a/settings/approval', hosts)).toBe('https://www.amazon.com/a/settings/approval');
    expect(checkExternalUrl('https://account.ring.com/account/control-center', hosts)).toBe('https://account.ring.com/account/control-center');
    expect(checkExternalUrl('https://MYACCOUNT.Google.com./signinoptions', hosts)).toBe('https://myaccount.google.com./signinoptions');
    expect(checkExternalUrl('https://support.eufylife.com:443/s/article/x', hosts)).toBe('https://support.eufylife.com/s/article/x');
  });

  it('refuses every non-https scheme', () => {
    for (const url of [
      'http://www.amazon.com/a/settings/approval',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://ring.com/',
      'smb://ring.com/share',
      'ms-settings:network',
      'chrome://settings',
    ]) {
      const err = refusal(url);
      expect(err, url).toBeInstanceOf(PorchlightError);
      expect(err.code, url).toBe('refused');
    }
    expect(refusal('http://www.amazon.com/').message).toMatch(/https/);
  });

  it('refuses hosts not on the allow-list, including look-alikes', () => {
    for (const url of [
      'https://evil.example.com/',
      'https://amazon.com.evil.net/login', // allow-listed name as a prefix
      'https://notamazon.com/', // allow-listed name as a suffix without a dot
      'https://amazon.co/', // near miss
      'https://xn--amazn-mua.com/', // punycode look-alike
      'https://127.0.0.1/',
      'https://[::1]/',
      'https://192.168.1.1/',
    ]) {
      const err = refusal(url);
      expect(err.code, url).toBe('refused');
      expect(err.message, url).toMatch(/only opens the makers' pages it knows/);
    }
  });

  it('refuses credentials, odd ports and garbage', () => {
    expect(refusal('https://user:pass@www.amazon.com/').message).toMatch(/user name or password/);
    expect(refusal('https://www.amazon.com@evil.example.com/').code).toBe('refused');
    expect(refusal('https://www.amazon.com:8443/').message).toMatch(/port/);
    expect(refusal('not a url').message).toMatch(/not a valid web address/);
    expect(refusal('').code).toBe('refused');
  });
});
