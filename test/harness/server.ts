/**
 * The test harness: serves the built renderer and answers the same IPC contract over HTTP on
 * 127.0.0.1, backed by the real core and real adapters, with an isolated profile directory.
 * It is how the renderer runs where Electron cannot (and what `npm start` falls back to).
 *
 * Differences from Electron, on purpose and documented: the "preload" is a script served at
 * /preload.js that defines the same `window.porchlight` functions over fetch; sub-frame detection
 * is not possible over HTTP (the page's CSP forbids frames instead); the sender check is the
 * request's Origin header.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeCore, APP_ROOT } from '../../main/compose.js';
import { dispatch } from '../../main/ipc/register.js';
import { CHANNEL_NAMES, API_GLOBAL } from '../../main/ipc/contract.js';
import { SECURITY_HEADERS } from '../../main/csp.js';
import { readRendererFile } from '../../main/static-files.js';
import { SystemClock } from '../../main/adapters/system-clock.js';
import { testControlRoutes, type TestControlContext } from './test-control.js';
import { harnessSurveyNetwork } from './control/survey.js';
import { nodeNetworkDeps } from '../../main/adapters/network/index.js';
import { NodeWifiScanner } from '../../main/adapters/wifi/node-wifi-scanner.js';
import { SystemOpener } from '../../main/adapters/system-opener.js';
import { browserModeNotice } from '../../main/core/notices.js';

const MAX_BODY = 1024 * 1024;

/** The browser-side stand-in for main/preload.ts: one function per contract channel, nothing else. */
export function harnessPreloadScript(): string {
  const fns = CHANNEL_NAMES.map((c) => `  ${JSON.stringify(c)}: (args) => call(${JSON.stringify(c)}, args),`).join('\n');
  return `"use strict";
(() => {
  const call = (channel, args) =>
    fetch('/ipc/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args: args === undefined ? {} : args }),
    }).then((r) => r.json()).catch(() => ({ ok: false, error: { code: 'internal', message: 'Porchlight is not responding.' } }));
  Object.defineProperty(window, ${JSON.stringify(API_GLOBAL)}, { value: Object.freeze({
${fns}
  }), writable: false, configurable: false });
})();
`;
}

/** A body, or `null` when it was larger than MAX_BODY (the rest is read and dropped, so the answer still arrives). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const typedError = (code: string, message: string) => JSON.stringify({ ok: false, error: { code, message } });

/** `host:port` values a request may be addressed to: this server's own, by address or by name (no DNS rebinding). */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

export interface HarnessOptions {
  port: number;
  profileDir: string;
  rendererDir: string;
  testControl: boolean;
  /** Browser mode only: where exports are saved (default Documents/Porchlight). */
  reportsDir?: string;
}

/** The user's documents folder: XDG_DOCUMENTS_DIR (user-dirs.dirs) on Linux, else ~/Documents. */
export function documentsDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const config = join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'user-dirs.dirs');
  if (process.platform === 'linux' && existsSync(config)) {
    const m = /^XDG_DOCUMENTS_DIR="([^"]+)"/m.exec(readFileSync(config, 'utf8'));
    const dir = m?.[1]?.replace(/^\$HOME/, home);
    if (dir && isAbsolute(dir) && dir !== home) return dir;
  }
  return join(home, 'Documents');
}

