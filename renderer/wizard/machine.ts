/**
 * The Porchlight wizard as an XState v5 machine. It imports only xstate: every side effect is an
 * actor DECLARED here (placeholders that throw) and PROVIDED by renderer/wizard/actors.ts from the
 * preload API, so the machine runs unchanged in unit tests, the harness and Electron.
 *
 * Shape: a parallel machine with two regions.
 * - `flow`: one state per wizard step (PRODUCT.md order) plus two transient helpers: `routing`
 *   (picks the dynamic target of NEXT/BACK/SKIP/GOTO) and `assessing` (re-audit: loads the checks
 *   and decides which steps need attention).
 * - `checks`: loads the check board, confirms and skips checks (idle/loading/confirming/skipping).
 *
 * The context never holds a secret: only choices, flags such as `stored: true` and keychain account
 * names. The ANSWER event refuses anything that looks like a secret (see `isSafeAnswer`).
 */
import { assign, fromPromise, not, raise, setup } from 'xstate';

/** Bumped whenever the persisted snapshot's shape changes; a snapshot of another version is migrated (renderer/wizard/persistence.ts migrateSnapshot). */
export const MACHINE_VERSION = 1;

/** The wizard steps in PRODUCT.md order (same list as main/core/checks/catalog.ts STEP_IDS). */
export const WIZARD_STEPS = ['welcome', 'survey', 'wifi', 'segmentation', 'passwords', 'accounts', 'assistant', 'updates', 'summary'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Steps a re-audit may include between the survey and the summary. */
export const ATTENTION_CANDIDATES: readonly WizardStep[] = ['wifi', 'segmentation', 'passwords', 'accounts', 'assistant', 'updates'];

/** Steps a new device on the network puts back on the re-audit route. */
export const NEW_DEVICE_STEPS: readonly WizardStep[] = ['segmentation', 'passwords', 'updates'];

export type WizardMode = 'first-time' | 're-audit';

/** The kinds of network probe the user consents to one by one on the welcome step. */
export const PROBE_KINDS = ['wifiScan', 'routerIdentity', 'deviceDiscovery', 'credentialProbe'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** What can be in the home (welcome step), used to tailor later steps. */
export const HOME_ITEMS = ['voiceAssistant', 'smartLock', 'camera', 'hub', 'thermostat', 'smartTv', 'other'] as const;
export type HomeItem = (typeof HOME_ITEMS)[number];

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown' | 'skipped';

/**
 * The part of a check view the machine needs. Actors return full views from `checks:list`; the
 * extra fields (title, why, evidence dates …) ride along untouched for the screens.
 */
export interface WizardCheck {
  id: string;
  step: string;
  status: CheckStatus;
  /** A message from the core ({code, params}); the machine never reads its words. */
  reason: WizardMessage | null;
  evidence: { kind: 'verified' | 'confirmed' | 'none' };
  evidenceKinds: ReadonlyArray<'verified' | 'confirmed'>;
  expired: boolean;
}

/** A non-secret answer a step records: short text, a number, a flag, or a short list. */
/** A message from the core: a code with params; a param may itself be a message (see main/core/messages). */
export interface WizardMessage {
  code: string;
  params: Record<string, string | number | boolean | null | WizardMessage | WizardMessage[]>;
}

export type AnswerValue = string | number | boolean | null | string[];

/** A failed call as the UI shows it: the error's message for the user (a code with params), or null for the generic sentence. */
export type ShownError = { userMessage: { code: string; params: Record<string, unknown> } | null; /** The English line, for the console and tests; never shown. */ log: string };

/** What the user is shown of an error (ApiError's message; the generic sentence without one), with its English line kept apart for the log. */
export function shownError(err: unknown): ShownError {
  const m = err !== null && typeof err === 'object' ? (err as { userMessage?: unknown }).userMessage : null;
  const log = String((err as Error | null)?.message ?? err).slice(0, 500);
  return { userMessage: m !== null && typeof m === 'object' && typeof (m as { code?: unknown }).code === 'string' ? (m as ShownError['userMessage']) : null, log };
}

export interface WizardContext {
  mode: WizardMode | null;
  /** `null` until the user has said yes or no; probes run only on `true`. */
  consent: Record<ProbeKind, boolean | null>;
  home: HomeItem[];
  /** Per-step answers recorded by the step panels (never a secret). */
  answers: Partial<Record<WizardStep, Record<string, AnswerValue>>>;
  /** Steps the user skipped, each with the reason they gave. */
  skipped: Partial<Record<WizardStep, { reason: string }>>;
  /** Steps entered at least once in this run, in first-visit order; GOTO may only go here. */
  visited: WizardStep[];
  /** Re-audit only: the steps that need attention, once `assessing` has run (null before). */
  attention: WizardStep[] | null;
  /** Transient: where `routing` goes next. */
  target: WizardStep | null;
  checks: WizardCheck[];
  /** Why the check list could not load: the error's message for the user (words where it is shown), never its English line. */
  checksError: ShownError | null;
  /** Why the last NEXT was refused: the machine ids of the missing inputs (see `missingInput`). */
  blocked: { step: WizardStep; missing: string[] } | null;
  /** Why the last other event was refused, as a stable code the UI translates. */
  rejected: 'skip-reason' | 'unsafe-answer' | 'check-reason' | null;
}

export type WizardEvent =
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'SKIP'; reason: string }
  | { type: 'GOTO'; step: WizardStep }
  | { type: 'SET_MODE'; mode: WizardMode }
  | { type: 'SET_CONSENT'; probe: ProbeKind; allowed: boolean }
  | { type: 'SET_HOME'; items: HomeItem[] }
  | { type: 'ANSWER'; step: WizardStep; key: string; value: AnswerValue }
  | { type: 'CONFIRM_CHECK'; id: string; status: 'pass' | 'warn' | 'fail'; note?: string }
  | { type: 'SKIP_CHECK'; id: string; reason: string }
  | { type: 'REFRESH_CHECKS' }
  | { type: 'DISMISS' }
  | { type: 'START_OVER'; mode: WizardMode };

export interface ConfirmCheckInput {
  id: string;
  status: 'pass' | 'warn' | 'fail';
  note?: string;
}
export interface SkipCheckInput {
  id: string;
  reason: string;
}

/** Skip reasons (of a step or a check) must say something: 3 to 500 characters after trimming. */
export const MIN_REASON = 3;
export const MAX_REASON = 500;
export function isValidReason(reason: unknown): reason is string {
  return typeof reason === 'string' && reason.trim().length >= MIN_REASON && reason.trim().length <= MAX_REASON;
}

const SECRET_KEY = /pass|secret|pin|token|otp|code|key|credential|pwd/i;
const ACCOUNT_NAME = /^(wifi\/.+|device\/.+|router\/admin|account\/.+\/recovery-codes)$/;
const ANSWER_KEY = /^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/;
const MAX_ANSWER_TEXT = 200;

/**
 * Defence in depth for "no secret in the context": keys that name a secret may only carry a flag
 * (e.g. `passphraseStored: true`) or, for keys ending in `Account`, a keychain account name.
 */
export function isSafeAnswer(key: unknown, value: unknown): boolean {
  if (typeof key !== 'string' || !ANSWER_KEY.test(key) || key === '__proto__' || key === 'constructor' || key === 'prototype') return false;
  const shapeOk =
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value.length <= MAX_ANSWER_TEXT) ||
    (Array.isArray(value) && value.length <= 100 && value.every((v) => typeof v === 'string' && v.length <= MAX_ANSWER_TEXT));
  if (!shapeOk) return false;
  if (!SECRET_KEY.test(key)) return true;
  if (value === null || typeof value === 'boolean') return true;
  return /Account$/.test(key) && typeof value === 'string' && ACCOUNT_NAME.test(value);
}

