import { afterEach, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetworkGuardError, takeViolations } from '../../setup/network-guard-install.js';
import { envWithoutChildGuard, takeChildViolations } from '../../setup/network-guard-children.js';

const BLOCKED = ['10.0.0.1', '192.168.1.1', '8.8.8.8', '2001:db8::1'];

/** Runs `fn`, which must be refused synchronously by the guard (so nothing reached the kernel). */
function refusedSync(fn: () => unknown): NetworkGuardError {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(NetworkGuardError);
  return thrown as NetworkGuardError;
}

/** Claims the violations this test caused on purpose, so the setup's afterEach does not fail it. */
function claim(): string[] {
  return takeViolations().map((v) => `${v.kind} ${v.address}`);
}

const openUdp: dgram.Socket[] = [];
afterEach(() => {
  for (const s of openUdp.splice(0)) s.close();
});
function udp(type: 'udp4' | 'udp6' = 'udp4'): dgram.Socket {
  const s = dgram.createSocket({ type, reuseAddr: true });
  openUdp.push(s);
  return s;
}

describe('network guard: TCP and everything built on it', () => {
  it.each(BLOCKED)('refuses net.connect to %s synchronously, before any socket is opened', (addr) => {
    const err = refusedSync(() => net.connect({ host: addr, port: 80 }));
    expect(err.code).toBe('ERR_NETWORK_GUARD');
    expect(err.message).toContain(addr);
    expect(err.message).toMatch(/No packet was sent/);
    expect(claim()).toEqual([`TCP connect ${addr}:80`]);
  });

  it.each(BLOCKED)('refuses the (port, host) and new Socket().connect forms for %s', (addr) => {
    refusedSync(() => net.createConnection(443, addr));
    refusedSync(() => new net.Socket().connect(443, addr));
    expect(claim()).toHaveLength(2);
  });

  it('refuses http, https and tls to non-loopback addresses', () => {
    refusedSync(() => http.get('http://10.0.0.1/'));
    refusedSync(() => https.get('https://8.8.8.8/'));
    refusedSync(() => tls.connect({ host: '2001:db8::1', port: 443 }));
    refusedSync(() => http.get({ host: '192.168.1.1', port: 8080, path: '/' }));
    expect(claim()).toEqual(['TCP connect 10.0.0.1:80', 'TCP connect 8.8.8.8:443', 'TCP connect 2001:db8::1:443', 'TCP connect 192.168.1.1:8080']);
  });

  it('makes fetch fail with the guard error as its cause (no ECONNREFUSED, no timeout)', async () => {
    const started = Date.now();
    const err = (await fetch('http://192.168.1.1:8080/').then(
      () => null,
      (e: unknown) => e,
    )) as { cause?: { code?: string } } | null;
    expect(err?.cause?.code).toBe('ERR_NETWORK_GUARD');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(claim()).toEqual(['TCP connect 192.168.1.1:8080']);
  });

  it('refuses host names other than localhost (a DNS query would leave the machine)', () => {
    refusedSync(() => net.connect(80, 'example.com'));
    refusedSync(() => net.connect(80, '127.1'));
    expect(claim()).toEqual(['TCP connect example.com:80', 'TCP connect 127.1:80']);
  });

  it('refuses dns lookups and queries of real names but not of localhost', async () => {
    refusedSync(() => dns.lookup('example.com', () => {}));
    refusedSync(() => dns.resolve4('example.com', () => {}));
    await expect(dns.promises.lookup('example.org')).rejects.toBeInstanceOf(NetworkGuardError);
    const local = await dns.promises.lookup('localhost');
    expect(['127.0.0.1', '::1']).toContain(local.address);
    expect(claim()).toEqual(['DNS lookup example.com', 'DNS query example.com', 'DNS lookup example.org']);
  });

  it('checks what a custom lookup answers before connecting', async () => {
    const offLo: net.LookupFunction = (_h, _o, cb) => (cb as (e: null, a: string, f: number) => void)(null, '10.0.0.1', 4);
    const err = await new Promise<Error>((resolve) => {
      net.connect({ host: 'router.lab', port: 80, lookup: offLo }).on('error', resolve);
    });
    expect(err).toBeInstanceOf(NetworkGuardError);
    expect(err.message).toContain('router.lab (10.0.0.1)');
    expect(claim()).toEqual(['TCP connect router.lab (10.0.0.1)']);
  });

  it('records a refusal even when the caller swallows the error', () => {
    try {
      net.connect(80, '10.0.0.1');
    } catch {
      // swallowed
    }
    expect(claim()).toEqual(['TCP connect 10.0.0.1:80']);
  });
});

