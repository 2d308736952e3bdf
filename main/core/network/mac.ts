/** MAC address normalisation and OUI vendor lookup (longest registry prefix first). */
import type { OuiRegistry } from '../ports.js';

/** Normalises "AA-BB-CC-DD-EE-FF", "aa:bb:cc:dd:ee:ff", "a:b:c:d:e:f" (macOS drops zeros) to lower-case colon form; null if not a MAC. */
export function normalizeMac(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim();
  let parts: string[];
  if (/^[0-9A-Fa-f]{12}$/.test(t)) parts = t.match(/../g)!;
  else parts = t.split(/[:-]/);
  if (parts.length !== 6 || parts.some((p) => !/^[0-9A-Fa-f]{1,2}$/.test(p))) return null;
  const mac = parts.map((p) => p.padStart(2, '0').toLowerCase()).join(':');
  if (mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff') return null;
  return mac;
}

/** True when the MAC is locally administered (randomised/private Wi-Fi addresses): no vendor can be known. */
export function isLocallyAdministered(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 0x2) !== 0;
}

/** The organisation's name (first line of the registry entry), tidied. */
export function shortOrganisation(entry: string): string {
  return entry.split('\n')[0]!.trim().replace(/\s+/g, ' ');
}

/**
 * Vendor of a MAC from the IEEE registry: MA-S (36-bit), then MA-M (28-bit), then MA-L (24-bit).
 * A block registered to "IEEE Registration Authority" without a sub-assignment says nothing about
 * the maker, so it yields null; so do randomised (locally administered) addresses.
 */
export function vendorOfMac(mac: string | null, registry: OuiRegistry): string | null {
  const norm = normalizeMac(mac);
  if (!norm || isLocallyAdministered(norm)) return null;
  const hex = norm.replace(/:/g, '').toUpperCase();
  for (const len of [9, 7, 6]) {
    const entry = registry.organisation(hex.slice(0, len));
    if (entry) {
      const name = shortOrganisation(entry);
      if (/^IEEE Registration Authority$/i.test(name) || /^Private$/i.test(name)) continue;
      return name;
    }
  }
  return null;
}
