import type { ScannedNetwork, WifiAkm, WifiCipher, WifiSecurityFacts } from '../../core/ports.js';
import type { Message } from '../../core/messages/index.js';
import { lightMsg } from '../../core/light-message.js';
import { frequencyOf, type Band } from './radio.js';

/*
 * Windows: `netsh wlan show networks mode=bssid` and `netsh wlan show interfaces`, in any display
 * language.
 *
 * Why netsh and not the Windows Runtime Wi-Fi API through PowerShell: netsh ships on every Windows
 * since Vista and answers in about a second, while WinRT from Windows PowerShell 5.1 needs an
 * async bridge, a cold PowerShell start of several seconds, and its output could not be checked
 * here against any real capture (this project has no Windows machine; netsh output in six
 * languages is published by other projects — see test/fixtures/wifi/README.md). netsh translates
 * its labels *and* some values, but its structure does not change with the language:
 *
 *  - every network starts with an untranslated `SSID <n> : <name>` line, every access point with
 *    `BSSID <n> : <mac>`;
 *  - between them come, in this order, Network type, Authentication and Encryption;
 *  - under a BSSID: Signal (the only `NN%` value), Radio type (`802.11…`), Band (`2,4 GHz`), Channel.
 *
 * So structure is read by shape and order, and only the two security values (plus a few labels,
 * used to cross-check the order) go through per-language tables. French writes a no-break space
 * (U+00A0 or U+202F) before the colon; Italian sometimes none at all.
 *
 * Rule table — what a network's Authentication / Encryption become (see also security.ts):
 *
 *   Authentication (any language)             → facts              → class
 *   Open / Offen / Abierta / Ouvrir / Aperta / Aberta / Abrir (+ Encryption None) → no AKM → open
 *   Open + Encryption WEP, or Shared / Freigegeben / Compartida / Partagée … → WEP     → wep
 *   WPA-Personal  (Persönlich, Personnel, Personale, Persoonlijk, Pessoal)  → psk+wpa1 → wpa
 *   WPA2-Personal                                                           → psk      → wpa2
 *   WPA3-Personal (also "WPA3-Personal (H2E)")                              → sae      → wpa3
 *   WPA-/WPA2-Enterprise (Unternehmen, Empresa, Entreprise, Aziendale …)    → 802.1X   → wpa / wpa2-enterprise
 *   WPA3-Enterprise                                                         → wpa3-eap → wpa3-enterprise
 *   WPA3-Enterprise 192 Bit(s)                                              → suite-b  → wpa3-enterprise
 *   OWE                                                                     → owe      → owe
 *   Encryption TKIP anywhere                                                → tkip     → wpa
 *   anything else, a missing line, or a label in an unknown language with an unknown value
 *                                                                           → unrecognized → unknown
 */

/** A netsh reading: networks, or the reason netsh could not give them. */
export type NetshParse = { ok: true; networks: ScannedNetwork[] } | { ok: false; reason: Message; permission?: 'location' };

/**
 * Windows 11 24H2 and later refuse to list Wi-Fi networks without the Location permission: what
 * happened, with the steps to allow it as a message of their own (the `steps` param).
 */
export function windowsLocationAdvice(): Message {
  return lightMsg('wifi.reading.windows-location', { steps: lightMsg('wifi.reading.steps.windows-location') });
}

/** Lower-cases and folds accents so "Autenticación" and "Autenticacion", "État" and "Etat" compare equal. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (...list: string[]) => new Set(list.map(fold));

/** Authentication "open" in English, German, Spanish, French, Italian, Dutch and Portuguese. */
const OPEN = words('Open', 'Openen', 'Offen', 'Abierta', 'Abierto', 'Ouvrir', 'Ouvert', 'Ouverte', 'Aperta', 'Aperto', 'Aberta', 'Aberto', 'Abrir');
/** Authentication "shared" (WEP shared key). */
const SHARED = words('Shared', 'Freigegeben', 'Gemeinsam', 'Compartida', 'Compartido', 'Partagée', 'Partagé', 'Condivisa', 'Condiviso', 'Gedeeld', 'Partilhada', 'Compartilhada');
const PERSONAL = words('Personal', 'Persönlich', 'Personnel', 'Personnelle', 'Personale', 'Persoonlijk', 'Pessoal');
const ENTERPRISE = words('Enterprise', 'Unternehmen', 'Empresa', 'Empresarial', 'Entreprise', 'Aziendale', 'Azienda', 'Onderneming', 'Bedrijf', 'Organisatie');
/** Encryption "none". */
const NONE = words('None', 'Keine', 'Kein', 'Ninguna', 'Ninguno', 'Aucun', 'Aucune', 'Nessuno', 'Nessuna', 'Geen', 'Nenhuma', 'Nenhum');
const CIPHER: Record<string, WifiCipher> = { wep: 'wep', tkip: 'tkip', ccmp: 'ccmp', gcmp: 'gcmp', 'gcmp-256': 'gcmp', 'ccmp-256': 'ccmp' };

