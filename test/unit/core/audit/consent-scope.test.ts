/**
 * The owner's consent on the welcome step is the headless audit's limit: a verifier whose look the
 * owner refused (or never allowed) is not run — nothing is sent —, its check keeps the dated result
 * it had (saying why it is not today's) or reads unknown saying why; scope flags (no gate) run all.
 */
import { describe, expect, it } from 'vitest';
import { AuditService } from '../../../../main/core/audit/audit-service.js';
import { CHECK_IDS, confirmationVerifier, runVerifiers, type MeasuredCheck, type Verifier, type VerifierRegistry } from '../../../../main/core/checks/verifiers/index.js';
import { loadCheckCatalog } from '../../../../main/core/checks/catalog.js';
import { resourcesDir } from '../../../../main/compose.js';
import { DEFAULT_HISTORY, DEFAULT_PROGRESS, DEFAULT_SETTINGS, type History, type Progress, type Settings } from '../../../../main/core/store/documents.js';
import { HomeModelSchema, NO_CONSENT, type ConsentKind } from '../../../../main/core/model/index.js';
import { consentLine } from '../../../../main/cli/audit.js';
import { FixedClock, MemoryDocument, MemoryLogger, memoryModel } from '../../../support/fakes.js';
import { ENGLISH_MESSAGES } from '../../../support/words.js';

const catalog = loadCheckCatalog(resourcesDir());

/** A measuring verifier that counts its runs. */
function counted(needs: ConsentKind, result: MeasuredCheck): Verifier & { calls: number } {
  const v = { measures: true, needs, deadlineMs: 1000, calls: 0, async verify() { v.calls++; return result; } };
  return v;
}

function setup() {
  const clock = new FixedClock(new Date('2026-03-01T12:00:00Z'));
  const { model } = memoryModel(clock);
  const wifi = counted('wifiScan', { status: 'warn', reason: 'WPA2 seen' });
  const login = counted('credentialProbe', { status: 'fail', reason: 'factory login worked' });
  const inventory = counted('deviceDiscovery', { status: 'pass', reason: 'reviewed' });
  const registry = { ...Object.fromEntries(CHECK_IDS.map((id) => [id, confirmationVerifier])), 'wifi.encryption': wifi, 'router.admin-default': login, 'devices.inventory': inventory } as unknown as VerifierRegistry;
  const audit = new AuditService({
    catalog, clock, model, appVersion: '9.9.9', messages: ENGLISH_MESSAGES, exportPorts: {}, verifiers: () => registry, log: new MemoryLogger(),
    settings: new MemoryDocument<Settings>(DEFAULT_SETTINGS), progress: new MemoryDocument<Progress>(DEFAULT_PROGRESS), history: new MemoryDocument<History>(DEFAULT_HISTORY),
  });
  return { clock, model, audit, wifi, login, inventory, registry };
}

const scope = { interface: 'lo', gateway: '127.0.5.1' };
const gate = (over: Partial<Record<ConsentKind, boolean | null>>) => ({ wifiScan: null, routerIdentity: null, deviceDiscovery: null, credentialProbe: null, ...over });

describe('runVerifiers with the owner’s consent', () => {
  it('never runs a verifier whose look was refused or not answered, and says which', async () => {
    const { registry, wifi, login, inventory } = setup();
    const out = await runVerifiers(registry, scope, Date.now, undefined, gate({ wifiScan: false, deviceDiscovery: true }));
    expect([wifi.calls, login.calls, inventory.calls]).toEqual([0, 0, 1]);
    expect(out.notRun).toEqual({ 'wifi.encryption': { kind: 'wifiScan', answer: false }, 'router.admin-default': { kind: 'credentialProbe', answer: null } });
    expect(Object.keys(out.results)).toContain('devices.inventory');
    expect(Object.keys(out.results)).not.toContain('wifi.encryption');
  });

  it('a verifier that may make two looks (the router API, then the factory-password probe) runs only when both are allowed', async () => {
    const { registry } = setup();
    const both = Object.assign(counted('routerIdentity', { status: 'pass', reason: 'from the router' }), { alsoNeeds: ['credentialProbe'] as const });
    const reg = { ...registry, 'router.admin-default': both } as VerifierRegistry;
    const refused = await runVerifiers(reg, scope, Date.now, ['router.admin-default'], gate({ routerIdentity: true, credentialProbe: false }));
    expect(both.calls).toBe(0);
    expect(refused.notRun).toEqual({ 'router.admin-default': { kind: 'credentialProbe', answer: false } });
    await runVerifiers(reg, scope, Date.now, ['router.admin-default'], gate({ routerIdentity: true, credentialProbe: true }));
    expect(both.calls).toBe(1);
  });

  it('runs every verifier when scope flags decide (no gate)', async () => {
    const { registry, wifi, login, inventory } = setup();
    const out = await runVerifiers(registry, scope);
    expect([wifi.calls, login.calls, inventory.calls]).toEqual([1, 1, 1]);
    expect(out.notRun).toEqual({});
  });
});

