/**
 * The first IPC calls, sent the moment the first module is evaluated — before React, XState and
 * i18next are evaluated and before the first render (main.tsx imports this module first). The
 * answers are handed to the app through `withEarlyAnswers`, which makes the preload API answer each
 * of these calls once from the request already under way; every later call goes to the preload.
 */
import type { ChannelName, PorchlightApi } from '../main/ipc/contract';

/**
 * What the app asks first: saved progress, app info and settings, in one call (renderer/app.tsx);
 * each request costs the page time of its own while it starts (in browser mode a `fetch`).
 */
export const EARLY_CHANNELS = ['app:start'] as const satisfies readonly ChannelName[];

const api = (globalThis as { porchlight?: PorchlightApi }).porchlight;
const early = new Map<ChannelName, Promise<unknown>>(api ? EARLY_CHANNELS.map((c) => [c, (api[c] as (args: object) => Promise<unknown>)({})]) : []);
// Unclaimed answers must not become unhandled rejections; the app reads them through withEarlyAnswers.
for (const p of early.values()) p.catch(() => {});

/** The preload API, answering each early call once (when called with no arguments) from its answer in flight. */
export function withEarlyAnswers(target: PorchlightApi): PorchlightApi {
  if (target !== api || early.size === 0) return target;
  const wrapped: Record<string, unknown> = { ...target };
  for (const [channel, pending] of early) {
    const fn = target[channel] as (args: unknown) => Promise<unknown>;
    wrapped[channel] = (args?: unknown) => {
      const noArgs = args === undefined || (typeof args === 'object' && args !== null && Object.keys(args).length === 0);
      if (noArgs && early.get(channel) === pending) {
        early.delete(channel);
        return pending;
      }
      return fn(args);
    };
  }
  return Object.freeze(wrapped) as PorchlightApi;
}