/** A check waits for the user when it accepts their word and has no current evidence. */
export function checkNeedsAnswer(check: WizardCheck): boolean {
  if (!check.evidenceKinds.includes('confirmed')) return false;
  if (check.status === 'skipped') return false;
  return check.evidence.kind === 'none' || check.expired;
}

/** A check needs attention in a re-audit when it is not passing or its evidence has lapsed. */
export function checkNeedsAttention(check: WizardCheck): boolean {
  return check.expired || check.status === 'fail' || check.status === 'warn' || check.status === 'unknown';
}

/** What the re-audit assessment returns: the checks, and the core's planned steps (null without a plan). */
export interface ReauditAssessment {
  checks: WizardCheck[];
  plannedSteps: string[] | null;
}

/** Fallback re-audit route selection (used only when the core's plan is unavailable): steps with a regression/unknown/expired check, plus new-device steps. */
export function stepsNeedingAttention(checks: readonly WizardCheck[], newDevices = 0): WizardStep[] {
  return ATTENTION_CANDIDATES.filter(
    (step) => checks.some((c) => c.step === step && checkNeedsAttention(c)) || (newDevices > 0 && NEW_DEVICE_STEPS.includes(step)),
  );
}

/** The steps of this run, in order: all of them first time; survey → attention → summary on re-audit. */
export function routeOf(ctx: Pick<WizardContext, 'mode' | 'attention'>): WizardStep[] {
  if (ctx.mode !== 're-audit') return [...WIZARD_STEPS];
  return ['welcome', 'survey', ...(ctx.attention ?? []), 'summary'];
}

