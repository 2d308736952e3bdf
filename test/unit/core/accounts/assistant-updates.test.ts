import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssistantSettings } from '../../../../main/core/accounts/assistant-step.js';
import { devicesFromHistory, loadOutagePlans } from '../../../../main/core/accounts/updates-step.js';
import { loadExternalHosts } from '../../../../main/core/shell/external-links.js';
import { makeServices, RESOURCES } from './fakes.js';
import { words } from '../../../support/words.js';
import { createMessageFormatter, msg, type MessageCatalog } from '../../../../main/core/messages/index.js';

const allYes = { purchasing: 'voice-code', 'unlock-pin': 'pin', skills: 'reviewed', recordings: 'auto-delete' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test breaks arbitrary fields of a parsed JSON file
function brokenCopy(file: string, mutate: (d: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-res-'));
  cpSync(RESOURCES, dir, { recursive: true });
  const d = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  mutate(d);
  writeFileSync(join(dir, file), JSON.stringify(d));
  return dir;
}

describe('assistant step', () => {
  it('has, for each setting, a plain-words why and where it lives in the Alexa app', () => {
    const { services } = makeServices();
    const v = services.assistant.view();
    expect(v.settings.map((s) => s.checkId)).toEqual(['voice.purchasing', 'voice.unlock-pin', 'accounts.integrations-review', 'voice.recordings']);
    for (const s of v.settings) {
      expect(s.why.length).toBeGreaterThan(40);
      expect('path' in s.where.alexa && s.where.alexa.path).toMatch(/Alexa app/);
    }
    expect(v.surveyFoundLock).toBe(false);
  });

  it('records answers and confirms voice.* with dates; voice unlock is skipped without a smart lock', () => {
    const { services, checks } = makeServices();
    const out = services.assistant.confirm({ hasSmartLock: false, assistants: [{ assistant: 'alexa', answers: allYes }] });
    expect(Object.fromEntries(out.checks.map((c) => [c.id, c.status]))).toEqual({
      'voice.purchasing': 'pass',
      'voice.unlock-pin': 'skipped',
      'accounts.integrations-review': 'pass',
      'voice.recordings': 'pass',
    });
    // the check's reason once, not repeated for each assistant skipped for the same reason
    expect(words(checks.get('voice.unlock-pin').reason)).toBe('no smart lock is connected to the assistant, so there is nothing to unlock by voice');
    expect(checks.get('voice.purchasing').evidence.kind).toBe('confirmed');
    expect(services.confirmations.get('voice.purchasing', 'assistant-alexa')!.answer).toEqual({ setting: 'purchasing', option: 'voice-code' });
  });

  it('fails voice purchasing left open and voice unlock without a PIN; Siri cannot shop so it is skipped for Siri', () => {
    const { services } = makeServices();
    const out = services.assistant.confirm({
      hasSmartLock: true,
      assistants: [
        { assistant: 'alexa', answers: { ...allYes, purchasing: 'on', 'unlock-pin': 'no-pin' } },
        { assistant: 'siri', answers: { 'unlock-pin': 'pin', skills: 'reviewed', recordings: 'dont-save' } },
      ],
    });
    const by = Object.fromEntries(out.checks.map((c) => [c.id, c.status]));
    expect(by['voice.purchasing']).toBe('fail');
    expect(by['voice.unlock-pin']).toBe('fail');
    expect(services.confirmations.get('voice.purchasing', 'assistant-siri')).toMatchObject({ status: 'skipped' });
  });

  it('shares accounts.integrations-review with the accounts step without either erasing the other', async () => {
    const { services, checks } = makeServices();
    await services.accounts.confirm([{ id: 'amazon', enabled: 'authenticator-app', uniquePassword: true, integrationsReviewed: true }]);
    services.assistant.confirm({ hasSmartLock: false, assistants: [{ assistant: 'alexa', answers: { ...allYes, skills: 'not-reviewed' } }] });
    expect(checks.get('accounts.integrations-review').status).toBe('warn');
    expect(services.confirmations.currentSubjects('accounts.integrations-review').map((r) => r.subject)).toEqual(['amazon', 'assistant-alexa']);
    // each step names the other's subjects too: the account and the assistant, never `amazon` or `assistant-alexa`
    const both = 'answered for each: Amazon (Alexa): linked apps and devices reviewed; Amazon Alexa: skills and linked devices not reviewed yet';
    expect(words(checks.get('accounts.integrations-review').reason)).toBe(both);
    await services.accounts.confirm([{ id: 'amazon', enabled: 'authenticator-app', uniquePassword: true, integrationsReviewed: true }]);
    expect(services.confirmations.currentSubjects('accounts.integrations-review').map((r) => r.subject)).toEqual(['amazon', 'assistant-alexa']);
    expect(words(checks.get('accounts.integrations-review').reason)).toBe(both);
  });

  it('offers last time\'s answers per setting and assistant', () => {
    const { services } = makeServices();
    expect(services.assistant.view().previous).toEqual({ assistants: [], hasSmartLock: null, answers: {} });
    services.assistant.confirm({ hasSmartLock: false, assistants: [{ assistant: 'google', answers: { ...allYes, purchasing: 'off' } }] });
    expect(services.assistant.view().previous).toEqual({
      assistants: ['google'],
      hasSmartLock: false,
      answers: { 'purchasing.google': 'off', 'skills.google': 'reviewed', 'recordings.google': 'auto-delete' },
    });
  });

  it('refuses missing or unknown answers', () => {
    const { services } = makeServices();
    expect(() => services.assistant.confirm({ hasSmartLock: false, assistants: [] })).toThrow(/at least one/);
    expect(() => services.assistant.confirm({ hasSmartLock: false, assistants: [{ assistant: 'alexa', answers: { purchasing: 'maybe' } }] })).toThrow(/not one of the choices/);
    expect(() => services.assistant.confirm({ hasSmartLock: false, assistants: [{ assistant: 'alexa', answers: { purchasing: 'off' } }] })).toThrow(/has no answer yet/);
    expect(() => services.assistant.confirm({ hasSmartLock: false, assistants: [{ assistant: 'alexa', answers: { ...allYes, bogus: 'x' } }] })).toThrow(/does not know one of the assistant settings/);
  });

  it('reports a broken assistant-settings.json with its file and field', () => {
    const hosts = loadExternalHosts(RESOURCES);
    expect(() => loadAssistantSettings(brokenCopy('assistant-settings.json', (d) => delete d.settings[1].notApplicable), hosts)).toThrow(
      /assistant-settings\.json is invalid at settings\.1\.notApplicable/,
    );
    expect(() => loadAssistantSettings(brokenCopy('assistant-settings.json', (d) => (d.settings[3].where.alexa.url = 'https://evil.example.org/')), hosts)).toThrow(
      /assistant-settings\.json is invalid at settings\.3\.where\.alexa\.url/,
    );
  });
});

describe('updates step', () => {
  const fritz = { vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', sources: ['upnp', 'tr64'] };

  it('offers the router vendor firmware page for the router the survey identified', () => {
    const { services } = makeServices();
    const v = services.updates.view(fritz);
    expect(v.routerAccount).toBe('avm-fritzbox');
    expect(v.routerFirmwareUrl).toMatch(/^https:\/\/en\.avm\.de\//);
    expect(v.profiles.map((p) => p.id)).toEqual(['renter', 'homeowner', 'high-risk']);
    expect(services.updates.view(null)).toMatchObject({ routerAccount: null, routerFirmwareUrl: null });
  });

  it('records firmware per device and the router version read by the survey', () => {
    const { services, checks } = makeServices();
    const out = services.updates.confirmFirmware({
      devices: [
        { id: 'aa:bb:cc:00:00:01', name: 'Front door camera', answer: 'auto-update' },
        { id: 'aa:bb:cc:00:00:02', name: 'Kitchen speaker', answer: 'unknown' },
      ],
      router: { identity: fritz, answer: 'current' },
    });
    expect(out.checks.map((c) => [c.id, c.status])).toEqual([
      ['devices.firmware', 'warn'],
      ['router.firmware', 'pass'],
    ]);
    // the router by its maker and model (not the subject id `router`); an unknown source id (tr64) is left out, never shown raw
    expect(words(checks.get('router.firmware').reason)).toBe('answered for each: AVM FRITZ!Box 7590: firmware 7.57 (read from its UPnP description): updated to the latest version');
    expect(words(checks.get('devices.firmware').reason)).toBe('answered for each: Front door camera: updates itself automatically; Kitchen speaker: could not find out');
    expect(services.confirmations.get('router.firmware', 'router')!.answer).toMatchObject({ firmware: '7.57', readAutomatically: true });
  });

  it('asks for the router when the survey could not read it, and fails an outdated one', () => {
    const { services } = makeServices();
    const out = services.updates.confirmFirmware({ devices: [], router: { identity: null, answer: 'outdated' } });
    expect(out.checks.map((c) => c.status)).toEqual(['skipped', 'fail']);
    expect(services.confirmations.get('router.firmware', 'router')!.answer.readAutomatically).toBe(false);
  });

  it('grades the outage plan by risk profile: accepting the risk is fine for a renter, a warning at high risk', () => {
    const { services } = makeServices();
    expect(services.updates.confirmOutagePlan({ profile: 'renter', choice: 'accepted-risk' }).check.status).toBe('pass');
    expect(services.updates.confirmOutagePlan({ profile: 'high-risk', choice: 'accepted-risk' }).check.status).toBe('warn');
    expect(services.updates.confirmOutagePlan({ profile: 'high-risk', choice: 'hybrid-monitored' }).check.status).toBe('pass');
    expect(services.updates.confirmOutagePlan({ profile: 'homeowner', choice: 'not-yet' }).check.status).toBe('fail');
    expect(() => services.updates.confirmOutagePlan({ profile: 'castle', choice: 'moat' })).toThrow(/not one of the choices/);
    expect(() => services.updates.confirmOutagePlan({ profile: 'renter', choice: 'moat' })).toThrow(/not one of the choices/);
  });

  it('has each profile cover what stops, local automation, cellular backup, monitoring and the hybrid setup', () => {
    const plans = loadOutagePlans(RESOURCES);
    for (const p of plans.profiles) {
      for (const k of ['localAutomation', 'cellularBackup', 'professionalMonitoring', 'hybrid'] as const) expect(p[k].length).toBeGreaterThan(20);
      expect(p.stopsWithoutInternet.length).toBeGreaterThan(0);
    }
    expect(() => loadOutagePlans(brokenCopy('outage-plans.json', (d) => (d.profiles[2].id = 'paranoid')))).toThrow(/outage-plans\.json is invalid at profiles\.2\.id/);
  });

  it('lists the inventory devices still at home, loosely read, with the last firmware answer', () => {
    const { services } = makeServices();
    const inventory = {
      'aa:bb:cc:00:00:01': { id: 'aa:bb:cc:00:00:01', names: ['Front Door'], vendor: 'Ring LLC', category: 'camera', userName: null },
      'aa:bb:cc:00:00:02': { id: 'aa:bb:cc:00:00:02', names: [], vendor: 'Sonos, Inc.', category: 'speaker', userName: 'Kitchen' },
      'aa:bb:cc:00:00:03': { names: ['Old plug'], removed: true },
      'aa:bb:cc:00:00:04': { vendor: 'AVM', category: 'router' },
      'bad id with spaces': { vendor: 'X' },
      'ip:127.0.0.9': 'garbage',
    };
    expect(devicesFromHistory(inventory).map((d) => [d.id, d.name])).toEqual([
      ['aa:bb:cc:00:00:01', 'Front Door'],
      ['aa:bb:cc:00:00:02', 'Kitchen'],
    ]);
    services.updates.confirmFirmware({ devices: [{ id: 'aa:bb:cc:00:00:01', name: 'Front Door', answer: 'auto-update' }], router: null });
    services.updates.confirmOutagePlan({ profile: 'homeowner', choice: 'hybrid-monitored' });
    const v = services.updates.view(null, inventory);
    expect(v.devices.map((d) => d.answer)).toEqual(['auto-update', null]);
    expect(v.previous).toEqual({ routerAnswer: null, profile: 'homeowner', choice: 'hybrid-monitored' });
  });
});

describe('assistant and updates notes are codes with words in every language', () => {
  const LANGS = ['en', 'de', 'es', 'fr'] as const;
  const catalog = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../../renderer/i18n', lang, 'messages.json'), 'utf8')) as MessageCatalog;
  const group = (lang: string, ...path: string[]) => path.reduce<MessageCatalog>((n, k) => (n[k] ?? {}) as MessageCatalog, catalog(lang));
  const leaves = (n: MessageCatalog, prefix = ''): string[] =>
    Object.entries(n).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));

  it('records each assistant answer as confirmation.assistant.* and names the assistant in the roll-up', () => {
    const { services, checks } = makeServices();
    services.assistant.confirm({ hasSmartLock: false, assistants: [{ assistant: 'alexa', answers: { ...allYes, skills: 'not-reviewed' } }, { assistant: 'siri', answers: allYes }] });
    const note = (check: string, who: string) => services.confirmations.get(check, `assistant-${who}`)!.note;
    expect(note('voice.purchasing', 'alexa')).toEqual(msg('confirmation.assistant.answer.purchasing.voice-code'));
    expect(note('voice.purchasing', 'siri')).toEqual(msg('confirmation.assistant.not-offered.purchasing.siri'));
    expect(note('voice.unlock-pin', 'alexa')).toEqual(msg('confirmation.assistant.not-applicable.unlock-pin'));
    expect(note('accounts.integrations-review', 'alexa')).toEqual(msg('confirmation.assistant.answer.skills.not-reviewed'));
    expect(words(checks.get('voice.recordings').reason)).toBe(
      'answered for each: Amazon Alexa: voice recordings are deleted automatically after a set time; Siri (HomePod, HomeKit): voice recordings are deleted automatically after a set time',
    );
    const french = createMessageFormatter({ en: catalog('en'), fr: catalog('fr') }, 'fr');
    expect(french.format(checks.get('accounts.integrations-review').reason)).toBe(
      'réponse donnée pour chacun : Amazon Alexa : skills et appareils associés pas encore passés en revue ; Siri (HomePod, HomeKit) : skills et appareils associés passés en revue, ceux qui ne servent plus retirés',
    );
  });

  it('records firmware and outage-plan answers as confirmation.updates.*, the home named by its risk profile', () => {
    const { services } = makeServices();
    const out = services.updates.confirmOutagePlan({ profile: 'high-risk', choice: 'accepted-risk' });
    expect(out.record.note).toEqual(msg('confirmation.updates.outage.accepted-risk'));
    expect(words(out.check.reason)).toBe('answered for each: Higher risk: you know what stops during an outage and accept it');
    const german = createMessageFormatter({ en: catalog('en'), de: catalog('de') }, 'de');
    expect(german.format(out.check.reason)).toBe('für jedes beantwortet: Erhöhtes Risiko: Sie wissen, was bei einem Ausfall stillsteht, und nehmen es hin');
    const fw = services.updates.confirmFirmware({ devices: [], router: { identity: null, answer: 'outdated' } });
    expect(services.confirmations.get('router.firmware', 'router')!.note).toEqual(msg('confirmation.updates.firmware.outdated'));
    expect(german.format(fw.checks[1]!.reason)).toBe('für jedes beantwortet: Ihr Router: ein Update wartet, oder es gibt keine Updates mehr');
  });

  it('every assistant answer, "not applicable" and "not offered" of the resource has words in en, de, es and fr, and nothing else is there', () => {
    const data = loadAssistantSettings(RESOURCES, loadExternalHosts(RESOURCES));
    const want = {
      answer: data.settings.flatMap((s) => s.options.map((o) => `${s.id}.${o.id}`)).sort(),
      'not-applicable': data.settings.filter((s) => s.notApplicable !== undefined).map((s) => s.id).sort(),
      'not-offered': data.settings.flatMap((s) => Object.entries(s.where).filter(([, w]) => 'notOffered' in w).map(([a]) => `${s.id}.${a}`)).sort(),
    };
    expect(want['not-offered']).toEqual(['purchasing.siri']);
    for (const lang of LANGS) for (const [part, keys] of Object.entries(want)) expect(leaves(group(lang, 'confirmation', 'assistant', part)).sort(), `${lang} ${part}`).toEqual(keys);
  });

  it('every firmware answer, risk profile and outage choice of the resource has words in en, de, es and fr, and nothing else is there', () => {
    const plans = loadOutagePlans(RESOURCES);
    const want = {
      firmware: plans.firmware.answers.map((a) => a.id).sort(),
      profile: plans.profiles.map((p) => p.id).sort(),
      outage: [...new Set(plans.profiles.flatMap((p) => p.choices.map((c) => c.id)))].sort(),
    };
    for (const lang of LANGS) for (const [part, keys] of Object.entries(want)) expect(leaves(group(lang, 'confirmation', 'updates', part)).sort(), `${lang} ${part}`).toEqual(keys);
  });

  it('the four catalogs word the same confirmation codes', () => {
    // plural forms differ by language (es and fr have `_many`): compare the codes they belong to
    const codes = (lang: string) => [...new Set(leaves(group(lang, 'confirmation')).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
    for (const lang of LANGS) expect(codes(lang), lang).toEqual(codes('en'));
  });
});
