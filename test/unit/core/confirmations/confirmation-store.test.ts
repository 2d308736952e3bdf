import { describe, expect, it } from 'vitest';
import { ConfirmationStore } from '../../../../main/core/confirmations/confirmation-store.js';
import { restoreConfirmations, rollUp, syncFromBoard, worstStatus } from '../../../../main/core/confirmations/roll-up.js';
import { DEFAULT_HISTORY, DEFAULT_PROGRESS, DEFAULT_SETTINGS, type History, type Progress, type Settings } from '../../../../main/core/store/documents.js';
import { EMPTY_HOME_MODEL, HomeModel, migrateConfirmations, type HomeModelDoc } from '../../../../main/core/model/index.js';
import { loadCheckCatalog } from '../../../../main/core/checks/catalog.js';
import { CheckBoard } from '../../../../main/core/checks/check-board.js';
import { ManualClock, MemoryDoc, RESOURCES } from '../accounts/fakes.js';
import { words } from '../../../support/words.js';
import { msg, userText } from '../../../../main/core/messages/index.js';

function setup(start = '2026-03-01T12:00:00Z') {
  const home = new MemoryDoc<HomeModelDoc>(structuredClone(EMPTY_HOME_MODEL));
  const settings = new MemoryDoc<Settings>({ ...DEFAULT_SETTINGS });
  const progress = new MemoryDoc<Progress>({ ...DEFAULT_PROGRESS });
  const clock = new ManualClock(new Date(start));
  const catalog = loadCheckCatalog(RESOURCES);
  const model = new HomeModel({ store: home, clock });
  // where the confirmations live: the home model document
  const history = { read: () => ({ confirmations: home.read().confirmations }) };
  return { home, history, settings, progress, clock, catalog, store: new ConfirmationStore(model, settings, clock), checks: new CheckBoard(catalog, progress, settings, clock) };
}

describe('ConfirmationStore (the home model’s confirmations)', () => {
  it('keeps each confirmation with its date under check:subject and returns it expired after the configured days', () => {
    const { store, clock, history } = setup();
    const v = store.record({ checkId: 'accounts.2fa', subject: 'amazon', status: 'pass', answer: { method: 'authenticator-app' }, note: msg('confirmation.accounts.two-factor-on', { method: msg('confirmation.accounts.method.authenticator-app') }) });
    expect(v.key).toBe('accounts.2fa:amazon');
    expect(v.confirmedAt).toBe('2026-03-01T12:00:00.000Z');
    expect(v.expiresAt).toBe('2026-05-30T12:00:00.000Z');
    expect(v.expired).toBe(false);
    expect(Object.keys(history.read().confirmations)).toEqual(['accounts.2fa:amazon']);
    clock.advanceDays(89);
    expect(store.get('accounts.2fa', 'amazon')).toMatchObject({ expired: false, daysLeft: 1 });
    clock.advanceDays(2);
    expect(store.get('accounts.2fa', 'amazon')).toMatchObject({ expired: true, daysLeft: 0 });
    expect(store.currentSubjects('accounts.2fa')).toEqual([]);
  });

  it('uses settings.confirmationExpiryDays', () => {
    const { store, settings } = setup();
    settings.write({ ...settings.read(), confirmationExpiryDays: 30 });
    expect(store.record({ checkId: 'voice.recordings', subject: 'assistant-alexa', status: 'pass' }).expiresAt).toBe('2026-03-31T12:00:00.000Z');
  });

  it('keeps up to five earlier answers, newest first', () => {
    const { store, clock } = setup();
    for (let i = 0; i < 7; i++) {
      store.record({ checkId: 'accounts.2fa', subject: 'ring', status: i % 2 ? 'warn' : 'pass', answer: { n: i } });
      clock.advanceDays(1);
    }
    const r = store.get('accounts.2fa', 'ring')!;
    expect(r.answer).toEqual({ n: 6 });
    expect(r.earlier.map((e) => e.answer.n)).toEqual([5, 4, 3, 2, 1]);
  });

  it('moves the history’s confirmations into the model; an unreadable entry stays in the history and is reported, never dropped', () => {
    const { store, home } = setup();
    const good = { checkId: 'accounts.2fa', subject: 'blink', status: 'warn', answer: {}, note: null, confirmedAt: '2026-02-01T10:00:00.000Z', expiresAt: '2026-05-02T10:00:00.000Z', earlier: [] };
    const history = new MemoryDoc<History>({ ...DEFAULT_HISTORY, confirmations: { 'accounts.2fa:amazon': { status: 'maybe' }, 'accounts.2fa:ring': 42, 'accounts.2fa:blink': good } });
    const warn: unknown[] = [];
    const r = migrateConfirmations({ home, history, log: { info: () => {}, warn: (...a: unknown[]) => void warn.push(a) } });
    expect(r).toEqual({ moved: 1, kept: ['accounts.2fa:amazon', 'accounts.2fa:ring'] });
    expect(Object.keys(history.read().confirmations).sort()).toEqual(['accounts.2fa:amazon', 'accounts.2fa:ring']);
    expect(warn).toHaveLength(1);
    const { records, problems } = store.list();
    expect(records.map((x) => x.key)).toEqual(['accounts.2fa:blink']);
    expect(problems).toEqual([]);
    expect(store.get('accounts.2fa', 'amazon')).toBeNull();
    // a second run moves nothing twice; the same key in both keeps the newer answer and the older one as `earlier`
    history.write({ ...history.read(), confirmations: { ...history.read().confirmations, 'accounts.2fa:blink': { ...good, status: 'pass', confirmedAt: '2026-01-01T10:00:00.000Z' } } });
    migrateConfirmations({ home, history, log: { info: () => {}, warn: () => {} } });
    expect(store.get('accounts.2fa', 'blink')).toMatchObject({ status: 'warn', confirmedAt: good.confirmedAt, earlier: [{ status: 'pass', confirmedAt: '2026-01-01T10:00:00.000Z' }] });
    // A new answer for the unreadable one starts a fresh record in the model.
    expect(store.record({ checkId: 'accounts.2fa', subject: 'amazon', status: 'pass' }).earlier).toEqual([]);
  });

  it('refuses malformed ids and subjects', () => {
    const { store } = setup();
    expect(() => store.record({ checkId: 'Not A Check', subject: null, status: 'pass' })).toThrow();
    expect(() => store.record({ checkId: 'accounts.2fa', subject: 'has space', status: 'pass' })).toThrow();
    expect(() => store.record({ checkId: 'accounts.2fa', subject: 'x', status: 'pass', answer: { long: 'y'.repeat(301) } })).toThrow(/could not be kept/);
  });

  it('forgets the subjects a step no longer has', () => {
    const { store } = setup();
    for (const s of ['amazon', 'ring', 'assistant-alexa']) store.record({ checkId: 'accounts.integrations-review', subject: s, status: 'pass' });
    expect(store.forgetSubjects('accounts.integrations-review', (s) => s !== 'ring')).toEqual(['ring']);
    expect(store.list('accounts.integrations-review').records.map((r) => r.subject)).toEqual(['amazon', 'assistant-alexa']);
  });
});

