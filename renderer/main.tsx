/**
 * Renderer entry: sends the first IPC calls (early-ipc), then loads React, XState, i18next and the
 * app (start.tsx) — so the calls run while those are fetched, parsed and set up, before the first
 * render, instead of after them.
 */
import './early-ipc';

void import('./start');
