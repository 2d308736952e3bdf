import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { createServer as createHttp } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeHttpFetcher } from '../../../../main/adapters/network/http-fetcher.js';
import { FileNeighborTable } from '../../../../main/adapters/network/neighbor-table.js';
import { tempDir } from '../../../support/fakes.js';

let hang: Server;
let big: ReturnType<typeof createHttp>;
let hangPort = 0;
let bigPort = 0;

beforeAll(async () => {
  hang = createServer((s) => s.on('error', () => {}));
  await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
  hangPort = (hang.address() as { port: number }).port;
  big = createHttp((_, res) => res.writeHead(200, { Server: 'lab' }).end('x'.repeat(100_000)));
  await new Promise<void>((r) => big.listen(0, '127.0.0.1', r));
  bigPort = (big.address() as { port: number }).port;
});
afterAll(() => {
  hang.close();
  big.close();
});

describe('NodeHttpFetcher', () => {
  const f = new NodeHttpFetcher();
  it('rejects at the deadline when the peer accepts and never answers', async () => {
    const t0 = Date.now();
    await expect(f.request(`http://127.0.0.1:${hangPort}/`, { deadlineMs: 300 })).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  it('caps the body and says so', async () => {
    const r = await f.request(`http://127.0.0.1:${bigPort}/`, { deadlineMs: 2000, maxBytes: 1000 });
    expect(r).toMatchObject({ status: 200, truncated: true });
    expect(r.body).toHaveLength(1000);
    expect(r.headers.server).toBe('lab');
  });
  it('refuses public hosts before connecting', async () => {
    await expect(f.request('http://8.8.8.8/', { deadlineMs: 100 })).rejects.toMatchObject({ code: 'refused' });
    expect(() => f.connects('1.1.1.1', 80, 100)).toThrow(/not an address in your home network/);
  });
  it('connects() tells an accepting port from a closed one', async () => {
    expect(await f.connects('127.0.0.1', hangPort, 500)).toBe(true);
    expect(await f.connects('127.0.0.1', 1, 500)).toBe(false);
  });
});

describe('FileNeighborTable', () => {
  it('reads ip-neigh and /proc/net/arp formats, re-reading on each call', async () => {
    const dir = tempDir();
    const file = join(dir, 'n.txt');
    writeFileSync(file, '127.0.0.41 dev lo lladdr fc:a6:67:21:9e:41 REACHABLE\n');
    const t = new FileNeighborTable(file);
    expect(await t.read()).toEqual([{ ip: '127.0.0.41', mac: 'fc:a6:67:21:9e:41', interface: 'lo', state: 'REACHABLE' }]);
    writeFileSync(file, 'IP address       HW type     Flags       HW address            Mask     Device\n127.0.0.42 0x1 0x2 f4:f5:d8:3b:10:42 * lo\n');
    expect((await t.read())[0]).toMatchObject({ ip: '127.0.0.42', mac: 'f4:f5:d8:3b:10:42' });
  });
});
