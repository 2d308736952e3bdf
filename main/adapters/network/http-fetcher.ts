/**
 * HttpFetcher over node:http/https: one request, no redirects, a hard deadline covering connect and
 * body, a body cap, and a refusal to contact anything but private or loopback IPv4 addresses.
 */
import { httpRequest } from '../node-http.js';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import type { HttpAnswer, HttpFetcher } from '../../core/ports.js';
import { PorchlightError } from '../../core/errors.js';
import { isProbeable } from '../../core/network/ip.js';

function assertLocal(host: string): void {
  if (!isProbeable(host)) throw new PorchlightError('refused', 'error.address-not-local', { host });
}

export class NodeHttpFetcher implements HttpFetcher {
  request(url: string, opts: { deadlineMs: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; maxBytes?: number }): Promise<HttpAnswer> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return Promise.reject(new PorchlightError('invalid-arguments', 'error.internal', { detail: 'not a URL' }));
    }
    try {
      assertLocal(u.hostname);
    } catch (err) {
      return Promise.reject(err);
    }
    const maxBytes = opts.maxBytes ?? 256 * 1024;
    return new Promise((resolve, reject) => {
      const make = u.protocol === 'https:' ? httpsRequest : httpRequest;
      let settled = false;
      const settle = (fn: () => void) => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          fn();
        }
      };
      const req = make(
        u,
        {
          method: opts.method ?? 'GET',
          headers: { 'User-Agent': 'Porchlight/1 (home survey)', Accept: '*/*', ...(opts.headers ?? {}) },
          family: 4,
          // Router admin pages use self-signed certificates; nothing secret is sent on these requests.
          rejectUnauthorized: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          let truncated = false;
          res.on('data', (c: Buffer) => {
            if (truncated) return;
            size += c.length;
            if (size > maxBytes) {
              truncated = true;
              chunks.push(c.subarray(0, c.length - (size - maxBytes)));
              res.destroy();
              finishBody();
            } else chunks.push(c);
          });
          const finishBody = () =>
            settle(() => {
              const headers: Record<string, string> = {};
              for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
              resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8'), truncated });
            });
          res.on('end', finishBody);
          res.on('error', (err) => settle(() => reject(new PorchlightError('internal', 'error.internal', { detail: err.message }))));
        },
      );
      const timer = setTimeout(() => {
        settle(() => reject(new PorchlightError('timeout', 'error.no-answer', { address: u.host, count: Math.round(opts.deadlineMs / 100) / 10 })));
        req.destroy();
      }, opts.deadlineMs);
      req.on('error', (err: NodeJS.ErrnoException) => settle(() => reject(new PorchlightError(err.code === 'ECONNREFUSED' ? 'refused' : 'internal', 'error.unreachable', { address: u.host, detail: err.code ?? 'error' }))));
      if (opts.body) req.write(opts.body);
      req.end();
    });
  }

  connects(host: string, port: number, deadlineMs: number): Promise<boolean> {
    assertLocal(host);
    return new Promise((resolve) => {
      const s = connect({ host, port, family: 4 });
      const done = (ok: boolean) => {
        clearTimeout(t);
        s.destroy();
        resolve(ok);
      };
      const t = setTimeout(() => done(false), deadlineMs);
      s.once('connect', () => done(true));
      s.once('error', () => done(false));
    });
  }
}
