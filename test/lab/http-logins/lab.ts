/**
 * The loopback HTTP-login lab: real lighttpd servers (Debian's lighttpd with mod_auth, mod_cgi and
 * mod_accesslog) acting as router and camera admin pages, each on its own 127.0.5.x address, plus
 * one TCP listener that never answers. Usable from vitest and Playwright; every server keeps its
 * own access log, which tests read to count attempts.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const LIGHTTPD = process.env.LIGHTTPD ?? '/usr/sbin/lighttpd';
const PYTHON = process.env.LAB_PYTHON ?? '/usr/bin/python3';
const OPENSSL = process.env.LAB_OPENSSL ?? 'openssl';

/** The lab's servers: the names tests refer to. */
export type LabServerName =
  | 'basic-factory'
  | 'digest-factory'
  | 'basic-changed'
  | 'form-factory'
  | 'form-always-200'
  | 'form-lockout'
  | 'hung'
  | 'https-gateway'
  | 'form-status-redirect'
  | 'form-public-status'
  | 'form-luci';

interface Spec {
  name: LabServerName;
  address: string;
  kind: 'basic' | 'digest' | 'form' | 'hang';
  mode?: 'factory' | 'always200' | 'lockout' | 'status-redirect' | 'public-status' | 'luci';
  /** The vendor whose admin page this server imitates (dataset id). */
  vendor: string | null;
  realm?: string;
  username: string;
  password: string;
  /** The password is the vendor's public factory default. */
  factory: boolean;
  /** Serve https with a self-signed certificate made at start (openssl). */
  tls?: boolean;
}

/** A random password for the servers whose password was "changed" (never a public default). */
const changed = () => `lab-${createHash('sha256').update(String(Math.random()) + Date.now()).digest('hex').slice(0, 20)}`;

const SPECS = (): Spec[] => [
  { name: 'basic-factory', address: '127.0.5.1', kind: 'basic', vendor: 'netgear', realm: 'NETGEAR R7000', username: 'admin', password: 'password', factory: true },
  { name: 'digest-factory', address: '127.0.5.2', kind: 'digest', vendor: 'hikvision', realm: 'DS-2CD2142FWD-I', username: 'admin', password: '12345', factory: true },
  { name: 'basic-changed', address: '127.0.5.3', kind: 'basic', vendor: 'netgear', realm: 'NETGEAR R7000', username: 'admin', password: changed(), factory: false },
  { name: 'form-factory', address: '127.0.5.4', kind: 'form', mode: 'factory', vendor: 'asus', username: 'admin', password: 'admin', factory: true },
  { name: 'form-always-200', address: '127.0.5.5', kind: 'form', mode: 'always200', vendor: null, username: 'admin', password: changed(), factory: false },
  { name: 'form-lockout', address: '127.0.5.6', kind: 'form', mode: 'lockout', vendor: null, username: 'admin', password: changed(), factory: false },
  { name: 'hung', address: '127.0.5.7', kind: 'hang', vendor: null, username: '', password: '', factory: false },
  { name: 'https-gateway', address: '127.0.5.8', kind: 'basic', vendor: 'netgear', realm: 'NETGEAR RAX50', username: 'admin', password: 'password', factory: true, tls: true },
  // a static login page, a cookie-protected status page; admin/1234 is one of the 5 common factory logins (maker unknown)
  { name: 'form-status-redirect', address: '127.0.5.9', kind: 'form', mode: 'status-redirect', vendor: null, username: 'admin', password: '1234', factory: true },
  { name: 'form-public-status', address: '127.0.5.10', kind: 'form', mode: 'public-status', vendor: null, username: 'admin', password: changed(), factory: false },
  { name: 'form-luci', address: '127.0.5.11', kind: 'form', mode: 'luci', vendor: 'openwrt', username: 'root', password: '', factory: true },
];

/** One running lab server. `password` is a lab value (a public default or a throwaway), never a user secret. */
export interface LabServer {
  name: LabServerName;
  host: string;
  port: number;
  /** "host:port", as `porchlight defaults check --host` takes it. */
  target: string;
  url: string;
  login: 'basic' | 'digest' | 'form' | 'hang';
  vendor: string | null;
  factory: boolean;
  username: string;
  password: string;
  accessLog: string;
}

