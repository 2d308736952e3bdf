import { stripControl } from '../network/text.js';
/**
 * SSDP/HTTP `SERVER` header: "OS/ver UPnP/1.0 Product/ver". The product token after the UPnP
 * token is the useful part ("AVM FRITZ!Box 7590 154.07.57", "IpBridge/1.65.0").
 */
export function productOfServerHeader(server: string | null | undefined): string | null {
  if (!server) return null;
  const s = stripControl(server).replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!s) return null;
  const m = /UPnP\/\d+(?:\.\d+)?\s+(.+)$/i.exec(s);
  const product = (m ? m[1]! : s).trim();
  return product || null;
}

/** A trailing dotted version in a product string ("… 154.07.57", "TL-WR841N/3.16.9"), or null. */
export function versionIn(product: string | null): string | null {
  if (!product) return null;
  const m = /(?:^|[\s/v])(\d+(?:\.\d+){1,3}(?:[-_][A-Za-z0-9]+)?)\s*$/.exec(product);
  return m ? m[1]! : null;
}
