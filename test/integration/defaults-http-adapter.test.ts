/**
 * The real NodeHttpProber against real sockets on loopback: deadlines, bounded bodies, repeated
 * headers, refused connections, and refusal of public addresses before any socket is opened.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHttpProber } from '../../main/adapters/http-prober.js';
import type { HttpProbeRequest } from '../../main/core/ports.js';

let server: Server;
let port = 0;
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hang') {
      held.push(res);
      return;
    }
    if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('x'.repeat(1024 * 1024));
      return;
    }
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2']);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`${req.method} ${req.url} ${req.headers.cookie ?? '-'} ${body}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  for (const r of held) r.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

const req = (over: Partial<HttpProbeRequest>): HttpProbeRequest => ({
  host: '127.0.0.1',
  port,
  https: false,
  method: 'GET',
  path: '/',
  headers: {},
  timeoutMs: 2000,
  allowUntrustedCertificate: false,
  ...over,
});

describe('NodeHttpProber (real sockets on loopback)', () => {
  const http = new NodeHttpProber();

  it('sends method, path, headers and body; collects repeated headers', async () => {
    const r = await http.send(req({ method: 'POST', path: '/login?x=1', headers: { cookie: 's=1', 'content-type': 'application/x-www-form-urlencoded' }, body: 'u=a&p=b' }));
    expect(r.status).toBe(200);
    expect(r.body).toBe('POST /login?x=1 s=1 u=a&p=b');
    expect(r.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2']);
    expect(r.untrustedCertificate).toBe(false);
  });

  it('ends a hung exchange at its deadline with code timeout', async () => {
    const started = Date.now();
    await expect(http.send(req({ path: '/hang', timeoutMs: 300 }))).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('a listener that never answers also ends at the deadline', async () => {
    const sockets: Socket[] = [];
    const silent = createNetServer((sock) => sockets.push(sock));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const p = (silent.address() as { port: number }).port;
    const started = Date.now();
    await expect(http.send(req({ port: p, timeoutMs: 300 }))).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
    for (const sock of sockets) sock.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  });

  it('cuts bodies at 256 KiB', async () => {
    const r = await http.send(req({ path: '/big' }));
    expect(r.body.length).toBe(256 * 1024);
  });

  it('reports a closed port as refused', async () => {
    const closed = createNetServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const p = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(http.send(req({ port: p }))).rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/refused the connection/) });
  });

  it('refuses public addresses and names before opening a socket (the network guard sees nothing)', async () => {
    for (const host of ['8.8.8.8', '2001:4860:4860::8888', 'example.com']) {
      await expect(http.send(req({ host, port: 80 }))).rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/nothing was sent/) });
    }
  });
});
