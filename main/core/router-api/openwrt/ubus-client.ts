/**
 * A client for OpenWrt's ubus over HTTP (uhttpd's `/ubus` JSON-RPC 2.0 endpoint, rpcd behind it).
 * Every answer is validated with zod before it is used; the session id and the password live only
 * in this object's memory and are never logged or put in an error. One login per client: after a
 * refused login, no second attempt is made (the same error is thrown again without contacting the
 * router).
 */
import { z } from 'zod';
import type { HttpFetcher } from '../../ports.js';
import { msg } from '../../messages/index.js';
import { RouterError } from '../port.js';
import type { RouterPinStore, RouterTransport } from '../transport.js';

export const NULL_SESSION = '00000000000000000000000000000000';

/** ubus status codes (libubus `enum ubus_msg_status`). */
export const UbusStatus = {
  OK: 0,
  INVALID_COMMAND: 1,
  INVALID_ARGUMENT: 2,
  METHOD_NOT_FOUND: 3,
  NOT_FOUND: 4,
  NO_DATA: 5,
  PERMISSION_DENIED: 6,
  TIMEOUT: 7,
  NOT_SUPPORTED: 8,
  UNKNOWN_ERROR: 9,
  CONNECTION_FAILED: 10,
} as const;

const STATUS_NAMES: Record<number, string> = {
  0: 'ok', 1: 'invalid-command', 2: 'invalid-argument', 3: 'method-not-found', 4: 'not-found', 5: 'no-data',
  6: 'permission-denied', 7: 'timeout', 8: 'not-supported', 9: 'unknown-error', 10: 'connection-failed',
};

/** The JSON-RPC envelope uhttpd-mod-ubus answers with: `result: [status, data?]` or `error`. */
export const JsonRpcReplySchema = z.union([
  z.object({ jsonrpc: z.literal('2.0'), id: z.unknown(), result: z.tuple([z.number().int()]).rest(z.unknown()) }),
  z.object({ jsonrpc: z.literal('2.0'), id: z.unknown(), error: z.object({ code: z.number().int(), message: z.string().max(500) }) }),
]);

export const LoginReplySchema = z.object({
  ubus_rpc_session: z.string().regex(/^[0-9a-f]{32}$/),
  timeout: z.number().int().nonnegative(),
  expires: z.number().int().optional(),
});

/** A ubus call that answered with a non-zero status, or a JSON-RPC error from uhttpd. */
export class UbusCallError extends Error {
  constructor(
    readonly object: string,
    readonly method: string,
    /** ubus status (≥ 0) or JSON-RPC error code (< 0, e.g. -32002 access denied). */
    readonly code: number,
  ) {
    super(`ubus ${object} ${method}: ${code < 0 ? `json-rpc ${code}` : (STATUS_NAMES[code] ?? String(code))}`);
    this.name = 'UbusCallError';
  }
  get accessDenied(): boolean {
    return this.code === -32002 || this.code === UbusStatus.PERMISSION_DENIED;
  }
}

export interface UbusClientOptions {
  http: HttpFetcher;
  /** e.g. `http://192.168.1.1/ubus`. */
  url: string;
  deadlineMs?: number;
  /** Session idle timeout asked for at login (seconds). */
  sessionTimeout?: number;
  /**
   * HTTPS to uhttpd (the password travels only over TLS): the router's self-signed certificate is
   * pinned on first use and a different one later is refused before anything is sent.
   */
  tls?: { transport: RouterTransport; pins: RouterPinStore; host: string; port: number };
}

/** One logged-in ubus session. */
export class UbusClient {
  private session: string | null = null;
  private refused: RouterError | null = null;
  private nextId = 1;

  constructor(private readonly opts: UbusClientOptions) {}

  get loggedIn(): boolean {
    return this.session !== null;
  }

