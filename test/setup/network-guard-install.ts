/**
 * Installs the test-suite network guard into this process: every way a test can make a packet
 * leave the machine is checked BEFORE Node touches the socket, and refused unless the target is
 * loopback (see network-policy.ts). A refusal throws a NetworkGuardError naming the address AND is
 * recorded, so a test that swallows the error still fails (network-guard.ts checks the record
 * after every test).
 *
 * Covered: net.Socket#connect (so net, http, https, tls, http2, fetch/undici, WebSocket), custom
 * `lookup` functions passed to connect (their answers are checked), dns lookups and resolves of
 * names other than `localhost`, dgram Socket#send/#connect, and dgram multicast membership.
 * Not covered (cannot be, from inside Node): child processes (curl, nmcli, …) and native addons
 * that open their own sockets; unix-socket paths (D-Bus for the keychain) are allowed.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import { syncBuiltinESMExports } from 'node:module';
import { isIpLiteral, isLoopbackHost, LOOPBACK_MULTICAST_GROUPS, normaliseHost } from './network-policy.js';

/** One refused attempt: what was tried, where, and by which test. */
export interface NetworkViolation {
  kind: string;
  address: string;
  test: string | undefined;
}

/** Thrown (or handed to the callback) for every refused attempt; `code` is stable for assertions. */
export class NetworkGuardError extends Error {
  readonly code = 'ERR_NETWORK_GUARD';
  constructor(
    readonly kind: string,
    readonly address: string,
    hint = '',
  ) {
    super(
      `network guard: ${kind} to ${address} refused — tests may only reach loopback (127.0.0.0/8, ::1, localhost)` +
        (hint ? `; ${hint}` : '') +
        '. No packet was sent.',
    );
    this.name = 'NetworkGuardError';
  }
}

interface GuardState {
  violations: NetworkViolation[];
  currentTest: () => string | undefined;
  sink: ((v: NetworkViolation) => void) | null;
}

const STATE_KEY = Symbol.for('porchlight.network-guard');
const LO_MULTICAST = Symbol.for('porchlight.network-guard.lo-multicast');
const CHECKED_CONNECT = Symbol.for('porchlight.network-guard.connected');

function state(): GuardState {
  const g = globalThis as unknown as Record<symbol, GuardState | undefined>;
  g[STATE_KEY] ??= { violations: [], currentTest: () => undefined, sink: null };
  return g[STATE_KEY];
}

/** Returns and clears the violations recorded so far in this process. */
export function takeViolations(): NetworkViolation[] {
  return state().violations.splice(0);
}

/** Lets the setup file tell the guard which test is running, for the violation record. */
export function setCurrentTestResolver(fn: () => string | undefined): void {
  state().currentTest = fn;
}

/** Also reports every violation elsewhere (a child process writes them to its parent's log). */
export function setViolationSink(fn: ((v: NetworkViolation) => void) | null): void {
  state().sink = fn;
}

/**
 * The patches are made once per process. Vitest's vmForks pool (the unit tests) runs many test
 * files in one process, each in its own VM context with its own copy of this module: the patches
 * then call the `refuse` of the file running now (its error class, its violations), which each
 * file's setup registers here. The patches themselves stay those of the process's first file; no
 * other file's context is kept alive by them.
 */
interface ProcessGuard {
  patched: boolean;
  refuse: (kind: string, address: string, hint?: string) => NetworkGuardError;
}
const PROCESS_KEY = Symbol.for('porchlight.network-guard.process');

function processGuard(): ProcessGuard {
  const p = process as unknown as Record<symbol, ProcessGuard | undefined>;
  p[PROCESS_KEY] ??= { patched: false, refuse: refuseHere };
  return p[PROCESS_KEY];
}

function refuse(kind: string, address: string, hint = ''): NetworkGuardError {
  return processGuard().refuse(kind, address, hint);
}

function refuseHere(kind: string, address: string, hint = ''): NetworkGuardError {
  const s = state();
  const v = { kind, address, test: s.currentTest() };
  s.violations.push(v);
  try {
    s.sink?.(v);
  } catch {
    // the record in memory stands
  }
  return new NetworkGuardError(kind, address, hint);
}

type LookupFn = (hostname: string, options: unknown, callback: (...a: unknown[]) => void) => void;

/** Wraps a caller's own `lookup` so a name it maps off-loopback is refused before connecting. */
function guardedLookup(original: LookupFn, kind: string): LookupFn {
  return (hostname, options, callback) => {
    const cb = (typeof options === 'function' ? options : callback) as (...a: unknown[]) => void;
    const opts = typeof options === 'function' ? {} : options;
    original(hostname, opts, (err: unknown, address: unknown, family: unknown) => {
      if (err) return cb(err, address, family);
      const list = Array.isArray(address) ? (address as { address: string }[]).map((a) => a.address) : [String(address)];
      const bad = list.find((a) => !isLoopbackHost(a));
      if (bad !== undefined) return cb(refuse(kind, `${hostname} (${bad})`, 'a custom lookup mapped it off loopback'));
      cb(null, address, family);
    });
  };
}

