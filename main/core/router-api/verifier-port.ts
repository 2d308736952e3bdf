/**
 * The router's own answer for the verifiers (wifi.wps, router.firmware, router.remote-admin,
 * router.upnp, router.admin-default): the router on the consented gateway is chosen the same way as
 * everywhere (chooseRouterClient: FRITZ!Box TR-064 first, then OpenWrt ubus over HTTPS) and read
 * only when the owner set up a login for it, so an audit never tries a login nobody set up:
 * - FRITZ!Box: the password saved as `router/admin` AND the router user name remembered for it
 *   (FRITZ!OS 7.24+ needs a user name; there is no default one to guess).
 * - OpenWrt: the password saved as `router/admin`; the user is the one remembered for the router,
 *   else `root` (the only user a stock OpenWrt has, and the one LuCI logs in as).
 * An OpenWrt with an apply still recorded as waiting for its proof (a run killed between apply and
 * confirm) is not read: its configuration may be about to be undone, so the reading could not be
 * trusted; the next `porchlight router` run resolves and reports it. The audit never changes
 * anything on the router (no rollback, no confirm, no secret written).
 * Otherwise null: the checks keep their confirmation/probe path.
 */
import type { Clock, DocumentStore, HttpFetcher, SecretStore } from '../ports.js';
import { PorchlightError } from '../errors.js';
import { secretAccountName } from '../secrets/index.js';
import { chooseRouterClient } from './choose.js';
import { LoginGuard } from './login-guard.js';
import type { PendingApplyDoc } from './openwrt/pending-apply.js';
import type { RouterStatus } from './port.js';
import type { RouterPinStore, RouterTransport } from './transport.js';

export interface RouterReadDeps {
  transport: RouterTransport;
  secrets: Pick<SecretStore, 'get'>;
  pins: RouterPinStore;
  /** The run's attempt ledger, shared with the factory-password probes. */
  ledger: { take(host: string): boolean };
  clock?: Clock;
  /** The OpenWrt pending-apply record (profile `router-pending`): a waiting apply makes the reading untrustworthy. */
  pending?: DocumentStore<PendingApplyDoc>;
  /** Plain HTTP, only to tell "OpenWrt without HTTPS" from "no OpenWrt" (never for a login). */
  http?: HttpFetcher;
  ports?: { tr064Http?: number; tr064Tls?: number; ubusTls?: number };
}

export function routerReadPort(d: RouterReadDeps): { status(ctx: { scope: { gateway: string | null } }): Promise<RouterStatus | null> } {
  const guard = new LoginGuard(d.ledger);
  // Reading never writes a secret.
  const secrets = { get: (a: string) => d.secrets.get(a), set: () => Promise.reject(new PorchlightError('refused', 'error.audit-changes-nothing')) };
  return {
    async status(ctx) {
      const host = ctx.scope.gateway;
      if (!host) return null;
      if (!(await d.secrets.get(secretAccountName({ kind: 'router' })))) return null;
      const choice = await chooseRouterClient({
        host,
        transport: d.transport,
        secrets,
        pins: d.pins,
        guard,
        clock: d.clock ?? { now: () => new Date() },
        ...(d.pending ? { pending: d.pending } : {}),
        ...(d.ports ? { ports: d.ports } : {}),
        linkSsid: async () => null,
      });
      if (choice.kind === 'fritzbox') return d.pins.userName(host) ? choice.client.readStatus() : null;
      if (choice.kind === 'openwrt') {
        if (d.pending?.read().pending?.router === host) return null;
        return choice.client.readStatus();
      }
      return null;
    },
  };
}
