import type { WifiReading } from '../ports.js';
import { ENCRYPTION_STATUS, type WifiSecurityClass } from './security.js';
import { classOfSsid, type WifiNetworkView } from './scan-service.js';
import { msg, type Message } from '../messages/index.js';

/** Progress of one verification, reported after every scan. */
export interface VerifyProgress {
  attempt: number;
  elapsedMs: number;
  timeoutMs: number;
  /** What the last scan showed for the SSID, as a message (the renderer and the CLI put it into words); null before the first scan. */
  lastSeen: Message | null;
}

/** The verdict for the `wifi.encryption` check. */
export interface VerifyVerdict {
  status: 'pass' | 'warn' | 'fail' | 'unknown';
  security: WifiSecurityClass | null;
  reason: Message;
  detail: Message | null;
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

/** What the last scan showed for the SSID, as a message (the verdict's detail). */
function seenMessage(ssid: string, seen: { security: WifiSecurityClass; accessPoints: WifiNetworkView[] }): Message {
  // Each access point by its address and the flags it showed (the combined class is the `security` term).
  const list = seen.accessPoints.map((a) => `${a.bssid ?? '—'}: ${a.seen}`).join('; ');
  return msg('wifi.verify.seen', { ssid, security: seen.security, count: seen.accessPoints.length, list: list.slice(0, 1900) });
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
  let lastUnknown: Message | null = null;
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
      lastSeen: lastUnknown
        ? msg('wifi.verify.progress-unreadable', { error: lastUnknown })
        : last
          ? seenMessage(o.ssid, last)
          : msg('wifi.verify.progress-not-in-range', { ssid: o.ssid }),
    });
    const done = last && (last.security === 'wpa3' || last.security === 'wpa3-enterprise' || (o.target === 'transition' && last.security === 'wpa2-wpa3'));
    if (done || elapsedMs >= o.timeoutMs || o.isCancelled?.()) break;
    await o.sleep(Math.min(o.intervalMs, Math.max(0, o.timeoutMs - elapsedMs)));
  }
  const seconds = Math.round((o.now() - start) / 1000);
  if (!last) {
    const reason = lastUnknown
      ? msg('wifi.verify.scan-unreadable', { error: lastUnknown })
      : msg('wifi.verify.not-seen', { ssid: o.ssid, count: attempt, seconds });
    return { status: 'unknown', security: null, reason, detail: null };
  }
  const detail = seenMessage(o.ssid, last);
  if (last.security === 'wpa3' || last.security === 'wpa3-enterprise') {
    return { status: 'pass', security: last.security, reason: msg('wifi.verify.wpa3-only', { ssid: o.ssid }), detail };
  }
  if (last.security === 'wpa2-wpa3') {
    return {
      status: 'warn',
      security: last.security,
      reason: o.legacyDevices?.length
        ? msg('wifi.verify.transition-kept', { ssid: o.ssid, devices: o.legacyDevices.join(', ').slice(0, 1900) })
        : msg('wifi.verify.transition', { ssid: o.ssid }),
      detail,
    };
  }
  // Not the target: the check takes the catalog's status for what is there (WPA2 is a warning, WEP/open a failure).
  return { status: ENCRYPTION_STATUS[last.security], security: last.security, reason: msg('wifi.verify.still-weak', { ssid: o.ssid, seconds, security: last.security }), detail };
}
