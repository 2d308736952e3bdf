/**
 * A protocol-faithful OpenWrt rpcd/uhttpd-mod-ubus simulator on loopback, for unit-free integration
 * tests and lab runs. It answers `POST /ubus` with JSON-RPC 2.0 `call` [session, object, method,
 * args] (and `list`) the way uhttpd's ubus module and rpcd do (written from their public sources'
 * semantics, no code copied):
 *
 * - JSON-RPC errors from the HTTP layer: -32700 parse error, -32600 invalid request, -32601 method
 *   not found, -32602 invalid params, -32000 object not found, -32002 access denied (unknown or
 *   expired session, or the session's ACL lacks `ubus` object/method).
 * - ubus status codes in `result[0]`: 0 OK, 2 invalid argument, 3 method not found, 4 not found,
 *   5 no data, 6 permission denied, 7 timeout … `result` is `[0, {…}]` with data, `[code]` without.
 * - `session login` {username, password, timeout}: a session id with that idle timeout (each call
 *   renews it); a wrong password → [6]. root's password unset (a fresh OpenWrt) → any password
 *   logs in, as rpcd's password test does for an empty shadow hash.
 * - `uci` get/set/add/delete/changes/revert/commit stage changes per session (rpcd's per-session
 *   save directory); get shows the session's staged values; read/write per config (`uci` ACL scope)
 *   → [6] without the right.
 * - `uci apply {rollback, timeout}` commits the session's staged configs after snapshotting them;
 *   with rollback the snapshot comes back after `timeout` seconds (default 60) unless `uci confirm`
 *   arrives; `uci rollback` restores at once. While an apply is pending, another rollback apply,
 *   commit or revert → [6]; confirm/rollback with nothing pending → [5]. As in rpcd, `confirm` is
 *   not tied to the applying session (the client must keep to its own).
 * - `system board` (model, release), `system info`; LuCI's `luci setPassword {username, password}`
 *   → {result: true} (root's password; '' again means none).
 * State is in memory, inspectable (`committed`, `pendingApply()`, `calls`), and no call logs a secret.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { randomBytes, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { defaultUci, type UciConfigs, type UciSection, type UciValue } from './uci-data.js';

export const OPENWRT_LAB_IP = '127.0.0.61';
export const NULL_SESSION = '00000000000000000000000000000000';

export const UBUS = { OK: 0, INVALID_COMMAND: 1, INVALID_ARGUMENT: 2, METHOD_NOT_FOUND: 3, NOT_FOUND: 4, NO_DATA: 5, PERMISSION_DENIED: 6, TIMEOUT: 7, NOT_SUPPORTED: 8, UNKNOWN_ERROR: 9 } as const;

export interface SimUser {
  name: string;
  /** rpcd `login` password; for root '' means "root has no password" (any password logs in). */
  password: string;
  /** ubus objects → methods ('*' = every object/method). */
  ubus: Record<string, string[]>;
  uciRead: string[];
  uciWrite: string[];
}

export interface SimCall {
  object: string;
  method: string;
  user: string | null;
  /** ubus status, or the JSON-RPC error code (negative). */
  outcome: number;
}

interface Staged {
  sections: UciSection[];
  changes: unknown[][];
}

interface Session {
  id: string;
  user: SimUser;
  timeout: number;
  expiresAt: number;
  staged: Map<string, Staged>;
}

export interface OpenWrtSimOptions {
  ip?: string;
  port?: number;
  /** '' = a fresh OpenWrt (root has no password). */
  rootPassword?: string;
  extraUsers?: SimUser[];
  board?: { model: string; boardName: string; hostname: string; version: string; revision: string; target: string };
  /**
   * A fault for failure tests: the next `luci setPassword` answers {result:true} but stores only the
   * first N characters, so a login with the whole new password is refused. One-shot.
   */
  truncateNextPasswordAt?: number;
  /** Serve HTTPS (uhttpd with the self-signed certificate px5g makes on first boot); made here with openssl. */
  tls?: boolean;
}

export interface OpenWrtSimulator {
  ip: string;
  port: number;
  url: string;
  /** /etc/config as committed (what the running router uses). */
  committed: UciConfigs;
  calls: SimCall[];
  /** The pending rollback apply: its configs and when the rollback fires; null when none. */
  pendingApply(): { configs: string[]; rollbackAt: number } | null;
  /** Counts of `session login` attempts that were refused. */
  failedLogins(): number;
  /** SHA-256 fingerprint of the TLS certificate (`AA:BB:…`), null over plain HTTP. */
  fingerprint: string | null;
  /** Reads one option from the committed config (assertions). */
  option(config: string, section: string, option: string): UciValue | undefined;
  setRootPassword(password: string): void;
  stop(): Promise<void>;
}