/**
 * The inputs a step still needs before NEXT is allowed, as stable ids the UI translates:
 * `mode`, `consent.<probe>`, `answer.<key>`, `check.<id>`, or `checks` (check list not loaded).
 * Keep renderer/README.md ("Required input per step") in step with this function.
 */
export function missingInput(ctx: WizardContext, step: WizardStep): string[] {
  const missing: string[] = [];
  if (step === 'welcome') {
    if (ctx.mode === null) missing.push('mode');
    for (const probe of PROBE_KINDS) if (ctx.consent[probe] === null) missing.push(`consent.${probe}`);
    return missing;
  }
  if (step === 'survey') {
    if (ctx.answers.survey?.reviewed !== true) missing.push('answer.reviewed');
    return missing;
  }
  if (step === 'summary') return missing;
  if (ctx.checks.length === 0) return ['checks'];
  for (const check of ctx.checks) if (check.step === step && checkNeedsAnswer(check)) missing.push(`check.${check.id}`);
  return missing;
}

/** The step the `flow` region is on (routing/assessing report the step being left or the survey). */
export function stepOfValue(value: unknown): WizardStep {
  const flow = value && typeof value === 'object' ? (value as { flow?: unknown }).flow : undefined;
  return (WIZARD_STEPS as readonly unknown[]).includes(flow) ? (flow as WizardStep) : flow === 'assessing' ? 'survey' : 'welcome';
}

function neighbour(ctx: WizardContext, from: WizardStep, delta: 1 | -1): WizardStep | null {
  const route = routeOf(ctx);
  const i = route.indexOf(from);
  if (i < 0) return delta === 1 ? 'summary' : 'welcome';
  return route[i + delta] ?? null;
}

/** A fresh context: nothing chosen, nothing consented, nothing visited. */
export function initialContext(): WizardContext {
  return {
    mode: null,
    consent: { wifiScan: null, routerIdentity: null, deviceDiscovery: null, credentialProbe: null },
    home: [],
    answers: {},
    skipped: {},
    visited: [],
    attention: null,
    target: null,
    checks: [],
    checksError: null,
    blocked: null,
    rejected: null,
  };
}

const notProvided = (name: string) => () => Promise.reject(new Error(`The wizard actor "${name}" was not provided.`));

type StepParams = { step: WizardStep };

/**
 * The actors the machine declares; renderer/wizard/actors.ts implements them over the preload API.
 * Left unimplemented here, each rejects with the reason.
 */
