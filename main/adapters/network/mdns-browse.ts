/**
 * mDNS browsing with the multicast-dns package, joined to the group on the scope's interface only,
 * multicast interface = the interface address, TTL 1. Collects every record heard for scope.listenMs.
 */
import makeMdns from 'multicast-dns';
import type { MdnsRecord, ProbeScope } from '../../core/ports.js';

const MAX_RECORDS = 5000;

type Answer = { name: string; type: string; data: unknown };

function toRecord(a: Answer, from: string): MdnsRecord | null {
  if (!a || typeof a.name !== 'string' || typeof a.type !== 'string') return null;
  const d = a.data;
  if (a.type === 'TXT') {
    const list = Array.isArray(d) ? d : [d];
    return { name: a.name, type: 'TXT', data: list.map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x))).slice(0, 64), from };
  }
  if (a.type === 'SRV' && d && typeof d === 'object' && 'port' in d) {
    const s = d as { port: unknown; target: unknown };
    return { name: a.name, type: 'SRV', data: { port: Number(s.port), target: String(s.target) }, from };
  }
  if ((a.type === 'PTR' || a.type === 'A' || a.type === 'AAAA') && typeof d === 'string') return { name: a.name, type: a.type, data: d, from };
  return null;
}

/** Queries PTR for each service type (twice) and returns the records of every response heard. */
export function mdnsBrowse(scope: ProbeScope, serviceTypes: string[]): Promise<MdnsRecord[]> {
  return new Promise((resolve, reject) => {
    const records: MdnsRecord[] = [];
    let done = false;
    const mdns = makeMdns({ interface: scope.interfaceAddress, bind: '0.0.0.0', port: 5353, ttl: 1, loopback: true, reuseAddr: true });
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        mdns.destroy();
      } catch {
        // already gone
      }
      if (err) reject(err);
      else resolve(records);
    };
    const timer = setTimeout(() => finish(), scope.listenMs);
    // Undecodable packets (garbage peers) arrive as warnings: ignored, counted nowhere, never fatal.
    mdns.on('warning', () => {});
    mdns.on('error', (err: Error) => finish(err));
    mdns.on('response', (res: { answers?: Answer[]; additionals?: Answer[] }, rinfo: { address: string }) => {
      for (const a of [...(res.answers ?? []), ...(res.additionals ?? [])]) {
        if (records.length >= MAX_RECORDS) return;
        const r = toRecord(a, rinfo.address);
        if (r) records.push(r);
      }
    });
    // Some responders answer PTR/SRV without the host's address record: ask for those hosts' A
    // records in a second round (bounded), as a DNS-SD browser does when it resolves a service.
    const resolveMissing = () => {
      if (done) return;
      const hosts = new Set(records.filter((r) => r.type === 'SRV' && typeof r.data === 'object' && !Array.isArray(r.data)).map((r) => (r.data as { target: string }).target.toLowerCase()));
      for (const r of records) if (r.type === 'A') hosts.delete(r.name.toLowerCase());
      const missing = [...hosts].filter((h) => /^[a-z0-9._-]{1,200}\.local\.?$/.test(h)).slice(0, 64);
      if (missing.length) mdns.query({ questions: missing.map((name) => ({ name, type: 'A' as const })) });
    };
    mdns.on('ready', () => {
      const ask = () => mdns.query({ questions: serviceTypes.map((name) => ({ name, type: 'PTR' as const })) });
      ask();
      const again = setTimeout(() => !done && ask(), Math.min(400, scope.listenMs / 3));
      again.unref?.();
      const resolve2 = setTimeout(resolveMissing, Math.min(800, scope.listenMs / 2));
      resolve2.unref?.();
    });
  });
}
