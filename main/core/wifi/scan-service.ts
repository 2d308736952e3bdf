import type { ScannedNetwork, WifiReading, WifiScanner } from '../ports.js';
import { lightMsg } from '../light-message.js';
import { classifySecurity, combineClasses, type WifiSecurityClass } from './security.js';

/** One access point as the CLI and the step show it: the port's facts reduced to a class. */
export interface WifiNetworkView {
  ssid: string;
  bssid: string | null;
  security: WifiSecurityClass;
  signal: number | null;
  channel: number | null;
  frequency: number | null;
  active: boolean;
  /** The platform's own words, so the class can be checked by a person. */
  seen: string;
}

/** Reduces a scanned access point to its view. */
export function toView(n: ScannedNetwork): WifiNetworkView {
  return {
    ssid: n.ssid,
    bssid: n.bssid,
    security: classifySecurity(n.security),
    signal: n.signal,
    channel: n.channel,
    frequency: n.frequency,
    active: n.active,
    seen: n.security.raw,
  };
}

/** The class of one SSID across all its access points, with what was seen; null when the SSID is not in range. */
export function classOfSsid(networks: readonly WifiNetworkView[], ssid: string): { security: WifiSecurityClass; accessPoints: WifiNetworkView[] } | null {
  const aps = networks.filter((n) => n.ssid === ssid);
  if (aps.length === 0) return null;
  return { security: combineClasses(aps.map((a) => a.security)), accessPoints: aps };
}

/** No scanner was wired (the browser preview, a host without one); lightMsg because `wifi scan --json` loads no zod. */
const noScanner = (): WifiReading<never> => ({ kind: 'unknown', reason: lightMsg('wifi.reading.no-scanner') });

/**
 * Scans and classifies through the WifiScanner port. Never turns a failed or unreadable scan into
 * an empty list: the caller always gets networks or `unknown` with the reason.
 */
export class WifiScanService {
  constructor(private readonly scanner: WifiScanner | undefined) {}

  async scan(): Promise<WifiReading<WifiNetworkView[]>> {
    if (!this.scanner) return noScanner();
    const r = await this.scanner.scan();
    return r.kind === 'ok' ? { kind: 'ok', value: r.value.map(toView), notes: r.notes } : r;
  }

  async status(): Promise<WifiReading<WifiNetworkView | null>> {
    if (!this.scanner) return noScanner();
    const r = await this.scanner.current();
    return r.kind === 'ok' ? { kind: 'ok', value: r.value ? toView(r.value) : null, notes: r.notes } : r;
  }
}