describe('rolling subjects up into the check board', () => {
  it('takes the worst status, ignoring skipped subjects', () => {
    expect(worstStatus(['pass', 'warn', 'skipped'])).toBe('warn');
    expect(worstStatus(['pass', 'fail', 'warn'])).toBe('fail');
    expect(worstStatus(['skipped'])).toBeNull();
    expect(worstStatus([])).toBeNull();
  });

  it('confirms the check with dated evidence and keeps the same dates in history', () => {
    const { store, checks } = setup();
    store.record({ checkId: 'accounts.2fa', subject: 'amazon', status: 'pass', note: msg('confirmation.accounts.two-factor-on', { method: msg('confirmation.accounts.method.authenticator-app') }) });
    store.record({ checkId: 'accounts.2fa', subject: 'ring', status: 'warn', note: msg('confirmation.accounts.two-factor-on', { method: msg('confirmation.accounts.method.sms') }) });
    const names: Record<string, string> = { amazon: 'Amazon', ring: 'Ring' };
    const view = rollUp(store, checks, 'accounts.2fa', msg('confirmation.accounts.none-confirmed'), (s) => names[s] ?? null);
    expect(view.status).toBe('warn');
    expect(words(view.reason)).toBe('answered for each: Amazon: second step on: authenticator app (one-time codes); Ring: second step on: code by text message (SMS)');
    // a list of per-subject messages, names not ids, no English joined in the core
    expect(view.reason).toMatchObject({ code: 'confirmation.subjects', params: { list: [{ code: 'confirmation.subject-answer', params: { name: 'Amazon' } }, { code: 'confirmation.subject-answer', params: { name: 'Ring' } }] } });
    expect(store.get('accounts.2fa')!.note).toEqual(view.reason);
    expect(view.evidence).toEqual({ kind: 'confirmed', at: '2026-03-01T12:00:00.000Z', expiresAt: '2026-05-30T12:00:00.000Z' });
    const top = store.get('accounts.2fa')!;
    expect([top.confirmedAt, top.expiresAt, top.status]).toEqual(['2026-03-01T12:00:00.000Z', '2026-05-30T12:00:00.000Z', 'warn']);
  });

  it('names up to twelve subjects and counts the rest; a subject with no name anywhere is never shown by its id', () => {
    const { store, checks } = setup();
    for (let i = 1; i <= 14; i++) {
      const id = `aa:bb:cc:00:00:${String(i).padStart(2, '0')}`;
      store.record({ checkId: 'devices.firmware', subject: id, status: 'pass', note: msg('confirmation.updates.firmware.auto-update'), answer: i === 1 ? {} : { name: `Plug ${i}` } });
    }
    const view = rollUp(store, checks, 'devices.firmware', msg('confirmation.updates.no-devices'));
    const text = words(view.reason);
    expect(text).toMatch(/^answered for each: an item without a name: updates itself automatically; Plug 2: updates itself automatically; /);
    expect(text).toMatch(/; Plug 12: updates itself automatically; and 2 more answers$/);
    expect(text).not.toContain('aa:bb');
    // a subject with no note reads as its status, in words
    store.record({ checkId: 'router.firmware', subject: 'router', status: 'warn' });
    expect(words(rollUp(store, checks, 'router.firmware', msg('confirmation.updates.no-router-answer'), () => msg('confirmation.updates.your-router')).reason)).toBe('answered for each: your router: partly done');
  });

  it('skips the check with a reason when every subject is not applicable', () => {
    const { store, checks } = setup();
    const noLock = msg('confirmation.assistant.not-applicable.unlock-pin');
    store.record({ checkId: 'voice.unlock-pin', subject: 'assistant-alexa', status: 'skipped', note: noLock });
    const view = rollUp(store, checks, 'voice.unlock-pin', noLock);
    expect(view.status).toBe('skipped');
    // the subject's reason is the check's: said once, not repeated per subject
    expect(view.reason).toEqual(noLock);
    expect(store.get('voice.unlock-pin')).toMatchObject({ status: 'skipped', note: noLock });
    // a subject skipped for a reason of its own is listed after the check's reason, by name
    store.record({ checkId: 'voice.purchasing', subject: 'assistant-siri', status: 'skipped', note: msg('confirmation.assistant.not-offered.purchasing.siri') });
    const own = rollUp(store, checks, 'voice.purchasing', msg('confirmation.assistant.none-applies'), (s) => (s === 'assistant-siri' ? 'Siri' : null));
    expect(words(own.reason)).toBe('does not apply to the chosen assistants (Siri: Siri cannot shop by voice on a HomePod or speaker, and payments always need your unlocked iPhone)');
  });

  it('restores history into a fresh audit with the original dates, expired after 90 days', () => {
    const { store, checks, progress, clock, catalog } = setup();
    store.record({ checkId: 'accounts.2fa', subject: 'amazon', status: 'pass', note: msg('confirmation.accounts.two-factor-on', { method: msg('confirmation.accounts.method.authenticator-app') }) });
    rollUp(store, checks, 'accounts.2fa', msg('confirmation.accounts.none-confirmed'), () => 'Amazon');
    progress.write({ ...DEFAULT_PROGRESS }); // a new audit starts with an empty board
    expect(checks.get('accounts.2fa').evidence.kind).toBe('none');
    expect(restoreConfirmations(store, progress, catalog)).toEqual(['accounts.2fa']);
    expect(checks.get('accounts.2fa')).toMatchObject({ status: 'pass', expired: false, evidence: { kind: 'confirmed', at: '2026-03-01T12:00:00.000Z' } });
    expect(words(checks.get('accounts.2fa').reason)).toBe('answered for each: Amazon: second step on: authenticator app (one-time codes)');
    expect(restoreConfirmations(store, progress, catalog)).toEqual([]); // never overwrites evidence the audit has
    clock.advanceDays(91);
    const later = checks.get('accounts.2fa');
    expect(later.expired).toBe(true);
    expect(later.status).toBe('unknown');
    expect(words(later.reason)).toBe('the confirmation expired on May 30, 2026; confirm it again');
  });

  it('keeps quick board answers in history with the board dates, once', () => {
    const { store, checks, clock } = setup();
    checks.confirm('router.remote-admin', 'pass');
    checks.skip('router.upnp', 'The router has no UPnP at all');
    expect(syncFromBoard(store, checks, ['router.remote-admin', 'router.upnp', 'wifi.encryption'])).toEqual(['router.remote-admin', 'router.upnp']);
    expect(syncFromBoard(store, checks, ['router.remote-admin', 'router.upnp'])).toEqual([]);
    expect(store.get('router.remote-admin')).toMatchObject({ status: 'pass', confirmedAt: '2026-03-01T12:00:00.000Z', expiresAt: '2026-05-30T12:00:00.000Z' });
    // the user's reason is kept as their words (a message), not flattened to a string
    expect(store.get('router.upnp')).toMatchObject({ status: 'skipped', note: userText('The router has no UPnP at all') });
    clock.advanceDays(1);
    checks.confirm('router.remote-admin', 'warn');
    expect(syncFromBoard(store, checks, ['router.remote-admin'])).toEqual(['router.remote-admin']);
    expect(store.get('router.remote-admin')!.earlier).toHaveLength(1);
    expect(() => syncFromBoard(store, checks, ['no.such-check'])).toThrow(/does not know this check/);
  });
});
