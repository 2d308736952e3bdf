/**
 * Restoring and saving the wizard through a fake preload API: a sound snapshot resumes, an old
 * version or a broken snapshot is reset with a notice, a failed load never throws, saves follow
 * every transition without overlapping and carry MACHINE_VERSION.
 */
import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import type { PorchlightApi } from '../../../main/ipc/contract';
import { MACHINE_VERSION, createWizardMachine } from '../../../renderer/wizard/machine';
import { isRestorable, migrateSnapshot, restoreProgress, saveProgressOnChange } from '../../../renderer/wizard/persistence';
import { syncConsentOnChange } from '../../../renderer/wizard/consent-sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowOf, machineWith, newKit, settled, start } from './wizard-test-kit';

const wizardMachine = createWizardMachine();

interface Saved {
  machineVersion: number | null;
  snapshot: unknown;
}

function fakeApi(saved: Saved, opts: { failLoad?: boolean; saveDelayMs?: number; failSave?: boolean } = {}) {
  const calls: string[] = [];
  const saves: Saved[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const api = {
    'progress:load': async () => {
      calls.push('load');
      if (opts.failLoad) return { ok: false, error: { code: 'store-corrupted', message: 'bad file' } };
      return { ok: true, value: { machineVersion: saved.machineVersion, snapshot: saved.snapshot, notice: null } };
    },
    'progress:reset': async () => {
      calls.push('reset');
      saved.machineVersion = null;
      saved.snapshot = null;
      return { ok: true, value: { reset: true } };
    },
    'progress:save': async (args: Saved) => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((r) => setTimeout(r, opts.saveDelayMs ?? 0));
      concurrent--;
      if (opts.failSave) return { ok: false, error: { code: 'internal', message: 'disk full' } };
      saves.push(args);
      Object.assign(saved, args);
      return { ok: true, value: { savedAt: new Date().toISOString() } };
    },
  } as unknown as PorchlightApi;
  return { api, calls, saves, saved, maxConcurrent: () => maxConcurrent };
}

async function snapshotOnSurvey() {
  const a = start(newKit());
  await settled(a);
  a.send({ type: 'SET_MODE', mode: 'first-time' });
  for (const probe of ['wifiScan', 'routerIdentity', 'deviceDiscovery', 'credentialProbe'] as const) a.send({ type: 'SET_CONSENT', probe, allowed: true });
  a.send({ type: 'SET_HOME', items: ['camera'] });
  a.send({ type: 'NEXT' });
  await settled(a);
  const snap = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
  a.stop();
  return snap;
}

