import { describe, expect, it } from 'vitest';
import { migrateConfirmations } from '../../../../main/core/model/index.js';
import { AuditService } from '../../../../main/core/audit/audit-service.js';
import { CHECK_IDS, confirmationVerifier, type MeasuredCheck, type Verifier, type VerifierRegistry } from '../../../../main/core/checks/verifiers/index.js';
import { NO_RUNNER_REASON } from '../../../../main/core/audit/runners.js';
import { loadCheckCatalog } from '../../../../main/core/checks/catalog.js';
import { addDays } from '../../../../main/core/checks/results.js';
import { CheckBoard } from '../../../../main/core/checks/check-board.js';
import { resourcesDir } from '../../../../main/compose.js';
import { DEFAULT_HISTORY, DEFAULT_PROGRESS, DEFAULT_SETTINGS, HistorySchema, type History, type Progress, type Settings } from '../../../../main/core/store/documents.js';
import { FixedClock, MemoryDocument, MemoryLogger, memoryModel } from '../../../support/fakes.js';
import { ENGLISH_MESSAGES } from '../../../support/words.js';

/** A registry where only the given checks measure something. */
const registry = (over: Partial<VerifierRegistry>): VerifierRegistry =>
  ({ ...Object.fromEntries(CHECK_IDS.map((id) => [id, confirmationVerifier])), ...over }) as VerifierRegistry;
const measuring = (verify: () => Promise<MeasuredCheck>, deadlineMs = 1000): Verifier => ({ measures: true, deadlineMs, verify });

const catalog = loadCheckCatalog(resourcesDir());

function setup(runners: Partial<VerifierRegistry> = {}) {
  const clock = new FixedClock(new Date('2026-03-01T12:00:00Z'));
  const { model, home } = memoryModel(clock);
  const settings = new MemoryDocument<Settings>(DEFAULT_SETTINGS);
  const progress = new MemoryDocument<Progress>(DEFAULT_PROGRESS);
  const history = new MemoryDocument<History>(DEFAULT_HISTORY);
  const log = new MemoryLogger();
  const pdfCalls: string[] = [];
  const audit = new AuditService({
    catalog, settings, progress, history, clock, log, appVersion: '9.9.9', verifiers: () => registry(runners), model, messages: ENGLISH_MESSAGES,
    exportPorts: { pdf: { htmlToPdf: async (html) => { pdfCalls.push(html); return new TextEncoder().encode('%PDF-1.7 fake'); } } },
  });
  const board = new CheckBoard(catalog, progress, settings, clock);
  return { clock, settings, progress, history, audit, board, pdfCalls, model, home };
}

const wifiRunner = (status: 'pass' | 'fail' | 'unknown' = 'pass'): Partial<VerifierRegistry> => ({
  'wifi.encryption': measuring(async () => ({ status, reason: status === 'unknown' ? 'no Wi-Fi adapter' : null })),
});

