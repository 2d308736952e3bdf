import { useSyncExternalStore, type ReactNode } from 'react';
import { afterPaint } from '../after-paint';

/**
 * What the first screen shows right after its first paint instead of in it: the part below the
 * fold. A new user's first screen is the welcome step, ~190 elements of which about half are
 * below the fold (the rest of the welcome form, the step's checks and words, the footer); leaving
 * them out of the first frame brings the heading and Continue ~12 ms sooner here
 * (docs/performance.md, session 17), and they follow in the next task, about a frame later.
 *
 * Until then an empty placeholder as tall as the window stands in for them, so the sticky
 * navigation is already at the bottom of the window, where it stays: nothing on screen moves.
 * Only the page's first screen waits: once it has painted, this renders its content at once
 * (another step, going back, a language switch). A window that paints no frames (hidden) still
 * gets the content, after afterPaint's fallback.
 */
let painted = false;
let scheduled = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!painted && !scheduled) {
    scheduled = true;
    afterPaint(() => {
      painted = true;
      for (const l of listeners) l();
    });
  }
  return () => listeners.delete(listener);
}
const isPainted = () => painted;
const notYet = () => false;

export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const shown = useSyncExternalStore(subscribe, isPainted, notYet);
  return shown ? children : <div className="after-first-paint" aria-hidden="true" />;
}
