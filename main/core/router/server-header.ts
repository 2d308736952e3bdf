import { stripControl } from '../network/index.js';
/**
 * SSDP/HTTP `SERVER` header: "OS/version UPnP/version product/version" (UPnP Device Architecture),
 * in practice also comma-separated ("Linux/3.8.13+, UPnP/1.0, Portable SDK for UPnP devices/1.6.18"),
 * with names that contain spaces, and vendors that put their own product in the last slot
 * ("FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.57", "Linux UPnP/1.0 Sonos/70.3-35220 (ZPS12)").
 *
 * Most of what the header names is not the device: the UPnP library or daemon that answers
 * (libupnp, miniupnpd, Windows' UPnP Device Host …) and the operating system kernel. Their versions
 * are never the device's firmware. Each token is classified so that only a token naming the
 * device's own product may say anything about the device.
 */

/** What a SERVER token names. */
export type ServerTokenKind =
  /** The UPnP or DLNA specification version ("UPnP/1.0", "DLNADOC/1.50"). */
  | 'upnp'
  /** An operating system or kernel ("Linux/2.6.36", "Microsoft-Windows/10.0"), or anything in the OS slot. */
  | 'os'
  /** A UPnP library, daemon or web server ("Portable SDK for UPnP devices/1.6.22", "MiniUPnPd/1.8"). */
  | 'stack'
  /** Anything else in the product slot: may name the device's own product ("AVM FRITZ!Box 7590 154.07.57"). */
  | 'product';

/** One token of a SERVER header. */
export interface ServerToken {
  /** The token as written (without a trailing comment). */
  text: string;
  name: string;
  version: string | null;
  /** A parenthesised comment after the token ("(ZPS12)"), if any. */
  comment: string | null;
  kind: ServerTokenKind;
}

const UPNP_TOKEN = /^(UPnP|DLNADOC|DLNA)$/i;

/**
 * UPnP libraries, UPnP/DLNA daemons and embedded web servers seen in SERVER headers. Their name and
 * version describe the software that answers, on any device that embeds it.
 */
const STACKS =
  /^(portable sdk for upnp devices|intel sdk for upnp devices|libupnp|pupnp|upnp-device-host|mini-?upnpd?|miniupnp(?:d|c)?|minissdpd|minidlna|readydlna|gupnp|gssdp|cling|cyberlink(?:\s*(?:for\s*)?(?:java|c\+*))?|platinum|allegro-software-rompager|rompager|rom ?upnp|twonky\w*|mediatomb|gerbera|fupnp|brisa|coherence|upnpd?|igd|broadcom upnp|bcm upnp|realtek upnp|mt7\w* upnp|lighttpd|mini_httpd|micro_httpd|thttpd|boa|goahead(?:-webs)?|uhttpd|httpd|webs|jetty|microsoft-httpapi|microsoft-iis|nginx|apache|eHTTP|sdlna|nrdp mdx|upnp sdk|ipos)$/i;

/** Words that mark a product name as software plumbing rather than a device ("NETGEAR-UPNP", "Foo SDK"). */
const STACK_WORDS = /(upnp|\bsdk\b|dlna|ssdp|\bhttpd?\b|web ?server|device-host|\bstack\b)/i;

/** Operating systems and kernels (they may also appear outside the OS slot). */
const OSES =
  /^(linux|linux-[\d.x]+|gnu\/linux|microsoft-windows(?:-nt)?|windows(?: nt)?|win32|darwin|mac ?os ?x|macos|ios|freebsd|openbsd|netbsd|sunos|vxworks|ecos|threadx|nucleus|qnx|rtos|freertos|zephyr|android|unix|posix|ubuntu|debian|fedora|openwrt|lede|dd-wrt|tomato|asuswrt(?:-merlin)?|wince|embedded|unspecified|os|custom|lwip|contiki)$/i;

const tidy = (s: string) => stripControl(s).replace(/\s+/g, ' ').trim();

