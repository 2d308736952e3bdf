/**
 * The wizard machine on its own (in-memory actors): every transition, the NEXT guards, skip
 * reasons, GOTO limits, re-audit route selection, persistence round-trip and "no secret in context".
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import {
  MACHINE_VERSION,
  PROBE_KINDS,
  WIZARD_STEPS,
  initialContext,
  isSafeAnswer,
  isValidReason,
  missingInput,
  routeOf,
  stepsNeedingAttention,
  createWizardMachine,
  type WizardCheck,
} from '../../../renderer/wizard/machine';
import { flowOf, machineWith, newKit, settled, start } from './wizard-test-kit';

const wizardMachine = createWizardMachine();

type Actor = ReturnType<typeof start>;

function answerWelcome(a: Actor, mode: 'first-time' | 're-audit' = 'first-time') {
  a.send({ type: 'SET_MODE', mode });
  for (const probe of PROBE_KINDS) a.send({ type: 'SET_CONSENT', probe, allowed: probe !== 'credentialProbe' });
}

/** Confirms every confirmable check of the step on screen, then waits for the reload. */
async function confirmStep(a: Actor) {
  const s = await settled(a);
  const step = flowOf(s);
  for (const c of s.context.checks.filter((k) => k.step === step && k.evidenceKinds.includes('confirmed'))) {
    a.send({ type: 'CONFIRM_CHECK', id: c.id, status: 'pass' });
    await settled(a);
  }
}

async function nextFrom(a: Actor) {
  const step = flowOf(a.getSnapshot());
  if (step === 'welcome') answerWelcome(a);
  else if (step === 'survey') a.send({ type: 'ANSWER', step: 'survey', key: 'reviewed', value: true });
  else await confirmStep(a);
  a.send({ type: 'NEXT' });
  return settled(a);
}