const DECLARED_ACTORS = {
  /** Loads every check view (`checks:list`). */
  loadChecks: fromPromise<WizardCheck[], void>(notProvided('loadChecks')),
  /**
   * Re-audit: the check views plus the core's re-audit plan (`audit:plan-reaudit`: steps with a
   * regression, an expired confirmation or a new device). `plannedSteps` is null when the plan
   * could not be had; the machine then falls back to its own, broader rule.
   */
  assessReaudit: fromPromise<ReauditAssessment, void>(notProvided('assessReaudit')),
  /** Records the user's dated word on a check (`checks:confirm`). */
  confirmCheck: fromPromise<WizardCheck, ConfirmCheckInput>(notProvided('confirmCheck')),
  /** Marks a check not applicable with the user's reason (`checks:skip`). */
  skipCheck: fromPromise<WizardCheck, SkipCheckInput>(notProvided('skipCheck')),
};

export type WizardActors = typeof DECLARED_ACTORS;

/**
 * Builds the wizard machine with the given actor implementations (the others declared only).
 * Building is the costly part of starting the wizard (a tree of state nodes, built again by
 * `.provide()`), so the app builds it once, with its actors (renderer/wizard/actors.ts).
 */
export function createWizardMachine(actors: Partial<WizardActors> = {}) {
  return setup({
    types: {
      context: {} as WizardContext,
      events: {} as WizardEvent,
    },
    actors: { ...DECLARED_ACTORS, ...actors },
    guards: {
      hasRequiredInput: ({ context }, p: StepParams) => missingInput(context, p.step).length === 0,
      hasValidSkipReason: ({ event }) => event.type === 'SKIP' && isValidReason(event.reason),
      hasValidCheckReason: ({ event }) => event.type === 'SKIP_CHECK' && isValidReason(event.reason),
      leavesSurveyInReaudit: ({ context }, p: StepParams) => p.step === 'survey' && context.mode === 're-audit',
      hasNext: ({ context }, p: StepParams) => neighbour(context, p.step, 1) !== null,
      hasPrevious: ({ context }, p: StepParams) => neighbour(context, p.step, -1) !== null,
      canGoto: ({ context, event }, p: StepParams) =>
        event.type === 'GOTO' && event.step !== p.step && context.visited.includes(event.step) && routeOf(context).includes(event.step),
      isSafeAnswerHere: ({ event }, p: StepParams) => event.type === 'ANSWER' && event.step === p.step && isSafeAnswer(event.key, event.value),
      targetIs: ({ context }, p: StepParams) => context.target === p.step,
    },
    actions: {
      markVisited: assign({
        visited: ({ context }, p: StepParams) => (context.visited.includes(p.step) ? context.visited : [...context.visited, p.step]),
        target: null,
        blocked: null,
        rejected: null,
      }),
      recordBlocked: assign({ blocked: ({ context }, p: StepParams) => ({ step: p.step, missing: missingInput(context, p.step) }) }),
      targetNext: assign({ target: ({ context }, p: StepParams) => neighbour(context, p.step, 1), blocked: null, rejected: null }),
      targetPrevious: assign({ target: ({ context }, p: StepParams) => neighbour(context, p.step, -1), blocked: null, rejected: null }),
      targetGoto: assign({ target: ({ event }) => (event.type === 'GOTO' ? event.step : null), blocked: null, rejected: null }),
      recordSkip: assign({
        skipped: ({ context, event }, p: StepParams) =>
          event.type === 'SKIP' ? { ...context.skipped, [p.step]: { reason: event.reason.trim() } } : context.skipped,
      }),
      clearSkip: assign({
        skipped: ({ context }, p: StepParams) => {
          if (!(p.step in context.skipped)) return context.skipped;
          const next = { ...context.skipped };
          delete next[p.step];
          return next;
        },
      }),
      /** Skipping the welcome step: first-time mode, and every unanswered probe counts as "no". */
      welcomeDefaults: assign({
        mode: ({ context }) => context.mode ?? 'first-time',
        consent: ({ context }) =>
          Object.fromEntries(PROBE_KINDS.map((k) => [k, context.consent[k] ?? false])) as Record<ProbeKind, boolean>,
      }),
      rejectSkip: assign({ rejected: 'skip-reason' as const }),
      rejectAnswer: assign({ rejected: 'unsafe-answer' as const }),
      rejectCheckReason: assign({ rejected: 'check-reason' as const }),
      dismiss: assign({ blocked: null, rejected: null, checksError: null }),
      setMode: assign({
        mode: ({ event, context }) => (event.type === 'SET_MODE' && (event.mode === 'first-time' || event.mode === 're-audit') ? event.mode : context.mode),
        attention: null,
        blocked: null,
      }),
      setConsent: assign({
        consent: ({ event, context }) =>
          event.type === 'SET_CONSENT' && (PROBE_KINDS as readonly string[]).includes(event.probe)
            ? { ...context.consent, [event.probe]: event.allowed === true }
            : context.consent,
        blocked: null,
      }),
      setHome: assign({
        home: ({ event, context }) =>
          event.type === 'SET_HOME' && Array.isArray(event.items)
            ? [...new Set(event.items.filter((i) => (HOME_ITEMS as readonly string[]).includes(i)))]
            : context.home,
      }),
      recordAnswer: assign({
        answers: ({ event, context }) => {
          if (event.type !== 'ANSWER') return context.answers;
          const value = Array.isArray(event.value) ? [...event.value] : event.value;
          return { ...context.answers, [event.step]: { ...(context.answers[event.step] ?? {}), [event.key]: value } };
        },
        blocked: null,
        rejected: null,
      }),
      refreshChecks: raise({ type: 'REFRESH_CHECKS' }),
      startOver: assign(({ context, event }) => ({
        ...initialContext(),
        mode: event.type === 'START_OVER' ? event.mode : context.mode,
        consent: context.consent,
        home: context.home,
        checks: context.checks,
        target: 'welcome' as WizardStep,
      })),
    },
  }).createMachine({
    id: 'wizard',
    type: 'parallel',
    context: initialContext,
    states: {
      flow: {
        initial: 'welcome',
        states: {
          welcome: {
            ...stepState('welcome'),
            on: {
              ...stepState('welcome').on,
              SET_MODE: { actions: 'setMode' },
              SET_CONSENT: { actions: 'setConsent' },
              SET_HOME: { actions: 'setHome' },
            },
          },
          survey: stepState('survey'),
          wifi: stepState('wifi'),
          segmentation: stepState('segmentation'),
          passwords: stepState('passwords'),
          accounts: stepState('accounts'),
          assistant: stepState('assistant'),
          updates: stepState('updates'),
          summary: {
            ...stepState('summary'),
            on: {
              BACK: stepState('summary').on.BACK,
              GOTO: stepState('summary').on.GOTO,
              ANSWER: stepState('summary').on.ANSWER,
              START_OVER: { target: 'routing', actions: 'startOver' },
            },
          },
          /** Re-audit: load the checks, choose the steps that need attention, go to the first of them. */
          assessing: {
            invoke: {
              src: 'assessReaudit',
              onDone: {
                target: 'routing',
                actions: assign(({ context, event }) => {
                  const newDevices = Number(context.answers.survey?.newDevices ?? 0) || 0;
                  const { checks, plannedSteps } = event.output;
                  const attention = plannedSteps
                    ? ATTENTION_CANDIDATES.filter((step) => plannedSteps.includes(step))
                    : stepsNeedingAttention(checks, newDevices);
                  const next = { ...context, checks, checksError: null, attention };
                  return { ...next, target: neighbour(next, 'survey', 1) };
                }),
              },
              onError: {
                // Without the check list, play safe: every step needs attention.
                target: 'routing',
                actions: assign(({ context, event }) => {
                  const next = { ...context, attention: [...ATTENTION_CANDIDATES], checksError: shownError(event.error) };
                  return { ...next, target: neighbour(next, 'survey', 1) };
                }),
              },
            },
          },
          /** Transient: goes to `context.target` within the same macrostep (never persisted). */
          routing: {
            always: [
              ...WIZARD_STEPS.map((step) => ({ guard: { type: 'targetIs' as const, params: { step } }, target: step })),
              { target: 'welcome' },
            ],
          },
        },
      },
      checks: {
        initial: 'loading',
        on: {
          DISMISS: { actions: 'dismiss' },
        },
        states: {
          idle: {
            on: {
              REFRESH_CHECKS: 'loading',
              CONFIRM_CHECK: 'confirming',
              SKIP_CHECK: [{ guard: 'hasValidCheckReason', target: 'skipping' }, { actions: 'rejectCheckReason' }],
            },
          },
          loading: {
            invoke: {
              src: 'loadChecks',
              onDone: { target: 'idle', actions: assign({ checks: ({ event }) => event.output, checksError: null }) },
              onError: { target: 'idle', actions: assign({ checksError: ({ event }) => shownError(event.error) }) },
            },
            on: {
              REFRESH_CHECKS: { target: 'loading', reenter: true },
              CONFIRM_CHECK: 'confirming',
              SKIP_CHECK: [{ guard: 'hasValidCheckReason', target: 'skipping' }, { actions: 'rejectCheckReason' }],
            },
          },
          confirming: {
            invoke: {
              src: 'confirmCheck',
              input: ({ event }) => {
                const e = event as Extract<WizardEvent, { type: 'CONFIRM_CHECK' }>;
                return e.note === undefined ? { id: e.id, status: e.status } : { id: e.id, status: e.status, note: e.note };
              },
              onDone: { target: 'loading', actions: assign({ rejected: null }) },
              onError: { target: 'loading', actions: assign({ checksError: ({ event }) => shownError(event.error) }) },
            },
            on: {
              CONFIRM_CHECK: { target: 'confirming', reenter: true },
              SKIP_CHECK: [{ guard: 'hasValidCheckReason', target: 'skipping' }, { actions: 'rejectCheckReason' }],
            },
          },
          skipping: {
            invoke: {
              src: 'skipCheck',
              input: ({ event }) => {
                const e = event as Extract<WizardEvent, { type: 'SKIP_CHECK' }>;
                return { id: e.id, reason: e.reason.trim() };
              },
              onDone: { target: 'loading', actions: assign({ rejected: null }) },
              onError: { target: 'loading', actions: assign({ checksError: ({ event }) => shownError(event.error) }) },
            },
            on: {
              CONFIRM_CHECK: 'confirming',
              SKIP_CHECK: [{ guard: 'hasValidCheckReason', target: 'skipping', reenter: true }, { actions: 'rejectCheckReason' }],
            },
          },
        },
      },
    },
  });
}

