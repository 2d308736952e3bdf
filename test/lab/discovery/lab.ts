/**
 * The discovery lab: a home network on 127.0.0.0/8 for the survey's integration and e2e tests.
 *
 * - router 127.0.0.40: lighttpd (admin page :80, UPnP IGD + TR-064 descriptions :49000) and SSDP;
 * - devices 127.0.0.41–47: SSDP answers sent from each device's own address, mDNS answers (one
 *   multicast-dns responder on 127.0.0.1 speaking for every device, A records naming each device's
 *   address), and description servers (Node http: one per device so each can be stopped alone —
 *   lighttpd serves the router only);
 * - 127.0.0.48 accepts TCP and never answers; 127.0.0.49 answers SSDP and mDNS with garbage;
 * - 127.0.0.50 is a second router (miniupnpd SSDP answer, IGD description on :5000, no firmware anywhere);
 * - a neighbor-table file in `ip neigh` format naming every running device's MAC (lo has no ARP).
 *
 * Multicast needs scripts/lab-net-up.sh (lo multicast on, groups routed to lo); every socket here
 * uses 127.0.0.1 as multicast interface and TTL 1. Usable from vitest and from the harness.
 */
import { createSocket, type Socket } from 'node:dgram';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket as NetSocket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import makeMdns from 'multicast-dns';
import { LAB_DEVICES, LAB_ROUTER_IP, LAB_SECOND_ROUTER_IP, LAB_CATALOGUED_ROUTER_IP, type LabDevice } from './devices.js';
import { startRouterLighttpd } from './lighttpd.js';

export { LAB_DEVICES, LAB_ROUTER_IP, LAB_SECOND_ROUTER_IP, LAB_CATALOGUED_ROUTER_IP };

const SSDP_GROUP = '239.255.255.250';

/** A running lab. */
export interface DiscoveryLab {
  dir: string;
  /** The neighbor-table file the survey should read (`--neighbors`, PORCHLIGHT_NEIGHBOR_TABLE). */
  neighborFile: string;
  routerIp: string;
  devices: LabDevice[];
  /** Ids of devices answering now. */
  running(): string[];
  /** Makes a device stop answering (as if it moved to the IoT network): SSDP, mDNS, HTTP, neighbor row. */
  stopDevice(id: string): Promise<void>;
  /** Brings a stopped device back. */
  startDevice(id: string): Promise<void>;
  /** How many M-SEARCH and mDNS queries the lab has heard (tests use it to prove traffic went through lo). */
  heard(): { ssdp: number; mdns: number };
  stop(): Promise<void>;
}

interface Running {
  http?: Server | NetServer;
  sockets: Set<NetSocket>;
}

