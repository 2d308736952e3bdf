/**
 * Selectors over the wizard snapshot, shared by the app frame, the step screens and the panels,
 * so every component reads state the same way (and re-renders only on what it selects).
 */
import type { SnapshotFrom } from 'xstate';
import type { CheckView } from './api';
import { routeOf, stepOfValue, type WizardMachine, type WizardStep } from './machine';

export type WizardSnapshot = SnapshotFrom<WizardMachine>;

/** The step on screen. */
export const selectStep = (s: WizardSnapshot): WizardStep => stepOfValue(s.value);

/** The steps of this run, in order. */
export const selectRoute = (s: WizardSnapshot): WizardStep[] => routeOf(s.context);

/**
 * The check views loaded by the `loadChecks` actor. The machine types them by the fields it needs;
 * the actor (renderer/wizard/actors.ts) fills them from `checks:list`, so they are full CheckViews.
 */
export const selectChecks = (s: WizardSnapshot): CheckView[] => s.context.checks as unknown as CheckView[];

/** True while a check is being loaded, confirmed or skipped. */
export const selectChecksBusy = (s: WizardSnapshot): boolean => (s.value as { checks: string }).checks !== 'idle';

/** Compares arrays element by element (for useSelector). */
export const sameArray = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((v, i) => v === b[i]);
