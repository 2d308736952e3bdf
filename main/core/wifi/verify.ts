import type { WifiReading } from '../ports.js';
import { CLASS_LABELS, ENCRYPTION_STATUS, type WifiSecurityClass } from './security.js';
import { classOfSsid, type WifiNetworkView } from './scan-service.js';

/** Progress of one verification, reported after every scan. */
export interface VerifyProgress {
  attempt: number;
  elapsedMs: number;
  timeoutMs: number;
  /** What the last scan showed for the SSID, in plain words; null before the first scan. */
  lastSeen: string | null;
}

/** The verdict for the `wifi.encryption` check. */
export interface VerifyVerdict {
  status: 'pass' | 'warn' | 'fail' | 'unknown';
  security: WifiSecurityClass | null;
  reason: string;
  detail: string | null;
}

export interface VerifyOptions {
  ssid: string;
  /** What the user set the router to: WPA3-only, or transition because some devices need WPA2. */
  target: 'wpa3' | 'transition';
  timeoutMs: number;
  intervalMs: number;
  /** Devices the user said cannot join WPA3-only (named in the warning). */
  legacyDevices?: string[];
  scan: () => Promise<WifiReading<WifiNetworkView[]>>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onProgress?: (p: VerifyProgress) => void;
  isCancelled?: () => boolean;
}

function describe(ssid: string, seen: { security: WifiSecurityClass; accessPoints: WifiNetworkView[] }): string {
  const aps = seen.accessPoints.map((a) => `${a.bssid ?? 'access point'}: ${CLASS_LABELS[a.security]} (${a.seen})`).join('; ');
  return `"${ssid}" shows ${CLASS_LABELS[seen.security]} on ${seen.accessPoints.length} access point(s) — ${aps}`;
}

/**
 * Rescans until the SSID shows SAE only (WPA3) or the deadline passes, then judges what was seen
 * last: wpa3 → pass; transition → warn with the reason; anything else → fail with what was seen;
 * SSID never seen or scans unreadable → unknown with the reason. Only a measurement decides.
 */
export async function verifyEncryption(o: VerifyOptions): Promise<VerifyVerdict> {
  const start = o.now();
  let attempt = 0;
  let last: { security: WifiSecurityClass; accessPoints: WifiNetworkView[] } | null = null;
  let lastUnknown: string | null = null;
  for (;;) {
    attempt++;
    const r = await o.scan();
    if (r.kind === 'ok') {
      lastUnknown = null;
      last = classOfSsid(r.value, o.ssid);
    } else {
      lastUnknown = r.reason;
    }
    const elapsedMs = o.now() - start;
    o.onProgress?.({
      attempt,
      elapsedMs,
      timeoutMs: o.timeoutMs,
      lastSeen: lastUnknown ? `scan unreadable: ${lastUnknown}` : last ? describe(o.ssid, last) : `"${o.ssid}" not in range`,
    });
    const done = last && (last.security === 'wpa3' || last.security === 'wpa3-enterprise' || (o.target === 'transition' && last.security === 'wpa2-wpa3'));
    if (done || elapsedMs >= o.timeoutMs || o.isCancelled?.()) break;
    await o.sleep(Math.min(o.intervalMs, Math.max(0, o.timeoutMs - elapsedMs)));
  }
  const seconds = Math.round((o.now() - start) / 1000);
  if (!last) {
    const reason = lastUnknown
      ? `The Wi-Fi scan could not be read: ${lastUnknown}`
      : `"${o.ssid}" was not seen in ${attempt} scan(s) over ${seconds} s. If you renamed the network, verify the new name.`;
    return { status: 'unknown', security: null, reason, detail: null };
  }
  const detail = describe(o.ssid, last);
  if (last.security === 'wpa3' || last.security === 'wpa3-enterprise') {
    return { status: 'pass', security: last.security, reason: `"${o.ssid}" accepts only WPA3 (SAE) on every access point Porchlight can see.`, detail };
  }
  if (last.security === 'wpa2-wpa3') {
    const who = o.legacyDevices?.length ? ` You kept WPA2 for: ${o.legacyDevices.join(', ')}.` : '';
    return {
      status: 'warn',
      security: last.security,
      reason: `"${o.ssid}" is in WPA2/WPA3 transition mode: WPA3 devices use SAE, but an attacker can still attack the WPA2 side.${who} Switch to WPA3-only once those devices are replaced or moved to a separate network.`,
      detail,
    };
  }
  // Not the target: the check takes the catalog's status for what is there (WPA2 is a warning, WEP/open a failure).
  return { status: ENCRYPTION_STATUS[last.security], security: last.security, reason: `After ${seconds} s "${o.ssid}" still shows ${CLASS_LABELS[last.security]}, not WPA3 (SAE).`, detail };
}