/** What browser mode cannot do, said in the app (the same words as the README). */
/** Starts the harness; resolves with its URL once listening on 127.0.0.1. */
export async function startHarness(opts: HarnessOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const clock = new SystemClock();
  const opened: string[] = [];
  // Two modes. With --test-control (the tests): the survey sees only the loopback lab, Wi-Fi only a
  // fake nmcli, links are recorded, exports stay in the profile. Browser mode (npm start without
  // Electron): the same real parts as the desktop app — the active interface (after the welcome
  // step's consent), the OS Wi-Fi scan, the user's browser for links, exports in Documents/Porchlight.
  const reportsDir = opts.testControl ? undefined : resolve(opts.reportsDir ?? join(documentsDir(), 'Porchlight'));
  const core = createNodeCore({
    host: 'harness',
    profileDir: opts.profileDir,
    clock,
    opener: opts.testControl
      ? {
          // Under test the harness never launches a browser: it records what the app asked to open.
          async open(url) {
            opened.push(url);
          },
        }
      : new SystemOpener(),
    network: opts.testControl ? harnessSurveyNetwork() : nodeNetworkDeps(),
    ...(opts.testControl ? {} : { wifi: new NodeWifiScanner(), reportsDir }),
  });
  if (reportsDir) core.notices.push(browserModeNotice(reportsDir));
  let origin = '';
  const control: TestControlContext = { core, clock, opened };
  const routes = opts.testControl ? testControlRoutes(control) : {};

  let hosts: string[] = [];
  const server = createServer(async (req, res) => {
    try {
      // A page on another name that resolves here (DNS rebinding) must not read anything.
      if (!hosts.includes((req.headers.host ?? '').toLowerCase())) {
        req.resume();
        send(res, 421, 'application/json', typedError('forbidden-sender', 'Requests must be addressed to this Porchlight window (127.0.0.1 or localhost with its port).'));
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname.startsWith('/ipc/')) {
        const raw = await readBody(req);
        if (raw === null) {
          send(res, 200, 'application/json', typedError('invalid-arguments', 'The request is too large.'));
          return;
        }
        let body: unknown;
        let channel: string;
        try {
          body = JSON.parse(raw);
          channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
        } catch {
          send(res, 200, 'application/json', typedError('invalid-arguments', 'The request could not be read.'));
          return;
        }
        const args = body && typeof body === 'object' && Object.prototype.hasOwnProperty.call(body, 'args') ? (body as { args: unknown }).args : undefined;
        const result = await dispatch(core, channel, args, { origin: req.headers.origin ?? null, isMainFrame: true }, { allowedOrigins: [origin] });
        send(res, 200, 'application/json', JSON.stringify(result));
        return;
      }
      const route = routes[`${req.method} ${url.pathname}`];
      if (route) {
        const raw = req.method === 'POST' ? await readBody(req) : '';
        let parsed: Record<string, unknown>;
        try {
          if (raw === null) throw new Error('too large');
          parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        } catch {
          send(res, 200, 'application/json', typedError('invalid-arguments', 'The request could not be read.'));
          return;
        }
        const out = await route(parsed, url);
        send(res, 200, 'application/json', JSON.stringify(out ?? { ok: true }));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        req.resume();
        send(res, 405, 'text/plain', 'method not allowed');
        return;
      }
      if (url.pathname === '/preload.js') {
        send(res, 200, 'text/javascript; charset=utf-8', harnessPreloadScript());
        return;
      }
      const file = await readRendererFile(opts.rendererDir, url.pathname);
      if (!file) {
        send(res, 404, 'text/plain', 'not found');
        return;
      }
      let body: string | Buffer = file.body;
      if (file.type.startsWith('text/html')) {
        body = file.body.toString('utf8').replace('<head>', '<head>\n    <script src="/preload.js"></script>');
      }
      send(res, 200, file.type, body);
    } catch (err) {
      // Never a raw library message or a reset: a typed answer, the details in the log.
      core.deps.log.error('harness request failed', { path: (req.url ?? '').slice(0, 200), error: (err as Error)?.message });
      if (!res.headersSent) send(res, 500, 'application/json', typedError('internal', 'Something went wrong inside Porchlight. Details were written to the local log.'));
      else res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  origin = `http://127.0.0.1:${port}`;
  hosts = allowedHosts(port);
  return {
    url: `${origin}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const isEntry = process.argv[1]?.endsWith('harness.mjs');
if (isEntry) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      profile: { type: 'string' },
      renderer: { type: 'string' },
      'test-control': { type: 'boolean', default: false },
      open: { type: 'boolean', default: false },
      reports: { type: 'string' },
    },
  });
  const profileDir = values.profile ?? mkdtempSync(join(tmpdir(), 'porchlight-profile-'));
  const h = await startHarness({
    port: Number(values.port),
    profileDir,
    rendererDir: values.renderer ?? join(APP_ROOT, 'dist', 'renderer'),
    testControl: values['test-control'],
    reportsDir: values.reports,
  });
  // Tests read the address from this JSON line; a person (npm start, --open) gets a sentence instead.
  if (values.open) process.stderr.write(`Porchlight (browser mode) is running at ${h.url} — open that address in your web browser. Ctrl+C stops it.\n`);
  else process.stdout.write(JSON.stringify({ url: h.url, profileDir }) + '\n');
  const stop = () => h.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