const clone = <T>(v: T): T => structuredClone(v);

function findSection(sections: UciSection[], ref: string): UciSection | undefined {
  const ext = /^@([a-z0-9_-]+)\[(-?\d+)\]$/i.exec(ref);
  if (ext) {
    const ofType = sections.filter((s) => s.type === ext[1]);
    const i = Number(ext[2]);
    return ofType[i < 0 ? ofType.length + i : i];
  }
  return sections.find((s) => s.name === ref);
}

function dumpSection(s: UciSection, index: number | null): Record<string, unknown> {
  return { '.anonymous': s.anonymous, '.type': s.type, '.name': s.name, ...(index === null ? {} : { '.index': index }), ...clone(s.options) };
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/** A value rpcd accepts for an option: a string, a number or bool (formatted), or an array of them (a list). */
function formatValue(v: unknown): UciValue | null {
  if (isStr(v)) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(Math.trunc(v));
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v)) {
    const items = v.map(formatValue).filter((x): x is string => typeof x === 'string');
    return items;
  }
  return null;
}

export async function startOpenWrtSimulator(opts: OpenWrtSimOptions = {}): Promise<OpenWrtSimulator> {
  const ip = opts.ip ?? OPENWRT_LAB_IP;
  const board = opts.board ?? { model: 'Linksys E8450 (UBI)', boardName: 'linksys,e8450-ubi', hostname: 'OpenWrt', version: '23.05.3', revision: 'r23809-234f1a2efa', target: 'mediatek/mt7622' };
  let rootPassword = opts.rootPassword ?? '';
  let truncateNext = opts.truncateNextPasswordAt;
  const root: SimUser = { name: 'root', password: '', ubus: { '*': ['*'] }, uciRead: ['*'], uciWrite: ['*'] };
  const users = [root, ...(opts.extraUsers ?? [])];
  const committed: UciConfigs = defaultUci();
  const sessions = new Map<string, Session>();
  const calls: SimCall[] = [];
  let failed = 0;
  let pending: { configs: string[]; snapshot: UciConfigs; timer: NodeJS.Timeout; rollbackAt: number } | null = null;

  const ubusAllowed = (u: SimUser | null, object: string, method: string): boolean => {
    if (!u) return object === 'session' && (method === 'login' || method === 'access');
    const m = u.ubus['*'] ?? u.ubus[object];
    return !!m && (m.includes('*') || m.includes(method));
  };
  const uciAllowed = (s: Session, config: string, right: 'read' | 'write') => {
    const list = right === 'read' ? s.user.uciRead : s.user.uciWrite;
    return list.includes('*') || list.includes(config);
  };

  const view = (s: Session, config: string): UciSection[] | undefined => s.staged.get(config)?.sections ?? committed[config];
  const stage = (s: Session, config: string): Staged => {
    let st = s.staged.get(config);
    if (!st) {
      st = { sections: clone(committed[config] ?? []), changes: [] };
      s.staged.set(config, st);
    }
    return st;
  };

  function rollbackNow(): void {
    if (!pending) return;
    clearTimeout(pending.timer);
    for (const c of pending.configs) committed[c] = clone(pending.snapshot[c] ?? []);
    pending = null;
  }

  type Reply = { status: number; data?: Record<string, unknown> };
  const st = (status: number): Reply => ({ status });

  function uci(s: Session, method: string, a: Record<string, unknown>): Reply {
    const config = a.config;
    switch (method) {
      case 'configs':
        return { status: 0, data: { configs: Object.keys(committed) } };
      case 'get':
      case 'state': {
        if (!isStr(config)) return st(UBUS.INVALID_ARGUMENT);
        if (!uciAllowed(s, config, 'read')) return st(UBUS.PERMISSION_DENIED);
        const secs = view(s, config);
        if (!secs) return st(UBUS.NOT_FOUND);
        if (!isStr(a.section)) {
          const values: Record<string, unknown> = {};
          secs.forEach((sec, i) => {
            if (isStr(a.type) && sec.type !== a.type) return;
            const match = a.match as Record<string, unknown> | undefined;
            if (match && typeof match === 'object' && !Object.entries(match).every(([k, v]) => {
              const have = sec.options[k];
              return have !== undefined && (Array.isArray(have) ? have.includes(String(v)) : have.split(/\s+/).includes(String(v)));
            })) return;
            values[sec.name] = dumpSection(sec, i);
          });
          return { status: 0, data: { values } };
        }
        const sec = findSection(secs, a.section);
        if (!sec) return st(UBUS.NOT_FOUND);
        if (!isStr(a.option)) return { status: 0, data: { values: dumpSection(sec, null) } };
        const v = sec.options[a.option];
        if (v === undefined) return st(UBUS.NOT_FOUND);
        return { status: 0, data: { value: clone(v) } };
      }
      case 'add': {
        if (!isStr(config) || !isStr(a.type)) return st(UBUS.INVALID_ARGUMENT);
        if (!uciAllowed(s, config, 'write')) return st(UBUS.PERMISSION_DENIED);
        if (!committed[config] && !s.staged.has(config)) return st(UBUS.NOT_FOUND);
        const stg = stage(s, config);
        if (isStr(a.name) && !/^[A-Za-z0-9_]+$/.test(a.name)) return st(UBUS.INVALID_ARGUMENT);
        const name = isStr(a.name) ? a.name : `cfg${randomBytes(3).toString('hex')}`;
        let sec = stg.sections.find((x) => x.name === name);
        if (!sec) {
          sec = { name, type: a.type, anonymous: !isStr(a.name), options: {} };
          stg.sections.push(sec);
          stg.changes.push(['add', name, a.type]);
        }
        for (const [k, v] of Object.entries((a.values as Record<string, unknown>) ?? {})) {
          const f = formatValue(v);
          if (f === null || (typeof f === 'string' && f === '')) continue;
          sec.options[k] = f;
          stg.changes.push(Array.isArray(f) ? ['list-add', name, k, f.join(' ')] : ['set', name, k, f]);
        }
        return { status: 0, data: { section: name } };
      }
      case 'set': {
        if (!isStr(config) || !a.values || typeof a.values !== 'object') return st(UBUS.INVALID_ARGUMENT);
        if (!uciAllowed(s, config, 'write')) return st(UBUS.PERMISSION_DENIED);
        if (!committed[config] && !s.staged.has(config)) return st(UBUS.NOT_FOUND);
        if (!isStr(a.section)) return st(UBUS.INVALID_ARGUMENT);
        const stg = stage(s, config);
        const sec = findSection(stg.sections, a.section);
        if (!sec) return st(UBUS.NOT_FOUND);
        for (const [k, v] of Object.entries(a.values as Record<string, unknown>)) {
          const f = formatValue(v);
          if (f === null) return st(UBUS.INVALID_ARGUMENT);
          if (f === '' || (Array.isArray(f) && f.length === 0)) {
            if (sec.options[k] !== undefined) {
              delete sec.options[k];
              stg.changes.push(['remove', sec.name, k]);
            }
            continue;
          }
          sec.options[k] = f;
          stg.changes.push(['set', sec.name, k, Array.isArray(f) ? f.join(' ') : f]);
        }
        return st(UBUS.OK);
      }
      case 'delete': {
        if (!isStr(config) || !isStr(a.section)) return st(UBUS.INVALID_ARGUMENT);
        if (!uciAllowed(s, config, 'write')) return st(UBUS.PERMISSION_DENIED);
        const stg = stage(s, config);
        const sec = findSection(stg.sections, a.section);
        if (!sec) return st(UBUS.NOT_FOUND);
        if (isStr(a.option)) {
          if (sec.options[a.option] === undefined) return st(UBUS.NOT_FOUND);
          delete sec.options[a.option];
          stg.changes.push(['remove', sec.name, a.option]);
        } else {
          stg.sections.splice(stg.sections.indexOf(sec), 1);
          stg.changes.push(['remove', sec.name]);
        }
        return st(UBUS.OK);
      }
      case 'changes': {
        if (isStr(config)) {
          if (!uciAllowed(s, config, 'read')) return st(UBUS.PERMISSION_DENIED);
          return { status: 0, data: { changes: clone(s.staged.get(config)?.changes ?? []) } };
        }
        const out: Record<string, unknown> = {};
        for (const [c, stg] of s.staged) if (uciAllowed(s, c, 'read') && stg.changes.length) out[c] = clone(stg.changes);
        return { status: 0, data: { changes: out } };
      }
      case 'revert':
      case 'commit': {
        if (pending) return st(UBUS.PERMISSION_DENIED);
        if (!isStr(config)) return st(UBUS.INVALID_ARGUMENT);
        if (!uciAllowed(s, config, 'write')) return st(UBUS.PERMISSION_DENIED);
        const stg = s.staged.get(config);
        if (stg && method === 'commit') committed[config] = clone(stg.sections);
        s.staged.delete(config);
        return st(UBUS.OK);
      }
      case 'apply': {
        const rollback = a.rollback === true;
        if (pending && rollback) return st(UBUS.PERMISSION_DENIED);
        if (a.timeout !== undefined && (typeof a.timeout !== 'number' || !Number.isInteger(a.timeout) || a.timeout < 0)) return st(UBUS.INVALID_ARGUMENT);
        const timeout = typeof a.timeout === 'number' ? a.timeout : 60;
        if (pending) return st(UBUS.OK);
        const configs = [...s.staged.entries()].filter(([, v]) => v.changes.length > 0).map(([c]) => c);
        if (configs.length === 0) return st(UBUS.NO_DATA);
        if (configs.some((c) => !uciAllowed(s, c, 'write'))) return st(UBUS.PERMISSION_DENIED);
        const snapshot: UciConfigs = {};
        for (const c of configs) {
          snapshot[c] = clone(committed[c] ?? []);
          committed[c] = clone(s.staged.get(c)!.sections);
          s.staged.delete(c);
        }
        if (rollback) {
          const timer = setTimeout(rollbackNow, timeout * 1000);
          timer.unref();
          pending = { configs, snapshot, timer, rollbackAt: Date.now() + timeout * 1000 };
        }
        return st(UBUS.OK);
      }
      case 'confirm': {
        if (!pending) return st(UBUS.NO_DATA);
        clearTimeout(pending.timer);
        pending = null;
        return st(UBUS.OK);
      }
      case 'rollback': {
        if (!pending) return st(UBUS.NO_DATA);
        if (pending.configs.some((c) => !uciAllowed(s, c, 'write'))) return st(UBUS.PERMISSION_DENIED);
        rollbackNow();
        return st(UBUS.OK);
      }
      default:
        return st(UBUS.METHOD_NOT_FOUND);
    }
  }

  function system(method: string): Reply {
    if (method === 'board')
      return {
        status: 0,
        data: {
          kernel: '5.15.150', hostname: board.hostname, system: 'ARMv8 Processor rev 4', model: board.model, board_name: board.boardName, rootfs_type: 'squashfs',
          release: { distribution: 'OpenWrt', version: board.version, revision: board.revision, target: board.target, description: `OpenWrt ${board.version} ${board.revision}` },
        },
      };
    if (method === 'info') return { status: 0, data: { localtime: Math.floor(Date.now() / 1000), uptime: 3600, load: [0, 0, 0], memory: { total: 502259712, free: 380000000 } } };
    return st(UBUS.METHOD_NOT_FOUND);
  }

  function login(a: Record<string, unknown>): Reply {
    if (!isStr(a.username) || !isStr(a.password)) return st(UBUS.INVALID_ARGUMENT);
    const user = users.find((u) => u.name === a.username);
    const expected = user === root ? rootPassword : user?.password;
    const ok = user !== undefined && (user === root && rootPassword === '' ? true : a.password === expected);
    if (!ok || !user) {
      failed += 1;
      return st(UBUS.PERMISSION_DENIED);
    }
    const timeout = typeof a.timeout === 'number' && a.timeout > 0 ? Math.trunc(a.timeout) : 300;
    const id = randomBytes(16).toString('hex');
    sessions.set(id, { id, user, timeout, expiresAt: Date.now() + timeout * 1000, staged: new Map() });
    return {
      status: 0,
      data: {
        ubus_rpc_session: id, timeout, expires: timeout,
        acls: { ubus: user.ubus, uci: { ...(user.uciRead.length ? { read: user.uciRead } : {}), ...(user.uciWrite.length ? { write: user.uciWrite } : {}) } },
        data: { username: user.name },
      },
    };
  }

  const objects: Record<string, string[]> = {
    session: ['create', 'list', 'grant', 'revoke', 'access', 'set', 'get', 'unset', 'destroy', 'login'],
    uci: ['configs', 'get', 'state', 'add', 'set', 'delete', 'rename', 'order', 'changes', 'revert', 'commit', 'apply', 'confirm', 'rollback'],
    system: ['board', 'info', 'reboot'],
    // LuCI's rpcd plugin (luci-base): the System → Administration page sets the password through it.
    luci: ['setPassword', 'getFeatures'],
  };

  type RpcOut = { result: unknown } | { error: { code: number; message: string } };
  const E = (code: number, message: string): RpcOut => ({ error: { code, message } });

  function handle(req: unknown): RpcOut & { id?: unknown } {
    if (!req || typeof req !== 'object' || Array.isArray(req)) return E(-32600, 'Invalid request');
    const r = req as Record<string, unknown>;
    if (r.jsonrpc !== '2.0' || !isStr(r.method)) return E(-32600, 'Invalid request');
    if (r.method === 'list') return { result: Object.fromEntries(Object.keys(objects).map((o) => [o, {}])) };
    if (r.method !== 'call') return E(-32601, 'Method not found');
    const p = r.params;
    if (!Array.isArray(p) || p.length !== 4 || !isStr(p[0]) || !isStr(p[1]) || !isStr(p[2]) || !p[3] || typeof p[3] !== 'object' || Array.isArray(p[3])) return E(-32602, 'Invalid parameters');
    const [sid, object, method, args] = p as [string, string, string, Record<string, unknown>];
    let session: Session | null = null;
    if (sid !== NULL_SESSION) {
      const s = sessions.get(sid);
      if (!s || s.expiresAt < Date.now()) {
        if (s) sessions.delete(sid);
        calls.push({ object, method, user: null, outcome: -32002 });
        return E(-32002, 'Access denied');
      }
      session = s;
    }
    if (!ubusAllowed(session?.user ?? null, object, method)) {
      calls.push({ object, method, user: session?.user.name ?? null, outcome: -32002 });
      return E(-32002, 'Access denied');
    }
    if (!objects[object]) {
      calls.push({ object, method, user: session?.user.name ?? null, outcome: -32000 });
      return E(-32000, 'Object not found');
    }
    if (session) session.expiresAt = Date.now() + session.timeout * 1000;
    let reply: Reply;
    if (object === 'session' && method === 'login') reply = login(args);
    else if (object === 'session' && method === 'destroy') {
      reply = session ? (sessions.delete(session.id), st(UBUS.OK)) : st(UBUS.PERMISSION_DENIED);
    } else if (object === 'session' && method === 'access') reply = { status: 0, data: { access: session !== null } };
    else if (!session) reply = st(UBUS.PERMISSION_DENIED);
    else if (object === 'uci') reply = uci(session, method, args);
    else if (object === 'system') reply = system(method);
    else if (object === 'luci' && method === 'setPassword') {
      const a = args;
      if (!isStr(a.username) || !isStr(a.password)) reply = st(UBUS.INVALID_ARGUMENT);
      else if (a.username === 'root') {
        rootPassword = truncateNext ? a.password.slice(0, truncateNext) : a.password;
        truncateNext = undefined;
        reply = { status: 0, data: { result: true } };
      } else {
        const u = users.find((x) => x.name === a.username);
        if (u) u.password = a.password;
        reply = { status: 0, data: { result: u !== undefined } };
      }
    }
    else reply = st(UBUS.METHOD_NOT_FOUND);
    calls.push({ object, method, user: session?.user.name ?? (object === 'session' && method === 'login' && isStr(args.username) ? args.username : null), outcome: reply.status });
    return { result: reply.data ? [reply.status, reply.data] : [reply.status] };
  }

  let cert: { key: Buffer; cert: Buffer; fingerprint: string } | null = null;
  if (opts.tls) {
    const d = mkdtempSync(join(tmpdir(), 'openwrt-lab-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=OpenWrt', '-keyout', join(d, 'k.pem'), '-out', join(d, 'c.pem')], { stdio: 'ignore' });
      const c = readFileSync(join(d, 'c.pem'));
      cert = { key: readFileSync(join(d, 'k.pem')), cert: c, fingerprint: new X509Certificate(c).fingerprint256 };
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const send = (code: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.url !== '/ubus' && req.url !== '/ubus/') {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(req.method === 'OPTIONS' ? 200 : 400, { 'Content-Type': 'text/plain' });
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        send(200, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
        return;
      }
      const one = (x: unknown) => ({ jsonrpc: '2.0', id: (x as { id?: unknown } | null)?.id ?? null, ...handle(x) });
      send(200, Array.isArray(body) ? body.map(one) : one(body));
    });
  };
  const server: Server = cert ? createHttpsServer({ key: cert.key, cert: cert.cert }, handler) : createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, ip, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    ip,
    port,
    url: `${cert ? 'https' : 'http'}://${ip}:${port}/ubus`,
    fingerprint: cert?.fingerprint ?? null,
    committed,
    calls,
    pendingApply: () => (pending ? { configs: [...pending.configs], rollbackAt: pending.rollbackAt } : null),
    failedLogins: () => failed,
    option: (config, section, option) => {
      const sec = findSection(committed[config] ?? [], section);
      return sec ? clone(sec.options[option]) : undefined;
    },
    setRootPassword: (p) => {
      rootPassword = p;
    },
    stop: async () => {
      if (pending) clearTimeout(pending.timer);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
