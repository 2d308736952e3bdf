/**
 * The one place that decides which RouterClient speaks to a router: a FRITZ!Box first (TR-064's
 * tr64desc.xml names AVM, no login), then OpenWrt (rpcd's `/ubus` answers on the null session over
 * HTTPS, no login), otherwise none, with the reason in plain words. Used by the CLI, the app's
 * router service and the audit's router read, so all three choose the same way.
 *
 * OpenWrt is spoken only over HTTPS (uhttpd's self-signed certificate pinned on first use): its
 * login sends the password, and a password never travels unencrypted. An OpenWrt that answers
 * only over plain HTTP is reported as such ("turn on HTTPS"), not used.
 */
import type { Clock, DocumentStore, HttpFetcher, SecretStore } from '../ports.js';
import { PorchlightError } from '../errors.js';
import { msg, type Message } from '../messages/index.js';
import { FritzboxClient } from './fritzbox/fritzbox-client.js';
import type { LoginGuard } from './login-guard.js';
import { OpenWrtRouterClient } from './openwrt/adapter.js';
import { NO_PENDING_APPLY, type PendingApplyDoc } from './openwrt/pending-apply.js';
import type { RouterPinStore, RouterTransport } from './transport.js';

/** The profile document an OpenWrt apply waiting for its proof is recorded in (no secret). */
export const ROUTER_PENDING_DOCUMENT = 'router-pending';

/** The user OpenWrt is logged in as when no other was remembered for the router (rpcd's default ACL user). */
export const OPENWRT_DEFAULT_USER = 'root';

export interface ChooseRouterDeps {
  /** The router's address (the consented gateway). */
  host: string;
  transport: RouterTransport;
  secrets: Pick<SecretStore, 'get' | 'set'>;
  pins: RouterPinStore;
  guard: LoginGuard;
  clock: Clock;
  /** Where an OpenWrt apply waiting for its proof is recorded (profile document `router-pending`); absent = in memory only. */
  pending?: DocumentStore<PendingApplyDoc>;
  /**
   * The Wi-Fi network this computer reaches the router through: its name, null (cable or another
   * network), or undefined when it cannot be told (then a FRITZ!Box refuses every Wi-Fi change).
   */
  linkSsid: () => Promise<string | null | undefined>;
  onConfirmOnDevice?: (methods: string, waitSeconds: number) => void;
  /** Ports (labs and unusual set-ups); defaults: FRITZ!Box 49000 / 49443, OpenWrt HTTPS 443. */
  ports?: { tr064Http?: number; tr064Tls?: number; ubusTls?: number; ubusHttp?: number };
  /** Seconds an OpenWrt waits for the confirm before it undoes an apply by itself (rpcd's default 60). */
  openwrtApplyTimeoutSeconds?: number;
  /** A plain-HTTP fetcher, used only to tell "OpenWrt without HTTPS" apart from "no OpenWrt" (never for a login). */
  http?: HttpFetcher;
}

export type RouterChoice =
  | { kind: 'fritzbox'; client: FritzboxClient; identity: { vendor: string; model: string | null; firmware: string | null } }
  | { kind: 'openwrt'; client: OpenWrtRouterClient; identity: { vendor: string; model: string | null; firmware: string | null } }
  | { kind: 'unsupported'; client: null; reason: Message };

/** A pending-apply store in memory (hosts without a profile). */
export function memoryPendingStore(): DocumentStore<PendingApplyDoc> {
  let doc: PendingApplyDoc = NO_PENDING_APPLY;
  return { read: () => doc, write: (v) => void (doc = v), notices: [] };
}

/** An HttpFetcher that refuses everything: the OpenWrt client is used over HTTPS only. */
const NO_PLAIN_HTTP: HttpFetcher = {
  request: () => Promise.reject(new PorchlightError('refused', 'error.openwrt-https-only')),
  connects: () => Promise.resolve(false),
};

/** The OpenWrt client for `host` over HTTPS, user remembered for the router or `root`. */
export function openWrtClientFor(d: ChooseRouterDeps): OpenWrtRouterClient {
  return new OpenWrtRouterClient({
    http: NO_PLAIN_HTTP,
    secrets: d.secrets,
    clock: d.clock,
    pending: d.pending ?? memoryPendingStore(),
    host: d.host,
    tls: { transport: d.transport, pins: d.pins, port: d.ports?.ubusTls ?? 443 },
    username: d.pins.userName(d.host) ?? OPENWRT_DEFAULT_USER,
    guard: d.guard,
    ...(d.openwrtApplyTimeoutSeconds ? { applyTimeoutSeconds: d.openwrtApplyTimeoutSeconds } : {}),
    // OpenWrt undoes an apply by itself when the confirm cannot arrive, so an unknown link is no reason to refuse.
    linkSsid: async () => (await d.linkSsid()) ?? null,
  });
}

/** The FRITZ!Box client for `host` (user name remembered for the router). */
export function fritzboxClientFor(d: ChooseRouterDeps): FritzboxClient {
  return new FritzboxClient({
    host: d.host,
    transport: d.transport,
    secrets: d.secrets,
    pins: d.pins,
    guard: d.guard,
    linkSsid: d.linkSsid,
    ...(d.ports?.tr064Http ? { httpPort: d.ports.tr064Http } : {}),
    ...(d.ports?.tr064Tls ? { tlsPort: d.ports.tr064Tls } : {}),
    ...(d.onConfirmOnDevice ? { onConfirmOnDevice: d.onConfirmOnDevice } : {}),
  });
}

/**
 * Asks the router, without logging in, which API it speaks: FRITZ!Box (TR-064) first, then OpenWrt
 * (ubus over HTTPS). Never throws for "not this kind"; a changed certificate on the OpenWrt check
 * is reported as the reason (nothing was sent).
 */
export async function chooseRouterClient(d: ChooseRouterDeps): Promise<RouterChoice> {
  const fritz = fritzboxClientFor(d);
  const fid = await fritz.identify().catch(() => null);
  if (fid) return { kind: 'fritzbox', client: fritz, identity: fid };
  const owrt = openWrtClientFor(d);
  let oid: Awaited<ReturnType<OpenWrtRouterClient['identify']>> = null;
  try {
    oid = await owrt.identify();
  } catch (err) {
    const e = err as { kind?: string; detail?: Message };
    if (e.kind === 'tls-certificate-changed' && e.detail) return { kind: 'unsupported', client: null, reason: e.detail };
  }
  if (oid) return { kind: 'openwrt', client: owrt, identity: oid };
  if (d.http && (await plainOnlyOpenWrt(d.http, d.host, d.ports?.ubusHttp ?? 80))) {
    return { kind: 'unsupported', client: null, reason: msg('router-api.choose.openwrt-no-https', { host: d.host }) };
  }
  return { kind: 'unsupported', client: null, reason: msg('router-api.choose.none', { host: d.host }) };
}

/** True when `/ubus` answers JSON-RPC over plain HTTP (no password is sent: the null session's `session access`). */
async function plainOnlyOpenWrt(http: HttpFetcher, host: string, port: number): Promise<boolean> {
  try {
    const a = await http.request(`http://${host}:${port}/ubus`, {
      deadlineMs: 3000,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'call', params: ['00000000000000000000000000000000', 'session', 'access', {}] }),
      maxBytes: 4096,
    });
    return /"jsonrpc"\s*:\s*"2\.0"/.test(a.body);
  } catch {
    return false;
  }
}