/** Labels per language, used to find fields and to cross-check netsh's fixed order. */
const AUTH_LABELS = words('Authentication', 'Authentifizierung', 'Autenticación', 'Authentification', 'Autenticazione', 'Verificatie', 'Authenticatie', 'Autenticação');
const ENCRYPTION_LABELS = words('Encryption', 'Verschlüsselung', 'Cifrado', 'Chiffrement', 'Crittografia', 'Versleuteling', 'Codering', 'Criptografia', 'Encriptação');
const CIPHER_LABELS = words('Cipher', 'Verschlüsselungsverfahren', 'Cifrado', 'Chiffrement', 'Crittografia', 'Codering', 'Versleuteling', 'Criptografia', 'Cifra', 'Encriptação');
const CHANNEL_LABELS = words('Channel', 'Kanal', 'Canal', 'Canale', 'Kanaal');
const STATE_LABELS = words('State', 'Status', 'Estado', 'État', 'Stato', 'Staat');
const CONNECTED = words('connected', 'Verbunden', 'conectado', 'connecté', 'connessa', 'connesso', 'verbonden', 'ligado');
/** States in which an interface may still print an SSID line but is not (or not yet) connected. */
const NOT_CONNECTED = words(
  'disconnected', 'disconnecting', 'associating', 'authenticating', 'discovering', 'not ready', 'ad hoc network formed',
  'getrennt', 'Nicht verbunden', 'desconectado', 'déconnecté', 'disconnessa', 'disconnesso', 'niet verbonden', 'verbinding verbroken', 'desligado',
);
const INTERFACE_NAME_LABELS = words('Interface name', 'Schnittstellenname', 'Nombre de interfaz', "Nom de l'interface", 'Nome interfaccia', 'Interfacenaam', 'Naam van interface', 'Nome da interface');

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/** Security facts from netsh's Authentication and Encryption/Cipher values, in any of the languages above. */
export function netshSecurityFacts(authentication: string, encryption: string): WifiSecurityFacts {
  const unrecognized: string[] = [];
  const raw = `Authentication=${authentication || '(missing)'} Encryption=${encryption || '(missing)'}`;
  let akms: WifiAkm[] = [];
  let wpa1 = false;
  let wepAuth = false;
  let open = false;
  // "WPA2 - Personnel" (French) → "wpa2-personnel"; "WPA3-Personal (H2E)" → H2E is SAE's hash-to-element.
  const a = fold(authentication).replace(/\s*-\s*/g, '-').replace(/\s*\(h2e\)$/, '');
  const family = /^(wpa|wpa2|wpa3)-(.+?)(?: 192(?:[- ]?bits?)?)?$/.exec(a);
  const suiteB = /192(?:[- ]?bits?)?$/.test(a);
  if (!a) unrecognized.push('authentication:(missing)');
  else if (OPEN.has(a)) open = true;
  else if (SHARED.has(a)) wepAuth = true;
  else if (a === 'owe') akms = ['owe'];
  else if (family && PERSONAL.has(family[2]!) && !suiteB) {
    akms = family[1] === 'wpa3' ? ['sae'] : ['psk'];
    wpa1 = family[1] === 'wpa';
  } else if (family && ENTERPRISE.has(family[2]!)) {
    if (family[1] === 'wpa3') akms = suiteB ? ['suite-b-192'] : ['wpa3-eap'];
    else if (suiteB) unrecognized.push(`authentication:${authentication}`);
    else akms = ['8021x'];
    wpa1 = family[1] === 'wpa';
  } else unrecognized.push(`authentication:${authentication}`);

  const ciphers: WifiCipher[] = [];
  const e = fold(encryption);
  if (!e) unrecognized.push('encryption:(missing)');
  else if (!NONE.has(e)) {
    for (const token of e.split(/[\s,]+/).filter(Boolean)) {
      const c = Object.prototype.hasOwnProperty.call(CIPHER, token) ? CIPHER[token] : undefined;
      if (c) ciphers.push(c);
      else unrecognized.push(`encryption:${token}`);
    }
  }
  const wep = wepAuth || (open && ciphers.includes('wep'));
  return { wep, wpa1, akms, ciphers, unrecognized, raw };
}

