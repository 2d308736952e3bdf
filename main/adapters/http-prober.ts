import type { IncomingMessage } from 'node:http';
import { httpRequest } from './node-http.js';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { HttpProbeRequest, HttpProbeResponse, HttpProber } from '../core/ports.js';
import { PorchlightError } from '../core/errors.js';
import { addressScope } from '../core/credentials/address-scope.js';

/** Bodies beyond this are cut: a login page never needs more, and a hostile peer cannot fill memory. */
const MAX_BODY = 256 * 1024;

/**
 * The real HttpProber on node:http/https. Refuses public addresses before a socket exists, uses no
 * keep-alive agent, destroys the request at its deadline, and accepts an untrusted certificate only
 * when the core asked for it (the gateway).
 */
export class NodeHttpProber implements HttpProber {
  send(req: HttpProbeRequest): Promise<HttpProbeResponse> {
    if (addressScope(req.host) === 'public') {
      return Promise.reject(new PorchlightError('refused', 'error.address-not-local', { host: req.host }));
    }
    if (!req.path.startsWith('/')) return Promise.reject(new PorchlightError('invalid-arguments', 'error.internal', { detail: 'request path must start with "/"' }));
    return new Promise<HttpProbeResponse>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const headers: Record<string, string> = { ...req.headers, connection: 'close' };
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
      const options = {
        host: req.host,
        port: req.port,
        method: req.method,
        path: req.path,
        headers,
        agent: false as const,
        ...(req.https ? { rejectUnauthorized: !req.allowUntrustedCertificate, servername: '' } : {}),
      };
      const onResponse = (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const untrusted = req.https ? !(res.socket as TLSSocket).authorized : false;
        const done = () =>
          finish(() =>
            resolve({
              status: res.statusCode ?? 0,
              headers: collectHeaders(res),
              body: Buffer.concat(chunks).toString('utf8'),
              untrustedCertificate: untrusted,
            }),
          );
        res.on('data', (c: Buffer) => {
          if (size >= MAX_BODY) return;
          chunks.push(c.subarray(0, MAX_BODY - size));
          size += c.length;
          if (size >= MAX_BODY) {
            done();
            res.destroy();
          }
        });
        res.on('end', done);
        res.on('error', (e) => finish(() => reject(toPorchlightError(e, req))));
        res.on('close', done);
      };
      const r = req.https ? httpsRequest(options, onResponse) : httpRequest(options, onResponse);
      const timer = setTimeout(() => {
        finish(() => reject(new PorchlightError('timeout', 'error.no-answer', { address: `${req.host}:${req.port}`, count: Math.round(req.timeoutMs / 100) / 10 })));
        r.destroy();
      }, req.timeoutMs);
      r.on('error', (e) => finish(() => reject(toPorchlightError(e, req))));
      r.end(req.body);
    });
  }
}

function collectHeaders(res: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const k = raw[i]!.toLowerCase();
    (out[k] ??= []).push(raw[i + 1]!);
  }
  return out;
}

function toPorchlightError(e: Error & { code?: string }, req: HttpProbeRequest): PorchlightError {
  const where = `${req.host}:${req.port}`;
  if (e.code === 'ECONNREFUSED') return new PorchlightError('refused', 'error.connection-refused', { address: where }, { cause: e });
  if (e.code === 'ECONNRESET') return new PorchlightError('refused', 'error.connection-closed', { address: where }, { cause: e });
  if (e.code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(e.code)) {
    return new PorchlightError('refused', 'error.certificate-untrusted', { address: where }, { cause: e });
  }
  return new PorchlightError('refused', 'error.unreachable', { address: where, detail: e.code ?? e.message }, { cause: e });
}

/**
 * Pace overrides from the environment (PORCHLIGHT_PROBE_DELAY_MS, PORCHLIGHT_PROBE_TIMEOUT_MS),
 * for the lab and the e2e harness; the core still clamps them to its limits.
 */
export function proberSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): { delayMs?: number; requestTimeoutMs?: number } {
  const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  const out: { delayMs?: number; requestTimeoutMs?: number } = {};
  const d = num(env.PORCHLIGHT_PROBE_DELAY_MS);
  const t = num(env.PORCHLIGHT_PROBE_TIMEOUT_MS);
  if (d !== undefined) out.delayMs = d;
  if (t !== undefined) out.requestTimeoutMs = t;
  return out;
}