export interface HttpLoginLab {
  dir: string;
  servers: Record<LabServerName, LabServer>;
  /** Switches a server to new credentials (as a user changing the admin password would). */
  setPassword(name: LabServerName, username: string, password: string): void;
  /** The server's access-log lines (for the hung listener: one line per accepted connection). */
  accessLines(name: LabServerName): string[];
  /** Credential attempts the server saw, read from its own access log. */
  credentialAttempts(name: LabServerName): number;
  /**
   * Makes lighttpd write out its buffered access-log lines (it buffers them; SIGHUP makes it flush
   * and reopen its logs). Call before reading the logs.
   */
  flushLogs(): Promise<void>;
  /** Failed logins the lockout server counted (its lock trips at 3). */
  lockoutFailures(): number;
  stop(): Promise<void>;
}

async function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, address, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitListening(host: string, port: number, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock: Socket = connect({ host, port });
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`lab server ${host}:${port} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const htpasswdLine = (user: string, pass: string) => `${user}:{SHA}${createHash('sha1').update(pass).digest('base64')}\n`;
const htdigestLine = (user: string, realm: string, pass: string) => `${user}:${realm}:${createHash('md5').update(`${user}:${realm}:${pass}`).digest('hex')}\n`;

function lighttpdConfig(spec: Spec, port: number, dir: string): string {
  const q = (s: string) => JSON.stringify(s);
  const common = [
    `server.document-root = ${q(join(dir, 'www'))}`,
    `server.bind = ${q(spec.address)}`,
    `server.port = ${port}`,
    `server.errorlog = ${q(join(dir, 'error.log'))}`,
    `server.tag = "lab-admin"`,
    `accesslog.filename = ${q(join(dir, 'access.log'))}`,
    // the Authorization header is logged so tests can count attempts; the lab only ever receives public defaults
    `accesslog.format = "%h %t \\"%r\\" %>s %b auth=\\"%{Authorization}i\\" ua=\\"%{User-Agent}i\\""`,
    `index-file.names = ("index.py", "index.html")`,
    ...(spec.tls ? [`ssl.engine = "enable"`, `ssl.pemfile = ${q(join(dir, 'cert.pem'))}`, `ssl.privkey = ${q(join(dir, 'key.pem'))}`] : []),
  ];
  if (spec.kind === 'form') {
    return [
      'server.modules = ("mod_setenv", "mod_cgi", "mod_accesslog")',
      ...common,
      `cgi.assign = (".py" => ${q(PYTHON)}, "/luci" => ${q(PYTHON)})`,
      `setenv.add-environment = ("LAB_MODE" => ${q(spec.mode!)}, "LAB_STATE" => ${q(join(dir, 'state'))})`,
    ].join('\n');
  }
  const backend = spec.kind === 'basic' ? 'htpasswd' : 'htdigest';
  return [
    `server.modules = ("mod_auth", "mod_authn_file", "mod_accesslog"${spec.tls ? ', "mod_openssl"' : ''})`,
    ...common,
    `auth.backend = ${q(backend)}`,
    `auth.backend.${backend}.userfile = ${q(join(dir, backend))}`,
    `auth.require = ("/" => ("method" => ${q(spec.kind)}, "realm" => ${q(spec.realm!)}, "require" => "valid-user"${spec.kind === 'digest' ? ', "algorithm" => "MD5"' : ''}))`,
  ].join('\n');
}

/** Starts the lab (all servers, or `only` those named) under a fresh temporary directory. */
export async function startHttpLoginLab(opts: { only?: LabServerName[]; dir?: string } = {}): Promise<HttpLoginLab> {
  const root = opts.dir ?? mkdtempSync(join(tmpdir(), 'porchlight-http-lab-'));
  const specs = SPECS().filter((s) => !opts.only || opts.only.includes(s.name));
  const procs: ChildProcess[] = [];
  const procOf = new Map<LabServerName, ChildProcess>();
  const hungServers: Server[] = [];
  const hungSockets = new Set<Socket>();
  const servers = {} as Record<LabServerName, LabServer>;
  const specOf = new Map<LabServerName, Spec>();

  const writeCredentials = (spec: Spec, dir: string) => {
    if (spec.kind === 'basic') writeFileSync(join(dir, 'htpasswd'), htpasswdLine(spec.username, spec.password));
    if (spec.kind === 'digest') writeFileSync(join(dir, 'htdigest'), htdigestLine(spec.username, spec.realm!, spec.password));
    if (spec.kind === 'form') writeFileSync(join(dir, 'state', 'creds.json'), JSON.stringify({ username: spec.username, password: spec.password }));
  };

  try {
    for (const spec of specs) {
      const dir = join(root, spec.name);
      mkdirSync(join(dir, 'www'), { recursive: true });
      mkdirSync(join(dir, 'state'), { recursive: true });
      const port = await freePort(spec.address);
      const accessLog = join(dir, 'access.log');
      specOf.set(spec.name, spec);
      if (spec.kind === 'hang') {
        writeFileSync(accessLog, '');
        const server = createServer((sock) => {
          hungSockets.add(sock);
          appendFileSync(accessLog, `${sock.remoteAddress} [${new Date().toISOString()}] connection accepted, never answered\n`);
          sock.on('close', () => hungSockets.delete(sock));
          sock.on('error', () => {});
        });
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, spec.address, () => resolve());
        });
        hungServers.push(server);
      } else {
        if (spec.mode === 'luci') {
          // OpenWrt: "/" sends the browser on to the LuCI CGI with a meta refresh
          mkdirSync(join(dir, 'www', 'cgi-bin'), { recursive: true });
          copyFileSync(join(HERE, 'form_app.py'), join(dir, 'www', 'cgi-bin', 'luci'));
          writeFileSync(join(dir, 'www', 'index.html'), '<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0; URL=cgi-bin/luci/" /></head><body><a href="cgi-bin/luci/">LuCI - Lua Configuration Interface</a></body></html>');
        } else if (spec.kind === 'form') {
          for (const script of ['index.py', 'login.py', 'status.py']) copyFileSync(join(HERE, 'form_app.py'), join(dir, 'www', script));
        } else {
          writeFileSync(join(dir, 'www', 'index.html'), `<!doctype html><html><body><h1>${spec.realm} administration</h1><p>Status: online</p></body></html>`);
        }
        writeCredentials(spec, dir);
        if (spec.tls) {
          // a self-signed certificate, as routers ship them (no secret in argv: the key is written by openssl itself)
          execFileSync(OPENSSL, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', '/CN=routerlogin.net',
            '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
        }
        writeFileSync(join(dir, 'lighttpd.conf'), lighttpdConfig(spec, port, dir));
        const proc = spawn(LIGHTTPD, ['-D', '-f', join(dir, 'lighttpd.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
        procs.push(proc);
        procOf.set(spec.name, proc);
        const exited = new Promise<never>((_r, reject) => proc.once('exit', (code) => reject(new Error(`lighttpd for ${spec.name} exited (${code}): ${stderr}`))));
        await Promise.race([waitListening(spec.address, port), exited]);
      }
      servers[spec.name] = {
        name: spec.name,
        host: spec.address,
        port,
        target: `${spec.address}:${port}`,
        url: `${spec.tls ? 'https' : 'http'}://${spec.address}:${port}/`,
        login: spec.kind,
        vendor: spec.vendor,
        factory: spec.factory,
        username: spec.username,
        password: spec.password,
        accessLog,
      };
    }
  } catch (err) {
    for (const p of procs) p.kill('SIGTERM');
    for (const s of hungServers) s.close();
    throw err;
  }

  const accessLines = (name: LabServerName) => {
    const file = servers[name]?.accessLog;
    if (!file || !existsSync(file)) return [];
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  };

  return {
    dir: root,
    servers,
    setPassword(name, username, password) {
      const spec = specOf.get(name);
      if (!spec || spec.kind === 'hang') throw new Error(`lab server ${name} has no password`);
      spec.username = username;
      spec.password = password;
      spec.factory = false;
      writeCredentials(spec, join(root, name));
      servers[name].username = username;
      servers[name].password = password;
      servers[name].factory = false;
    },
    accessLines,
    credentialAttempts(name) {
      const spec = specOf.get(name);
      const lines = accessLines(name);
      if (!spec) return 0;
      // every form post carries the password (the lab's forms post nothing else)
      if (spec.kind === 'form') return lines.filter((l) => /"POST \//.test(l)).length;
      if (spec.kind === 'hang') return 0;
      return lines.filter((l) => !/auth="-"/.test(l)).length;
    },
    async flushLogs() {
      for (const p of procOf.values()) if (p.exitCode === null) p.kill('SIGHUP');
      await new Promise((r) => setTimeout(r, 300));
    },
    lockoutFailures() {
      const file = join(root, 'form-lockout', 'state', 'failures.json');
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { count: number }).count : 0;
    },
    async stop() {
      for (const sock of hungSockets) sock.destroy();
      await Promise.all(hungServers.map((s) => new Promise<void>((r) => s.close(() => r()))));
      await Promise.all(
        procs.map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.exitCode !== null || p.signalCode !== null) return resolve();
              p.once('exit', () => resolve());
              p.kill('SIGTERM');
            }),
        ),
      );
      if (!opts.dir) rmSync(root, { recursive: true, force: true });
    },
  };
}
