import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../main/core/app-core.js';
import { dispatch } from '../../../../main/ipc/register.js';
import { DEFAULT_HISTORY, DEFAULT_PROGRESS, DEFAULT_SETTINGS, type History, type Progress, type Settings } from '../../../../main/core/store/documents.js';
import { ManualClock, MemoryDoc, MemorySecrets, RESOURCES, silentLog } from './fakes.js';
import { words } from '../../../support/words.js';
import type { Message } from '../../../../main/core/messages/index.js';

const ORIGIN = 'app://porchlight';

function core(language: Settings['language'] = DEFAULT_SETTINGS.language) {
  const history = new MemoryDoc<History>({ ...DEFAULT_HISTORY });
  const store = new MemorySecrets();
  const opened: string[] = [];
  const c = createCore({
    host: 'harness',
    version: '0.0.0-test',
    platform: 'linux',
    resourcesDir: RESOURCES,
    secrets: store,
    settings: new MemoryDoc<Settings>({ ...DEFAULT_SETTINGS, language }),
    progress: new MemoryDoc<Progress>({ ...DEFAULT_PROGRESS }),
    history,
    clock: new ManualClock(new Date('2026-03-01T12:00:00Z')),
    log: silentLog,
    opener: { open: async (u) => void opened.push(u) },
  });
  const call = (name: string, args: unknown) => dispatch(c, name, args, { origin: ORIGIN, isMainFrame: true }, { allowedOrigins: [ORIGIN] });
  return { c, call, history, store, opened };
}

