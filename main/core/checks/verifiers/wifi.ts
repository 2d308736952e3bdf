import { classOfSsid, type WifiScanService } from '../../wifi/index.js';
import { ENCRYPTION_STATUS } from '../../wifi/index.js';
import { msg } from '../../messages/index.js';
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
    needs: 'wifiScan',
    deadlineMs: 60_000,
    async verify(ctx) {
      const current = await ctx.once('wifi:status', () => wifi.status());
      if (current.kind === 'unknown') return { status: 'unknown', reason: msg('wifi.encryption.no-reading', { error: current.reason }) };
      if (!current.value) return { status: 'unknown', reason: msg('wifi.encryption.not-connected') };
      const ssid = current.value.ssid;
      const scan = await ctx.once('wifi:scan', () => wifi.scan());
      const seen = scan.kind === 'ok' ? classOfSsid(scan.value, ssid) : null;
      const security = seen?.security ?? current.value.security;
      const status = VERDICT[security];
      const hidden = ssid === '';
      const count = seen ? seen.accessPoints.length : 1;
      const reason =
        status === 'unknown'
          ? hidden
            ? msg('wifi.encryption.unreadable-hidden', { flags: current.value.seen || '—' })
            : msg('wifi.encryption.unreadable', { ssid, flags: current.value.seen || '—' })
          : hidden
            ? msg('wifi.encryption.uses-hidden', { security, count })
            : msg('wifi.encryption.uses', { ssid, security, count });
      // The scanner's raw flag strings ("rsn-flags=pair_ccmp …") are no words for a homeowner: no detail line.
      return { status, reason, detail: null };
    },
  };
}
