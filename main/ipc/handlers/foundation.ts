import type { HandlersFor } from './types.js';
import { refuseGeneratedSecretChange } from '../../core/secrets/accounts.js';
import { foundationChannels } from '../channels/foundation.js';
import { toErrorInfo } from '../../core/errors.js';
import { ErrorInfoSchema } from '../channels/schema-helpers.js';
import type { Core } from '../../core/app-core.js';
import type { z } from 'zod';

type PartName = 'progress:load' | 'app:info' | 'settings:get';
type Part<C extends PartName> = { ok: true; value: z.output<(typeof foundationChannels)[C]['result']> } | { ok: false; error: ReturnType<typeof toErrorInfo> };

/**
 * One part of `app:start`, answered as its own channel would answer it: the handler's value when
 * it meets that channel's result schema, else the error (logged when it is Porchlight's own fault).
 */
async function part<C extends PartName>(core: Core, name: C): Promise<Part<C>> {
  try {
    const value = await (foundationHandlers[name] as (core: Core, args: object) => unknown)(core, {});
    const out = foundationChannels[name].result.safeParse(value);
    if (out.success) return { ok: true, value: out.data as Part<C> extends { ok: true; value: infer V } ? V : never };
    core.deps.log.error('handler result broke the contract', { channel: name, issue: out.error.issues[0]?.message });
    return { ok: false, error: toErrorInfo(null) };
  } catch (err) {
    const info = toErrorInfo(err);
    if (info.code === 'internal') core.deps.log.error('handler failed', { channel: name, error: (err as Error)?.message });
    return { ok: false, error: ErrorInfoSchema.safeParse(info).success ? info : toErrorInfo(null) };
  }
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
  'app:start': async (core) => {
    const [progress, info, settings] = [await part(core, 'progress:load'), await part(core, 'app:info'), await part(core, 'settings:get')];
    return { progress, info, settings };
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
