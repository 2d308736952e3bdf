/**
 * Asks the gateway who it is, without logging in: TR-064 description, HNAP GetDeviceSettings and
 * the admin page banner, each under its own deadline. Every failure becomes evidence with a reason.
 */
import type { HttpFetcher } from '../ports.js';
import { withDeadline, probeFailure } from '../network/index.js';
import { PorchlightError } from '../errors.js';
import { msg } from '../messages/index.js';
import { parseDeviceDescription } from './upnp-description.js';
import { parseHnapDeviceSettings } from './hnap.js';
import { loadHtmlParser, readHttpBanner } from './http-banner.js';
import { failedEvidence, fromDescription, fromHnap, fromHttpBanner, type RouterEvidence } from './identify-router.js';

/** Where each source lives on the gateway (ports are configurable so the lab can move them). */
export interface RouterProbeTargets {
  tr064Url: string;
  hnapUrl: string;
  adminUrl: string;
}

/** The standard locations: TR-064 on :49000, HNAP and the admin page on :80. */
export function standardRouterTargets(gateway: string): RouterProbeTargets {
  return {
    tr064Url: `http://${gateway}:49000/tr64desc.xml`,
    hnapUrl: `http://${gateway}/HNAP1/`,
    adminUrl: `http://${gateway}/`,
  };
}

async function fetchText(http: HttpFetcher, url: string, deadlineMs: number, headers?: Record<string, string>) {
  const r = await withDeadline(http.request(url, { deadlineMs, headers, maxBytes: 256 * 1024 }), deadlineMs + 250);
  if (r.timedOut) throw new PorchlightError('timeout', 'error.no-answer', { address: new URL(url).host, count: Math.round(deadlineMs / 100) / 10 });
  return r.value;
}

/** Runs the three direct probes in parallel; resolves within deadlineMs (+ a small margin). */
export async function probeRouterDirect(http: HttpFetcher, t: RouterProbeTargets, deadlineMs: number, knownVendors: string[]): Promise<RouterEvidence[]> {
  const tr064 = (async (): Promise<RouterEvidence> => {
    try {
      const r = await fetchText(http, t.tr064Url, deadlineMs);
      if (r.status !== 200) return failedEvidence('tr064', t.tr064Url, msg('survey.probe.http-status', { status: r.status }));
      const d = parseDeviceDescription(r.body);
      return d.ok ? fromDescription('tr064', t.tr064Url, d.value) : failedEvidence('tr064', t.tr064Url, d.reason);
    } catch (err) {
      return failedEvidence('tr064', t.tr064Url, probeFailure(err));
    }
  })();
  const hnap = (async (): Promise<RouterEvidence> => {
    try {
      const r = await fetchText(http, t.hnapUrl, deadlineMs, { SOAPAction: '"http://purenetworks.com/HNAP1/GetDeviceSettings"' });
      if (r.status !== 200) return failedEvidence('hnap', t.hnapUrl, msg('survey.probe.http-status', { status: r.status }));
      const h = parseHnapDeviceSettings(r.body);
      return h.ok ? fromHnap(t.hnapUrl, h.value) : failedEvidence('hnap', t.hnapUrl, h.reason);
    } catch (err) {
      return failedEvidence('hnap', t.hnapUrl, probeFailure(err));
    }
  })();
  const admin = (async (): Promise<RouterEvidence> => {
    try {
      const r = await fetchText(http, t.adminUrl, deadlineMs);
      await loadHtmlParser();
      const banner = readHttpBanner(r.headers, r.body);
      if (!banner.server && !banner.title) return failedEvidence('http', t.adminUrl, msg('router.evidence.no-banner', { status: r.status }));
      return fromHttpBanner(t.adminUrl, banner, knownVendors);
    } catch (err) {
      return failedEvidence('http', t.adminUrl, probeFailure(err));
    }
  })();
  return Promise.all([tr064, hnap, admin]);
}
