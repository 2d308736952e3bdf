import type { HomeModel } from '../model/index.js';
import { classOfSsid, type WifiNetworkView } from './scan-service.js';

/** Keeps the networks a scan saw in the home model: one entry per name, classed over all its access points. */
export function recordNetworksSeen(model: Pick<HomeModel, 'recordNetworks'>, networks: readonly WifiNetworkView[]): void {
  const names = [...new Set(networks.map((n) => n.ssid).filter((s) => s !== '' && Buffer.byteLength(s, 'utf8') <= 32))].slice(0, 64);
  model.recordNetworks(names.map((ssid) => ({ ssid, security: classOfSsid(networks, ssid)!.security })));
}
