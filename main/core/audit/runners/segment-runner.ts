import type { Core } from '../../app-core.js';
import type { AuditRunner, MeasuredCheck, RunnerOutcome } from '../runners.js';
import { classOfSsid } from '../../wifi/scan-service.js';
import { CLASS_LABELS } from '../../wifi/security.js';
import { SEGMENT_OK } from '../../network/segmentation.js';

/**
 * The IoT network's name as the user chose it in the segmentation step: the wizard keeps it as
 * the non-secret answer `segmentation.iotSsid` in its saved progress. Read defensively — any other
 * shape means "not chosen yet".
 */
export function chosenIotSsid(snapshot: unknown): string | null {
  const ctx = (snapshot as { context?: { answers?: { segmentation?: { iotSsid?: unknown } } } } | null)?.context;
  const ssid = ctx?.answers?.segmentation?.iotSsid;
  return typeof ssid === 'string' && ssid.length > 0 && ssid.length <= 32 ? ssid : null;
}

/**
 * `network.iot-segment` from the OS Wi-Fi scan: the IoT network the user planned is visible and
 * secured with WPA2 or better (the same rule as the segmentation step's verification).
 */
export function segmentRunner(core: Core): AuditRunner {
  return {
    name: 'IoT network scan',
    checkIds: ['network.iot-segment'],
    deadlineMs: 60_000,
    async run(): Promise<RunnerOutcome> {
      const result = (m: MeasuredCheck): RunnerOutcome => ({ results: { 'network.iot-segment': m } });
      const ssid = chosenIotSsid(core.deps.progress.read().snapshot);
      if (!ssid) return result({ status: 'unknown', reason: 'no IoT network has been planned yet (Segmentation step)' });
      const scan = await core.wifi.scan();
      if (scan.kind === 'unknown') return result({ status: 'unknown', reason: `the Wi-Fi scan could not be read: ${scan.reason}` });
      const found = classOfSsid(scan.value, ssid);
      if (!found) return result({ status: 'fail', reason: `the IoT network "${ssid}" is not visible in a Wi-Fi scan from this computer`, detail: `${scan.value.length} networks were seen` });
      if (found.security === 'unknown') return result({ status: 'unknown', reason: `"${ssid}" is visible but its security could not be read` });
      if (SEGMENT_OK.includes(found.security)) return result({ status: 'pass', reason: `"${ssid}" is visible with ${CLASS_LABELS[found.security]}` });
      return result({ status: 'fail', reason: `"${ssid}" uses ${CLASS_LABELS[found.security]}; the IoT network needs WPA2 or better` });
    },
  };
}
