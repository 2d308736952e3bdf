import type { WifiSecurityFacts } from '../ports.js';

/** The security vocabulary of the wifi step, weakest to strongest within each family. */
export const WIFI_SECURITY_CLASSES = [
  'open',
  'owe',
  'owe-transition',
  'wep',
  'wpa',
  'wpa2',
  'wpa2-wpa3',
  'wpa3',
  'wpa2-enterprise',
  'wpa3-enterprise',
  'unknown',
] as const;
export type WifiSecurityClass = (typeof WIFI_SECURITY_CLASSES)[number];

/**
 * Classifies one access point from its security facts. Exact, not hopeful: anything the adapter
 * could not map, or a combination that does not add up, is `unknown` rather than a guess.
 * Order matters: WEP and TKIP/WPA1 are named even when stronger modes are offered alongside,
 * because an attacker picks the weakest mode the access point still accepts.
 */
export function classifySecurity(facts: WifiSecurityFacts): WifiSecurityClass {
  if (facts.unrecognized.length > 0) return 'unknown';
  const akm = new Set(facts.akms);
  const cipher = new Set(facts.ciphers);
  if (facts.wep || (cipher.has('wep') && akm.size === 0)) return 'wep';
  if (akm.size === 0 && cipher.size === 0 && !facts.wpa1) return 'open';
  if (akm.has('owe-transition') && !akm.has('owe')) return 'owe-transition';
  if (akm.has('owe')) return akm.size === 1 ? 'owe' : 'unknown';
  if (akm.has('suite-b-192') || (akm.has('wpa3-eap') && !akm.has('8021x'))) return 'wpa3-enterprise';
  if (facts.wpa1 || cipher.has('tkip')) return 'wpa';
  if (akm.has('8021x')) return 'wpa2-enterprise';
  if (akm.has('sae') && akm.has('psk')) return 'wpa2-wpa3';
  if (akm.has('sae')) return 'wpa3';
  if (akm.has('psk')) return 'wpa2';
  return 'unknown';
}

const RANK: Record<WifiSecurityClass, number> = {
  unknown: -1,
  open: 0,
  wep: 1,
  'owe-transition': 2,
  owe: 3,
  wpa: 4,
  wpa2: 5,
  'wpa2-enterprise': 6,
  'wpa2-wpa3': 7,
  wpa3: 8,
  'wpa3-enterprise': 9,
};

/**
 * The class of a whole SSID from its access points (bands, mesh nodes, repeaters). A network is
 * only as strong as its weakest access point — except that one radio on WPA2 and another on WPA3
 * is exactly transition mode, which is what a device sees when it can pick either.
 */
export function combineClasses(classes: readonly WifiSecurityClass[]): WifiSecurityClass {
  if (classes.length === 0) return 'unknown';
  const set = new Set(classes);
  if (set.has('unknown')) return 'unknown';
  if (set.size === 1) return classes[0]!;
  const personal = ['wpa2', 'wpa2-wpa3', 'wpa3'] as const;
  if ([...set].every((c) => (personal as readonly string[]).includes(c)) && (set.has('wpa3') || set.has('wpa2-wpa3'))) return 'wpa2-wpa3';
  return [...set].sort((a, b) => RANK[a] - RANK[b])[0]!;
}

/** Plain words for each class, for the CLI and the step. */
export const CLASS_LABELS: Record<WifiSecurityClass, string> = {
  open: 'Open (no password, no encryption)',
  owe: 'Enhanced Open (OWE: encrypted, no password)',
  'owe-transition': 'Enhanced Open transition (open plus OWE)',
  wep: 'WEP (broken encryption)',
  wpa: 'WPA / TKIP (outdated)',
  wpa2: 'WPA2-Personal',
  'wpa2-wpa3': 'WPA2/WPA3 transition (WPA2 and SAE both accepted)',
  wpa3: 'WPA3-Personal (SAE only)',
  'wpa2-enterprise': 'WPA2-Enterprise (802.1X)',
  'wpa3-enterprise': 'WPA3-Enterprise 192-bit',
  unknown: 'Unknown',
};

/**
 * wifi.encryption's status per class, as PRODUCT.md's catalog states it: the one table both the
 * Wi-Fi step's "check now" and the check's verifier (re-audit, `porchlight audit`) read, so the two
 * can never disagree about the same network.
 */
export const ENCRYPTION_STATUS: Record<WifiSecurityClass, 'pass' | 'warn' | 'fail' | 'unknown'> = {
  wpa3: 'pass',
  'wpa3-enterprise': 'pass',
  'wpa2-wpa3': 'warn',
  wpa2: 'warn',
  'wpa2-enterprise': 'warn',
  wpa: 'fail',
  wep: 'fail',
  open: 'fail',
  owe: 'fail',
  'owe-transition': 'fail',
  unknown: 'unknown',
};