describe('porchlight audit without flags, within the consent saved in the model', () => {
  it('without an earlier result, a check not re-run is unknown and says why (refused vs never answered)', async () => {
    const { audit, wifi } = setup();
    const { report, notRun } = await audit.runHeadless(scope, { consent: gate({ wifiScan: false, deviceDiscovery: true }) });
    expect(wifi.calls).toBe(0);
    expect(notRun.sort()).toEqual(['router.admin-default', 'wifi.encryption']);
    const byId = (id: string) => report.checks.find((c) => c.id === id)!;
    expect(byId('wifi.encryption')).toMatchObject({ status: 'unknown', evidence: { kind: 'none' }, reasonMessage: { code: 'consent.refused.wifi-scan' } });
    expect(byId('wifi.encryption').reason).toMatch(/chose not to let Porchlight scan for Wi-Fi networks/);
    expect(byId('router.admin-default')).toMatchObject({ status: 'unknown', reasonMessage: { code: 'consent.unanswered.credential-probe' } });
    expect(byId('devices.inventory')).toMatchObject({ status: 'pass', evidence: { kind: 'verified', at: '2026-03-01T12:00:00.000Z' } });
  });

  it('keeps the dated result an earlier audit measured, with its own date, saying it was not re-checked', async () => {
    const { audit, clock, wifi, login } = setup();
    await audit.runHeadless(scope, { consent: null });
    expect([wifi.calls, login.calls]).toEqual([1, 1]);
    clock.current = new Date('2026-04-01T09:00:00Z');
    const { report } = await audit.runHeadless(scope, { consent: gate({ wifiScan: false, credentialProbe: false, deviceDiscovery: true }) });
    expect([wifi.calls, login.calls]).toEqual([1, 1]);
    const w = report.checks.find((c) => c.id === 'wifi.encryption')!;
    expect(w).toMatchObject({ status: 'warn', reason: 'WPA2 seen', evidence: { kind: 'verified', at: '2026-03-01T12:00:00.000Z' } });
    expect(w.detailMessage).toEqual({ code: 'consent.kept.wifi-scan', params: { date: '2026-03-01T12:00:00.000Z' } });
    expect(w.detail).toMatch(/not re-checked in this audit.*measured on .*2026/);
    expect(report.checks.find((c) => c.id === 'router.admin-default')).toMatchObject({ status: 'fail', evidence: { at: '2026-03-01T12:00:00.000Z' }, detailMessage: { code: 'consent.kept.credential-probe' } });
    expect(report.checks.find((c) => c.id === 'devices.inventory')!.evidence.at).toBe('2026-04-01T09:00:00.000Z');
  });
});

describe('the consent in the home model', () => {
  it('records answers by kind, dated when one changes; a model written before consent existed reads "not answered"', () => {
    const { model, clock } = setup();
    expect(model.read().consent).toEqual(NO_CONSENT);
    model.setConsent({ wifiScan: false, deviceDiscovery: true });
    expect(model.read().consent).toEqual({ ...NO_CONSENT, wifiScan: false, deviceDiscovery: true, at: '2026-03-01T12:00:00.000Z' });
    clock.current = new Date('2026-03-02T00:00:00Z');
    model.setConsent({ wifiScan: false });
    expect(model.read().consent.at).toBe('2026-03-01T12:00:00.000Z');
    model.setConsent({ credentialProbe: true });
    expect(model.read().consent).toMatchObject({ wifiScan: false, deviceDiscovery: true, credentialProbe: true, at: '2026-03-02T00:00:00.000Z' });
    const { consent: _c, ...older } = model.read();
    expect(HomeModelSchema.parse(older).consent).toEqual(NO_CONSENT);
  });

  it('the CLI names what it will not re-run, in words', () => {
    const line = consentLine(gate({ wifiScan: false, deviceDiscovery: true, routerIdentity: true, credentialProbe: null }));
    expect(line).toMatch(/you said no in the app to scanning for Wi-Fi networks/);
    expect(line).toMatch(/you have not answered in the app about trying factory passwords/);
    expect(consentLine(gate({ wifiScan: true, deviceDiscovery: true, routerIdentity: true, credentialProbe: true }))).toMatch(/re-checking everything you allowed/);
  });
});