describe('accounts, assistant and updates channels', () => {
  it('serve their resource texts in the language setting (resources/l10n), the Alexa app\'s own German menu words included', async () => {
    type Assistant = { assistants: { id: string; app: string }[]; settings: { id: string; title: string; options: { id: string; label: string }[]; where: Record<string, { path?: string }> }[] };
    const de = core('de');
    const a = (await de.call('assistant:settings', {})) as { ok: true; value: Assistant };
    const recordings = a.value.settings.find((s) => s.id === 'recordings')!;
    expect(recordings.where.alexa!.path).toContain('Einstellungen → Alexa-Datenschutz → Ihre Alexa-Daten verwalten');
    expect(a.value.settings.find((s) => s.id === 'purchasing')!.options.find((o) => o.id === 'off')!.label).toBe('Einkaufen per Sprache ist aus');
    expect(a.value.assistants.find((x) => x.id === 'alexa')!.app).toBe('Alexa-App');
    const plan = (await de.call('updates:plan', {})) as { ok: true; value: { firmware: { why: string; answers: { label: string }[] }; profiles: { id: string; name: string }[] } };
    expect(plan.value.profiles.map((p) => p.name)).toEqual(['Mietwohnung oder kleine Wohnung', 'Eigenheim', 'Erhöhtes Risiko']);
    expect(plan.value.firmware.answers[0]!.label).toBe('Aktualisiert sich automatisch (eingeschaltet)');
    const fr = core('fr');
    const cat = (await fr.call('accounts:catalog', { vendors: [] })) as { ok: true; value: { accounts: { id: string; whereInApp: string | null; quirk: { summary: string } | null }[] } };
    expect(cat.value.accounts.find((x) => x.id === 'avm-fritzbox')!.whereInApp).toContain('Système → Utilisateurs de la FRITZ!Box');
    // English stays English
    const en = core('en');
    const enA = (await en.call('assistant:settings', {})) as { ok: true; value: Assistant };
    expect(enA.value.settings.find((s) => s.id === 'recordings')!.where.alexa!.path).toContain('Alexa Privacy');
  });

  it('serve the catalog, store recovery codes in the keychain, confirm and list the dated history', async () => {
    const { call, store, history } = core();
    const cat = await call('accounts:catalog', { vendors: ['Ring LLC'] });
    expect(cat.ok && (cat.value as { suggested: string[] }).suggested).toEqual(['ring']);
    expect(await call('accounts:store-recovery-codes', { account: 'amazon', codes: 'CODE-1 CODE-2' })).toEqual({
      ok: true,
      value: { account: 'account/amazon/recovery-codes', stored: true },
    });
    expect(store.map.get('account/amazon/recovery-codes')).toBe('CODE-1 CODE-2');
    const confirmed = await call('accounts:confirm', { accounts: [{ id: 'amazon', enabled: 'authenticator-app', uniquePassword: true, integrationsReviewed: true }] });
    expect(confirmed.ok).toBe(true);
    const list = await call('confirmations:list', {});
    expect(list.ok && (list.value as { records: { key: string }[] }).records.map((r) => r.key)).toContain('accounts.2fa:amazon');
    expect(JSON.stringify(history.read())).not.toContain('CODE-1');
  });

  it('refuse hostile payloads before the core', async () => {
    const { call, store } = core();
    const bad = [
      ['accounts:store-recovery-codes', { account: '../../etc', codes: 'x' }],
      ['accounts:store-recovery-codes', { account: 'amazon', codes: '' }],
      ['accounts:store-recovery-codes', { account: 'amazon', codes: 'x', extra: 1 }],
      ['accounts:confirm', { accounts: [] }],
      ['accounts:confirm', { accounts: [{ id: 'amazon', enabled: 'carrier-pigeon', uniquePassword: true, integrationsReviewed: true }] }],
      ['accounts:catalog', { vendors: 'Ring' }],
      ['assistant:confirm', { hasSmartLock: false, assistants: [{ assistant: 'cortana', answers: {} }] }],
      ['updates:confirm-firmware', { devices: [{ id: 'has space', name: 'x', answer: 'current' }], router: null }],
      ['updates:confirm-outage-plan', { profile: 'renter', choice: 'x'.repeat(200) }],
      ['confirmations:list', { __proto__: { polluted: true }, x: 1 }],
    ] as const;
    for (const [name, args] of bad) {
      const r = await call(name, args);
      expect(r.ok, `${name} ${JSON.stringify(args)}`).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-arguments');
    }
    expect(store.map.size).toBe(0);
  });

  it('updates:plan takes no router from the renderer: it reads the survey\'s router from the home model, else the newest audit\'s', async () => {
    const { c, call } = core();
    const surveyRouter = {
      vendor: 'AVM',
      model: 'FRITZ!Box 7590',
      firmware: '7.57',
      friendlyName: 'FRITZ!Box',
      sources: { vendor: 'tr064', model: 'tr064', firmware: 'tr064' },
      evidence: [{ source: 'tr064', url: 'http://127.0.0.1:49000/tr64desc.xml', vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', error: null }],
    };
    // A router handed over by the renderer is refused (the argument is gone), not silently used.
    const handed = await call('updates:plan', { router: surveyRouter });
    expect(handed).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const none = await call('updates:plan', {});
    expect(none.ok && (none.value as { router: unknown }).router).toBeNull();
    c.model.recordSurvey({ devices: [], gateway: { address: '127.0.0.1', mac: null, router: surveyRouter as never } });
    const plan = await call('updates:plan', {});
    expect(plan.ok && (plan.value as { router: unknown }).router).toEqual({ vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', sources: ['tr064'] });
    const fw = await call('updates:confirm-firmware', { devices: [], router: { identity: surveyRouter, answer: 'auto-update' } });
    expect(fw.ok && words((fw.value as { checks: { id: string; reason: Message | null }[] }).checks[1]!.reason)).toMatch(/firmware 7\.57 \(read from its TR-064 interface\)/);
    // The router's maker pre-selects its account in the accounts step too.
    const cat = await call('accounts:catalog', {});
    expect(cat.ok && (cat.value as { suggested: string[] }).suggested).toEqual(['avm-fritzbox']);
    // Without a surveyed router, the newest audit's.
    const fresh = core();
    fresh.history.write({ ...fresh.history.read(), audits: [{ router: { address: '127.0.0.1', vendor: 'ASUSTeK', model: 'RT-AX58U', firmware: '3.0.0.4', sources: ['upnp'] } }] } as never);
    const fromAudit = await fresh.call('updates:plan', {});
    expect(fromAudit.ok && (fromAudit.value as { routerAccount: string }).routerAccount).toBe('asus');
    const cat2 = await fresh.call('accounts:catalog', {});
    expect(cat2.ok && (cat2.value as { suggested: string[] }).suggested).toEqual(['asus']);
  });

  it('answer a not-offered method with a clear error, not a crash', async () => {
    const { call } = core();
    const r = await call('accounts:confirm', { accounts: [{ id: 'amazon', enabled: 'security-key', uniquePassword: true, integrationsReviewed: true }] });
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.any(String), userMessage: { code: 'error.method-not-offered', params: { name: 'Amazon (Alexa)', method: 'security-key' } } },
    });
  });

  it('run the assistant and updates steps end to end', async () => {
    const { call } = core();
    const s = await call('assistant:settings', {});
    expect(s.ok).toBe(true);
    const a = await call('assistant:confirm', {
      hasSmartLock: true,
      assistants: [{ assistant: 'alexa', answers: { purchasing: 'off', 'unlock-pin': 'pin', skills: 'reviewed', recordings: 'dont-save' } }],
    });
    expect(a.ok && (a.value as { checks: { status: string }[] }).checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    const plan = await call('updates:plan', {});
    expect(plan.ok && (plan.value as { routerAccount: string | null }).routerAccount).toBeNull();
    const fw = await call('updates:confirm-firmware', { devices: [{ id: 'aa:bb:cc:dd:ee:ff', name: 'Doorbell', answer: 'auto-update' }], router: null });
    expect(fw.ok).toBe(true);
    const op = await call('updates:confirm-outage-plan', { profile: 'homeowner', choice: 'hybrid-monitored' });
    expect(op.ok && (op.value as { check: { status: string } }).check.status).toBe('pass');
  });
});
