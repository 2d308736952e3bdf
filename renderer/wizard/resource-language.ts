/**
 * When the core's resource texts change language. The core words its resources (account quirks,
 * assistant settings, update answers, outage plans) in the language saved in settings, so a screen
 * that loaded them must load them again once a new language is saved — not when the UI switches,
 * which happens before the save has reached the core. `useLoad` reads this counter.
 */
import { useSyncExternalStore } from 'react';

let epoch = 0;
const listeners = new Set<() => void>();

/** Called once the core has saved a new language: every screen that loaded resource texts loads them again. */
export function resourceLanguageChanged(): void {
  epoch += 1;
  for (const l of [...listeners]) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

const snapshot = (): number => epoch;

/** A number that changes each time the core's resource language changes. */
export function useResourceLanguage(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
