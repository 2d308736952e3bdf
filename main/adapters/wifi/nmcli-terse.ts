import type { ScannedNetwork, WifiAkm, WifiCipher, WifiSecurityFacts } from '../../core/ports.js';

/** The fields node-wifi asks nmcli for (node-wifi 2.0.16, src/linux/scan/command.js), in order. */
export const NODE_WIFI_NMCLI_FIELDS = ['active', 'ssid', 'bssid', 'mode', 'chan', 'freq', 'signal', 'security', 'wpa-flags', 'rsn-flags'] as const;

/**
 * Splits one line of `nmcli --terse` output into fields. nmcli escapes `:` as `\:` and `\` as
 * `\\` inside values (src/nmcli/utils.c), so a value is read character by character: this keeps
 * SSIDs such as `a:b`, `C:\net` or `x&&y` intact, which node-wifi's own parsers do not.
 * Returns null for a line that ends inside an escape (malformed).
 */
export function splitTerseLine(line: string): string[] | null {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\') {
      if (i + 1 >= line.length) return null;
      current += line[++i]!;
    } else if (ch === ':') {
      fields.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  fields.push(current);
  return fields;
}

const FLAG_AKM: Record<string, WifiAkm> = { psk: 'psk', sae: 'sae', '802.1X': '8021x', 'wpa-eap-suite-b-192': 'suite-b-192', owe: 'owe' };
const FLAG_CIPHER: Record<string, WifiCipher> = {
  pair_wpe40: 'wep',
  pair_wpe104: 'wep',
  group_wpe40: 'wep',
  group_wpe104: 'wep',
  pair_wep40: 'wep',
  pair_wep104: 'wep',
  group_wep40: 'wep',
  group_wep104: 'wep',
  pair_tkip: 'tkip',
  group_tkip: 'tkip',
  pair_ccmp: 'ccmp',
  group_ccmp: 'ccmp',
};
const SECURITY_TOKENS = new Set(['', 'WEP', 'WPA1', 'WPA2', 'WPA3', 'OWE', 'OWE-TM', '802.1X', 'WPA-EAP-SUITE-B-192', '--']);

function flagTokens(value: string): string[] {
  const v = value.trim();
  return v === '' || v === '(none)' || v === '--' ? [] : v.split(/\s+/);
}

/**
 * Security facts from nmcli's SECURITY, WPA-FLAGS and RSN-FLAGS columns (C locale). nmcli prints
 * one `owe` flag for both OWE and OWE transition; the transition BSS is the open one, so `owe`
 * with no cipher (or SECURITY `OWE-TM` on newer nmcli) means transition.
 */
export function nmcliSecurityFacts(security: string, wpaFlags: string, rsnFlags: string): WifiSecurityFacts {
  const secTokens = security.trim() === '' ? [] : security.trim().split(/\s+/);
  const wpa = flagTokens(wpaFlags);
  const rsn = flagTokens(rsnFlags);
  const akms = new Set<WifiAkm>();
  const ciphers = new Set<WifiCipher>();
  const unrecognized: string[] = [];
  for (const t of secTokens) if (!SECURITY_TOKENS.has(t)) unrecognized.push(`security:${t}`);
  for (const t of [...wpa, ...rsn]) {
    if (FLAG_AKM[t]) akms.add(FLAG_AKM[t]);
    else if (FLAG_CIPHER[t]) ciphers.add(FLAG_CIPHER[t]);
    else unrecognized.push(`flag:${t}`);
  }
  if (akms.has('owe') && (secTokens.includes('OWE-TM') || !rsn.some((t) => t.startsWith('pair_')))) {
    akms.delete('owe');
    akms.add('owe-transition');
  }
  const wep = secTokens.includes('WEP');
  return {
    wep,
    wpa1: wpa.length > 0 || secTokens.includes('WPA1'),
    akms: [...akms],
    ciphers: [...ciphers],
    unrecognized,
    raw: `security=${security || '(empty)'} wpa-flags=${wpaFlags} rsn-flags=${rsnFlags}`,
  };
}

const BSSID = /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/;

/** The outcome of reading a whole terse listing: the networks plus how many lines were unreadable. */
export interface TerseParse {
  networks: ScannedNetwork[];
  malformed: number;
  lines: number;
}

function intOrNull(s: string): number | null {
  const m = /^\s*(\d+)/.exec(s);
  return m ? Number(m[1]) : null;
}

/** Parses `nmcli --terse --fields <NODE_WIFI_NMCLI_FIELDS> device wifi list` output losslessly. */
export function parseNmcliWifiList(stdout: string): TerseParse {
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  const networks: ScannedNetwork[] = [];
  let malformed = 0;
  for (const line of lines) {
    const f = splitTerseLine(line.replace(/\r$/, ''));
    if (!f || f.length !== NODE_WIFI_NMCLI_FIELDS.length) {
      malformed++;
      continue;
    }
    const [active, ssid, bssid, , chan, freq, signal, security, wpaFlags, rsnFlags] = f as [string, string, string, string, string, string, string, string, string, string];
    if ((active !== 'yes' && active !== 'no') || !BSSID.test(bssid)) {
      malformed++;
      continue;
    }
    const sig = intOrNull(signal);
    networks.push({
      ssid,
      bssid: bssid.toUpperCase(),
      signal: sig === null ? null : Math.min(100, sig),
      channel: intOrNull(chan),
      frequency: intOrNull(freq),
      active: active === 'yes',
      security: nmcliSecurityFacts(security, wpaFlags, rsnFlags),
    });
  }
  return { networks, malformed, lines: lines.length };
}

/** Parses `nmcli --terse --fields TYPE,STATE device`: the Wi-Fi devices and their states. */
export function parseNmcliDevices(stdout: string): { type: string; state: string }[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => splitTerseLine(l) ?? [])
    .filter((f) => f.length >= 2)
    .map((f) => ({ type: f[0]!, state: f[1]! }));
}