describe('AuditService: the headless audit', () => {
  it('lists every catalog check; without a runner a measured-only check is unknown, never pass', async () => {
    const { audit } = setup();
    const { record, report } = await audit.runHeadless({ interface: 'lo', gateway: null });
    expect(report.checks.map((c) => c.id)).toEqual(catalog.checks.map((c) => c.id));
    const wifi = report.checks.find((c) => c.id === 'wifi.encryption')!;
    expect(wifi).toMatchObject({ status: 'unknown', reason: NO_RUNNER_REASON });
    expect(wifi.evidence.text).toBe(`unknown because ${NO_RUNNER_REASON}`);
    expect(report.checks.find((c) => c.id === 'accounts.2fa')).toMatchObject({ status: 'unknown', reason: 'not confirmed yet' });
    expect(report.checks.filter((c) => c.status === 'pass')).toEqual([]);
    expect(record.mode).toBe('first-time');
    expect(record.source).toBe('cli');
    expect(record.score).toBe(0);
  });

  it('records a runner measurement as verified, dated by the audit', async () => {
    const { audit } = setup(wifiRunner('pass'));
    const { report } = await audit.runHeadless({ interface: 'lo', gateway: null });
    const wifi = report.checks.find((c) => c.id === 'wifi.encryption')!;
    expect(wifi.status).toBe('pass');
    expect(wifi.evidence).toMatchObject({ kind: 'verified', at: '2026-03-01T12:00:00.000Z', text: 'verified on 2026-03-01' });
    expect(wifi.next).toBeNull();
    expect(report.score).toBeGreaterThan(0);
  });

  it('turns a runner that throws, times out or answers garbage into unknown with the reason', async () => {
    const { audit } = setup({
      'devices.inventory': measuring(async () => { throw new Error('socket closed'); }),
      'router.admin-default': measuring(() => new Promise(() => {}), 50),
      'router.upnp': measuring(async () => ({ status: 'great' }) as never),
    });
    const { report } = await audit.runHeadless({ interface: 'lo', gateway: '127.0.0.1' });
    const byId = (id: string) => report.checks.find((c) => c.id === id)!;
    expect(byId('devices.inventory')).toMatchObject({ status: 'unknown', reason: 'the check could not finish: socket closed' });
    expect(byId('router.admin-default')).toMatchObject({ status: 'unknown', reason: 'the check could not finish: timed out after 0 s' });
    expect(byId('router.upnp')).toMatchObject({ status: 'unknown', reason: 'the check gave no readable result' });
  });

  it('reads confirmations (moved from a history store into the home model) and reports expired ones as expired', async () => {
    const { audit, history, clock, home } = setup();
    const at = '2025-10-01T12:00:00.000Z';
    const doc = history.read();
    history.write({
      ...doc,
      confirmations: {
        'wifi.wps': { checkId: 'wifi.wps', subject: null, status: 'pass', answer: {}, note: null, confirmedAt: '2026-02-01T12:00:00.000Z', expiresAt: '2026-05-02T12:00:00.000Z', earlier: [] },
        'router.remote-admin': { checkId: 'router.remote-admin', subject: null, status: 'pass', answer: {}, note: null, confirmedAt: at, expiresAt: addDays(new Date(at), 90).toISOString(), earlier: [] },
        'accounts.2fa:amazon': { checkId: 'accounts.2fa', subject: 'amazon', status: 'pass', answer: {}, note: 'app', confirmedAt: '2026-02-10T12:00:00.000Z', expiresAt: '2026-05-11T12:00:00.000Z', earlier: [] },
        'accounts.2fa:ring': { checkId: 'accounts.2fa', subject: 'ring', status: 'warn', answer: {}, note: 'sms', confirmedAt: '2026-02-05T12:00:00.000Z', expiresAt: '2026-05-06T12:00:00.000Z', earlier: [] },
        // The roll-up the accounts step writes beside the per-account answers: the one the audit reads.
        'accounts.2fa': { checkId: 'accounts.2fa', subject: null, status: 'warn', answer: { subjects: 2 }, note: 'amazon: app; ring: sms', confirmedAt: '2026-02-10T12:00:00.000Z', expiresAt: '2026-05-11T12:00:00.000Z', earlier: [] },
        // Per-subject answers without a roll-up do not stand for the whole check.
        'accounts.unique-passwords:ring': { checkId: 'accounts.unique-passwords', subject: 'ring', status: 'pass', answer: {}, note: null, confirmedAt: '2026-02-10T12:00:00.000Z', expiresAt: '2026-05-11T12:00:00.000Z', earlier: [] },
        'voice.unlock-pin': { checkId: 'voice.unlock-pin', subject: null, status: 'skipped', answer: {}, note: 'no smart lock', confirmedAt: at, expiresAt: at, earlier: [] },
        'garbage': 42,
      },
    });
    migrateConfirmations({ home, history, log: { info: () => {}, warn: () => {} } });
    clock.current = new Date('2026-03-01T12:00:00Z');
    const { report } = await audit.runHeadless({ interface: 'lo', gateway: null });
    const byId = (id: string) => report.checks.find((c) => c.id === id)!;
    expect(byId('wifi.wps')).toMatchObject({ status: 'pass', evidence: { kind: 'confirmed', text: 'confirmed on 2026-02-01 (valid until 2026-05-02)' } });
    expect(byId('router.remote-admin')).toMatchObject({ status: 'unknown', reason: 'the confirmation expired on Dec 30, 2025; confirm it again', evidence: { kind: 'expired', text: 'confirmed on 2025-10-01, expired on 2025-12-30' } });
    expect(byId('router.remote-admin').next).toBe('Check this again and re-confirm it in the Updates step.');
    expect(byId('accounts.2fa')).toMatchObject({ status: 'warn', reason: 'amazon: app; ring: sms', evidence: { kind: 'confirmed', at: '2026-02-10T12:00:00.000Z', expiresAt: '2026-05-11T12:00:00.000Z' } });
    expect(byId('accounts.unique-passwords')).toMatchObject({ status: 'unknown', reason: 'not confirmed yet' });
    expect(byId('voice.unlock-pin')).toMatchObject({ status: 'skipped', reason: 'no smart lock' });
    expect(report.scoreBreakdown.excluded).toEqual(['voice.unlock-pin']);
  });

  it('saves each audit to the history (valid against the history schema), and diffs the second against the first', async () => {
    let status: 'fail' | 'pass' = 'fail';
    const { audit, history, clock } = setup({ 'wifi.encryption': measuring(async () => ({ status, reason: status === 'fail' ? 'WPA2 seen' : null })) });
    const first = await audit.runHeadless({ interface: 'lo', gateway: null });
    expect(first.report.diff.previous).toBeNull();
    status = 'pass';
    clock.current = addDays(clock.current, 1);
    const second = await audit.runHeadless({ interface: 'lo', gateway: null });
    expect(second.record.mode).toBe('re-audit');
    expect(second.report.diff.previous?.id).toBe(first.record.id);
    expect(second.report.diff.improved).toEqual([{ id: 'wifi.encryption', from: 'fail', to: 'pass' }]);
    expect(second.report.diff.scoreDelta).toBe(second.record.score - first.record.score);
    expect(HistorySchema.safeParse(history.read()).success).toBe(true);
    expect(audit.list().map((a) => a.id)).toEqual([first.record.id, second.record.id]);
  });
});