/** One wizard step: NEXT (guarded), BACK, SKIP with a reason, GOTO a visited step, ANSWER. */
function stepState(step: WizardStep) {
  const p = { step };
  const leave = [
    { guard: { type: 'leavesSurveyInReaudit' as const, params: p }, target: 'assessing' },
    { guard: { type: 'hasNext' as const, params: p }, target: 'routing', actions: [{ type: 'targetNext' as const, params: p }] },
  ];
  return {
    entry: [{ type: 'markVisited' as const, params: p }, { type: 'refreshChecks' as const }],
    on: {
      NEXT: [
        { guard: not({ type: 'hasRequiredInput', params: p }), actions: [{ type: 'recordBlocked' as const, params: p }] },
        ...leave.map((t) => ({ ...t, actions: [{ type: 'clearSkip' as const, params: p }, ...(t.actions ?? [])] })),
      ],
      SKIP: [
        { guard: not('hasValidSkipReason'), actions: 'rejectSkip' as const },
        ...leave.map((t) => ({
          ...t,
          actions: [
            { type: 'recordSkip' as const, params: p },
            ...(step === 'welcome' ? [{ type: 'welcomeDefaults' as const }] : []),
            ...(t.actions ?? []),
          ],
        })),
      ],
      BACK: { guard: { type: 'hasPrevious' as const, params: p }, target: 'routing', actions: [{ type: 'targetPrevious' as const, params: p }] },
      GOTO: { guard: { type: 'canGoto' as const, params: p }, target: 'routing', actions: 'targetGoto' as const },
      ANSWER: [
        { guard: { type: 'isSafeAnswerHere' as const, params: p }, actions: 'recordAnswer' as const },
        { actions: 'rejectAnswer' as const },
      ],
    },
  };
}

export type WizardMachine = ReturnType<typeof createWizardMachine>;
