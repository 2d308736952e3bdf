import { describe, expect, it, vi } from 'vitest';
import { checkExternalUrl, loadExternalHosts } from '../../../main/core/shell/external-links.js';
import { PorchlightError } from '../../../main/core/errors.js';
import { fakeCore } from '../../support/fakes.js';
import { resourcesDir } from '../../../main/compose.js';

const hosts = loadExternalHosts(resourcesDir());

function refused(url: string): boolean {
  try {
    checkExternalUrl(url, hosts);
    return false;
  } catch (err) {
    expect(err).toBeInstanceOf(PorchlightError);
    expect((err as PorchlightError).code).toBe('refused');
    return true;
  }
}

describe('openExternal allow-list (checklist #15)', () => {
  it('loads a non-empty list of plain host names from resources/external-links.json', () => {
    expect(hosts.length).toBeGreaterThan(5);
    for (const h of hosts) expect(h).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
  });

  it.each(['https://www.eff.org/issues/privacy', 'https://eff.org', 'https://support.google.com/a/b?c=d#e', 'https://EFF.ORG./x', 'https://www.cisa.gov:443/secure'])(
    'accepts %s',
    (url) => {
      expect(refused(url)).toBe(false);
      expect(checkExternalUrl(url, hosts)).toMatch(/^https:\/\//);
    },
  );

  it.each([
    'http://www.eff.org/',
    'file:///etc/passwd',
    'smb://eff.org/share',
    'javascript:alert(1)',
    'data:text/html,x',
    'ms-msdt:/id PCWDiagnostic',
    'app://porchlight/index.html',
    'https://eff.org.attacker.example/',
    'https://attacker-eff.org/',
    'https://evileff.org/',
    'https://user:pass@eff.org/',
    'https://eff.org@attacker.example/',
    'https://eff.org:8443/',
    'https://127.0.0.1/',
    'https://[::1]/',
    'https://192.168.1.1/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(refused(url)).toBe(true);
  });

  it('the core passes only the normalised, checked URL to the opener — and never a refused one', async () => {
    const { core } = fakeCore();
    const open = vi.spyOn(core.deps.opener, 'open');
    await core.openExternal('https://WWW.EFF.ORG/path');
    expect(open).toHaveBeenCalledExactlyOnceWith('https://www.eff.org/path');
    await expect(core.openExternal('http://www.eff.org/')).rejects.toMatchObject({ code: 'refused' });
    await expect(core.openExternal('https://attacker.example/')).rejects.toMatchObject({ code: 'refused' });
    expect(open).toHaveBeenCalledTimes(1);
  });
});
