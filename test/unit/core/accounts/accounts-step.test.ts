import { describe, expect, it } from 'vitest';
import { twoFactorStatus } from '../../../../main/core/accounts/accounts-step.js';
import { makeServices } from './fakes.js';
import { words } from '../../../support/words.js';

describe('accounts step', () => {
  it('pre-selects accounts from the vendors given and those in the survey inventory', () => {
    const { services, model } = makeServices();
    model.recordSurvey({ devices: [{ ip: '127.0.0.9', mac: 'aa:bb:cc:00:00:01', vendor: 'Ring LLC', model: null, category: 'camera', categoryBasis: null, names: [], services: [] }], gateway: { address: null, mac: null, router: null } });
    const v = services.accounts.view(['Amazon Technologies Inc.']);
    expect(v.suggested).toEqual(['amazon', 'ring']);
    const amazon = v.accounts.find((a) => a.id === 'amazon')!;
    expect(amazon.ranked.map((r) => r.method)).toEqual(['authenticator-app', 'sms', 'call']);
    expect(amazon.why).toMatch(/SIM swap/);
    expect(amazon.bestLabel).toMatch(/Authenticator app/);
  });

  it('grades 2FA per account: app or key passes, the best a service offers passes, weaker warns, none fails', () => {
    const { services } = makeServices();
    const e = (id: string) => services.accounts.entry(id);
    expect(twoFactorStatus(e('amazon'), 'authenticator-app').status).toBe('pass');
    expect(twoFactorStatus(e('amazon'), 'sms').status).toBe('warn');
    expect(twoFactorStatus(e('amazon'), 'none').status).toBe('fail');
    expect(twoFactorStatus(e('blink'), 'sms').status).toBe('pass');
    expect(twoFactorStatus(e('blink'), 'email').status).toBe('warn');
    expect(twoFactorStatus(e('google'), 'push').status).toBe('warn');
    expect(twoFactorStatus(e('sonos'), 'none').status).toBe('skipped');
  });

  it('records each account dated in the home model and rolls the three checks up', async () => {
    const { services, home, checks } = makeServices();
    const out = await services.accounts.confirm([
      { id: 'amazon', enabled: 'authenticator-app', uniquePassword: true, integrationsReviewed: true },
      { id: 'ring', enabled: 'sms', uniquePassword: true, integrationsReviewed: false },
    ]);
    expect(out.checks.map((c) => [c.id, c.status])).toEqual([
      ['accounts.2fa', 'warn'],
      ['accounts.unique-passwords', 'pass'],
      ['accounts.integrations-review', 'warn'],
    ]);
    const keys = Object.keys(home.read().confirmations).sort();
    expect(keys).toEqual([
      'accounts.2fa',
      'accounts.2fa:amazon',
      'accounts.2fa:ring',
      'accounts.integrations-review',
      'accounts.integrations-review:amazon',
      'accounts.integrations-review:ring',
      'accounts.unique-passwords',
      'accounts.unique-passwords:amazon',
      'accounts.unique-passwords:ring',
    ]);
    expect(checks.get('accounts.2fa').evidence).toMatchObject({ kind: 'confirmed', at: '2026-03-01T12:00:00.000Z', expiresAt: '2026-05-30T12:00:00.000Z' });
    // Ring switched to the app: 2FA passes, and a dropped account leaves the record.
    const again = await services.accounts.confirm([{ id: 'ring', enabled: 'authenticator-app', uniquePassword: true, integrationsReviewed: true }]);
    expect(again.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
    expect(Object.keys(home.read().confirmations).some((k) => k.endsWith(':amazon'))).toBe(false);
  });

  it('fails accounts.2fa when an account has none, and skips it when no chosen account offers 2FA', async () => {
    const a = makeServices();
    const out = await a.services.accounts.confirm([{ id: 'wyze', enabled: 'none', uniquePassword: false, integrationsReviewed: true }]);
    expect(out.checks.map((c) => c.status)).toEqual(['fail', 'fail', 'pass']);
    const b = makeServices();
    const skipped = await b.services.accounts.confirm([{ id: 'sonos', enabled: 'none', uniquePassword: true, integrationsReviewed: true }]);
    expect(skipped.checks[0]).toMatchObject({ status: 'skipped' });
    expect(words(skipped.checks[0]!.reason)).toMatch(/offers no two-factor/);
  });

  it('refuses unknown accounts, methods a service does not offer, duplicates and an empty list', async () => {
    const { services } = makeServices();
    await expect(services.accounts.confirm([])).rejects.toThrow(/at least one/);
    await expect(services.accounts.confirm([{ id: 'myspace', enabled: 'sms', uniquePassword: true, integrationsReviewed: true }])).rejects.toThrow(/does not know/);
    await expect(services.accounts.confirm([{ id: 'amazon', enabled: 'security-key', uniquePassword: true, integrationsReviewed: true }])).rejects.toThrow(
      /does not offer the chosen sign-in method/,
    );
    const twice = { id: 'ring', enabled: 'sms' as const, uniquePassword: true, integrationsReviewed: true };
    await expect(services.accounts.confirm([twice, twice])).rejects.toThrow(/twice/);
  });

  it('stores recovery codes in the keychain only, under account/<id>/recovery-codes', async () => {
    const { services, store, history, progress, settings, home } = makeServices();
    const codes = 'ALPHA-1111 BRAVO-2222 CHARLIE-3333 ÄÖÜ';
    expect(await services.accounts.storeRecoveryCodes('amazon', `  ${codes}\n`)).toEqual({ account: 'account/amazon/recovery-codes', stored: true });
    expect(store.map.get('account/amazon/recovery-codes')).toBe(codes);
    await services.accounts.confirm([{ id: 'amazon', enabled: 'authenticator-app', uniquePassword: true, integrationsReviewed: true }]);
    expect(services.confirmations.get('accounts.2fa', 'amazon')!.answer.recoveryCodesStored).toBe(true);
    for (const doc of [history, progress, settings, home]) {
      expect(doc.raw()).not.toContain('ALPHA-1111');
      expect(doc.raw()).not.toContain('BRAVO');
    }
    await expect(services.accounts.storeRecoveryCodes('nope', codes)).rejects.toThrow(/does not know/);
    await expect(services.accounts.storeRecoveryCodes('amazon', '   ')).rejects.toThrow(/no recovery codes/);
  });

  it('reports a locked keychain as not stored, with nothing written anywhere else', async () => {
    const { services, store, history, home } = makeServices();
    store.failing = true;
    const out = await services.accounts.storeRecoveryCodes('ring', 'SECRET-CODES-9');
    expect(out.stored).toBe(false);
    expect(store.map.size).toBe(0);
    expect(history.raw()).not.toContain('SECRET-CODES-9');
    expect(home.raw()).not.toContain('SECRET-CODES-9');
  });

  it('offers last time\'s answers, expired or not, so a re-audit starts from them', async () => {
    const { services, clock } = makeServices();
    expect(services.accounts.view().previous).toEqual({ selected: [], answers: {} });
    await services.accounts.confirm([
      { id: 'ring', enabled: 'sms', uniquePassword: true, integrationsReviewed: false },
      { id: 'amazon', enabled: 'authenticator-app', uniquePassword: false, integrationsReviewed: true },
    ]);
    clock.advanceDays(91);
    const prev = services.accounts.view().previous;
    expect(prev.selected).toEqual(['amazon', 'ring']);
    expect(prev.answers.ring).toEqual({ enabled: 'sms', uniquePassword: true, integrationsReviewed: false, confirmedAt: '2026-03-01T12:00:00.000Z', expired: true });
    expect(prev.answers.amazon).toMatchObject({ enabled: 'authenticator-app', uniquePassword: false, integrationsReviewed: true });
  });
});