describe('wizard machine', () => {
  it('has an integer version and the nine steps of PRODUCT.md in order', () => {
    expect(Number.isInteger(MACHINE_VERSION) && MACHINE_VERSION >= 1).toBe(true);
    expect(WIZARD_STEPS).toEqual(['welcome', 'survey', 'wifi', 'segmentation', 'passwords', 'accounts', 'assistant', 'updates', 'summary']);
    for (const step of WIZARD_STEPS) expect(Object.keys(wizardMachine.root.states.flow!.states)).toContain(step);
  });

  it('starts on welcome and loads the checks through the loadChecks actor', async () => {
    const kit = newKit();
    const s = await settled(start(kit));
    expect(flowOf(s)).toBe('welcome');
    expect(s.context.visited).toEqual(['welcome']);
    expect(s.context.checks).toHaveLength(kit.board.length);
    expect(kit.calls[0]).toBe('load');
  });

  it('throws a clear error when an actor was not provided', async () => {
    const a = createActor(wizardMachine);
    a.start();
    const s = await settled(a);
    expect(s.context.checksError?.log).toMatch(/wizard actor "loadChecks" was not provided/);
  });

  it('is built with the actors it is given (no second build through provide), the others declared only', async () => {
    const loaded: string[] = [];
    const logic = createWizardMachine({ loadChecks: fromPromise<WizardCheck[], void>(async () => (loaded.push('load'), [])) });
    const a = createActor(logic);
    a.start();
    const s = await settled(a);
    expect(loaded).toEqual(['load']);
    expect(s.context.checksError).toBeNull();
    expect(s.context.checks).toEqual([]);
    // Each build is its own machine: the app builds one, with every actor (renderer/wizard/actors.ts).
    expect(createWizardMachine()).not.toBe(createWizardMachine());
    a.send({ type: 'SET_MODE', mode: 're-audit' });
    expect(a.getSnapshot().context.mode).toBe('re-audit');
  });

  it('walks every step of the first-time wizard with NEXT, in order', async () => {
    const a = start(newKit());
    await settled(a);
    const seen: string[] = [flowOf(a.getSnapshot())];
    while (flowOf(a.getSnapshot()) !== 'summary') seen.push(flowOf(await nextFrom(a)));
    expect(seen).toEqual([...WIZARD_STEPS]);
    expect(a.getSnapshot().context.visited).toEqual([...WIZARD_STEPS]);
    // NEXT and SKIP do nothing on the summary.
    a.send({ type: 'NEXT' });
    a.send({ type: 'SKIP', reason: 'no more' });
    expect(flowOf(a.getSnapshot())).toBe('summary');
  });

  it('BACK goes to the previous step of the route and does nothing on welcome', async () => {
    const a = start(newKit());
    await settled(a);
    a.send({ type: 'BACK' });
    expect(flowOf(a.getSnapshot())).toBe('welcome');
    await nextFrom(a);
    await nextFrom(a);
    expect(flowOf(a.getSnapshot())).toBe('wifi');
    a.send({ type: 'BACK' });
    expect(flowOf(a.getSnapshot())).toBe('survey');
    a.send({ type: 'BACK' });
    expect(flowOf(a.getSnapshot())).toBe('welcome');
  });

  describe('guards on NEXT', () => {
    it('welcome needs a mode and an explicit yes/no for every probe kind', async () => {
      const a = start(newKit());
      await settled(a);
      a.send({ type: 'NEXT' });
      let s = a.getSnapshot();
      expect(flowOf(s)).toBe('welcome');
      expect(s.context.blocked).toEqual({ step: 'welcome', missing: ['mode', ...PROBE_KINDS.map((p) => `consent.${p}`)] });
      a.send({ type: 'SET_MODE', mode: 'first-time' });
      for (const probe of PROBE_KINDS.slice(0, 3)) a.send({ type: 'SET_CONSENT', probe, allowed: false });
      a.send({ type: 'NEXT' });
      s = a.getSnapshot();
      expect(flowOf(s)).toBe('welcome');
      expect(s.context.blocked?.missing).toEqual(['consent.credentialProbe']);
      a.send({ type: 'SET_CONSENT', probe: 'credentialProbe', allowed: false }); // "no" is an answer
      a.send({ type: 'NEXT' });
      expect(flowOf(a.getSnapshot())).toBe('survey');
      expect(a.getSnapshot().context.blocked).toBeNull();
    });

    it('survey needs the reviewed answer', async () => {
      const a = start(newKit());
      await nextFrom(a);
      a.send({ type: 'NEXT' });
      expect(a.getSnapshot().context.blocked?.missing).toEqual(['answer.reviewed']);
      a.send({ type: 'ANSWER', step: 'survey', key: 'reviewed', value: false });
      a.send({ type: 'NEXT' });
      expect(flowOf(a.getSnapshot())).toBe('survey');
      a.send({ type: 'ANSWER', step: 'survey', key: 'reviewed', value: true });
      a.send({ type: 'NEXT' });
      expect(flowOf(a.getSnapshot())).toBe('wifi');
    });

    it('a check step needs every confirmable check without evidence answered (confirm or not-applicable)', async () => {
      const kit = newKit();
      const a = start(kit);
      await nextFrom(a);
      await nextFrom(a);
      await settled(a);
      a.send({ type: 'NEXT' });
      expect(flowOf(a.getSnapshot())).toBe('wifi');
      expect(a.getSnapshot().context.blocked?.missing).toEqual(['check.wifi.passphrase', 'check.wifi.wps']);
      a.send({ type: 'CONFIRM_CHECK', id: 'wifi.passphrase', status: 'fail' }); // "not yet" is an answer too
      await settled(a);
      a.send({ type: 'SKIP_CHECK', id: 'wifi.wps', reason: 'x' }); // too short: refused
      expect(a.getSnapshot().context.rejected).toBe('check-reason');
      a.send({ type: 'SKIP_CHECK', id: 'wifi.wps', reason: '  router has no WPS  ' });
      await settled(a);
      expect(kit.calls).toContain('confirm wifi.passphrase fail');
      expect(kit.calls).toContain('skip wifi.wps');
      expect(kit.board.find((c) => c.id === 'wifi.wps')!.reason).toBe('router has no WPS');
      a.send({ type: 'NEXT' });
      expect(flowOf(a.getSnapshot())).toBe('segmentation');
    });

    it('verified-only checks never block; an expired confirmation blocks again', () => {
      const ctx = initialContext();
      const base: WizardCheck = { id: 'x.y', step: 'updates', status: 'pass', reason: null, evidence: { kind: 'confirmed' }, evidenceKinds: ['confirmed'], expired: false };
      ctx.checks = [base, { ...base, id: 'x.verified', evidenceKinds: ['verified'], evidence: { kind: 'none' }, status: 'unknown' }];
      expect(missingInput(ctx, 'updates')).toEqual([]);
      ctx.checks[0] = { ...base, expired: true, status: 'unknown' };
      expect(missingInput(ctx, 'updates')).toEqual(['check.x.y']);
      ctx.checks = [];
      expect(missingInput(ctx, 'updates')).toEqual(['checks']);
      expect(missingInput(ctx, 'summary')).toEqual([]);
    });
  });

  describe('SKIP', () => {
    it('needs a reason of 3 to 500 characters, records it per step and moves on', async () => {
      const a = start(newKit());
      await nextFrom(a);
      a.send({ type: 'SKIP', reason: '  ' });
      expect(flowOf(a.getSnapshot())).toBe('survey');
      expect(a.getSnapshot().context.rejected).toBe('skip-reason');
      a.send({ type: 'SKIP', reason: 'x'.repeat(501) });
      expect(flowOf(a.getSnapshot())).toBe('survey');
      a.send({ type: 'SKIP', reason: ' no time today ' });
      const s = a.getSnapshot();
      expect(flowOf(s)).toBe('wifi');
      expect(s.context.skipped).toEqual({ survey: { reason: 'no time today' } });
      expect(s.context.rejected).toBeNull();
      expect(isValidReason('abc') && !isValidReason('ab') && !isValidReason(42)).toBe(true);
    });

    it('skipping welcome defaults to first-time and treats unanswered probes as "no"', async () => {
      const a = start(newKit());
      await settled(a);
      a.send({ type: 'SET_CONSENT', probe: 'wifiScan', allowed: true });
      a.send({ type: 'SKIP', reason: 'I know the drill' });
      const s = a.getSnapshot();
      expect(flowOf(s)).toBe('survey');
      expect(s.context.mode).toBe('first-time');
      expect(s.context.consent).toEqual({ wifiScan: true, routerIdentity: false, deviceDiscovery: false, credentialProbe: false });
    });

    it('continuing normally after going back clears the skip record', async () => {
      const a = start(newKit());
      await nextFrom(a);
      a.send({ type: 'SKIP', reason: 'later please' });
      a.send({ type: 'BACK' });
      expect(flowOf(a.getSnapshot())).toBe('survey');
      a.send({ type: 'ANSWER', step: 'survey', key: 'reviewed', value: true });
      a.send({ type: 'NEXT' });
      expect(a.getSnapshot().context.skipped).toEqual({});
    });
  });

  describe('GOTO', () => {
    it('only reaches visited steps of the route', async () => {
      const a = start(newKit());
      await nextFrom(a);
      await nextFrom(a);
      expect(flowOf(a.getSnapshot())).toBe('wifi');
      a.send({ type: 'GOTO', step: 'summary' });
      expect(flowOf(a.getSnapshot())).toBe('wifi');
      a.send({ type: 'GOTO', step: 'welcome' });
      expect(flowOf(a.getSnapshot())).toBe('welcome');
      a.send({ type: 'GOTO', step: 'wifi' }); // visited: forward jump allowed
      expect(flowOf(a.getSnapshot())).toBe('wifi');
      a.send({ type: 'GOTO', step: 'nowhere' as never });
      expect(flowOf(a.getSnapshot())).toBe('wifi');
    });
  });

  describe('answers', () => {
    it('welcome events set mode, consent and home; unknown items and probes are ignored', async () => {
      const a = start(newKit());
      await settled(a);
      a.send({ type: 'SET_HOME', items: ['smartLock', 'camera', 'smartLock', 'toaster' as never] });
      a.send({ type: 'SET_CONSENT', probe: '__proto__' as never, allowed: true });
      expect(a.getSnapshot().context.home).toEqual(['smartLock', 'camera']);
      expect(Object.keys(a.getSnapshot().context.consent)).toEqual([...PROBE_KINDS]);
    });

    it('malformed events from a buggy panel are ignored, never crash the actor', async () => {
      const a = start(newKit());
      await settled(a);
      const bad = [
        { type: 'SET_MODE', mode: 'sideways' },
        { type: 'SET_HOME', items: 'camera' },
        { type: 'SET_HOME', items: null },
        { type: 'SET_CONSENT', probe: 'wifiScan', allowed: 'yes' },
        { type: 'SKIP', reason: null },
        { type: 'SKIP', reason: { toString: () => 'sneaky' } },
        { type: 'GOTO', step: null },
        { type: 'ANSWER', step: 'welcome', key: null, value: 1 },
        { type: 'SKIP_CHECK', id: 'wifi.wps', reason: 42 },
        { type: 'NO_SUCH_EVENT' },
      ];
      for (const e of bad) a.send(e as never);
      const s = a.getSnapshot();
      expect(s.status).toBe('active');
      expect(flowOf(s)).toBe('welcome');
      expect(s.context.mode).toBeNull();
      expect(s.context.home).toEqual([]);
      expect(s.context.consent.wifiScan).toBe(false); // anything but `true` is a "no"
      expect(s.context.skipped).toEqual({});
    });

    it('REFRESH_CHECKS reloads the board and DISMISS clears the messages', async () => {
      const kit = newKit();
      const a = start(kit);
      await settled(a);
      const loads = kit.calls.filter((c) => c === 'load').length;
      kit.board[0]!.status = 'pass';
      a.send({ type: 'REFRESH_CHECKS' });
      const s = await settled(a);
      expect(kit.calls.filter((c) => c === 'load').length).toBe(loads + 1);
      expect(s.context.checks[0]!.status).toBe('pass');
      kit.failLoad = true;
      a.send({ type: 'REFRESH_CHECKS' });
      a.send({ type: 'NEXT' });
      expect((await settled(a)).context.checksError).toEqual({ userMessage: null, log: 'board unavailable' });
      expect(a.getSnapshot().context.blocked).not.toBeNull();
      a.send({ type: 'DISMISS' });
      expect(a.getSnapshot().context.checksError).toBeNull();
      expect(a.getSnapshot().context.blocked).toBeNull();
    });

    it('ANSWER is accepted only for the step on screen', async () => {
      const a = start(newKit());
      await settled(a);
      a.send({ type: 'ANSWER', step: 'wifi', key: 'ssid', value: 'Home' });
      expect(a.getSnapshot().context.answers).toEqual({});
      expect(a.getSnapshot().context.rejected).toBe('unsafe-answer');
      a.send({ type: 'ANSWER', step: 'welcome', key: 'note', value: 'hello' });
      expect(a.getSnapshot().context.answers).toEqual({ welcome: { note: 'hello' } });
    });
  });

  describe('no secret ever enters the context', () => {
    const SECRET = 'Tr0ub4dor&3-ñ-"quoted"';
    it('isSafeAnswer refuses secret-looking keys with text values but keeps flags and account names', () => {
      for (const key of ['passphrase', 'wifiPassword', 'recoveryCodes', 'pin', 'apiToken', 'otpSeed', 'adminCredential', 'secret', 'pskKey']) {
        expect(isSafeAnswer(key, SECRET), key).toBe(false);
      }
      expect(isSafeAnswer('passphraseStored', true)).toBe(true);
      expect(isSafeAnswer('passphraseAccount', 'wifi/Home Net')).toBe(true);
      expect(isSafeAnswer('passphraseAccount', SECRET)).toBe(false);
      expect(isSafeAnswer('recoveryCodesAccount', 'account/amazon/recovery-codes')).toBe(true);
      expect(isSafeAnswer('ssid', 'Home Net')).toBe(true);
      expect(isSafeAnswer('__proto__', true)).toBe(false);
      expect(isSafeAnswer('a b', true)).toBe(false);
      expect(isSafeAnswer('big', 'x'.repeat(201))).toBe(false);
      expect(isSafeAnswer('obj', { nested: 1 })).toBe(false);
      expect(isSafeAnswer('n', Number.NaN)).toBe(false);
    });

    it('a secret sent as an answer is refused and appears nowhere in the snapshot', async () => {
      const a = start(newKit());
      await nextFrom(a);
      await nextFrom(a);
      for (const key of ['passphrase', 'password', 'recoveryCodes', 'routerPin'])
        a.send({ type: 'ANSWER', step: 'wifi', key, value: SECRET });
      a.send({ type: 'ANSWER', step: 'wifi', key: 'passphraseStored', value: true });
      a.send({ type: 'ANSWER', step: 'wifi', key: 'passphraseAccount', value: 'wifi/Home' });
      const json = JSON.stringify(a.getPersistedSnapshot());
      expect(json).not.toContain('Tr0ub4dor');
      expect(a.getSnapshot().context.answers.wifi).toEqual({ passphraseStored: true, passphraseAccount: 'wifi/Home' });
    });
  });

  describe('re-audit', () => {
    it('stepsNeedingAttention picks steps with fail/warn/unknown/expired checks and new-device steps', () => {
      const c = (id: string, step: string, status: WizardCheck['status'], expired = false): WizardCheck => ({
        id,
        step,
        status,
        reason: null,
        evidence: { kind: 'confirmed' },
        evidenceKinds: ['confirmed'],
        expired,
      });
      const checks = [
        c('a', 'wifi', 'pass'),
        c('b', 'accounts', 'fail'),
        c('c', 'assistant', 'pass', true),
        c('d', 'updates', 'skipped'),
        c('e', 'segmentation', 'warn'),
        c('f', 'survey', 'unknown'),
      ];
      expect(stepsNeedingAttention(checks)).toEqual(['segmentation', 'accounts', 'assistant']);
      expect(stepsNeedingAttention(checks, 2)).toEqual(['segmentation', 'passwords', 'accounts', 'assistant', 'updates']);
      expect(routeOf({ mode: 're-audit', attention: ['accounts'] })).toEqual(['welcome', 'survey', 'accounts', 'summary']);
      expect(routeOf({ mode: 're-audit', attention: null })).toEqual(['welcome', 'survey', 'summary']);
      expect(routeOf({ mode: 'first-time', attention: ['accounts'] })).toEqual([...WIZARD_STEPS]);
    });

    it('runs survey → only the steps needing attention → summary', async () => {
      const kit = newKit();
      // An earlier audit left everything passing except the accounts step.
      for (const c of kit.board) Object.assign(c, { status: c.step === 'accounts' ? 'fail' : 'pass', evidence: { kind: 'confirmed' }, reason: null });
      const a = start(kit);
      await settled(a);
      answerWelcome(a, 're-audit');
      a.send({ type: 'NEXT' });
      expect(flowOf(await settled(a))).toBe('survey');
      a.send({ type: 'ANSWER', step: 'survey', key: 'reviewed', value: true });
      a.send({ type: 'NEXT' });
      let s = await settled(a);
      expect(flowOf(s)).toBe('accounts');
      expect(s.context.attention).toEqual(['accounts']);
      expect(routeOf(s.context)).toEqual(['welcome', 'survey', 'accounts', 'summary']);
      a.send({ type: 'BACK' });
      expect(flowOf(a.getSnapshot())).toBe('survey');
      a.send({ type: 'NEXT' });
      s = await settled(a);
      a.send({ type: 'NEXT' }); // the fail is a confirmed answer: nothing missing
      expect(flowOf(await settled(a))).toBe('summary');
    });

    it("follows the core's re-audit plan when it has one, even where the fallback rule would differ", async () => {
      const kit = newKit();
      // Every check is still failing (nothing regressed), but the core plans only the assistant step
      // (an expired confirmation): the plan decides, persistent failures alone do not add steps.
      for (const c of kit.board) Object.assign(c, { status: 'fail', evidence: { kind: 'confirmed' }, reason: null });
      kit.plan = ['survey', 'assistant', 'summary'];
      const a = start(kit);
      await settled(a);
      answerWelcome(a, 're-audit');
      a.send({ type: 'NEXT' });
      await settled(a);
      a.send({ type: 'ANSWER', step: 'survey', key: 'reviewed', value: true });
      a.send({ type: 'NEXT' });
      const s = await settled(a);
      expect(kit.calls).toContain('assess');
      expect(s.context.attention).toEqual(['assistant']);
      expect(flowOf(s)).toBe('assistant');
      expect(routeOf(s.context)).toEqual(['welcome', 'survey', 'assistant', 'summary']);
    });

    it('a new device puts segmentation, passwords and updates back on the route', async () => {
      const kit = newKit();
      for (const c of kit.board) Object.assign(c, { status: 'pass', evidence: { kind: 'confirmed' } });
      const a = start(kit);
      await settled(a);
      answerWelcome(a, 're-audit');
      a.send({ type: 'NEXT' });
      await settled(a);
      a.send({ type: 'ANSWER', step: 'survey', key: 'newDevices', value: 1 });
      a.send({ type: 'ANSWER', step: 'survey', key: 'reviewed', value: true });
      a.send({ type: 'NEXT' });
      const s = await settled(a);
      expect(s.context.attention).toEqual(['segmentation', 'passwords', 'updates']);
      expect(flowOf(s)).toBe('segmentation');
    });

    it('with no check list, every step needs attention (never silently skipped)', async () => {
      const kit = newKit();
      const a = start(kit);
      await settled(a);
      answerWelcome(a, 're-audit');
      a.send({ type: 'NEXT' });
      await settled(a);
      a.send({ type: 'ANSWER', step: 'survey', key: 'reviewed', value: true });
      kit.failLoad = true;
      a.send({ type: 'NEXT' });
      const s = await settled(a);
      expect(flowOf(s)).toBe('wifi');
      expect(s.context.attention).toEqual(['wifi', 'segmentation', 'passwords', 'accounts', 'assistant', 'updates']);
      expect(s.context.checksError).toEqual({ userMessage: null, log: 'board unavailable' });
    });

    it('a re-audit skip of the survey still assesses the route', async () => {
      const kit = newKit();
      for (const c of kit.board) Object.assign(c, { status: c.step === 'assistant' ? 'warn' : 'pass', evidence: { kind: 'confirmed' } });
      const a = start(kit);
      await settled(a);
      answerWelcome(a, 're-audit');
      a.send({ type: 'NEXT' });
      await settled(a);
      a.send({ type: 'SKIP', reason: 'survey can wait' });
      expect(flowOf(await settled(a))).toBe('assistant');
    });

    it('START_OVER from the summary starts a check-up on welcome, keeping consent and home', async () => {
      const a = start(newKit());
      await settled(a);
      a.send({ type: 'SET_HOME', items: ['camera'] });
      while (flowOf(a.getSnapshot()) !== 'summary') await nextFrom(a);
      a.send({ type: 'START_OVER', mode: 're-audit' });
      const s = a.getSnapshot();
      expect(flowOf(s)).toBe('welcome');
      expect(s.context.mode).toBe('re-audit');
      expect(s.context.home).toEqual(['camera']);
      expect(s.context.visited).toEqual(['welcome']);
      expect(s.context.consent.wifiScan).toBe(true);
    });
  });

  describe('persistence round-trip', () => {
    it('getPersistedSnapshot → JSON → createActor({snapshot}) resumes the same step with every answer', async () => {
      const kit = newKit();
      const a = start(kit);
      await settled(a);
      a.send({ type: 'SET_HOME', items: ['voiceAssistant', 'smartLock'] });
      await nextFrom(a);
      a.send({ type: 'ANSWER', step: 'survey', key: 'note', value: 'two Echo dots' });
      await nextFrom(a);
      a.send({ type: 'CONFIRM_CHECK', id: 'wifi.wps', status: 'warn' });
      await settled(a);
      a.send({ type: 'SKIP', reason: 'router is rented' });
      await settled(a);
      const saved = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
      a.stop();

      const b = createActor(machineWith(kit), { snapshot: saved });
      b.start();
      const s = await settled(b);
      expect(flowOf(s)).toBe('segmentation');
      expect(s.context.home).toEqual(['voiceAssistant', 'smartLock']);
      expect(s.context.mode).toBe('first-time');
      expect(s.context.answers.survey).toEqual({ reviewed: true, note: 'two Echo dots' });
      expect(s.context.skipped).toEqual({ wifi: { reason: 'router is rented' } });
      expect(s.context.visited).toEqual(['welcome', 'survey', 'wifi', 'segmentation']);
      // and it keeps working
      b.send({ type: 'BACK' });
      expect(flowOf(b.getSnapshot())).toBe('wifi');
    });

    it('a snapshot taken while checks were loading re-runs the load after restore', async () => {
      const kit = newKit();
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slow = wizardMachine.provide({
        actors: {
          loadChecks: fromPromise(async () => {
            await gate;
            return kit.board;
          }),
        },
      });
      const a = createActor(slow);
      a.start();
      const saved = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
      expect(saved.value).toEqual({ flow: 'welcome', checks: 'loading' });
      a.stop();
      release();
      const b = createActor(machineWith(kit), { snapshot: saved });
      b.start();
      const s = await settled(b);
      expect(s.context.checks).toHaveLength(kit.board.length);
      expect(kit.calls).toContain('load');
    });
  });
});
