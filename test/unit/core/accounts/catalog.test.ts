import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAccountCatalog, suggestAccounts, vendorMatches, type AccountCatalog } from '../../../../main/core/accounts/catalog.js';
import { bestMethod, fromDirectoryTfa } from '../../../../main/core/accounts/methods.js';
import { loadExternalHosts, checkExternalUrl } from '../../../../main/core/shell/external-links.js';
import { RESOURCES } from './fakes.js';

const hosts = loadExternalHosts(RESOURCES);
const real = () => loadAccountCatalog(RESOURCES, hosts);

/** Copies resources/ to a temp dir, lets the test break accounts.json, and loads it. */
function loadBroken(mutate: (c: { accounts: Record<string, unknown>[] } & Record<string, unknown>) => void): () => AccountCatalog {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-accounts-'));
  cpSync(RESOURCES, dir, { recursive: true });
  const data = JSON.parse(readFileSync(join(dir, 'accounts.json'), 'utf8'));
  mutate(data);
  writeFileSync(join(dir, 'accounts.json'), JSON.stringify(data));
  return () => loadAccountCatalog(dir, hosts);
}

describe('account catalog (resources/accounts.json)', () => {
  it('loads and covers every service and router vendor the accounts step promises', () => {
    const ids = real().accounts.map((a) => a.id);
    for (const id of [
      'amazon', 'ring', 'blink', 'google', 'apple', 'philips-hue', 'sonos', 'arlo', 'wyze', 'eufy', 'tp-link', 'simplisafe', 'adt',
      'august-yale', 'smartthings', 'eero', 'netgear', 'avm-fritzbox', 'asus', 'linksys', 'ubiquiti', 'openwrt',
    ]) {
      expect(ids).toContain(id);
    }
    const routers = real().accounts.filter((a) => a.roles.includes('router')).map((a) => a.id);
    expect(routers).toEqual(expect.arrayContaining(['avm-fritzbox', 'tp-link', 'netgear', 'asus', 'linksys', 'eero', 'google', 'ubiquiti', 'openwrt']));
  });

  it('names the strongest offered method as best, consistent with the 2fa.directory facts it records', () => {
    for (const a of real().accounts) {
      expect(a.best, a.id).toBe(bestMethod(a.methods));
      if (a.source.kind === '2fa.directory') {
        for (const t of a.source.tfa) {
          const m = fromDirectoryTfa(t);
          if (m) expect(a.methods, `${a.id} ${t}`).toContain(m);
        }
      }
    }
  });

  it('records the Amazon quirk: a phone number before an authenticator app', () => {
    const amazon = real().accounts.find((a) => a.id === 'amazon')!;
    expect(amazon.best).toBe('authenticator-app');
    expect(amazon.quirk?.summary).toMatch(/phone number/);
    expect(amazon.quirk?.steps.length).toBeGreaterThanOrEqual(3);
  });

  it('only links to https pages the external-link opener accepts', () => {
    for (const a of real().accounts) {
      for (const url of [a.settingsUrl, a.docsUrl, a.firmwareUrl]) if (url) expect(() => checkExternalUrl(url, hosts), `${a.id} ${url}`).not.toThrow();
    }
  });

  it('reports a broken entry with its file and field', () => {
    expect(loadBroken((c) => (c.accounts[0]!.settingsUrl = 'http://www.amazon.com/a/settings/approval'))).toThrow(/accounts\.json is invalid at accounts\.0\.settingsUrl/);
    expect(loadBroken((c) => (c.accounts[1]!.best = 'sms'))).toThrow(/accounts\.json is invalid at accounts\.1\.best: best must be the strongest/);
    expect(loadBroken((c) => (c.accounts[2]!.methods = ['fax']))).toThrow(/accounts\.json is invalid at accounts\.2\.methods\.0/);
    expect(loadBroken((c) => delete c.accounts[3]!.quirk)).toThrow(/accounts\.json is invalid at accounts\.3\.quirk/);
    expect(loadBroken((c) => (c.accounts[4]!.id = 'Bad Id!'))).toThrow(/accounts\.json is invalid at accounts\.4\.id/);
    expect(loadBroken((c) => (c.accounts[5]!.settingsUrl = 'https://evil.example.net/login'))).toThrow(
      /accounts\.json is invalid at accounts\.5\.settingsUrl \(philips-hue\).*evil\.example\.net/,
    );
    expect(loadBroken((c) => (c.accounts[0]!.methods = ['sms']))).toThrow(/accounts\.0\.(best|methods)/);
    expect(loadBroken((c) => (c.accounts[6]!.noTwoFactor = null))).toThrow(/accounts\.6\.noTwoFactor/);
    expect(loadBroken((c) => (c.accounts[7]!.id = 'amazon'))).toThrow(/accounts\.7\.id: duplicate account id amazon/);
  });

  it('reports unreadable JSON with the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-accounts-'));
    cpSync(RESOURCES, dir, { recursive: true });
    writeFileSync(join(dir, 'accounts.json'), '{ "version": 1, ');
    expect(() => loadAccountCatalog(dir, hosts)).toThrow(/accounts\.json could not be read as JSON/);
  });
});

describe('matching survey vendors to accounts', () => {
  it('matches whole words only', () => {
    expect(vendorMatches('Ring LLC', 'ring')).toBe(true);
    expect(vendorMatches('Spring Engineering Ltd', 'ring')).toBe(false);
    expect(vendorMatches('TP-LINK TECHNOLOGIES CO.,LTD.', 'tp link')).toBe(true);
    expect(vendorMatches('AVM Audiovisuelles Marketing und Computersysteme GmbH', 'avm')).toBe(true);
    expect(vendorMatches('Amazon Technologies Inc.', 'amazon')).toBe(true);
    expect(vendorMatches('anything', '')).toBe(false);
  });
  it('pre-selects accounts from the device vendors the survey found, in catalog order', () => {
    const got = suggestAccounts(real(), ['Ring LLC', 'Amazon Technologies Inc.', 'Signify Netherlands B.V.', 'Unknown vendor', 'AVM GmbH']);
    expect(got).toEqual(['amazon', 'ring', 'philips-hue', 'avm-fritzbox']);
    expect(suggestAccounts(real(), [])).toEqual([]);
  });
});
