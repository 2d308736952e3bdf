/**
 * Evidence about "updates itself" from outside the home model, for the known-vulnerabilities view:
 *  - the router's own answer (FRITZ!Box TR-064, OpenWrt ubus) about automatic updates, remembered
 *    from the latest reading the router checks made in this process (Porchlight never reads the
 *    router for this alone: the reading is the one the owner allowed for the router checks);
 *  - the owner's answer in the updates step ("updates itself automatically").
 */
import type { DeviceFactSources } from './assess.js';

type Mode = 'off' | 'notify' | 'important' | 'all' | 'unknown';
interface StatusLike {
  firmware: { known: true; value: { autoUpdate: Mode } } | { known: false };
}

let latest: { host: string | null; mode: Mode; at: string } | null = null;

/** Wraps a router-API port so each reading's automatic-update answer is remembered (nothing else is kept; no secret is in it). */
export function rememberRouterAutoUpdate<C extends { scope: { gateway: string | null } }, S extends StatusLike>(
  port: { status(ctx: C): Promise<S | null> },
  now: () => Date = () => new Date(),
): { status(ctx: C): Promise<S | null> } {
  return {
    async status(ctx) {
      const s = await port.status(ctx);
      if (s) latest = s.firmware.known ? { host: ctx.scope.gateway, mode: s.firmware.value.autoUpdate, at: now().toISOString() } : null;
      return s;
    },
  };
}

/** The remembered answer for the router at `host` (null: none read in this process, or another router). */
export function routerAutoUpdateFor(host: string | null): { mode: Mode; at: string } | null {
  return latest && host !== null && latest.host === host ? { mode: latest.mode, at: latest.at } : null;
}

/** Forgets the remembered answer (tests). */
export function forgetRouterAutoUpdate(): void {
  latest = null;
}

/** A firmware-confirmation reader for `assessHome`: devices.firmware per device, router.firmware for the router. */
export function factSources(
  confirmations: { get(checkId: 'devices.firmware' | 'router.firmware', subject: string): { answer: Record<string, unknown>; confirmedAt: string; expired?: boolean } | null | undefined } | null,
  routerHost: string | null,
): DeviceFactSources {
  return {
    firmwareAnswer: (subject) => {
      const c = confirmations?.get(subject === 'router' ? 'router.firmware' : 'devices.firmware', subject) ?? null;
      const a = c?.answer['answer'];
      // An expired answer no longer counts (as for the checks themselves).
      return c && !c.expired && typeof a === 'string' ? { answer: a, at: c.confirmedAt } : null;
    },
    routerAutoUpdate: () => routerAutoUpdateFor(routerHost),
  };
}