/** Splits one comma-free segment into tokens: words up to and including one that carries a "/version". */
function tokensOf(segment: string): { name: string; version: string | null; comment: string | null; text: string }[] {
  const out: { name: string; version: string | null; comment: string | null; text: string }[] = [];
  const words = segment.split(' ').filter(Boolean);
  let acc: string[] = [];
  for (const w of words) {
    if (/^\(.*\)$/.test(w) && acc.length === 0 && out.length > 0) {
      const last = out[out.length - 1]!;
      last.comment = last.comment ? `${last.comment} ${w}` : w;
      continue;
    }
    const slash = w.lastIndexOf('/');
    // "UPnP/1.0" always stands alone: the words before it are the OS slot ("FRITZ!Box 7590 UPnP/1.0 …").
    if (slash > 0 && UPNP_TOKEN.test(w.slice(0, slash)) && acc.length) {
      out.push(...tokensOf(acc.join(' ')));
      acc = [];
    }
    if (slash >= 0 && slash < w.length - 1) {
      const name = [...acc, w.slice(0, slash)].join(' ').trim();
      const version = w.slice(slash + 1);
      out.push({ name: name || version, version: name ? version : null, comment: null, text: [...acc, w].join(' ') });
      acc = [];
    } else {
      acc.push(w.replace(/\/$/, ''));
    }
  }
  if (acc.length) {
    // No "/version": a trailing dotted version may still end the name ("AVM FRITZ!Box 7590 154.07.57").
    const text = acc.join(' ');
    const v = versionIn(text);
    const name = v ? text.slice(0, text.length - v.length).replace(/[\s/v]+$/, '').trim() || text : text;
    out.push({ name, version: v && name !== text ? v : null, comment: null, text });
  }
  return out;
}

const classify = (name: string, slot: 'os' | 'product' | 'unknown'): ServerTokenKind => {
  if (UPNP_TOKEN.test(name)) return 'upnp';
  if (STACKS.test(name) || STACK_WORDS.test(name)) return 'stack';
  if (OSES.test(name) || /^(linux|microsoft-windows|windows)\b/i.test(name)) return 'os';
  return slot === 'os' ? 'os' : 'product';
};

/** Every token of a SERVER header, classified; empty for an empty or unreadable header. */
export function parseServerHeader(server: string | null | undefined): ServerToken[] {
  if (!server) return [];
  const s = tidy(server).slice(0, 200);
  if (!s) return [];
  const segments = s.split(/\s*,\s*/).filter(Boolean);
  const raw = segments.flatMap((seg) => tokensOf(seg));
  const upnpAt = raw.findIndex((t) => UPNP_TOKEN.test(t.name) && t.version !== null);
  return raw.map((t, i) => {
    const slot = upnpAt < 0 ? 'unknown' : i < upnpAt ? 'os' : 'product';
    return { text: t.text, name: t.name, version: t.version, comment: t.comment, kind: classify(t.name, slot) };
  });
}

/**
 * The product part of a SERVER header: every token after the UPnP token that names neither a UPnP
 * library/daemon nor an operating system. Null when the header names only software and OS.
 */
export function productOfServerHeader(server: string | null | undefined): string | null {
  const products = parseServerHeader(server).filter((t) => t.kind === 'product');
  return products.length ? products.map((t) => t.text).join(' ') : null;
}

/** A trailing dotted version in a product string ("… 154.07.57", "TL-WR841N/3.16.9"), or null. */
export function versionIn(product: string | null): string | null {
  if (!product) return null;
  const m = /(?:^|[\s/v])(\d+(?:\.\d+){1,3}(?:[-_][A-Za-z0-9]+)?)\s*$/.exec(product);
  return m ? m[1]! : null;
}

/** "MiniUPnPd 1.8", "Linux 2.6.36": a token in plain words for a reason shown to the owner. */
export const describeToken = (t: ServerToken): string => (t.version ? `${t.name} ${t.version}` : t.name);

/**
 * True when a description field names UPnP software or an operating system rather than a device:
 * the defaults daemons fill in when the vendor did not ("MiniUPnP", "Linux router", "OpenWrt router",
 * "Windows Media Connect compatible (ReadyDLNA)", "MiniUPnPd").
 */
export function namesSoftwareNotDevice(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = tidy(text);
  if (!t) return false;
  if (STACKS.test(t) || STACK_WORDS.test(t) || OSES.test(t)) return true;
  // "<OS> router": miniupnpd's default when the vendor set no name; "Windows Media Connect compatible …": minidlna's.
  const m = /^(\S+)\s+(router|gateway|nas server|nas device)$/i.exec(t);
  if (m && OSES.test(m[1]!)) return true;
  return /^windows media connect compatible\b/i.test(t);
}
