/**
 * Provides the wizard machine's declared actors from the preload API. This is the only place the
 * machine's side effects are implemented; the machine itself stays pure (imports only xstate).
 */
import { fromPromise } from 'xstate';
import type { PorchlightApi } from '../../main/ipc/contract';
import { createWizardMachine, type ConfirmCheckInput, type ReauditAssessment, type SkipCheckInput, type WizardCheck } from './machine';
import { call } from './api';

/** The machine with every actor backed by a contract channel (built once: see createWizardMachine). */
export function provideWizard(api: PorchlightApi) {
  return createWizardMachine({
    loadChecks: fromPromise<WizardCheck[], void>(() => call(api, 'checks:list', {})),
    assessReaudit: fromPromise<ReauditAssessment, void>(async () => {
      const [checks, plan] = await Promise.all([call(api, 'checks:list', {}), api['audit:plan-reaudit']({})]);
      return { checks, plannedSteps: plan.ok ? plan.value.steps : null };
    }),
    confirmCheck: fromPromise<WizardCheck, ConfirmCheckInput>(({ input }) => call(api, 'checks:confirm', input)),
    skipCheck: fromPromise<WizardCheck, SkipCheckInput>(({ input }) => call(api, 'checks:skip', input)),
  });
}

export type ProvidedWizard = ReturnType<typeof provideWizard>;
