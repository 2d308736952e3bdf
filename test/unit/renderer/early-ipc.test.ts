/**
 * The first IPC calls go out when the first module is evaluated, and the app gets those very
 * answers (each once), while every later call reaches the preload API as before.
 */
import { describe, expect, it, vi } from 'vitest';

describe('early IPC calls', () => {
  it('sends the start call at once and hands its answer over exactly once', async () => {
    const calls: string[] = [];
    const fn = (channel: string) => vi.fn(async (args: unknown) => (calls.push(`${channel} ${JSON.stringify(args)}`), { ok: true, value: `${channel}#${calls.length}` }));
    const api = Object.freeze({ 'app:start': fn('app:start'), 'app:info': fn('app:info'), 'checks:list': fn('checks:list') });
    vi.stubGlobal('porchlight', api);
    try {
      const { withEarlyAnswers, EARLY_CHANNELS } = await import('../../../renderer/early-ipc.js');
      // One call, sent on import, before anyone asked: saved progress, app info and settings together.
      expect(EARLY_CHANNELS).toEqual(['app:start']);
      expect(calls).toEqual(['app:start {}']);
      const wrapped = withEarlyAnswers(api as never) as unknown as Record<string, (a?: unknown) => Promise<{ value: string }>>;
      // Calls with arguments or on other channels go to the API.
      expect((await wrapped['app:info']!({})).value).toBe('app:info#2');
      expect((await wrapped['app:start']!({ x: 1 })).value).toBe('app:start#3');
      // The early answer is still there for its first plain call, and only for that one.
      expect((await wrapped['app:start']!({})).value).toBe('app:start#1');
      expect((await wrapped['app:start']!()).value).toBe('app:start#4');
      expect((await wrapped['checks:list']!({})).value).toBe('checks:list#5');
      // Another API object (a test double, a reload) is passed through untouched.
      const other = { 'app:info': vi.fn() };
      expect(withEarlyAnswers(other as never)).toBe(other);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
