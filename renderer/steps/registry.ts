/**
 * Which panel each step shows. A step's panel lives in renderer/steps/<step>/panel.tsx and exports
 * `Panel`; area helpers replace that file, never this map. The welcome panel ships with the first
 * screen; every other panel is its own chunk, loaded when its step is shown (`React.lazy`) or
 * earlier, when the step before it is on screen (`prefetchPanel`), together with i18next and the
 * panels' catalogs (LATER_NAMESPACES).
 */
import { lazy, type ComponentType } from 'react';
import type { WizardStep } from '../wizard/machine';
import type { PanelProps } from './shared/panel-props';
import { Panel as WelcomePanel } from './welcome/panel';
import { loadEngine } from '../i18n/runtime';

type PanelModule = { Panel: ComponentType<PanelProps> };

const LOADERS: Record<Exclude<WizardStep, 'welcome'>, () => Promise<PanelModule>> = {
  survey: () => import('./survey/panel'),
  wifi: () => import('./wifi/panel'),
  segmentation: () => import('./segmentation/panel'),
  passwords: () => import('./passwords/panel'),
  accounts: () => import('./accounts/panel'),
  assistant: () => import('./assistant/panel'),
  updates: () => import('./updates/panel'),
  summary: () => import('./summary/panel'),
};

const loading = new Map<WizardStep, Promise<PanelModule>>();

/** Loads a step's panel once (a failed load may be retried). */
function load(step: Exclude<WizardStep, 'welcome'>): Promise<PanelModule> {
  let p = loading.get(step);
  if (!p) {
    // The panel's code, i18next and the catalogs of the panels' own namespaces, before it renders.
    p = Promise.all([LOADERS[step](), loadEngine()]).then(([m]) => m);
    p.catch(() => loading.delete(step));
    loading.set(step, p);
  }
  return p;
}

/** Starts loading a step's panel in the background (the step the user will most likely open next). */
export function prefetchPanel(step: WizardStep | undefined): void {
  if (step && step !== 'welcome') load(step).catch(() => {});
}

const lazyPanel = (step: Exclude<WizardStep, 'welcome'>) => lazy(() => load(step).then((m) => ({ default: m.Panel })));

/** Step → its extension-point panel. */
export const PANELS: Record<WizardStep, ComponentType<PanelProps>> = {
  welcome: WelcomePanel,
  survey: lazyPanel('survey'),
  wifi: lazyPanel('wifi'),
  segmentation: lazyPanel('segmentation'),
  passwords: lazyPanel('passwords'),
  accounts: lazyPanel('accounts'),
  assistant: lazyPanel('assistant'),
  updates: lazyPanel('updates'),
  summary: lazyPanel('summary'),
};
