/**
 * The first IPC calls go out when the first module is evaluated, and the app gets those very
 * answers (each once), while every later call reaches the preload API as before.
 */
import { describe, expect, it, vi } from 'vitest';

describe('early IPC calls', () => {
  it('sends progress, app info and settings at once and hands each answer over exactly once', async () => {
    const calls: string[] = [];
    const fn = (channel: string) => vi.fn(async (args: unknown) => (calls.push(`${channel} ${JSON.stringify(args)}`), { ok: true, value: `${channel}#${calls.length}` }));
    const api = Object.freeze({ 'progress:load': fn('progress:load'), 'app:info': fn('app:info'), 'settings:get': fn('settings:get'), 'checks:list': fn('checks:list') });
    vi.stubGlobal('porchlight', api);
    try {
      const { withEarlyAnswers, EARLY_CHANNELS } = await import('../../../renderer/early-ipc.js');
      // Sent on import, before anyone asked.
      expect(calls.map((c) => c.split(' ')[0]).sort()).toEqual([...EARLY_CHANNELS].sort());
      const wrapped = withEarlyAnswers(api as never) as unknown as Record<string, (a?: unknown) => Promise<{ value: string }>>;
      const first = await wrapped['app:info']!({});
      expect(first.value).toMatch(/^app:info#[1-3]$/);
      expect(calls).toHaveLength(3);
      // A second call, and calls with arguments or on other channels, go to the API.
      expect((await wrapped['app:info']!({})).value).toBe('app:info#4');
      expect((await wrapped['settings:get']!({ x: 1 })).value).toBe('settings:get#5');
      expect((await wrapped['checks:list']!({})).value).toBe('checks:list#6');
      // The early settings answer is still there for its first plain call.
      expect((await wrapped['settings:get']!()).value).toMatch(/^settings:get#[1-3]$/);
      // Another API object (a test double, a reload) is passed through untouched.
      const other = { 'app:info': vi.fn() };
      expect(withEarlyAnswers(other as never)).toBe(other);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
