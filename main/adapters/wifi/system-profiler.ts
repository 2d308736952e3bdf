import type { ScannedNetwork, WifiAkm, WifiSecurityFacts } from '../../core/ports.js';
import type { Message } from '../../core/messages/index.js';
import { lightMsg } from '../../core/light-message.js';
import { frequencyOf, qualityFromDbm, type Band } from './radio.js';

/** What `system_profiler SPAirPortDataType -json` tells: the networks in range and the current one. */
export type ProfilerParse =
  | { ok: true; networks: ScannedNetwork[]; current: ScannedNetwork | null; currentRedacted: boolean; redacted: number }
  | { ok: false; reason: Message };

const MODES: Record<string, { akms: WifiAkm[]; wpa1?: boolean; wep?: boolean }> = {
  none: { akms: [] },
  wep: { akms: [], wep: true },
  wpa_personal: { akms: ['psk'], wpa1: true },
  wpa_personal_mixed: { akms: ['psk'], wpa1: true },
  wpa2_personal: { akms: ['psk'] },
  wpa3_personal: { akms: ['sae'] },
  wpa3_transition: { akms: ['psk', 'sae'] },
  wpa_enterprise: { akms: ['8021x'], wpa1: true },
  wpa_enterprise_mixed: { akms: ['8021x'], wpa1: true },
  wpa2_enterprise: { akms: ['8021x'] },
  wpa3_enterprise: { akms: ['wpa3-eap'] },
  owe: { akms: ['owe'] },
  owe_transition: { akms: ['owe-transition'] },
};

/**
 * Security facts from macOS's `spairport_security_mode_*` value. Unknown modes — including
 * `wpa2_personal_mixed`, which does not say what is mixed in — stay unrecognized, so the core
 * answers `unknown` instead of guessing. Some macOS builds drop the leading `s` of the prefix.
 */
export function profilerSecurityFacts(mode: unknown): WifiSecurityFacts {
  const raw = typeof mode === 'string' ? mode : String(mode);
  const key = raw.replace(/^s?pairport_security_mode_/, '');
  const m = Object.prototype.hasOwnProperty.call(MODES, key) ? MODES[key] : undefined;
  return {
    wep: m?.wep ?? false,
    wpa1: m?.wpa1 ?? false,
    akms: m?.akms ?? [],
    ciphers: [],
    unrecognized: m ? [] : [`security_mode:${raw}`],
    raw: `spairport_security_mode=${raw}`,
  };
}

function channelOf(v: unknown): { channel: number | null; band: Band | null } {
  if (typeof v === 'number') return { channel: v, band: null };
  if (typeof v !== 'string') return { channel: null, band: null };
  const m = /^(\d+)(?:\s*\((2|5|6)GHz)?/.exec(v);
  if (!m) return { channel: null, band: null };
  const band = m[2] === '2' ? '2.4' : (m[2] as Band | undefined) ?? null;
  return { channel: Number(m[1]), band };
}

function signalOf(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = /^(-?\d+)\s*dBm/.exec(v);
  return m ? qualityFromDbm(Number(m[1])) : null;
}

const REDACTED = '<redacted>';

/**
 * macOS's redaction as a message (macOS 14.4 and later hide Wi-Fi names from apps without
 * Location Services permission, and the `airport` tool that did not is gone): `hidden` networks
 * were seen without their names; `all` when none was left to show. The steps to allow it travel
 * as a message of their own (the `steps` param), so they can be shown as instructions.
 */
export function macLocationAdvice(hidden: number, all: boolean): Message {
  const steps = lightMsg('wifi.reading.steps.mac-location');
  return all ? lightMsg('wifi.reading.mac-all-names-hidden', { steps }) : lightMsg('wifi.reading.mac-names-hidden', { count: hidden, steps });
}

function toNetwork(entry: Record<string, unknown>, active: boolean): ScannedNetwork {
  const { channel, band } = channelOf(entry.spairport_network_channel);
  const bssid = typeof entry.spairport_network_bssid === 'string' && /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(entry.spairport_network_bssid) ? entry.spairport_network_bssid.toUpperCase() : null;
  return {
    ssid: typeof entry._name === 'string' ? entry._name : '',
    bssid,
    signal: signalOf(entry.spairport_signal_noise),
    channel,
    frequency: frequencyOf(channel, band),
    active,
    security: profilerSecurityFacts(entry.spairport_security_mode),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  ['_name', 'spairport_network_channel', 'spairport_security_mode'].every((k) => a[k] === b[k]);

/**
 * Parses `system_profiler SPAirPortDataType -json` (macOS 14.4 and later have no `airport` tool).
 * JSON, not the text form: its keys and `spairport_*` values are the same in every macOS language,
 * while the text form is written for people in the system language ("Security: WPA2 Personal").
 * Tested on real output from macOS 10.15, 12 and 15 (test/fixtures/wifi/README.md).
 * macOS gives no BSSIDs here and redacts names to `<redacted>` when the app lacks Location
 * Services permission; redacted names are counted, never shown as real networks.
 */
export function parseSystemProfiler(stdout: string): ProfilerParse {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return { ok: false, reason: lightMsg('wifi.reading.profiler-not-json') };
  }
  const root = isObject(doc) && Array.isArray(doc.SPAirPortDataType) ? doc.SPAirPortDataType : null;
  if (!root) return { ok: false, reason: lightMsg('wifi.reading.profiler-no-section') };
  const interfaces = root
    .filter(isObject)
    .flatMap((r) => (Array.isArray(r.spairport_airport_interfaces) ? r.spairport_airport_interfaces.filter(isObject) : []))
    .filter((i) => typeof i._name === 'string' && /^en\d+$/.test(i._name));
  if (interfaces.length === 0) return { ok: false, reason: lightMsg('wifi.reading.mac-no-adapter') };
  const iface = interfaces.find((i) => i.spairport_status_information !== 'spairport_status_off') ?? interfaces[0]!;
  if (iface.spairport_status_information === 'spairport_status_off') return { ok: false, reason: lightMsg('wifi.reading.mac-wifi-off') };
  // Connected, macOS lists the rest as "other_local"; disassociated, the same list is "local" (macOS 15).
  const others = [iface.spairport_airport_other_local_wireless_networks, iface.spairport_airport_local_wireless_networks].flatMap((l) =>
    Array.isArray(l) ? l.filter(isObject) : [],
  );
  let redacted = 0;
  const networks: ScannedNetwork[] = [];
  const currentRaw = isObject(iface.spairport_current_network_information) ? iface.spairport_current_network_information : null;
  const currentRedacted = currentRaw?._name === REDACTED;
  const current = currentRaw && !currentRedacted ? toNetwork(currentRaw, true) : null;
  if (current) networks.push(current);
  for (const o of others) {
    // The connected network is often listed again among the others: the same entry twice is one network.
    if (currentRaw && same(o, currentRaw)) continue;
    if (o._name === REDACTED) redacted++;
    else networks.push(toNetwork(o, false));
  }
  return { ok: true, networks, current, currentRedacted, redacted };
}
