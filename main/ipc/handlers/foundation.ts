import type { HandlersFor } from './types.js';
import { refuseGeneratedSecretChange } from '../../core/secrets/accounts.js';
import { foundationChannels } from '../channels/foundation.js';
import { answer } from '../answer.js';
import type { Core } from '../../core/app-core.js';
import type { z } from 'zod';

/** One part of `app:start`, answered exactly as its own channel (`name`, whose result schema is `result`) would answer it. */
function part<T>(core: Core, name: 'progress:load' | 'app:info' | 'settings:get', result: z.ZodType<T>) {
  return answer(core, name, () => (foundationHandlers[name] as (core: Core, args: object) => unknown)(core, {}), result);
}

/** Handlers of the foundation's channels. */
export const foundationHandlers: HandlersFor<typeof foundationChannels> = {
  'app:info': (core) => ({
    name: 'Porchlight',
    version: core.deps.version,
    platform: core.deps.platform,
    host: core.deps.host === 'cli' ? 'harness' : core.deps.host,
    notices: core.notices,
    // The computer's preferred languages as the host knows them (the renderer in browser mode uses the browser's own).
    languages: [...(core.deps.systemLanguages?.() ?? [])].slice(0, 32),
  }),
  'progress:load': (core) => {
    const doc = core.deps.progress.read();
    return { machineVersion: doc.machineVersion, snapshot: doc.snapshot, notice: null };
  },
  'app:start': async (core) => ({
    progress: await part(core, 'progress:load', foundationChannels['progress:load'].result),
    info: await part(core, 'app:info', foundationChannels['app:info'].result),
    settings: await part(core, 'settings:get', foundationChannels['settings:get'].result),
  }),
  'progress:save': (core, { machineVersion, snapshot }) => {
    const doc = core.deps.progress.read();
    const savedAt = core.deps.clock.now().toISOString();
    core.deps.progress.write({ ...doc, machineVersion, snapshot: snapshot ?? null, savedAt });
    return { savedAt };
  },
  'progress:reset': (core) => {
    const doc = core.deps.progress.read();
    core.deps.progress.write({ ...doc, machineVersion: null, snapshot: null, savedAt: null, checks: {} });
    return { reset: true as const };
  },
  'checks:list': (core) => core.checks.list(),
  'checks:confirm': (core, { id, status, note }) => core.checks.confirm(id, status, note),
  'checks:skip': (core, { id, reason }) => core.checks.skip(id, reason),
  // Generated secrets (Wi-Fi, router, device; current and previous) change only through their ask-first paths.
  'secrets:set': (core, { account, secret }) => {
    refuseGeneratedSecretChange(account, 'set');
    return core.secrets.put(account, secret);
  },
  'secrets:reveal': async (core, { account }) => ({ account, secret: await core.secrets.reveal(account) }),
  'secrets:delete': async (core, { account }) => {
    refuseGeneratedSecretChange(account, 'delete');
    return { deleted: await core.secrets.delete(account) };
  },
  'secrets:list': (core) => core.secrets.list(),
  'settings:get': (core) => core.deps.settings.read(),
  'settings:update': (core, patch) => {
    const next = { ...core.deps.settings.read(), ...patch };
    core.deps.settings.write(next);
    return next;
  },
  'shell:open-external': async (core, { url }) => {
    await core.openExternal(url);
    return { opened: true as const };
  },
};
