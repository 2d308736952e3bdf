/** Assembles DNS-SD services (PTR → SRV/TXT → A) from the raw mDNS records a browse heard. */
import type { MdnsRecord } from '../ports.js';
import { isIpv4 } from './ip.js';

/** Service types a survey browses for: the smart-home families PRODUCT.md names, and a few more. */
export const MDNS_SERVICE_TYPES = [
  '_googlecast._tcp.local',
  '_airplay._tcp.local',
  '_raop._tcp.local',
  '_hap._tcp.local',
  '_amzn-wplay._tcp.local',
  '_amzn-alexa._tcp.local',
  '_hue._tcp.local',
  '_sonos._tcp.local',
  '_spotify-connect._tcp.local',
  '_esphomelib._tcp.local',
  '_shelly._tcp.local',
  '_matter._tcp.local',
  '_printer._tcp.local',
  '_ipp._tcp.local',
  '_smb._tcp.local',
  '_workstation._tcp.local',
  '_companion-link._tcp.local',
  '_device-info._tcp.local',
];

/** One advertised service instance. */
export interface MdnsService {
  /** Instance name without the service suffix ("Living Room TV"). */
  instance: string;
  /** Service type without ".local" ("_googlecast._tcp"). */
  type: string;
  host: string | null;
  port: number | null;
  addresses: string[];
  txt: Record<string, string>;
}

const stripLocal = (s: string) => s.replace(/\.local\.?$/i, '');
const unescapeDns = (s: string) => s.replace(/\\(\d{3})/g, (_, d: string) => String.fromCharCode(Number(d))).replace(/\\(.)/g, '$1');

/** Builds services from records; tolerates missing, duplicated or contradictory records. */
export function assembleServices(records: MdnsRecord[], wanted: string[] = MDNS_SERVICE_TYPES): MdnsService[] {
  const lower = (s: string) => s.toLowerCase().replace(/\.$/, '');
  const wantedSet = new Set(wanted.map(lower));
  const srv = new Map<string, { target: string; port: number }>();
  const txt = new Map<string, Record<string, string>>();
  const addr = new Map<string, Set<string>>();
  const ptr: { type: string; instance: string; raw: string }[] = [];
  for (const r of records) {
    if (!r || typeof r.name !== 'string') continue;
    const name = lower(r.name);
    if (r.type === 'PTR' && typeof r.data === 'string' && wantedSet.has(name)) ptr.push({ type: name, instance: lower(r.data), raw: r.data.replace(/\.$/, '') });
    else if (r.type === 'SRV' && r.data && typeof r.data === 'object' && !Array.isArray(r.data)) srv.set(name, { target: lower(String(r.data.target)), port: Number(r.data.port) });
    else if (r.type === 'TXT' && Array.isArray(r.data)) {
      const kv: Record<string, string> = { ...(txt.get(name) ?? {}) };
      for (const entry of r.data.slice(0, 64)) {
        const s = String(entry);
        const i = s.indexOf('=');
        const k = (i < 0 ? s : s.slice(0, i)).toLowerCase().slice(0, 32);
        if (k && !(k in kv)) kv[k] = (i < 0 ? '' : s.slice(i + 1)).slice(0, 200);
      }
      txt.set(name, kv);
    } else if (r.type === 'A' && typeof r.data === 'string' && isIpv4(r.data)) {
      const set = addr.get(name) ?? new Set<string>();
      set.add(r.data);
      addr.set(name, set);
    }
  }
  const out = new Map<string, MdnsService>();
  for (const p of ptr) {
    if (out.has(p.instance)) continue;
    const s = srv.get(p.instance);
    const host = s?.target ?? null;
    const addresses = host ? [...(addr.get(host) ?? [])] : [];
    const type = stripLocal(p.type);
    const suffix = `.${p.type}`;
    const instance = unescapeDns(p.instance.endsWith(suffix) ? p.raw.slice(0, p.raw.length - suffix.length) : p.raw).slice(0, 120);
    out.set(p.instance, { instance, type, host, port: s ? s.port : null, addresses, txt: txt.get(p.instance) ?? {} });
  }
  return [...out.values()];
}