  private async postTls(tls: NonNullable<UbusClientOptions['tls']>, body: unknown): Promise<unknown> {
    const pin = tls.pins.pin(tls.host);
    let res;
    try {
      res = await tls.transport.send({
        host: tls.host, port: tls.port, https: true, method: 'POST', path: '/ubus',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body), timeoutMs: this.opts.deadlineMs ?? 8000, pin,
      });
    } catch {
      throw new RouterError('unreachable', msg('openwrt.unreachable', { url: `https://${tls.host}:${tls.port}/ubus` }));
    }
    if (res.kind === 'pin-mismatch') throw new RouterError('tls-certificate-changed', msg('router-api.error.certificate-changed', { host: tls.host, pinned: pin ?? '', seen: res.certificateFingerprint }));
    if (!pin && res.certificateFingerprint) tls.pins.setPin(tls.host, res.certificateFingerprint);
    if (res.status === 404) throw new RouterError('unsupported', msg('openwrt.no-ubus', { url: `https://${tls.host}:${tls.port}/ubus` }));
    if (res.status !== 200) throw new RouterError('unsupported', msg('openwrt.bad-answer', { status: res.status }));
    try {
      return JSON.parse(res.body);
    } catch {
      throw new RouterError('unsupported', msg('openwrt.bad-answer', { status: res.status }));
    }
  }

  private async post(body: unknown): Promise<unknown> {
    if (this.opts.tls) return this.postTls(this.opts.tls, body);
    let answer;
    try {
      answer = await this.opts.http.request(this.opts.url, {
        method: 'POST',
        deadlineMs: this.opts.deadlineMs ?? 8000,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        maxBytes: 1024 * 1024,
      });
    } catch {
      throw new RouterError('unreachable', msg('openwrt.unreachable', { url: this.opts.url }));
    }
    if (answer.status === 404) throw new RouterError('unsupported', msg('openwrt.no-ubus', { url: this.opts.url }));
    if (answer.status !== 200 || answer.truncated) throw new RouterError('unsupported', msg('openwrt.bad-answer', { status: answer.status }));
    try {
      return JSON.parse(answer.body);
    } catch {
      throw new RouterError('unsupported', msg('openwrt.bad-answer', { status: answer.status }));
    }
  }

  /** One raw call with the given session; returns [status, data]. */
  async rawCall(sid: string, object: string, method: string, args: Record<string, unknown>): Promise<{ status: number; data: unknown }> {
    const id = this.nextId++;
    const parsed = JsonRpcReplySchema.safeParse(await this.post({ jsonrpc: '2.0', id, method: 'call', params: [sid, object, method, args] }));
    if (!parsed.success) throw new RouterError('unsupported', msg('openwrt.bad-answer', { status: 200 }));
    const reply = parsed.data;
    if ('error' in reply) throw new UbusCallError(object, method, reply.error.code);
    const [status, data] = reply.result;
    return { status, data: data ?? null };
  }

  /**
   * Logs in once. A refused login ([6]) becomes RouterError('auth-failed'); a second call after a
   * refusal throws the same error without another attempt.
   */
  async login(username: string, password: string, onAttempt?: () => void): Promise<void> {
    if (this.session) return;
    if (this.refused) throw this.refused;
    onAttempt?.();
    let r;
    try {
      r = await this.rawCall(NULL_SESSION, 'session', 'login', { username, password, timeout: this.opts.sessionTimeout ?? 600 });
    } catch (err) {
      if (err instanceof UbusCallError) throw new RouterError('unsupported', msg('openwrt.login-not-offered', {}));
      throw err;
    }
    if (r.status === UbusStatus.PERMISSION_DENIED) {
      this.refused = new RouterError('auth-failed', msg('openwrt.login-refused', { username }));
      throw this.refused;
    }
    const data = LoginReplySchema.safeParse(r.data);
    if (r.status !== 0 || !data.success) throw new RouterError('unsupported', msg('openwrt.bad-answer', { status: r.status }));
    this.session = data.data.ubus_rpc_session;
  }

  /**
   * Tries a login without keeping the session (the empty-root-password test). True: accepted.
   * Counts as an attempt; the caller records it in the attempt ledger first.
   */
  async loginAccepted(username: string, password: string): Promise<boolean> {
    const r = await this.rawCall(NULL_SESSION, 'session', 'login', { username, password, timeout: 30 });
    if (r.status === UbusStatus.PERMISSION_DENIED) return false;
    const data = LoginReplySchema.safeParse(r.data);
    if (r.status !== 0 || !data.success) throw new RouterError('unsupported', msg('openwrt.bad-answer', { status: r.status }));
    await this.rawCall(data.data.ubus_rpc_session, 'session', 'destroy', {}).catch(() => undefined);
    return true;
  }

  /** A call in the logged-in session; throws UbusCallError for any status but the ones in `accept`. */
  async call(object: string, method: string, args: Record<string, unknown> = {}, accept: number[] = [UbusStatus.OK]): Promise<{ status: number; data: unknown }> {
    if (!this.session) throw new Error('ubus: not logged in');
    const r = await this.rawCall(this.session, object, method, args);
    if (!accept.includes(r.status)) throw new UbusCallError(object, method, r.status);
    return r;
  }

  /** Ends the session on the router (best effort) and forgets it. */
  async logout(): Promise<void> {
    const sid = this.session;
    this.session = null;
    if (sid) await this.rawCall(sid, 'session', 'destroy', {}).catch(() => undefined);
  }
}
