import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT_CHECKS, twoFactorStatus } from '../../../../main/core/accounts/accounts-step.js';
import { createMessageFormatter, msg, type MessageCatalog } from '../../../../main/core/messages/index.js';
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
    expect(amazon.best).toBe('authenticator-app');
    // Ids only: the words are the renderer's, in the reader's language (no English from the core).
    expect(Object.keys(amazon.ranked[0]!).sort()).toEqual(['method', 'rank']);
    expect(amazon).not.toHaveProperty('why');
    expect(amazon).not.toHaveProperty('bestLabel');
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
    expect(words(skipped.checks[0]!.reason)).toBe('none of the chosen accounts offers a second sign-in step (two-factor authentication) (Sonos: offers no second sign-in step)');
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

describe('accounts step: notes are codes, read in the reader’s language', () => {
  const catalog = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../../renderer/i18n', lang, 'messages.json'), 'utf8')) as MessageCatalog;
  const en = catalog('en');
  const german = createMessageFormatter({ en, de: catalog('de') }, 'de');

  it('records each subject’s note as a code with params (no name inside: the roll-up names the account)', async () => {
    const { services } = makeServices();
    await services.accounts.confirm([
      { id: 'amazon', enabled: 'authenticator-app', uniquePassword: true, integrationsReviewed: true },
      { id: 'ring', enabled: 'sms', uniquePassword: false, integrationsReviewed: false },
      { id: 'wyze', enabled: 'none', uniquePassword: true, integrationsReviewed: true },
      { id: 'sonos', enabled: 'none', uniquePassword: true, integrationsReviewed: true },
    ]);
    const note = (check: string, subject: string) => services.confirmations.get(check, subject)!.note;
    const method = (id: string) => msg(`confirmation.accounts.method.${id}`);
    expect(note('accounts.2fa', 'amazon')).toEqual(msg('confirmation.accounts.two-factor-on', { method: method('authenticator-app') }));
    expect(note('accounts.2fa', 'ring')).toEqual(msg('confirmation.accounts.two-factor-weaker', { method: method('sms'), better: method('authenticator-app') }));
    expect(note('accounts.2fa', 'wyze')).toEqual(msg('confirmation.accounts.two-factor-off'));
    expect(note('accounts.2fa', 'sonos')).toEqual(msg('confirmation.accounts.two-factor-not-offered'));
    expect(note('accounts.unique-passwords', 'ring')).toEqual(msg('confirmation.accounts.password-reused'));
    expect(note('accounts.integrations-review', 'ring')).toEqual(msg('confirmation.accounts.linked-not-reviewed'));
    // the check-level record keeps the rolled-up reason as a message too
    expect(services.confirmations.get('accounts.2fa')!.note).toMatchObject({ code: 'confirmation.subjects', params: { list: expect.any(Array) } });
    // Blink's best is SMS: SMS passes there, with its own words
    expect(twoFactorStatus(services.accounts.entry('blink'), 'sms').note).toEqual(msg('confirmation.accounts.two-factor-best', { method: method('sms') }));
  });

  it('a rolled-up accounts reason read in German holds no English from the core, and names the accounts, not their ids', async () => {
    const { services, checks } = makeServices();
    await services.accounts.confirm([
      { id: 'amazon', enabled: 'authenticator-app', uniquePassword: true, integrationsReviewed: true },
      { id: 'ring', enabled: 'sms', uniquePassword: false, integrationsReviewed: false },
      { id: 'wyze', enabled: 'none', uniquePassword: true, integrationsReviewed: true },
    ]);
    const de = (id: string) => german.format(checks.get(id).reason);
    expect(de('accounts.2fa')).toBe(
      'für jedes beantwortet: Amazon (Alexa): zweiter Schritt eingeschaltet: Authentifizierungs-App (Einmalcodes); Ring: zweiter Schritt eingeschaltet: Code per Textnachricht (SMS) – ebenfalls angeboten und stärker: Authentifizierungs-App (Einmalcodes); Wyze: kein zweiter Anmeldeschritt eingeschaltet',
    );
    expect(de('accounts.unique-passwords')).toBe('für jedes beantwortet: Amazon (Alexa): sein Passwort wird nirgendwo sonst verwendet; Ring: sein Passwort wird auch anderswo verwendet; Wyze: sein Passwort wird nirgendwo sonst verwendet');
    // No English words of the catalog (the English the core used to join) and no old English notes.
    const englishWords = new Set(
      Object.values((en.confirmation as MessageCatalog).accounts as MessageCatalog)
        .flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v as Record<string, string>)))
        .concat([(en.confirmation as MessageCatalog).subjects as string])
        .flatMap((v) => v.replace(/\{\{[^}]+\}\}/g, ' ').split(/[^A-Za-z-]+/))
        .filter((w) => w.length > 3 && !['SMS', 'Authenticator'].includes(w)),
    );
    for (const id of ACCOUNT_CHECKS) {
      const text = de(id);
      for (const w of text.split(/[^A-Za-z-]+/)) expect(englishWords.has(w), `${id}: "${w}" in ${text}`).toBe(false);
      expect(text).not.toMatch(/\b(amazon|ring|wyze):|2FA on|used elsewhere|linked apps|answered for each/);
    }
  });
});