function checkTcpTarget(args: unknown[]): void {
  let first = args[0];
  const normalised = Array.isArray(first);
  if (normalised) first = (first as unknown[])[0];
  let host: unknown;
  let port: unknown;
  let options: Record<string, unknown> | null = null;
  if (first !== null && typeof first === 'object') {
    options = first as Record<string, unknown>;
    if (typeof options.path === 'string' && options.path) return; // unix socket / named pipe
    host = options.host ?? options.hostname;
    port = options.port;
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
    return; // a pipe path: net treats non-numeric strings as paths
  } else {
    port = first;
    host = typeof args[1] === 'string' ? args[1] : undefined;
  }
  const target = typeof host === 'string' && host !== '' ? host : 'localhost';
  const label = `${target}:${String(port)}`;
  if (isIpLiteral(target) || normaliseHost(target) === 'localhost') {
    if (!isLoopbackHost(target)) throw refuse('TCP connect', label);
    return;
  }
  // A host name: with the default resolver that is a DNS query off this machine; with a custom
  // lookup (a lab name map), the answer is checked before any connection is made.
  const custom = options && typeof options.lookup === 'function' && options.lookup !== dns.lookup ? (options.lookup as LookupFn) : null;
  if (!custom) throw refuse('TCP connect', label, 'host names other than localhost need a DNS query; use a 127.x address');
  const replaced = { ...options, lookup: guardedLookup(custom, 'TCP connect') };
  if (normalised) (args[0] as unknown[])[0] = replaced;
  else args[0] = replaced;
}

function checkUdpTarget(socket: dgram.Socket, address: unknown, kind: string): void {
  if (address === undefined || address === null || typeof address === 'function') return; // defaults to localhost
  const a = String(address);
  if (isLoopbackHost(a)) return;
  if (LOOPBACK_MULTICAST_GROUPS.has(normaliseHost(a))) {
    if ((socket as unknown as Record<symbol, boolean>)[LO_MULTICAST]) return;
    throw refuse(kind, a, "multicast is allowed only after socket.setMulticastInterface('127.0.0.1')");
  }
  throw refuse(kind, a);
}

function wrapDns(): void {
  const checkName = (kind: string, name: unknown) => {
    if (typeof name !== 'string' || isLoopbackHost(name)) return;
    if (isIpLiteral(name) && kind === 'DNS lookup') return; // literal: getaddrinfo does not query
    throw refuse(kind, name, 'tests must not resolve names through the network');
  };
  const d = dns as unknown as Record<string, unknown>;
  const p = dns.promises as unknown as Record<string, unknown>;
  for (const [obj, key, kind] of [
    [d, 'lookup', 'DNS lookup'],
    [p, 'lookup', 'DNS lookup'],
    ...Object.keys(dns)
      .filter((k) => /^(resolve|reverse)/.test(k))
      .map((k) => [d, k, 'DNS query'] as const),
    ...Object.keys(dns.promises)
      .filter((k) => /^(resolve|reverse)/.test(k))
      .map((k) => [p, k, 'DNS query'] as const),
  ] as [Record<string, unknown>, string, string][]) {
    const original = obj[key];
    if (typeof original !== 'function') continue;
    const promised = obj === p;
    obj[key] = function guarded(this: unknown, name: unknown, ...rest: unknown[]) {
      try {
        checkName(kind, name);
      } catch (err) {
        if (promised) return Promise.reject(err);
        throw err;
      }
      return (original as (...a: unknown[]) => unknown).call(this, name, ...rest);
    };
  }
}

/**
 * Patches this process once; later calls only make this module's copy the one that records
 * refusals (setup files run once per test file, several files may share a process).
 */
export function installNetworkGuard(): void {
  const shared = processGuard();
  shared.refuse = refuseHere;
  if (shared.patched) return;
  shared.patched = true;

  const connect = net.Socket.prototype.connect as (...a: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    checkTcpTarget(args);
    return connect.apply(this, args);
  } as typeof net.Socket.prototype.connect;

  const proto = dgram.Socket.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const send = proto.send!;
  proto.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
    const self = this as unknown as Record<symbol, boolean>;
    if (!self[CHECKED_CONNECT]) {
      // Mirrors dgram's own argument shapes: (msg, offset, length, port, address, cb) or (msg, port, address, cb).
      const [, , length, port, address] = args;
      const target = address || (port && typeof port !== 'function') ? address : length;
      checkUdpTarget(this, target, 'UDP send');
    }
    return send.apply(this, args);
  };
  const udpConnect = proto.connect!;
  proto.connect = function guardedUdpConnect(this: dgram.Socket, ...args: unknown[]) {
    const address = typeof args[1] === 'string' ? args[1] : undefined;
    checkUdpTarget(this, address, 'UDP connect');
    (this as unknown as Record<symbol, boolean>)[CHECKED_CONNECT] = true;
    return udpConnect.apply(this, args);
  };
  const disconnect = proto.disconnect!;
  proto.disconnect = function guardedDisconnect(this: dgram.Socket, ...args: unknown[]) {
    (this as unknown as Record<symbol, boolean>)[CHECKED_CONNECT] = false;
    return disconnect.apply(this, args);
  };
  const setIf = proto.setMulticastInterface!;
  proto.setMulticastInterface = function guardedSetIf(this: dgram.Socket, ...args: unknown[]) {
    const result = setIf.apply(this, args);
    (this as unknown as Record<symbol, boolean>)[LO_MULTICAST] = typeof args[0] === 'string' && normaliseHost(args[0]) === '127.0.0.1';
    return result;
  };
  for (const key of ['addMembership', 'addSourceSpecificMembership'] as const) {
    const original = proto[key];
    if (typeof original !== 'function') continue;
    proto[key] = function guardedMembership(this: dgram.Socket, ...args: unknown[]) {
      // Joining a group sends an IGMP report on the chosen interface: it must be loopback.
      const iface = key === 'addMembership' ? args[1] : args[2];
      if (typeof iface !== 'string' || !isLoopbackHost(iface)) {
        throw refuse(`multicast join (${String(key === 'addMembership' ? args[0] : args[1])})`, `interface ${String(iface ?? 'chosen by the kernel')}`,
          "pass '127.0.0.1' as the membership interface");
      }
      return original.apply(this, args);
    };
  }

  wrapDns();
  syncBuiltinESMExports();
}
