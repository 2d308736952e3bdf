/**
 * Proof beyond the router's word: the router's read-back AND, where this computer can see the
 * network, a Wi-Fi rescan (the same scanner port and security classification as the wizard's Wi-Fi
 * step). After a home-Wi-Fi mode change the network must be seen with the new mode (WPA3 → SAE
 * only; transition → SAE and PSK); after turning on the IoT network its name must be seen secured
 * with the mode asked for. A rescan that contradicts the router's answer is a failure with the
 * reason (applyWithProof then restores the previous values). Where no rescan is possible — no
 * scanner on this computer, a scan that cannot be read, or the network not in range — the proof
 * says it rests on the router's read-back only, in plain words; it never claims a rescan that did
 * not happen. A scan that cannot classify the network (unknown) neither confirms nor contradicts.
 */
import type { WifiReading } from '../ports.js';
import { msg, type Message } from '../messages/index.js';
import { classOfSsid, type WifiNetworkView, type WifiScanService, type WifiSecurityClass } from '../wifi/index.js';
import { readBackVerdict, type Proof } from './apply-with-proof.js';
import type { ApplyResult, DesiredState, RouterClient, RouterStatus } from './port.js';

export interface RescanOptions {
  /** The wizard's Wi-Fi scan (WifiScanService over the scanner port); null when this computer has none (then the proof is the read-back only, said so). */
  scanner: Pick<WifiScanService, 'scan'> | null;
  /** Scans before a contradiction is final (a radio takes a moment to beacon its new mode). Default 4. */
  attempts?: number;
  /** Wait between scans, ms. Default 4000. */
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** One Wi-Fi network whose mode a rescan can check: its name and the class it must be seen with. */
interface Expectation {
  ssid: string;
  want: WifiSecurityClass;
}

/** A security class in the owner's language (the catalog's words for the Wi-Fi step's classes, as a message in the message). */
const classWords = (c: WifiSecurityClass): Message => msg(`wifi.class.${c}`);

function expectations(s: RouterStatus, desired: DesiredState, result: ApplyResult): Expectation[] {
  const out: Expectation[] = [];
  for (const key of result.applied) {
    const cut = key.indexOf(':');
    const what = cut < 0 ? key : key.slice(0, cut);
    const id = cut < 0 ? undefined : key.slice(cut + 1);
    const net = s.wifi.known ? s.wifi.value.find((n) => n.id === id) : undefined;
    if (what === 'home-wifi.encryption' && net && desired.homeWifi) out.push({ ssid: net.ssid, want: desired.homeWifi.encryption });
    if (what === 'iot-wifi' && desired.iotWifi) out.push({ ssid: desired.iotWifi.ssid, want: desired.iotWifi.encryption });
  }
  // One expectation per name (a home network on two bands is one name).
  return out.filter((e, i) => out.findIndex((x) => x.ssid === e.ssid) === i);
}

type Seen = { kind: 'no-scan'; reason: Message } | { kind: 'scanned'; classOf: (ssid: string) => WifiSecurityClass | null };

async function scanOnce(scanner: Pick<WifiScanService, 'scan'>): Promise<Seen> {
  let r: WifiReading<WifiNetworkView[]>;
  try {
    r = await scanner.scan();
  } catch (err) {
    return { kind: 'no-scan', reason: msg('wifi.reading.scan-failed', { error: String((err as Error)?.message ?? err).slice(0, 1000) }) };
  }
  if (r.kind !== 'ok') return { kind: 'no-scan', reason: r.reason };
  const nets = r.value;
  return {
    kind: 'scanned',
    classOf: (ssid) => classOfSsid(nets, ssid)?.security ?? null,
  };
}

/**
 * The CLI's and app's proof: the read-back first (it must pass), then the rescan where possible.
 * `basis` lists what the verdict rests on, one message per Wi-Fi network checked or not checked.
 */
export function readBackAndRescanProof(client: Pick<RouterClient, 'readStatus'>, desired: DesiredState, o: RescanOptions): (result: ApplyResult) => Promise<Proof> {
  const attempts = Math.max(1, o.attempts ?? 4);
  const waitMs = o.waitMs ?? 4000;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async (result) => {
    const status = await client.readStatus();
    const rb = readBackVerdict(status, desired, result);
    if (!rb.ok) return rb;
    const want = expectations(status, desired, result);
    if (want.length === 0) return { ok: true, basis: [msg('router-api.rescan.read-back-only-nothing-to-scan', {})] };
    if (!o.scanner) return { ok: true, basis: [msg('router-api.rescan.no-scanner', {})] };
    const basis: Message[] = [];
    let pending = want;
    let last: Seen | null = null;
    for (let i = 0; i < attempts && pending.length > 0; i += 1) {
      if (i > 0) await sleep(waitMs);
      last = await scanOnce(o.scanner);
      // A scanner that cannot scan here (no Wi-Fi tool, no adapter) will not start to by waiting.
      if (last.kind === 'no-scan') break;
      const still: Expectation[] = [];
      for (const e of pending) {
        const c = last.classOf(e.ssid);
        if (c === e.want) basis.push(msg('router-api.rescan.seen', { ssid: e.ssid, mode: classWords(e.want) }));
        else still.push(e);
      }
      pending = still;
    }
    for (const e of pending) {
      if (!last || last.kind === 'no-scan') {
        basis.push(last ? msg('router-api.rescan.scan-unreadable', { ssid: e.ssid, reason: last.reason }) : msg('router-api.rescan.no-scanner', {}));
        continue;
      }
      const c = last.classOf(e.ssid);
      if (c === null) basis.push(msg('router-api.rescan.not-in-range', { ssid: e.ssid }));
      else if (c === 'unknown') basis.push(msg('router-api.rescan.class-unknown', { ssid: e.ssid }));
      else return { ok: false, reason: msg('router-api.rescan.contradicts', { ssid: e.ssid, seen: classWords(c), want: classWords(e.want) }), basis };
    }
    return { ok: true, basis };
  };
}