describe('AuditService: the app audit, re-audit plan and export', () => {
  it('completes from the wizard board: verified and confirmed results, skips with their reasons', () => {
    const { audit, board } = setup();
    board.recordVerified('wifi.encryption', 'pass', null);
    board.confirm('wifi.wps', 'pass');
    board.skip('voice.unlock-pin', 'no smart lock at home');
    const { record, report } = audit.complete('first-time');
    expect(record.source).toBe('app');
    const byId = (id: string) => report.checks.find((c) => c.id === id)!;
    expect(byId('wifi.encryption').evidence.kind).toBe('verified');
    expect(byId('wifi.wps').evidence.kind).toBe('confirmed');
    expect(byId('voice.unlock-pin')).toMatchObject({ status: 'skipped', reason: 'no smart lock at home' });
    expect(byId('docs.report')).toMatchObject({ status: 'fail', reason: 'no audit report has been exported yet' });
    expect(report.actions[0]!.severity).toBe('critical');
    expect(report.actions.map((a) => a.points)).toEqual([...report.actions.map((a) => a.points)].sort((a, b) => b - a));
  });

  it('plans a re-audit of only the steps with expired confirmations, regressions or new devices', () => {
    const { audit, board, clock, model } = setup();
    board.recordVerified('wifi.encryption', 'pass', null);
    board.confirm('accounts.2fa', 'pass');
    board.confirm('voice.purchasing', 'pass');
    board.skip('voice.unlock-pin', 'no lock');
    audit.complete('first-time');
    expect(audit.planReaudit().steps).toEqual(['survey', 'summary']);
    // 91 days later the confirmations have expired: accounts and assistant come back.
    clock.current = addDays(clock.current, 91);
    expect(audit.schedule().state).toBe('due');
    const plan = audit.planReaudit();
    expect(plan.steps).toEqual(['survey', 'accounts', 'assistant', 'summary']);
    expect(plan.reasons).toContainEqual({ step: 'accounts', kind: 'expired-confirmation', subject: 'accounts.2fa' });
    // A regression (Wi-Fi measured worse) brings the wifi step in; a new device the device steps.
    board.recordVerified('wifi.encryption', 'fail', 'WPA2 seen');
    model.recordSurvey({ devices: [{ ip: '127.0.0.9', mac: 'aa:bb:cc:dd:ee:ff', vendor: 'Acme', model: null, category: 'camera', categoryBasis: null, names: ['Garden cam'], services: [] }], gateway: { address: null, mac: null, router: null } });
    expect(audit.planReaudit().steps).toEqual(['survey', 'wifi', 'segmentation', 'passwords', 'accounts', 'assistant', 'updates', 'summary']);
  });

  it('records what the app survey saw this session: its inventory and the router', () => {
    const { audit, model } = setup();
    const identity = { vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', friendlyName: null, sources: { vendor: 'tr064' as const, model: 'tr064' as const, firmware: 'tr064' as const }, evidence: [] };
    model.recordSurvey({ devices: [{ ip: '192.168.1.20', mac: 'aa:bb:cc:00:00:01', vendor: 'Amazon', model: null, category: 'speaker', categoryBasis: null, names: ['Echo'], services: [] }], gateway: { address: '192.168.1.1', mac: null, router: identity } });
    const { record, report } = audit.complete('first-time');
    expect(record.router).toEqual({ address: '192.168.1.1', vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', sources: ['tr064'] });
    expect(report.inventory.map((d) => d.name)).toEqual(['Echo']);
  });

  it('plans every step when there is no previous audit', () => {
    expect(setup().audit.planReaudit().steps).toEqual(['survey', 'wifi', 'segmentation', 'passwords', 'accounts', 'assistant', 'updates', 'summary']);
  });

  it('exports JSON, HTML and PDF of a saved audit; the export settles docs.report and is recorded', async () => {
    const { audit, pdfCalls } = setup();
    const take = async (out: { bytes: Uint8Array; fileName: string; mime: string }) => out;
    await expect(audit.export('json', undefined, take)).rejects.toMatchObject({ code: 'not-found' });
    const { record } = audit.complete('first-time');
    expect(record.checks.find((c) => c.id === 'docs.report')!.status).toBe('fail');
    const json = await audit.export('json', undefined, take);
    expect(json.mime).toBe('application/json');
    expect(json.fileName).toMatch(/^porchlight-audit-2026-03-01-[0-9a-f]{8}\.json$/);
    const parsed = JSON.parse(new TextDecoder().decode(json.bytes));
    expect(parsed.checks.find((c: { id: string }) => c.id === 'docs.report')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
    expect(parsed.score).toBeGreaterThan(record.score);
    const html = new TextDecoder().decode((await audit.export('html', undefined, take)).bytes);
    expect(html).toContain('<!doctype html>');
    const pdf = await audit.export('pdf', undefined, take);
    expect(new TextDecoder().decode(pdf.bytes)).toMatch(/^%PDF/);
    expect(pdfCalls).toHaveLength(1);
    expect(audit.latest()!.exports.map((e) => e.format)).toEqual(['json', 'html', 'pdf']);
    // A write that fails records nothing.
    await expect(audit.export('html', undefined, async () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
    expect(audit.latest()!.exports).toHaveLength(3);
  });

  it('keeps "Re-audit now" as a one-shot request', () => {
    const { audit } = setup();
    expect(audit.takeReauditRequest()).toBe(false);
    audit.requestReaudit();
    expect(audit.takeReauditRequest()).toBe(true);
    expect(audit.takeReauditRequest()).toBe(false);
  });
});
