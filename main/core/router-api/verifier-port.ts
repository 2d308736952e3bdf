/**
 * The router's own answer for the verifiers (wifi.wps, router.firmware, router.remote-admin,
 * router.upnp, router.admin-default): a FRITZ!Box on the consented gateway is read over TR-064 —
 * only when the owner saved its password (`router/admin`) and its user name, so an audit never
 * tries a login nobody set up. Otherwise null: the checks keep their confirmation/probe path.
 */
import type { SecretStore } from '../ports.js';
import { secretAccountName } from '../secrets/index.js';
import { FritzboxClient } from './fritzbox/fritzbox-client.js';
import { LoginGuard } from './login-guard.js';
import type { RouterStatus } from './port.js';
import type { RouterPinStore, RouterTransport } from './transport.js';

export interface RouterReadDeps {
  transport: RouterTransport;
  secrets: Pick<SecretStore, 'get'>;
  pins: RouterPinStore;
  /** The run's attempt ledger, shared with the factory-password probes. */
  ledger: { take(host: string): boolean };
}

export function routerReadPort(d: RouterReadDeps): { status(ctx: { scope: { gateway: string | null } }): Promise<RouterStatus | null> } {
  const guard = new LoginGuard(d.ledger);
  return {
    async status(ctx) {
      const host = ctx.scope.gateway;
      if (!host || !d.pins.userName(host)) return null;
      if (!(await d.secrets.get(secretAccountName({ kind: 'router' })))) return null;
      const client = new FritzboxClient({ host, transport: d.transport, secrets: d.secrets, pins: d.pins, guard, linkSsid: async () => null });
      if (!(await client.identify())) return null;
      return client.readStatus();
    },
  };
}
