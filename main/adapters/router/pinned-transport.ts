/**
 * The real RouterTransport on node:http/https: local addresses only, no keep-alive, a hard deadline,
 * and TLS pinned on first use — the router's certificate (self-signed on every FRITZ!Box) is not
 * checked against a CA; its SHA-256 fingerprint is compared with the pinned one after the handshake
 * and BEFORE any byte of the request is written. A mismatch closes the connection and says so.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { httpRequest } from '../node-http.js';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { PorchlightError } from '../../core/errors.js';
import { addressScope } from '../../core/credentials/address-scope.js';
import type { RouterHttpRequest, RouterHttpResponse, RouterTransport } from '../../core/router-api/transport.js';

const MAX_BODY = 512 * 1024;

export class PinnedRouterTransport implements RouterTransport {
  send(req: RouterHttpRequest): Promise<RouterHttpResponse> {
    if (addressScope(req.host) === 'public') return Promise.reject(new PorchlightError('refused', 'error.address-not-local', { host: req.host }));
    if (!req.path.startsWith('/')) return Promise.reject(new PorchlightError('invalid-arguments', 'error.internal', { detail: 'request path must start with "/"' }));
    return new Promise<RouterHttpResponse>((resolve, reject) => {
      let settled = false;
      let fingerprint: string | null = null;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const headers: Record<string, string> = { ...req.headers, connection: 'close' };
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
      const options = { host: req.host, port: req.port, method: req.method, path: req.path, headers, agent: false as const, ...(req.https ? { rejectUnauthorized: false, servername: '' } : {}) };
      const onResponse = (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => finish(() => resolve({ kind: 'answer', status: res.statusCode ?? 0, headers: collect(res), body: Buffer.concat(chunks).toString('utf8'), certificateFingerprint: fingerprint }));
        res.on('data', (c: Buffer) => {
          if (size >= MAX_BODY) return;
          chunks.push(c.subarray(0, MAX_BODY - size));
          size += c.length;
        });
        res.on('end', done);
        res.on('close', done);
        res.on('error', (e) => finish(() => reject(toError(e, req))));
      };
      const r: ClientRequest = req.https ? httpsRequest(options, onResponse) : httpRequest(options, onResponse);
      const timer = setTimeout(() => {
        finish(() => reject(new PorchlightError('timeout', 'error.no-answer', { address: `${req.host}:${req.port}`, count: Math.round(req.timeoutMs / 100) / 10 })));
        r.destroy();
      }, req.timeoutMs);
      r.on('error', (e) => finish(() => reject(toError(e, req))));
      if (!req.https) {
        r.end(req.body);
        return;
      }
      r.on('socket', (s) => {
        const tls = s as TLSSocket;
        tls.once('secureConnect', () => {
          fingerprint = tls.getPeerCertificate()?.fingerprint256 ?? null;
          if (!fingerprint || (req.pin !== null && fingerprint !== req.pin)) {
            const seen = fingerprint ?? '';
            finish(() => resolve({ kind: 'pin-mismatch', certificateFingerprint: seen }));
            r.destroy();
            return;
          }
          r.end(req.body);
        });
      });
    });
  }
}

function collect(res: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) (out[raw[i]!.toLowerCase()] ??= []).push(raw[i + 1]!);
  return out;
}

function toError(e: Error & { code?: string }, req: RouterHttpRequest): PorchlightError {
  return new PorchlightError('refused', 'error.unreachable', { address: `${req.host}:${req.port}`, detail: e.code ?? 'error' });
}
