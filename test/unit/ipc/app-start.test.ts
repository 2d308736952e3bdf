/**
 * `app:start`: the renderer's first call, answering saved progress, app info and settings at once.
 * Each part is answered as its own channel answers it, and refused on its own: one unreadable
 * file must not cost the other two answers (the wizard still opens in the chosen language).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch, type SenderInfo } from '../../../main/ipc/register.js';
import { foundationHandlers } from '../../../main/ipc/handlers/foundation.js';
import { storageTroubleError } from '../../../main/core/store/storage-trouble.js';
import { fakeCore } from '../../support/fakes.js';

const APP = 'app://porchlight';
const opts = { allowedOrigins: [APP] };
const good: SenderInfo = { origin: APP, isMainFrame: true };

afterEach(() => vi.restoreAllMocks());

describe('app:start', () => {
  it("answers each part exactly as the part's own channel does", async () => {
    const { core } = fakeCore();
    core.deps.progress.write({ ...core.deps.progress.read(), machineVersion: 3, snapshot: { value: { flow: 'wifi' } } });
    core.deps.settings.write({ ...core.deps.settings.read(), theme: 'dark', language: 'de' });
    const start = await dispatch(core, 'app:start', {}, good, opts);
    expect(start.ok).toBe(true);
    const parts = (start.ok ? start.value : null) as Record<'progress' | 'info' | 'settings', unknown> | null;
    expect(parts?.progress).toEqual(await dispatch(core, 'progress:load', {}, good, opts));
    expect(parts?.info).toEqual(await dispatch(core, 'app:info', {}, good, opts));
    expect(parts?.settings).toEqual(await dispatch(core, 'settings:get', {}, good, opts));
    expect(parts?.progress).toMatchObject({ ok: true, value: { machineVersion: 3, snapshot: { value: { flow: 'wifi' } } } });
    expect(parts?.settings).toMatchObject({ ok: true, value: { theme: 'dark', language: 'de' } });
  });

  it('refuses only the part that failed, with the error its own channel would give', async () => {
    const { core } = fakeCore();
    vi.spyOn(core.deps.progress, 'read').mockImplementation(() => {
      throw storageTroubleError(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' }), '/home/me/.config/Porchlight', 'progress');
    });
    const start = await dispatch(core, 'app:start', {}, good, opts);
    const alone = await dispatch(core, 'progress:load', {}, good, opts);
    expect(alone).toMatchObject({ ok: false, error: { code: 'storage-unavailable' } });
    expect(start).toMatchObject({ ok: true, value: { progress: alone, info: { ok: true }, settings: { ok: true, value: { theme: 'system' } } } });
  });

  it('refuses a part whose answer breaks its contract, and says nothing more of it; a crash is logged', async () => {
    const { core, log } = fakeCore();
    vi.spyOn(foundationHandlers, 'app:info').mockReturnValue({ name: 'x' } as never);
    vi.spyOn(core.deps.settings, 'read').mockImplementation(() => {
      throw new Error('EIO: settings.json');
    });
    const start = await dispatch(core, 'app:start', {}, good, opts);
    expect(start).toMatchObject({
      ok: true,
      value: { progress: { ok: true }, info: { ok: false, error: { code: 'internal' } }, settings: { ok: false, error: { code: 'internal', userMessage: { code: 'error.unexpected' } } } },
    });
    expect(JSON.stringify(start)).not.toContain('EIO');
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', data: expect.objectContaining({ channel: 'settings:get' }) }));
  });
});
