/**
 * Issue 13, finding 7: the harness answers every request with a typed result — a malformed
 * percent-encoding in the channel name, a body over 1 MiB, garbage JSON — checks the Host header
 * (127.0.0.1 / localhost with its own port: no DNS rebinding) and keeps refusing foreign origins.
 * Real HTTP on loopback, the real harness and core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness } from '../../harness/server.js';
import { tempDir } from '../../support/fakes.js';

const dir = tempDir('porchlight-harness-req-');
let h: { url: string; close: () => Promise<void> };
let port = 0;
let origin = '';

beforeAll(async () => {
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head></head><body>app</body></html>');
  h = await startHarness({ port: 0, profileDir: join(dir, 'profile'), rendererDir: renderer, testControl: false });
  origin = new URL(h.url).origin;
  port = Number(new URL(h.url).port);
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request (node:http lets the test set Host and send any path and body). */
function raw(method: string, path: string, opts: { host?: string; origin?: string; body?: Buffer | string } = {}): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: opts.host ?? `127.0.0.1:${port}`, ...(opts.origin ? { origin: opts.origin } : {}), 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const typed = (r: { type: string; text: string }) => {
  expect(r.type).toMatch(/^application\/json/);
  const v = JSON.parse(r.text) as { ok: boolean; error?: { code: string; message: string } };
  expect(v.ok).toBe(false);
  return v.error!;
};

describe('harness: every request gets a typed answer', () => {
  it('a malformed percent-encoding in the channel name → invalid-arguments (not a 500 with a raw message)', async () => {
    const r = await raw('POST', '/ipc/app%3Ainfo%', { origin, body: '{"args":{}}' });
    expect(r.status).toBe(200);
    expect(typed(r)).toEqual({ code: 'invalid-arguments', message: 'The request could not be read.' });
  });

  it('a body over 1 MiB → invalid-arguments, and the connection is not reset', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x61);
    const r = await raw('POST', '/ipc/app%3Ainfo', { origin, body: big });
    expect(typed(r)).toEqual({ code: 'invalid-arguments', message: 'The request is too large.' });
  });

  it('garbage JSON → invalid-arguments; a well-formed call still works', async () => {
    expect(typed(await raw('POST', '/ipc/app%3Ainfo', { origin, body: '{"args":' })).code).toBe('invalid-arguments');
    const ok = await raw('POST', '/ipc/app%3Ainfo', { origin, body: '{"args":{}}' });
    expect(JSON.parse(ok.text)).toMatchObject({ ok: true, value: { host: 'harness' } });
  });

  it('keeps the Origin check: another page or no origin is refused', async () => {
    expect(typed(await raw('POST', '/ipc/app%3Ainfo', { origin: 'http://evil.example', body: '{"args":{}}' })).code).toBe('forbidden-sender');
    expect(typed(await raw('POST', '/ipc/app%3Ainfo', { body: '{"args":{}}' })).code).toBe('forbidden-sender');
  });
});

describe('harness: Host allow-list (DNS rebinding)', () => {
  it.each(['evil.example', 'evil.example:PORT', '127.0.0.1:1', '127.0.0.1.evil.example:PORT', 'localhost'])('refuses Host %j, for static files and the API alike', async (host) => {
    const h2 = host.replace('PORT', String(port));
    const page = await raw('GET', '/', { host: h2 });
    expect(page.status).toBe(421);
    expect(typed(page).code).toBe('forbidden-sender');
    expect(page.text).not.toContain('app');
    expect((await raw('POST', '/ipc/app%3Ainfo', { host: h2, origin, body: '{"args":{}}' })).status).toBe(421);
  });

  it('serves 127.0.0.1:<port> and localhost:<port>', async () => {
    expect((await raw('GET', '/')).text).toContain('/preload.js');
    expect((await raw('GET', '/', { host: `localhost:${port}` })).status).toBe(200);
  });
});

describe('harness: browser mode for people (no --test-control)', () => {
  it('has none of the test endpoints: the clock cannot be moved, the lab not started, the opened links not read', async () => {
    // A page on another site can POST to loopback without a preflight; these must not exist here.
    for (const path of ['/__test/clock', '/__test/survey/lab/start', '/__test/survey/lab/stop']) {
      const r = await raw('POST', path, { origin, body: '{"offsetDays":400,"seconds":4}' });
      expect(r.status, path).toBe(405);
      expect(r.text, path).toBe('method not allowed');
    }
    const opened = await raw('GET', '/__test/opened', { origin });
    expect(opened.status).toBe(404);
    expect(opened.text).toBe('not found');
  });
});
