/**
 * Shared helpers for the wizard unit tests: the machine with in-memory actors standing in for the
 * preload API (the real API is exercised end to end by test/e2e against the harness).
 */
import { createActor, fromPromise, type SnapshotFrom } from 'xstate';
import { createWizardMachine, type ConfirmCheckInput, type SkipCheckInput, type WizardCheck, type WizardStep } from '../../../renderer/wizard/machine';

const wizardMachine = createWizardMachine();

/** A check board in memory with the catalog's step mapping and evidence kinds. */
export function fakeBoard(): WizardCheck[] {
  const defs: Array<[string, WizardStep, Array<'verified' | 'confirmed'>]> = [
    ['wifi.encryption', 'wifi', ['verified']],
    ['wifi.passphrase', 'wifi', ['verified', 'confirmed']],
    ['wifi.wps', 'wifi', ['confirmed']],
    ['network.iot-segment', 'segmentation', ['verified']],
    ['router.admin-default', 'passwords', ['verified']],
    ['devices.default-passwords', 'passwords', ['verified', 'confirmed']],
    ['accounts.2fa', 'accounts', ['confirmed']],
    ['voice.purchasing', 'assistant', ['confirmed']],
    ['router.remote-admin', 'updates', ['confirmed']],
    ['devices.inventory', 'survey', ['verified']],
    ['docs.report', 'summary', ['verified']],
  ];
  return defs.map(([id, step, evidenceKinds]) => ({ id, step, evidenceKinds, status: 'unknown', reason: { code: 'common.not-checked-yet', params: {} }, evidence: { kind: 'none' }, expired: false }));
}

export interface Kit {
  board: WizardCheck[];
  calls: string[];
  failLoad: boolean;
  /** The core's re-audit plan the kit answers with (null: no plan, the machine's fallback rule applies). */
  plan: string[] | null;
}

/** The machine with actors over an in-memory board; records every call. */
export function machineWith(kit: Kit) {
  return wizardMachine.provide({
    actors: {
      loadChecks: fromPromise(async () => {
        kit.calls.push('load');
        if (kit.failLoad) throw new Error('board unavailable');
        return kit.board.map((c) => ({ ...c }));
      }),
      assessReaudit: fromPromise(async () => {
        kit.calls.push('assess');
        if (kit.failLoad) throw new Error('board unavailable');
        return { checks: kit.board.map((c) => ({ ...c })), plannedSteps: kit.plan };
      }),
      confirmCheck: fromPromise(async ({ input }: { input: ConfirmCheckInput }) => {
        kit.calls.push(`confirm ${input.id} ${input.status}`);
        const c = kit.board.find((k) => k.id === input.id)!;
        Object.assign(c, { status: input.status, evidence: { kind: 'confirmed' }, expired: false, reason: input.note ?? null });
        return { ...c };
      }),
      skipCheck: fromPromise(async ({ input }: { input: SkipCheckInput }) => {
        kit.calls.push(`skip ${input.id}`);
        const c = kit.board.find((k) => k.id === input.id)!;
        Object.assign(c, { status: 'skipped', reason: input.reason, evidence: { kind: 'none' } });
        return { ...c };
      }),
    },
  });
}

export function newKit(): Kit {
  return { board: fakeBoard(), calls: [], failLoad: false, plan: null };
}

type Snap = SnapshotFrom<typeof wizardMachine>;

/** Resolves once the check region is idle again (all promise actors settled). */
export function settled(actor: { getSnapshot(): Snap; subscribe(fn: (s: Snap) => void): { unsubscribe(): void } }): Promise<Snap> {
  return new Promise((resolve) => {
    const check = (s: Snap) => {
      const v = s.value as { flow: string; checks: string };
      if (v.checks === 'idle' && v.flow !== 'assessing') {
        queueMicrotask(() => sub.unsubscribe());
        resolve(s);
        return true;
      }
      return false;
    };
    const sub = actor.subscribe((s) => void check(s));
    check(actor.getSnapshot());
  });
}

export function start(kit: Kit, snapshot?: unknown) {
  const actor = createActor(machineWith(kit), snapshot ? { snapshot: snapshot as never } : {});
  actor.start();
  return actor;
}

export function flowOf(s: Snap): string {
  return (s.value as { flow: string }).flow;
}
