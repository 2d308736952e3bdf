// Loaded with `node --import` before Electronegativity runs: refuses every socket, datagram and
// DNS query whose target is not loopback, so the audit cannot reach the network whatever its code
// paths try (it fetches translations on start-up and, in one check, Electron's release list).
// The audit runner adds a second, OS-level barrier where it can (an empty network namespace).
// Each refused attempt is appended as one JSON line to $PORCHLIGHT_AUDIT_NET_LOG (if set).
import net from 'node:net';
import dgram from 'node:dgram';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';

/** True for targets on this machine only: 127.0.0.0/8, ::1, localhost, and local (path) sockets. */
export function isLoopbackTarget(host) {
  if (host === undefined || host === null || host === '') return true; // Node defaults to localhost
  const h = String(host).toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  return Boolean(mapped && mapped[1].startsWith('127.'));
}

const log = process.env.PORCHLIGHT_AUDIT_NET_LOG;
function refuse(kind, target) {
  const line = JSON.stringify({ kind, target: String(target), at: new Date().toISOString() });
  if (log) appendFileSync(log, `${line}\n`);
  const err = new Error(`network access refused by the audit's network guard: ${kind} ${target}`);
  err.code = 'ENETUNREACH';
  return err;
}

// TCP (and TLS, HTTP, HTTP/2, which all end in Socket#connect).
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // net.connect/createConnection pass Node's normalised form: an array whose first item is the options.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host;
  let path;
  if (first !== null && typeof first === 'object') {
    host = first.host;
    path = first.path;
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
    path = first;
  } else {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  }
  // Same test as Node's own Socket#connect: a truthy `path` means a local (pipe/Unix) socket.
  if (!path && !isLoopbackTarget(host)) {
    const err = refuse('tcp', `${host}:${typeof first === 'object' ? first.port : first}`);
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return connect.apply(this, args);
};

// UDP.
const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(msg, ...rest) {
  const address = rest.find((a) => typeof a === 'string');
  if (address !== undefined && !isLoopbackTarget(address)) throw refuse('udp', address);
  return send.call(this, msg, ...rest);
};
const udpConnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function guardedUdpConnect(port, address, ...rest) {
  if (typeof address === 'string' && !isLoopbackTarget(address)) throw refuse('udp', `${address}:${port}`);
  return udpConnect.call(this, port, address, ...rest);
};

// DNS: names other than localhost are never looked up.
const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
  if (!isLoopbackTarget(hostname)) {
    const cb = rest.find((a) => typeof a === 'function');
    const err = refuse('dns', hostname);
    if (cb) process.nextTick(() => cb(err));
    return {};
  }
  return lookup.call(this, hostname, ...rest);
};
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt', 'resolveSrv', 'reverse']) {
  const original = dns[name];
  if (typeof original !== 'function') continue;
  dns[name] = function guardedResolve(hostname, ...rest) {
    const cb = rest.find((a) => typeof a === 'function');
    const err = refuse('dns', hostname);
    if (cb) process.nextTick(() => cb(err));
  };
}
dns.promises.lookup = async (hostname, ...rest) => {
  if (!isLoopbackTarget(hostname)) throw refuse('dns', hostname);
  return lookup.call(dns, hostname, ...rest);
};

// Proxies would be a way around the host check; the audit never needs one.
for (const v of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) delete process.env[v];
globalThis.__porchlightNetGuard = { isLoopbackTarget };
