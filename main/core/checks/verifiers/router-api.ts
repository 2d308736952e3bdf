import { msg, type Message } from '../../messages/index.js';
import type { Fact, RouterStatus } from '../../router-api/index.js';
import type { CheckId, MeasuredCheck, Verifier, VerifyContext } from './types.js';

/**
 * The router's own answer as a port: its status through its local API (FRITZ!Box TR-064, …), or
 * null when the router has no supported API (or none is configured) — then each check keeps the
 * path it had (the owner's confirmation; the factory-password probe for router.admin-default).
 */
export interface RouterApiPort {
  status(ctx: VerifyContext): Promise<RouterStatus | null>;
}

/** The checks the router's own answer can verify. */
export type RouterApiCheck = Extract<CheckId, 'wifi.wps' | 'router.firmware' | 'router.remote-admin' | 'router.upnp' | 'router.admin-default'>;

const API_WORDS = { tr064: 'the FRITZ!Box app interface (TR-064)', ubus: 'the OpenWrt interface (ubus)', igd: 'UPnP (IGD)' } as const;

/** Where the answer came from, in words for the evidence: the API and the exact call. */
function sourceOf<T>(f: Extract<Fact<T>, { known: true }>): string {
  return `${API_WORDS[f.source.api]}: ${f.source.call}`;
}

/** The verdict of one check from a status, or null when the router did not tell (the old path then decides). */
export function routerApiVerdict(check: RouterApiCheck, s: RouterStatus): MeasuredCheck | null {
  const verdict = (status: MeasuredCheck['status'], reason: Message): MeasuredCheck => ({ status, reason });
  switch (check) {
    case 'wifi.wps': {
      const f = s.wps;
      if (!f.known) return null;
      return f.value.enabled ? verdict('fail', msg('router-api.verdict.wps-on', { source: sourceOf(f) })) : verdict('pass', msg('router-api.verdict.wps-off', { source: sourceOf(f) }));
    }
    case 'router.remote-admin': {
      const f = s.remoteAdmin;
      if (!f.known) return null;
      return f.value.enabled ? verdict('fail', msg('router-api.verdict.remote-admin-on', { source: sourceOf(f) })) : verdict('pass', msg('router-api.verdict.remote-admin-off', { source: sourceOf(f) }));
    }
    case 'router.upnp': {
      const f = s.upnp;
      if (!f.known) return null;
      if (!f.value.enabled) return verdict('pass', msg('router-api.verdict.upnp-off', { source: sourceOf(f) }));
      const n = f.value.portMappings?.length ?? null;
      return verdict('warn', msg('router-api.verdict.upnp-on', { source: sourceOf(f), count: n }));
    }
    case 'router.admin-default': {
      const f = s.adminPasswordDefault;
      if (!f.known) return null;
      return f.value.isDefault ? verdict('fail', msg('router-api.verdict.admin-default', { source: sourceOf(f) })) : verdict('pass', msg('router-api.verdict.admin-not-default', { source: sourceOf(f) }));
    }
    case 'router.firmware': {
      const f = s.firmware;
      if (!f.known) return null;
      const auto = f.value.autoUpdate === 'all' || f.value.autoUpdate === 'important';
      const p = { source: sourceOf(f), version: f.value.version };
      if (f.value.updateAvailable === false) return verdict('pass', msg('router-api.verdict.firmware-current', p));
      if (auto) return verdict('pass', msg('router-api.verdict.firmware-auto', p));
      if (f.value.updateAvailable === true) return verdict('fail', msg('router-api.verdict.firmware-update', p));
      return null;
    }
  }
}

/**
 * A check verified from the router's own answer when a supported router API answers (one reading
 * per run, shared by the five checks); otherwise `fallback` decides (null: the confirmation stands).
 */
export function routerApiVerifier(check: RouterApiCheck, router: RouterApiPort | null | undefined, fallback: Verifier | null): Verifier {
  return {
    // Without a router API this check measures only what its fallback measures (none: the confirmation stands).
    measures: Boolean(router) || Boolean(fallback?.measures),
    // Asking the router through its API is the welcome step's "ask the router" look; without one, the fallback's look.
    // With a router API, its fallback (the factory-password probe of router.admin-default) may run too: both looks must be allowed.
    ...(router
      ? { needs: 'routerIdentity' as const, ...(fallback?.measures && fallback.needs && fallback.needs !== 'routerIdentity' ? { alsoNeeds: [fallback.needs] } : {}) }
      : fallback?.needs
        ? { needs: fallback.needs }
        : {}),
    deadlineMs: Math.max(60_000, fallback?.deadlineMs ?? 0),
    async verify(ctx) {
      if (router) {
        const status = await ctx.once('router-api.status', () => router.status(ctx).catch(() => null));
        const v = status ? routerApiVerdict(check, status) : null;
        if (v) return v;
      }
      return fallback && fallback.measures ? fallback.verify(ctx) : null;
    },
  };
}
