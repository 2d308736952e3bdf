import type { HandlersFor } from './types.js';
import type { passwordsChannels } from '../channels/passwords.js';
import type { Core } from '../../core/app-core.js';
import type { PasswordTarget } from '../../core/credentials/credential-service.js';

const DEVICE_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const checkIdOf = (t: PasswordTarget) => (t.kind === 'router' ? 'router.admin-default' : 'devices.default-passwords');
const outcome = (core: Core, t: PasswordTarget) => {
  const v = core.checks.get(checkIdOf(t));
  return { id: v.id, status: v.status, reason: v.reason };
};

/** Handlers of the passwords step; every probe goes through the core's safe prober and records its check. */
export const passwordsHandlers: HandlersFor<typeof passwordsChannels> = {
  'passwords:vendors': (core) =>
    core.credentials.data().vendors.map((v) => ({ id: v.id, name: v.name, kind: v.kind, login: v.login, uniquePerDevice: v.uniquePerDevice, note: v.note ?? null })),
  'passwords:targets': (core) => {
    const survey = core.survey?.service;
    // the router as the home model knows it: the same after a reload as right after the survey
    const router = core.model.read().router;
    const vendorId = (name: string | null | undefined) => core.credentials.vendor(name)?.id ?? null;
    const gateway = router?.address ?? null;
    const devices = (survey?.inventory() ?? [])
      .filter((d) => d.ip !== null && d.ip !== gateway && DEVICE_ID.test(d.id))
      .map((d) => ({
        id: d.id,
        name: (d.names[0] ?? d.model ?? d.vendor ?? d.ip ?? d.id).slice(0, 80),
        ip: d.ip!,
        vendorId: vendorId(d.vendor),
        category: String(d.category),
        web: d.services.some((s) => /http|_https?\._tcp|web/i.test(s)),
      }));
    return { gateway, routerVendorId: vendorId(router?.identity?.vendor), devices };
  },
  'passwords:probe': async (core, { target, host, https, vendor, consent }) => {
    const report = await core.credentials.probe(target, { host, https, vendor, consent });
    return { report, check: outcome(core, target) };
  },
  'passwords:generate': async (core, { target, keep }) => {
    const g = await core.credentials.generate(target, keep);
    return { account: g.account, previousAccount: g.previousAccount, previousKept: g.previousKept, discarded: g.discarded, password: g.password, length: g.length, score: g.score, stored: g.stored.stored, error: g.stored.stored ? null : g.stored.error };
  },
  'passwords:saved': (core, { target }) => core.credentials.savedPasswords(target),
  'passwords:discard-previous': (core, { target }) => core.credentials.discardPreviousPassword(target),
  'passwords:confirm-new': async (core, { host, https, vendor, username, consent }) => {
    const c = await core.credentials.confirmRouterPassword({ host, https, vendor, username, consent });
    return { ...c, saved: await core.credentials.savedPasswords({ kind: 'router' }) };
  },
  'passwords:reverify': async (core, { target, host, https, vendor, consent }) => {
    const report = await core.credentials.reverify(target, { host, https, vendor, consent });
    return { report, check: outcome(core, target), passed: report.result === 'default-rejected' };
  },
};
