import { classOfSsid, type WifiScanService } from '../../wifi/index.js';
import type { WifiSecurityClass } from '../../wifi/index.js';
import type { HomeModel } from '../../model/index.js';
import type { SurveyReport } from '../../network/index.js';
import { msg } from '../../messages/index.js';
import type { MeasuredCheck, Verifier, VerifyContext } from './types.js';

/** The classes an IoT network may have: WPA2 or better. */
export const SEGMENT_OK: readonly WifiSecurityClass[] = ['wpa2', 'wpa2-wpa3', 'wpa3', 'wpa2-enterprise', 'wpa3-enterprise'];

/** The ports of `network.iot-segment`: the OS Wi-Fi scan and the IoT network's name in the home model. */
export interface SegmentPorts {
  wifi: Pick<WifiScanService, 'scan'>;
  model: Pick<HomeModel, 'read'>;
}

/**
 * `network.iot-segment`: the IoT network the owner planned (its name is in the home model) is
 * visible in a Wi-Fi scan and secured with WPA2 or better. The segmentation step's "check now"
 * and the audit both call this.
 */
export function iotSegmentVerifier(p: SegmentPorts): Verifier {
  return {
    measures: true,
    needs: 'wifiScan',
    deadlineMs: 60_000,
    async verify(ctx): Promise<MeasuredCheck> {
      const ssid = p.model.read().answers.iotSsid;
      if (!ssid) return { status: 'unknown', reason: msg('segment.not-planned') };
      const scan = await ctx.once('wifi:scan', () => p.wifi.scan());
      if (scan.kind === 'unknown') return { status: 'unknown', reason: msg('segment.scan-unreadable', { error: scan.reason }) };
      const found = classOfSsid(scan.value, ssid);
      if (!found) return { status: 'fail', reason: msg('segment.not-visible', { ssid }), detail: msg('segment.networks-seen', { count: scan.value.length }) };
      if (found.security === 'unknown') return { status: 'unknown', reason: msg('segment.security-unreadable', { ssid }), detail: msg('segment.flags-seen', { flags: found.accessPoints.map((a) => a.seen).join('; ').slice(0, 1900) }) };
      if (SEGMENT_OK.includes(found.security)) return { status: 'pass', reason: msg('segment.secured', { ssid, security: found.security }), detail: msg('segment.access-points', { count: found.accessPoints.length }) };
      return { status: 'fail', reason: msg('segment.weak', { ssid, security: found.security }), detail: null };
    },
  };
}

/** A device marked to move that still answered from the main network. */
export interface StillSeen {
  id: string;
  name: string;
  ip: string | null;
  seenBy: string[];
}

/** The ports of `network.iot-isolated`: a survey of the main network (null when this host has none) and the home model. */
export interface IsolationPorts {
  survey: (() => Promise<SurveyReport>) | null;
  model: Pick<HomeModel, 'present'>;
}

/** `network.iot-isolated` with the devices still seen, for the step that lists them. */
export async function verifyIsolation(p: IsolationPorts, ctx: Pick<VerifyContext, 'once'>): Promise<MeasuredCheck & { stillSeen: StillSeen[]; moved: number }> {
  const marked = p.model.present().filter((d) => d.moveToIot);
  if (marked.length === 0) return { status: 'unknown', reason: msg('isolation.none-marked'), detail: null, stillSeen: [], moved: 0 };
  if (!p.survey) return { status: 'unknown', reason: NO_SURVEY_REASON, detail: null, stillSeen: [], moved: marked.length };
  const report = await ctx.once('survey', p.survey);
  const still = report.devices.filter((d) => d.moveToIot && d.seenBy.length > 0);
  const stillSeen = still.map((d) => ({ id: d.id, name: d.names[0] ?? d.vendor ?? d.ip ?? d.id, ip: d.ip, seenBy: [...d.seenBy] }));
  if (!still.length) return { status: 'pass', reason: msg('isolation.gone', { count: marked.length }), detail: null, stillSeen, moved: marked.length };
  return {
    status: 'fail',
    reason: msg('isolation.still-seen', { count: stillSeen.length, names: stillSeen.map((s) => s.name).join(', ').slice(0, 1900) }),
    detail: msg('isolation.seen-by', { list: stillSeen.map((s) => `${s.name}${s.ip ? ` (${s.ip})` : ''}: ${s.seenBy.join(', ')}`).join('; ').slice(0, 1900) }),
    stillSeen,
    moved: marked.length,
  };
}

/** Why a survey-based check reads unknown when this run has no network scope. */
export const NO_SURVEY_REASON = msg('survey.no-scope');

/** `network.iot-isolated`: every device the owner marked to move is gone from the main network. */
export function iotIsolatedVerifier(p: IsolationPorts): Verifier {
  return {
    measures: true,
    needs: 'deviceDiscovery',
    deadlineMs: 120_000,
    async verify(ctx) {
      const { status, reason, detail } = await verifyIsolation(p, ctx);
      return { status, reason, detail };
    },
  };
}