/** Messages netsh prints instead of a listing, mapped to reasons a homeowner can act on. */
function problemIn(text: string): { reason: Message; permission?: 'location' } | null {
  // The Settings URI is the same in every language; the English sentence is a second hook.
  if (/ms-settings:privacy-location/i.test(text) || /location permission/i.test(text)) return { reason: windowsLocationAdvice(), permission: 'location' };
  if (/no wireless interface/i.test(text)) return { reason: lightMsg('wifi.reading.windows-no-adapter') };
  // The service's short name is printed untranslated in every language.
  if (/\bwlansvc\b/i.test(text) || /AutoConfig Service/i.test(text)) return { reason: lightMsg('wifi.reading.windows-wlan-service-off') };
  return null;
}

/** netsh printed something that is neither a listing nor one of its known messages: its first line travels as `said`. */
function unreadable(said: string, what: 'networks' | 'connection'): Message {
  if (!said) return lightMsg('wifi.reading.netsh-empty');
  return what === 'networks' ? lightMsg('wifi.reading.netsh-unreadable', { said }) : lightMsg('wifi.reading.netsh-unreadable-connection', { said });
}

/** Normalises line ends, a byte-order mark and the no-break spaces French Windows puts before colons. */
function normalise(stdout: string): string[] {
  return stdout.replace(/^\uFEFF/, '').replace(/\r/g, '').replace(/[\u00A0\u202F\u2007]/g, ' ').split('\n');
}

/** `  Label   : value` → [label, value]. The label is everything before the first colon (labels never hold one). */
function keyValue(line: string): [string, string] | null {
  const i = line.indexOf(':');
  if (i <= 0) return null;
  const key = line.slice(0, i).trim();
  if (!key) return null;
  return [key, line.slice(i + 1).replace(/^ /, '').replace(/\s+$/, '')];
}

function bandOf(v: string | undefined): Band | null {
  const m = v ? /^(\d+(?:[.,]\d+)?) ?GHz$/i.exec(v.trim()) : null;
  if (!m) return null;
  const ghz = Number(m[1]!.replace(',', '.'));
  return ghz === 2.4 ? '2.4' : ghz === 5 ? '5' : ghz === 6 ? '6' : null;
}

function firstLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean)
    ?.slice(0, 160) ?? '';
}

interface Bss {
  bssid: string;
  signal: number | null;
  channel: number | null;
  band: Band | null;
}

interface Block {
  ssid: string;
  /** Key-value lines between the SSID line and the first BSSID line, in order. */
  fields: [string, string][];
  bss: Bss[];
}

/**
 * The network's Authentication and Encryption: by label when the label is known; otherwise by
 * netsh's fixed order (type, authentication, encryption). A value read by order still has to be a
 * known value, so a shifted or unknown layout ends as `unknown`, never as a wrong class.
 */
function securityOf(fields: [string, string][]): { authentication: string; encryption: string } {
  const byLabel = (labels: Set<string>) => fields.find(([k]) => labels.has(fold(k)))?.[1];
  const authentication = byLabel(AUTH_LABELS) ?? (fields.length === 3 ? fields[1]![1] : '');
  const encryption = byLabel(ENCRYPTION_LABELS) ?? (fields.length === 3 ? fields[2]![1] : '');
  return { authentication, encryption };
}

/**
 * Parses `netsh wlan show networks mode=bssid` in any display language: one network per BSSID;
 * an SSID block without BSSID lines (some drivers print none) is still one network with an
 * unknown BSSID; hidden SSIDs are kept with an empty name. Limitation (written down, not hidden):
 * netsh gives one Authentication per SSID — the method Windows itself would use — and no RSN
 * flags, so a WPA2/WPA3 transition network can appear as "WPA3-Personal" on a WPA3-capable PC.
 * On Windows a `wpa3` result therefore cannot rule out transition mode; nmcli (per-BSS RSN flags) can.
 */
