import type { ScannedNetwork, WifiAkm, WifiCipher, WifiSecurityFacts } from '../../core/ports.js';
import { frequencyOf, type Band } from './radio.js';

/** A netsh reading: networks, or the reason netsh could not give them. */
export type NetshParse = { ok: true; networks: ScannedNetwork[] } | { ok: false; reason: string };

const AUTH: Record<string, { akms: WifiAkm[]; wpa1?: boolean; wep?: boolean }> = {
  Open: { akms: [] },
  Shared: { akms: [], wep: true },
  'WPA-Personal': { akms: ['psk'], wpa1: true },
  'WPA-Enterprise': { akms: ['8021x'], wpa1: true },
  'WPA2-Personal': { akms: ['psk'] },
  'WPA2-Enterprise': { akms: ['8021x'] },
  'WPA3-Personal': { akms: ['sae'] },
  'WPA3-Enterprise': { akms: ['wpa3-eap'] },
  'WPA3-Enterprise 192 Bits': { akms: ['suite-b-192'] },
  OWE: { akms: ['owe'] },
};
const CIPHER: Record<string, WifiCipher | null> = { None: null, WEP: 'wep', TKIP: 'tkip', CCMP: 'ccmp', GCMP: 'gcmp', 'GCMP-256': 'gcmp', 'CCMP-256': 'ccmp' };

/** Security facts from netsh's Authentication and Encryption/Cipher values (English Windows). */
export function netshSecurityFacts(authentication: string, encryption: string): WifiSecurityFacts {
  const unrecognized: string[] = [];
  const auth = AUTH[authentication];
  if (!auth) unrecognized.push(`authentication:${authentication}`);
  const ciphers: WifiCipher[] = [];
  for (const token of encryption.split(/[\s,]+/).filter(Boolean)) {
    if (!(token in CIPHER)) unrecognized.push(`encryption:${token}`);
    else if (CIPHER[token]) ciphers.push(CIPHER[token]);
  }
  const wep = (auth?.wep ?? false) || (authentication === 'Open' && ciphers.includes('wep'));
  return { wep, wpa1: auth?.wpa1 ?? false, akms: auth?.akms ?? [], ciphers, unrecognized, raw: `Authentication=${authentication} Encryption=${encryption}` };
}

/** Messages netsh prints instead of a listing, mapped to reasons a homeowner can act on. */
const NETSH_PROBLEMS: [RegExp, string][] = [
  [/no wireless interface/i, 'This computer has no Wi-Fi adapter (netsh found no wireless interface).'],
  [/wlansvc\)? is not running|AutoConfig Service/i, 'The Windows WLAN AutoConfig service is not running, so Windows cannot list Wi-Fi networks.'],
  [/location permission/i, 'Windows needs Location permission before it lists Wi-Fi networks (Settings → Privacy & security → Location).'],
];

function problemIn(stdout: string): string | null {
  for (const [re, reason] of NETSH_PROBLEMS) if (re.test(stdout)) return reason;
  return null;
}

function keyValue(line: string): [string, string] | null {
  const m = /^\s*(.+?)\s+:(?: (.*))?$/.exec(line);
  return m ? [m[1]!.trim(), (m[2] ?? '').replace(/\s+$/, '')] : null;
}

function bandOf(v: string | undefined): Band | null {
  if (!v) return null;
  if (v.startsWith('2.4')) return '2.4';
  if (v.startsWith('5')) return '5';
  if (v.startsWith('6')) return '6';
  return null;
}

interface Block {
  ssid: string;
  authentication: string;
  encryption: string;
  bss: Record<string, string>[];
}

/**
 * Parses `netsh wlan show networks mode=bssid` (English): one network per BSSID, hidden SSIDs kept
 * with an empty name. Limitation (written down, not hidden): netsh gives one Authentication per
 * SSID — the method Windows itself would use — and no RSN flags, so a WPA2/WPA3 transition network
 * can appear as "WPA3-Personal" on a WPA3-capable PC. On Windows a `wpa3` result therefore cannot
 * rule out transition mode; nmcli (per-BSS RSN flags) can.
 */
export function parseNetshNetworks(stdout: string, current: { bssid: string | null; ssid: string | null } | null = null): NetshParse {
  const problem = problemIn(stdout);
  if (problem) return { ok: false, reason: problem };
  const text = stdout.replace(/\r/g, '');
  if (!/^Interface name\s*:/m.test(text)) {
    return { ok: false, reason: 'netsh answered in a form Porchlight cannot read (it reads the English output of "netsh wlan show networks mode=bssid").' };
  }
  const blocks: Block[] = [];
  let block: Block | null = null;
  let bss: Record<string, string> | null = null;
  for (const line of text.split('\n')) {
    const kv = keyValue(line);
    if (!kv) continue;
    const [key, value] = kv;
    if (/^SSID \d+$/.test(key)) {
      block = { ssid: value, authentication: '', encryption: '', bss: [] };
      blocks.push(block);
      bss = null;
    } else if (!block) {
      continue;
    } else if (/^BSSID \d+$/.test(key)) {
      bss = { BSSID: value };
      block.bss.push(bss);
    } else if (key === 'Authentication') {
      block.authentication = value;
    } else if (key === 'Encryption') {
      block.encryption = value;
    } else if (bss) {
      bss[key] = value;
    }
  }
  const networks: ScannedNetwork[] = [];
  for (const b of blocks) {
    const security = netshSecurityFacts(b.authentication, b.encryption);
    for (const x of b.bss) {
      const channel = x.Channel && /^\d+$/.test(x.Channel) ? Number(x.Channel) : null;
      const sig = x.Signal ? /^(\d+)%$/.exec(x.Signal) : null;
      const bssid = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(x.BSSID ?? '') ? x.BSSID!.toUpperCase() : null;
      networks.push({
        ssid: b.ssid,
        bssid,
        signal: sig ? Math.min(100, Number(sig[1])) : null,
        channel,
        frequency: frequencyOf(channel, bandOf(x.Band)),
        active: current !== null && bssid !== null && current.bssid === bssid,
        security,
      });
    }
  }
  return { ok: true, networks };
}

/** Parses `netsh wlan show interfaces`: the connected network of the first Wi-Fi interface, or null when disconnected. */
export function parseNetshInterfaces(stdout: string): { ok: true; network: ScannedNetwork | null } | { ok: false; reason: string } {
  const problem = problemIn(stdout);
  if (problem) return { ok: false, reason: problem };
  const fields: Record<string, string> = {};
  for (const line of stdout.replace(/\r/g, '').split('\n')) {
    const kv = keyValue(line);
    if (kv && !(kv[0] in fields)) fields[kv[0]] = kv[1];
  }
  if (!('State' in fields)) return { ok: false, reason: 'netsh answered in a form Porchlight cannot read (it reads the English output of "netsh wlan show interfaces").' };
  if (fields.State !== 'connected') return { ok: true, network: null };
  const bssidRaw = fields['AP BSSID'] ?? fields.BSSID ?? '';
  const channel = /^\d+$/.test(fields.Channel ?? '') ? Number(fields.Channel) : null;
  const sig = /^(\d+)%$/.exec(fields.Signal ?? '');
  return {
    ok: true,
    network: {
      ssid: fields.SSID ?? '',
      bssid: /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(bssidRaw) ? bssidRaw.toUpperCase() : null,
      signal: sig ? Number(sig[1]) : null,
      channel,
      frequency: frequencyOf(channel, bandOf(fields.Band)),
      active: true,
      security: netshSecurityFacts(fields.Authentication ?? '', fields.Cipher ?? ''),
    },
  };
}