describe('restoreProgress', () => {
  it('returns a sound snapshot of this machine version untouched', async () => {
    const snapshot = await snapshotOnSurvey();
    const f = fakeApi({ machineVersion: MACHINE_VERSION, snapshot });
    const out = await restoreProgress(f.api, wizardMachine);
    expect(out.notice).toBeNull();
    expect(out.snapshot).toEqual(snapshot);
    expect(f.calls).toEqual(['load']);
    const b = createActor(machineWith(newKit()), { snapshot: out.snapshot as never });
    b.start();
    expect(flowOf(await settled(b))).toBe('survey');
    expect(b.getSnapshot().context.home).toEqual(['camera']);
  });

  it('starts fresh without a notice when nothing was saved', async () => {
    const f = fakeApi({ machineVersion: null, snapshot: null });
    expect(await restoreProgress(f.api, wizardMachine)).toEqual({ snapshot: undefined, notice: null });
  });

  it('migrates a snapshot from another machine version: same step, every answer kept, nothing reset', async () => {
    const snapshot = await snapshotOnSurvey();
    const f = fakeApi({ machineVersion: MACHINE_VERSION + 1, snapshot });
    const out = await restoreProgress(f.api, wizardMachine);
    expect(out.notice).toBeNull();
    expect(f.calls).toEqual(['load']);
    const ctx = (out.snapshot as unknown as { context: Record<string, unknown> }).context;
    expect(ctx).toMatchObject({ mode: 'first-time', home: ['camera'], consent: { wifiScan: true, routerIdentity: true, deviceDiscovery: true, credentialProbe: true }, visited: ['welcome', 'survey'] });
    const b = start(newKit(), out.snapshot);
    expect(flowOf(await settled(b))).toBe('survey');
    b.stop();
  });

  it('migrates the mid-wizard snapshot of a real 0.1.0 profile (as another machine version) onto the step it stood on', async () => {
    const progress = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/profiles/0.1.0/mid-wizard/progress.json'), 'utf8'));
    const old = progress.snapshot.context;
    const f = fakeApi({ machineVersion: MACHINE_VERSION + 1, snapshot: progress.snapshot });
    const out = await restoreProgress(f.api, wizardMachine);
    expect(out.notice).toBeNull();
    const ctx = (out.snapshot as unknown as { context: Record<string, unknown> }).context;
    for (const key of ['mode', 'consent', 'home', 'answers', 'skipped', 'visited', 'attention']) expect(ctx[key], key).toEqual(old[key]);
    expect(ctx.checks).toEqual([]); // reloaded from the core, its source of truth
    const kit = newKit();
    const b = start(kit, out.snapshot);
    b.send({ type: 'REFRESH_CHECKS' });
    const s = await settled(b);
    expect(flowOf(s)).toBe('segmentation');
    expect(s.context.checks.length).toBeGreaterThan(0);
    b.stop();
  });

  it('sets aside a snapshot from another machine version that cannot be migrated, with the older-version notice', async () => {
    const f = fakeApi({ machineVersion: MACHINE_VERSION - 1, snapshot: { status: 'done', value: 'gone', context: null } });
    const out = await restoreProgress(f.api, wizardMachine);
    expect(out).toEqual({ snapshot: undefined, notice: 'older-version' });
    expect(f.calls).toEqual(['load', 'reset']);
    expect(f.saved.snapshot).toBeNull();
    expect(migrateSnapshot(wizardMachine, 'garbage')).toBeNull();
  });

  it.each([
    ['a string', 'garbage'],
    ['an unknown step', { status: 'active', value: { flow: 'nowhere', checks: 'idle' }, context: {} }],
    ['a done actor', { status: 'done', value: { flow: 'welcome', checks: 'idle' }, context: {} }],
    ['a wrong context', { status: 'active', value: { flow: 'wifi', checks: 'idle' }, context: { mode: 'sideways' } }],
    ['prototype pollution', JSON.parse('{"status":"active","value":{"flow":"wifi","checks":"idle"},"context":{"__proto__":{"polluted":true}}}')],
  ])('sets aside %s with the unreadable notice', async (_name, snapshot) => {
    const f = fakeApi({ machineVersion: MACHINE_VERSION, snapshot });
    const out = await restoreProgress(f.api, wizardMachine);
    expect(out).toEqual({ snapshot: undefined, notice: 'unreadable' });
    expect(f.calls).toEqual(['load', 'reset']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a broken context field inside an otherwise good snapshot is unreadable', async () => {
    const snapshot = await snapshotOnSurvey();
    snapshot.context.visited = ['welcome', 'the-moon'];
    expect(isRestorable(wizardMachine, snapshot)).toBe(false);
  });

  it('a failed load starts fresh with a notice and never throws', async () => {
    const f = fakeApi({ machineVersion: null, snapshot: null }, { failLoad: true });
    expect(await restoreProgress(f.api, wizardMachine)).toEqual({ snapshot: undefined, notice: 'load-failed' });
  });

  it('takes the answer already asked for (the start call) instead of loading again, refused or not', async () => {
    const snapshot = await snapshotOnSurvey();
    const f = fakeApi({ machineVersion: null, snapshot: null });
    const given = await restoreProgress(f.api, wizardMachine, Promise.resolve({ machineVersion: MACHINE_VERSION, snapshot, notice: null }));
    expect(given).toEqual({ snapshot, notice: null });
    const refused = await restoreProgress(f.api, wizardMachine, Promise.reject(new Error('the start call was refused')));
    expect(refused).toEqual({ snapshot: undefined, notice: 'load-failed' });
    // a snapshot in the answer that cannot be restored is still reset and reported
    const broken = await restoreProgress(f.api, wizardMachine, Promise.resolve({ machineVersion: MACHINE_VERSION, snapshot: { status: 'active', value: { flow: 'the-moon' } }, notice: null }));
    expect(broken).toEqual({ snapshot: undefined, notice: 'unreadable' });
    expect(f.calls).toEqual(['reset']);
  });
});

describe('saveProgressOnChange', () => {
  it('saves after transitions with MACHINE_VERSION, never two at once, last state wins', async () => {
    const f = fakeApi({ machineVersion: null, snapshot: null }, { saveDelayMs: 5 });
    const a = createActor(machineWith(newKit()));
    const errors: Array<Error | null> = [];
    const stop = saveProgressOnChange(f.api, a, (e) => errors.push(e));
    a.start();
    await settled(a);
    a.send({ type: 'SET_MODE', mode: 're-audit' });
    a.send({ type: 'SET_HOME', items: ['hub'] });
    // Wait (bounded) for the save carrying the last state, however slow the machine is today.
    await vi.waitFor(
      () => {
        const snap = f.saves.at(-1)?.snapshot as { context: { mode: string; home: string[] } } | undefined;
        expect(snap?.context.home).toEqual(['hub']);
      },
      { timeout: 5000, interval: 10 },
    );
    stop();
    expect(f.saves.length).toBeGreaterThan(0);
    expect(f.maxConcurrent()).toBe(1);
    expect(f.saves.every((s) => s.machineVersion === MACHINE_VERSION)).toBe(true);
    const last = f.saves.at(-1)!.snapshot as { context: { mode: string; home: string[] } };
    expect(last.context.mode).toBe('re-audit');
    expect(last.context.home).toEqual(['hub']);
    expect(errors.every((e) => e === null)).toBe(true);
  });

  it('reports a failed save instead of throwing', async () => {
    const f = fakeApi({ machineVersion: null, snapshot: null }, { failSave: true });
    const a = createActor(machineWith(newKit()));
    const errors: Array<Error | null> = [];
    const stop = saveProgressOnChange(f.api, a, (e) => errors.push(e));
    a.start();
    await settled(a);
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0), { timeout: 5000, interval: 10 });
    stop();
    expect(errors[0]?.message).toBe('disk full');
  });
});

describe('the consent answers reach the core', () => {
  it('sends the welcome step’s answers at start and on every change, never two at once, last answer wins', async () => {
    const sent: Record<string, boolean | null>[] = [];
    let inFlight = 0;
    let overlap = false;
    const api = {
      'survey:consent': async (args: Record<string, boolean | null>) => {
        overlap ||= inFlight > 0;
        inFlight++;
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        sent.push(args);
        return { ok: true, value: { ...args, at: null } };
      },
    } as unknown as PorchlightApi;
    const a = createActor(machineWith(newKit()));
    a.start();
    const stop = syncConsentOnChange(api, a, () => {});
    a.send({ type: 'SET_CONSENT', probe: 'wifiScan', allowed: false });
    a.send({ type: 'SET_CONSENT', probe: 'deviceDiscovery', allowed: true });
    await new Promise((r) => setTimeout(r, 60));
    stop();
    a.stop();
    expect(overlap).toBe(false);
    expect(sent[0]).toEqual({ wifiScan: null, routerIdentity: null, deviceDiscovery: null, credentialProbe: null });
    expect(sent.at(-1)).toEqual({ wifiScan: false, routerIdentity: null, deviceDiscovery: true, credentialProbe: null });
  });
});
