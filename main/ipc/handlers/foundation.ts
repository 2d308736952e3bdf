import type { HandlersFor } from './types.js';
import { refuseGeneratedSecretChange } from '../../core/secrets/accounts.js';
import type { foundationChannels } from '../channels/foundation.js';

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