function listen(server: Server | NetServer, ip: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, ip, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function startDeviceHttp(d: LabDevice): Promise<Running> {
  const sockets = new Set<NetSocket>();
  if (!d.http) return { sockets };
  let server: Server | NetServer;
  if (d.http.hang) {
    // Accepts the connection, reads the request, never writes a byte.
    server = createNetServer((s) => {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    });
  } else {
    const files = d.http.files ?? {};
    server = createHttpServer((req, res) => {
      const f = files[(req.url ?? '/').split('?')[0]!];
      if (!f) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': f.type, Server: d.ssdp?.server.replace(/[^\x20-\x7e]/g, '?') ?? 'lab' }).end(f.body);
    });
    server.on('connection', (s: NetSocket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
  }
  await listen(server, d.ip, d.http.port);
  return { http: server, sockets };
}

async function stopRunning(r: Running): Promise<void> {
  for (const s of r.sockets) s.destroy();
  if (r.http) await new Promise<void>((resolve) => r.http!.close(() => resolve()));
}

function locationOf(d: LabDevice): string | null {
  if (!d.ssdp) return null;
  const [port, ...path] = d.ssdp.descriptionPath.slice(1).split('/');
  return `http://${d.ip}:${port}/${path.join('/')}`;
}

function ssdpAnswer(d: LabDevice, st: string): string {
  const s = d.ssdp!;
  const uuid = `uuid:lab-${d.id}-${d.mac.replace(/:/g, '')}`;
  const headers = [
    'HTTP/1.1 200 OK',
    'CACHE-CONTROL: max-age=1800',
    'EXT:',
    `LOCATION: ${locationOf(d)}`,
    `SERVER: ${s.server}`,
    `ST: ${st}`,
    `USN: ${uuid}::${st}`,
    ...Object.entries(s.extraHeaders ?? {}).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ];
  return headers.join('\r\n');
}

/** Starts the lab. Fails clearly when lighttpd, a port, or loopback multicast is unavailable. */
export async function startDiscoveryLab(): Promise<DiscoveryLab> {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-lab-'));
  const neighborFile = join(dir, 'neighbors.txt');
  const active = new Map<string, Running>();
  const heard = { ssdp: 0, mdns: 0 };
  const writeNeighbors = () => {
    const rows = LAB_DEVICES.filter((d) => active.has(d.id)).map((d) => `${d.ip} dev lo lladdr ${d.mac} REACHABLE`);
    writeFileSync(neighborFile, rows.join('\n') + '\n');
  };
  const cleanups: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => {});
    cleanups.length = 0;
  };
  try {
    const router = await startRouterLighttpd(join(dir, 'router'), LAB_ROUTER_IP);
    cleanups.push(() => router.stop());
    for (const d of LAB_DEVICES) active.set(d.id, await startDeviceHttp(d));
    cleanups.push(async () => {
      for (const r of active.values()) await stopRunning(r);
    });
    writeNeighbors();

    // SSDP: one listener on the group (via 127.0.0.1); each device answers from a socket on its own address.
    const senders = new Map<string, Socket>();
    for (const d of LAB_DEVICES.filter((x) => x.ssdp)) {
      const s = createSocket('udp4');
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.bind(0, d.ip, () => resolve());
      });
      s.on('error', () => {});
      senders.set(d.id, s);
    }
    const listener = createSocket({ type: 'udp4', reuseAddr: true });
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.bind(1900, '0.0.0.0', () => {
        try {
          listener.addMembership(SSDP_GROUP, '127.0.0.1');
          listener.setMulticastInterface('127.0.0.1');
          listener.setMulticastTTL(1);
          resolve();
        } catch (err) {
          reject(err as Error);
        }
      });
    });
    listener.on('error', () => {});
    listener.on('message', (msg, rinfo) => {
      const text = msg.toString('latin1');
      if (!text.startsWith('M-SEARCH')) return;
      // Never answer anything but a loopback searcher.
      if (!rinfo.address.startsWith('127.')) return;
      heard.ssdp++;
      const st = /^ST:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? '';
      for (const d of LAB_DEVICES) {
        if (!d.ssdp || !active.has(d.id)) continue;
        const targets = st === 'ssdp:all' ? d.ssdp.searchTargets : d.ssdp.searchTargets.filter((t) => t.toLowerCase() === st.toLowerCase());
        const sender = senders.get(d.id)!;
        for (const t of targets) {
          // Real devices spread answers over MX seconds; the lab over 0–150 ms.
          const delay = Math.floor(Math.random() * 150);
          setTimeout(() => {
            if (!active.has(d.id)) return;
            sender.send(ssdpAnswer(d, t), rinfo.port, rinfo.address, () => {});
            if (d.garbage) sender.send(Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a, 0x42]), rinfo.port, rinfo.address, () => {});
          }, delay).unref();
        }
      }
    });
    cleanups.push(() => {
      listener.close();
      for (const s of senders.values()) s.close();
    });

    // mDNS: one responder (bound to the group port, joined on 127.0.0.1, TTL 1).
    const mdns = makeMdns({ interface: '127.0.0.1', bind: '0.0.0.0', port: 5353, ttl: 1, loopback: true, reuseAddr: true });
    await new Promise<void>((resolve, reject) => {
      mdns.once('ready', () => resolve());
      mdns.once('error', (e: Error) => reject(e));
    });
    mdns.on('warning', () => {});
    const garbageSock = createSocket('udp4');
    await new Promise<void>((resolve) => garbageSock.bind(0, LAB_DEVICES.find((d) => d.garbage)?.ip ?? '127.0.0.1', () => resolve()));
    garbageSock.setMulticastInterface('127.0.0.1');
    garbageSock.setMulticastTTL(1);
    garbageSock.on('error', () => {});
    mdns.on('query', (q: { questions: { name: string; type: string }[] }, rinfo: { address: string }) => {
      if (!rinfo.address.startsWith('127.')) return;
      heard.mdns++;
      for (const d of LAB_DEVICES) {
        if (!active.has(d.id)) continue;
        const host = `${d.id}-${d.mac.replace(/:/g, '').slice(6)}.local`;
        if (q.questions.some((x) => x.name.toLowerCase() === host && (x.type === 'A' || x.type === 'ANY'))) {
          mdns.respond({ answers: [{ name: host, type: 'A', ttl: 120, data: d.ip }] });
        }
        if (d.garbage) garbageSock.send(Buffer.from('\u0000\u0000\u0084\u0000\u0000\u0001garbage-not-dns', 'latin1'), 5353, '224.0.0.251', () => {});
        for (const svc of d.mdns ?? []) {
          if (!q.questions.some((x) => x.name.toLowerCase() === svc.type.toLowerCase() && (x.type === 'PTR' || x.type === 'ANY'))) continue;
          const full = `${svc.instance}.${svc.type}`;
          mdns.respond({
            answers: [{ name: svc.type, type: 'PTR', ttl: 120, data: full }],
            additionals: [
              { name: full, type: 'SRV', ttl: 120, data: { port: svc.port, target: host, priority: 0, weight: 0 } },
              { name: full, type: 'TXT', ttl: 4500, data: svc.txt },
              ...(d.mdnsAddressOnRequest ? [] : [{ name: host, type: 'A' as const, ttl: 120, data: d.ip }]),
            ],
          });
        }
      }
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          garbageSock.close();
          mdns.destroy(() => resolve());
        }),
    );
  } catch (err) {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the discovery lab could not start: ${(err as Error).message} (did scripts/lab-net-up.sh run? is lighttpd installed?)`, { cause: err });
  }

  return {
    dir,
    neighborFile,
    routerIp: LAB_ROUTER_IP,
    devices: LAB_DEVICES,
    running: () => [...active.keys()],
    heard: () => ({ ...heard }),
    async stopDevice(id) {
      const r = active.get(id);
      if (!r) return;
      if (id === 'router') throw new Error('the lab router cannot be stopped alone; stop the lab');
      active.delete(id);
      writeNeighbors();
      await stopRunning(r);
    },
    async startDevice(id) {
      const d = LAB_DEVICES.find((x) => x.id === id);
      if (!d) throw new Error(`no lab device "${id}"`);
      if (active.has(id)) return;
      active.set(id, await startDeviceHttp(d));
      writeNeighbors();
    },
    async stop() {
      await stopAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
