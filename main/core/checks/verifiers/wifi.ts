import { classOfSsid, type WifiScanService } from '../../wifi/index.js';
import { CLASS_LABELS, ENCRYPTION_STATUS } from '../../wifi/index.js';
import type { Verifier } from './types.js';

/** wifi.encryption's verdict per class (one table, shared with the Wi-Fi step's check). */
const VERDICT = ENCRYPTION_STATUS;

/** The Wi-Fi scan this verifier reads. */
export type WifiPort = Pick<WifiScanService, 'scan' | 'status'>;

/**
 * `wifi.encryption` from the OS Wi-Fi scan: the class of the network this computer is connected
 * to, over all of its access points in range (the weakest one counts). Not connected, no adapter
 * or an unreadable scan → unknown with the reason.
 */
export function wifiEncryptionVerifier(wifi: WifiPort): Verifier {
  return {
    measures: true,
    deadlineMs: 60_000,
    async verify(ctx) {
      const current = await ctx.once('wifi:status', () => wifi.status());
      if (current.kind === 'unknown') return { status: 'unknown', reason: current.reason };
      if (!current.value) return { status: 'unknown', reason: 'this computer is not connected to a Wi-Fi network, so the home network could not be scanned' };
      const ssid = current.value.ssid;
      const scan = await ctx.once('wifi:scan', () => wifi.scan());
      const seen = scan.kind === 'ok' ? classOfSsid(scan.value, ssid) : null;
      const security = seen?.security ?? current.value.security;
      const status = VERDICT[security];
      const name = ssid === '' ? 'the hidden home network' : `"${ssid}"`;
      const reason =
        status === 'unknown'
          ? `the security of ${name} could not be read (${current.value.seen || 'no flags'})`
          : `${name} uses ${CLASS_LABELS[security]}${seen && seen.accessPoints.length > 1 ? ` (${seen.accessPoints.length} access points)` : ''}`;
      return { status, reason, detail: `seen: ${(seen?.accessPoints.map((a) => a.seen) ?? [current.value.seen]).join(' | ')}`.slice(0, 4000) };
    },
  };
}
