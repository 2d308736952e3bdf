/**
 * Runs Debian's lighttpd for the lab router: admin page on ip:80, UPnP and TR-064 descriptions on
 * ip:49000, from a config generated into the lab's temp directory. A real HTTP server, so the
 * survey's HTTP client meets real headers, real 404s (e.g. /HNAP1/) and real keep-alive behaviour.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ROUTER_FILES } from './router-files.js';

/** Where lighttpd lives on Debian (apt package `lighttpd`). */
export const LIGHTTPD = process.env.PORCHLIGHT_LIGHTTPD ?? '/usr/sbin/lighttpd';

const waitForPort = async (host: string, port: number, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host, port });
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`lighttpd did not start listening on ${host}:${port}`);
};

/** Starts lighttpd for the router at `ip`; resolves once both ports accept connections. */
export async function startRouterLighttpd(dir: string, ip: string): Promise<{ stop: () => Promise<void>; process: ChildProcess }> {
  if (!existsSync(LIGHTTPD)) throw new Error(`lighttpd is not installed at ${LIGHTTPD} (apt-get install lighttpd)`);
  for (const [sub, files] of Object.entries(ROUTER_FILES)) {
    mkdirSync(join(dir, sub), { recursive: true });
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, sub, name), body);
  }
  const conf = join(dir, 'lighttpd.conf');
  writeFileSync(
    conf,
    [
      `server.document-root = "${join(dir, 'admin')}"`,
      `server.bind = "${ip}"`,
      'server.port = 80',
      `server.errorlog = "${join(dir, 'lighttpd-error.log')}"`,
      'index-file.names = ( "index.html" )',
      'mimetype.assign = ( ".xml" => "text/xml; charset=utf-8", ".html" => "text/html; charset=utf-8" )',
      `$SERVER["socket"] == "${ip}:49000" { server.document-root = "${join(dir, 'tr64')}" }`,
      '',
    ].join('\n'),
  );
  // setpriv --pdeathsig: lighttpd dies with the process that started it, even on SIGKILL (the e2e
  // harness is killed that way), so no stale server keeps the lab address bound.
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
  const [cmd, args] = setpriv ? [setpriv, ['--pdeathsig', 'TERM', LIGHTTPD, '-D', '-f', conf]] : [LIGHTTPD, ['-D', '-f', conf]];
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => {
      const log = existsSync(join(dir, 'lighttpd-error.log')) ? readFileSync(join(dir, 'lighttpd-error.log'), 'utf8') : '';
      reject(new Error(`lighttpd exited (${code}): ${stderr}${log}`.slice(0, 800)));
    }),
  );
  exited.catch(() => {});
  await Promise.race([Promise.all([waitForPort(ip, 80, 5000), waitForPort(ip, 49000, 5000)]), exited]);
  return {
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