describe('network guard: loopback stays usable', () => {
  it('allows a real round trip to a server on 127.0.0.5', async () => {
    const server = net.createServer((s) => s.end('hello from 127.0.0.5'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.5', r));
    const { port } = server.address() as net.AddressInfo;
    try {
      const text = await new Promise<string>((resolve, reject) => {
        let buf = '';
        net.connect(port, '127.0.0.5').on('data', (d) => (buf += d)).on('end', () => resolve(buf)).on('error', reject);
      });
      expect(text).toBe('hello from 127.0.0.5');
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(claim()).toEqual([]);
  });

  it('allows http and fetch to 127.0.0.5, 127.0.0.1 and localhost', async () => {
    const servers = [http.createServer((_q, r) => r.end('ok 5')), http.createServer((_q, r) => r.end('ok 1'))];
    await new Promise<void>((r) => servers[0]!.listen(0, '127.0.0.5', r));
    await new Promise<void>((r) => servers[1]!.listen(0, '127.0.0.1', r));
    const [p5, p1] = servers.map((s) => (s.address() as net.AddressInfo).port);
    try {
      expect(await (await fetch(`http://127.0.0.5:${p5}/`)).text()).toBe('ok 5');
      expect(await (await fetch(`http://localhost:${p1}/`)).text()).toBe('ok 1');
      const viaHttp = await new Promise<string>((resolve, reject) => {
        http.get(`http://127.0.0.1:${p1}/`, (res) => {
          let b = '';
          res.on('data', (d) => (b += d)).on('end', () => resolve(b));
        }).on('error', reject);
      });
      expect(viaHttp).toBe('ok 1');
    } finally {
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise((r) => s.close(r));
      }
    }
    expect(claim()).toEqual([]);
  });

  it('allows unix-socket paths (D-Bus, the keychain)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guard-'));
    const path = join(dir, 's.sock');
    const server = net.createServer((s) => s.end('unix ok'));
    await new Promise<void>((r) => server.listen(path, r));
    try {
      const text = await new Promise<string>((resolve, reject) => {
        let buf = '';
        net.connect(path).on('data', (d) => (buf += d)).on('end', () => resolve(buf)).on('error', reject);
      });
      expect(text).toBe('unix ok');
    } finally {
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('network guard: UDP and multicast', () => {
  it.each(BLOCKED)('refuses UDP send to %s in both argument shapes', (addr) => {
    const s = udp(addr.includes(':') ? 'udp6' : 'udp4');
    refusedSync(() => s.send(Buffer.from('x'), 53, addr));
    refusedSync(() => s.send(Buffer.from('xyz'), 0, 1, 53, addr));
    expect(claim()).toEqual([`UDP send ${addr}`, `UDP send ${addr}`]);
  });

  it('refuses UDP connect off loopback, allows a real loopback exchange', async () => {
    refusedSync(() => udp().connect(53, '8.8.8.8'));
    expect(claim()).toEqual(['UDP connect 8.8.8.8']);
    const rx = udp();
    await new Promise<void>((r) => rx.bind(0, '127.0.0.5', r));
    const got = new Promise<string>((r) => rx.once('message', (m) => r(m.toString())));
    udp().send('ping', (rx.address() as net.AddressInfo).port, '127.0.0.5');
    expect(await got).toBe('ping');
  });

  it('refuses mDNS/SSDP groups unless the multicast interface is 127.0.0.1', async () => {
    const s = udp();
    await new Promise<void>((r) => s.bind(0, r));
    refusedSync(() => s.send('q', 5353, '224.0.0.251'));
    refusedSync(() => s.addMembership('224.0.0.251'));
    s.setMulticastInterface('127.0.0.1');
    s.setMulticastTTL(1);
    // Allowed now: whatever happens next comes from the kernel, not from the guard.
    const sendErr = await new Promise<Error | null>((resolve) => {
      try {
        s.send('q', 5353, '224.0.0.251', (e) => resolve(e));
      } catch (e) {
        resolve(e as Error);
      }
    });
    expect(sendErr).not.toBeInstanceOf(NetworkGuardError);
    refusedSync(() => s.send('q', 1900, '239.1.2.3')); // any other group stays refused
    expect(claim()).toEqual(['UDP send 224.0.0.251', 'multicast join (224.0.0.251) interface chosen by the kernel', 'UDP send 239.1.2.3']);
  });

  it('forgets the loopback multicast permission when the interface changes', async () => {
    const s = udp();
    await new Promise<void>((r) => s.bind(0, r));
    s.setMulticastInterface('127.0.0.1');
    try {
      s.setMulticastInterface('0.0.0.0');
    } catch {
      // the kernel may refuse; the guard must forget the permission either way
    }
    refusedSync(() => s.send('q', 1900, '239.255.255.250'));
    expect(claim()).toEqual(['UDP send 239.255.255.250']);
  });
});

describe('network guard: a swallowed refusal still fails its test', () => {
  it('fails the offending test in a real vitest run, and only that one', { timeout: 60_000 }, () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
    const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'test/unit/setup/fixtures/vitest.fixture.config.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...envWithoutChildGuard(), CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 55_000,
    });
    const out = run.stdout + run.stderr;
    expect(run.status, out).toBe(1);
    expect(out).toContain('network guard: this test tried to reach a non-loopback address');
    expect(out).toContain('TCP connect to 10.0.0.1:80 (in "swallows a refused connection")');
    expect(out).toMatch(/1 failed \| 1 passed/);
  });
});

describe('network guard: Node child processes started by tests', () => {
  const node = (code: string) => spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 20_000 });

  it('refuses a non-loopback connection in a child, and reports it to the parent', () => {
    const r = node("require('node:net').connect(80, '10.0.0.1')");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('network guard');
    expect(r.stderr).toContain('10.0.0.1:80');
    expect(takeChildViolations().map((v) => `${v.kind} ${v.address}`)).toEqual(['TCP connect 10.0.0.1:80']);
  });

  it('reports a refusal the child swallowed (the child itself exits 0)', () => {
    const r = node("try { require('node:net').connect(443, '8.8.8.8') } catch {} ; console.log('child done')");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('child done');
    expect(takeChildViolations().map((v) => v.address)).toEqual(['8.8.8.8:443']);
  });

  it('lets a child reach loopback', async () => {
    const server = net.createServer((s) => s.end('hi child'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.5', r));
    const { port } = server.address() as net.AddressInfo;
    try {
      const out = await new Promise<string>((resolve) => {
        let buf = '';
        const c = spawn(process.execPath, ['-e', `require('node:net').connect(${port}, '127.0.0.5').pipe(process.stdout)`]);
        c.stdout.on('data', (d: Buffer) => (buf += d.toString()));
        c.on('close', () => resolve(buf));
      });
      expect(out).toBe('hi child');
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(takeChildViolations()).toEqual([]);
  });
});