export function parseNetshNetworks(stdout: string, current: { bssid: string | null; ssid: string | null } | null = null): NetshParse {
  const lines = normalise(stdout);
  const blocks: Block[] = [];
  let block: Block | null = null;
  let bss: Bss | null = null;
  let header = false;
  for (const line of lines) {
    const ssidLine = /^SSID(?: \d+)? *:(?: (.*))?$/.exec(line);
    if (ssidLine) {
      block = { ssid: (ssidLine[1] ?? '').replace(/\s+$/, ''), fields: [], bss: [] };
      blocks.push(block);
      bss = null;
      continue;
    }
    const kv = keyValue(line);
    if (!kv) continue;
    const [key, value] = kv;
    if (!block) {
      if (INTERFACE_NAME_LABELS.has(fold(key))) header = true;
      continue;
    }
    // "BSSID 1", and by shape a BSSID-ish label with an address (a Windows 8.1 capture has "BSSIDD 1").
    if (/^BSSID(?: \d+)?$/.test(key) || (/^BSSID/.test(key) && MAC.test(value.trim()))) {
      bss = { bssid: MAC.test(value.trim()) ? value.trim().toUpperCase() : '', signal: null, channel: null, band: null };
      block.bss.push(bss);
    } else if (!bss) {
      block.fields.push([key, value]);
    } else {
      const v = value.trim();
      const pct = /^(\d{1,3}) ?%$/.exec(v);
      if (pct && bss.signal === null) bss.signal = Math.min(100, Number(pct[1]));
      else if (bandOf(v) && bss.band === null) bss.band = bandOf(v);
      else if (CHANNEL_LABELS.has(fold(key)) && /^\d+$/.test(v)) bss.channel = Number(v);
    }
  }
  // netsh's own messages count only when it listed nothing: a neighbour's network named
  // "location permission" must not turn a real listing into a refusal.
  const problem = blocks.length === 0 ? problemIn(lines.join('\n')) : null;
  if (problem) return { ok: false, ...problem };
  if (blocks.length === 0 && !header) {
    return { ok: false, reason: unreadable(firstLine(lines.join('\n')), 'networks') };
  }
  const networks: ScannedNetwork[] = [];
  for (const b of blocks) {
    const { authentication, encryption } = securityOf(b.fields);
    const security = netshSecurityFacts(authentication, encryption);
    const aps: (Bss | null)[] = b.bss.length ? b.bss : [null];
    for (const x of aps) {
      const bssid = x?.bssid || null;
      networks.push({
        ssid: b.ssid,
        bssid,
        signal: x?.signal ?? null,
        channel: x?.channel ?? null,
        frequency: frequencyOf(x?.channel ?? null, x?.band),
        // Active needs the BSSID and (when known) the SSID to agree: one radio can serve several SSIDs.
        active: current !== null && bssid !== null && current.bssid === bssid && (current.ssid === null || current.ssid === b.ssid),
        security,
      });
    }
  }
  return { ok: true, networks };
}

/**
 * Parses `netsh wlan show interfaces` in any display language: the connected network of the
 * first Wi-Fi interface that has one, or null when none is connected. Each interface starts at
 * its (untranslated) GUID line; a connected interface has an (untranslated) `SSID` line, and the
 * access point's address is the first MAC-shaped value after it (French labels it "Point d'accès
 * d'identificateur SSID …", others "AP BSSID" or "BSSID").
 */
export function parseNetshInterfaces(stdout: string): { ok: true; network: ScannedNetwork | null } | { ok: false; reason: Message; permission?: 'location' } {
  const lines = normalise(stdout);
  const interfaces: [string, string][][] = [];
  for (const line of lines) {
    const kv = keyValue(line);
    if (!kv) continue;
    if (kv[0] === 'GUID') interfaces.push([]);
    interfaces.at(-1)?.push(kv);
  }
  const problem = interfaces.length === 0 ? problemIn(lines.join('\n')) : null;
  if (problem) return { ok: false, ...problem };
  if (interfaces.length === 0) return { ok: false, reason: unreadable(firstLine(lines.join('\n')), 'connection') };
  for (const fields of interfaces) {
    const ssidAt = fields.findIndex(([k]) => k === 'SSID');
    const state = fields.find(([k]) => STATE_LABELS.has(fold(k)))?.[1];
    if (ssidAt < 0) continue;
    // A known "not connected" word wins; an unknown word (another language) falls back to the SSID line.
    if (state !== undefined && !CONNECTED.has(fold(state)) && NOT_CONNECTED.has(fold(state))) continue;
    const after = fields.slice(ssidAt + 1);
    const get = (labels: Set<string>) => fields.find(([k]) => labels.has(fold(k)))?.[1]?.trim();
    const bssidRaw = after.find(([, v]) => MAC.test(v.trim()))?.[1]?.trim() ?? '';
    const signal = after.map(([, v]) => /^(\d{1,3}) ?%$/.exec(v.trim())).find(Boolean);
    const band = after.map(([, v]) => bandOf(v)).find(Boolean) ?? null;
    const chan = get(CHANNEL_LABELS);
    const channel = chan && /^\d+$/.test(chan) ? Number(chan) : null;
    return {
      ok: true,
      network: {
        ssid: fields[ssidAt]![1],
        bssid: MAC.test(bssidRaw) ? bssidRaw.toUpperCase() : null,
        signal: signal ? Math.min(100, Number(signal[1])) : null,
        channel,
        frequency: frequencyOf(channel, band),
        active: true,
        security: netshSecurityFacts(get(AUTH_LABELS) ?? '', get(CIPHER_LABELS) ?? ''),
      },
    };
  }
  return { ok: true, network: null };
}
