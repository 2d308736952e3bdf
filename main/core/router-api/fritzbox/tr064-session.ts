/**
 * A TR-064 session with one FRITZ!Box: service discovery from tr64desc.xml (plain HTTP, no secret),
 * then every action over TLS (:49443) with the certificate pinned on first use, HTTP digest with the
 * user name and the password from the keychain (`router/admin`), one login attempt per run (the
 * shared LoginGuard), and the router's answers turned into RouterErrors in plain words:
 * blocked after failures (with the wait), a confirmation on the box (second factor), no right, no such action.
 */
import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../../ports.js';
import { digestAuthorization, parseChallenges, pickDigest } from '../../credentials/index.js';
import { msg } from '../../messages/index.js';
import { secretAccountName } from '../../secrets/index.js';
import { RouterError } from '../port.js';
import type { LoginGuard } from '../login-guard.js';
import { readSoapAnswer, serviceControls, soapRequest } from '../soap.js';
import type { RouterHttpResponse, RouterPinStore, RouterTransport } from '../transport.js';

export interface Tr064Options {
  host: string;
  httpPort?: number;
  tlsPort?: number;
  timeoutMs?: number;
  transport: RouterTransport;
  secrets: Pick<SecretStore, 'get'>;
  pins: RouterPinStore;
  guard: LoginGuard;
  /** Called when the box waits for a confirmation on the device (button, phone); the session then polls, up to `confirmWaitMs`. */
  onConfirmOnDevice?: (methods: string, waitSeconds: number) => void;
  confirmWaitMs?: number;
  /** Keychain account of the password (default `router/admin`); a new admin password is checked with its own account. */
  passwordAccount?: string;
}

const AUTH_SERVICE = 'urn:dslforum-org:service:X_AVM-DE_Auth:1';

export class Tr064Session {
  private controls: Map<string, string> | null = null;
  private description: Record<string, unknown> | null = null;
  private challenge: ReturnType<typeof pickDigest> = null;
  private nc = 0;
  private loggedIn = false;
  private readonly httpPort: number;
  private readonly tlsPort: number;
  private readonly timeoutMs: number;

  constructor(private readonly o: Tr064Options) {
    this.httpPort = o.httpPort ?? 49000;
    this.tlsPort = o.tlsPort ?? 49443;
    this.timeoutMs = o.timeoutMs ?? 8000;
  }

  get host(): string {
    return this.o.host;
  }

  /** The parsed tr64desc.xml (no login), or null when the router does not serve it. */
  async discover(): Promise<Record<string, unknown> | null> {
    if (this.description) return this.description;
    let res: RouterHttpResponse;
    try {
      res = await this.o.transport.send({ host: this.o.host, port: this.httpPort, https: false, method: 'GET', path: '/tr64desc.xml', headers: {}, timeoutMs: this.timeoutMs, pin: null });
    } catch {
      return null;
    }
    if (res.kind !== 'answer' || res.status !== 200) return null;
    const parsed = serviceControls(res.body);
    if (!parsed.ok) return null;
    this.controls = parsed.controls;
    this.description = parsed.root;
    return parsed.root;
  }

  /** Service types the box offers (after discover). */
  services(): string[] {
    return [...(this.controls?.keys() ?? [])];
  }

  has(serviceType: string): boolean {
    return this.controls?.has(serviceType) ?? false;
  }

  /** Calls an action; throws RouterError for anything that is not an answer. */
  async call(serviceType: string, action: string, args: Record<string, string> = {}, token?: string): Promise<Record<string, string>> {
    if (!this.controls && !(await this.discover())) throw new RouterError('unsupported', msg('router-api.error.no-tr064', { host: this.o.host }));
    const path = this.controls!.get(serviceType);
    if (!path) throw new RouterError('unsupported', msg('router-api.error.no-service', { service: serviceType.replace(/^urn:[^:]+:service:/, '') }));
    const body = soapRequest(serviceType, action, args, token);
    let res = await this.post(path, serviceType, action, body);
    if (res.status === 401) {
      // The first answer of a session is the digest challenge; answering it is the one login attempt of this run.
      // A stale nonce of a session that was logged in is not a failed login: answer it without a new attempt.
      const ch = pickDigest(parseChallenges(res.headers['www-authenticate'] ?? []));
      if (!ch) throw new RouterError('unsupported', msg('router-api.error.no-digest', { host: this.o.host }));
      const stale = this.loggedIn && (ch.params.stale ?? '').toLowerCase() === 'true';
      this.loggedIn = false;
      this.challenge = ch;
      this.nc = 0;
      if (!stale) this.o.guard.take(this.o.host);
      res = await this.post(path, serviceType, action, body);
      if (res.status === 401) {
        this.o.guard.fail(this.o.host);
        throw new RouterError('auth-failed', msg('router-api.error.auth-failed', { host: this.o.host }));
      }
      this.loggedIn = true;
    }
    if (res.status === 503) {
      const wait = Number((res.headers['retry-after'] ?? [])[0]);
      this.o.guard.fail(this.o.host);
      throw new RouterError('blocked-after-failures', msg('router-api.error.blocked', { host: this.o.host, seconds: Number.isFinite(wait) ? wait : null }), Number.isFinite(wait) ? wait : null);
    }
    const answer = readSoapAnswer(res.body, action);
    if (answer.kind === 'ok') return answer.out;
    if (answer.kind === 'unreadable') throw new RouterError('unsupported', msg('router-api.error.unreadable', { action, reason: answer.reason }));
    switch (answer.code) {
      case 866:
        if (token === undefined) return this.withConfirmation(serviceType, action, args);
        throw new RouterError('needs-confirmation-on-device', msg('router-api.error.confirm-on-device', { seconds: null }));
      case 867:
        throw new RouterError('blocked-after-failures', msg('router-api.error.second-factor-blocked', { host: this.o.host }));
      case 868:
        throw new RouterError('needs-confirmation-on-device', msg('router-api.error.second-factor-busy', { host: this.o.host }));
      case 606:
        throw new RouterError('unsupported', msg('router-api.error.no-right', { action }));
      case 401:
        throw new RouterError('unsupported', msg('router-api.error.no-action', { action }));
      default:
        throw new RouterError('unsupported', msg('router-api.error.fault', { action, code: answer.code, description: answer.description }));
    }
  }

  /** The box wants a confirmation on the device: start it, tell the owner in plain words, poll (never re-send blindly), then send once with the token. */
  private async withConfirmation(serviceType: string, action: string, args: Record<string, string>): Promise<Record<string, string>> {
    const started = await this.call(AUTH_SERVICE, 'SetConfig', { NewAction: 'start' });
    const token = started.NewToken ?? '';
    const waitMs = this.o.confirmWaitMs ?? 60_000;
    this.o.onConfirmOnDevice?.(started.NewMethods ?? 'button', Math.round(waitMs / 1000));
    const until = Date.now() + waitMs;
    for (;;) {
      const st = await this.call(AUTH_SERVICE, 'GetState');
      if (st.NewState === 'authenticated') break;
      if (st.NewState === 'blocked') throw new RouterError('blocked-after-failures', msg('router-api.error.second-factor-blocked', { host: this.o.host }));
      if (Date.now() >= until || st.NewState === 'failure' || st.NewState === 'stopped') {
        await this.call(AUTH_SERVICE, 'SetConfig', { NewAction: 'stop' }).catch(() => {});
        throw new RouterError('needs-confirmation-on-device', msg('router-api.error.confirm-on-device', { seconds: Math.round(waitMs / 1000) }), Math.round(waitMs / 1000));
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    return this.call(serviceType, action, args, token);
  }

  private async post(path: string, serviceType: string, action: string, body: string): Promise<Extract<RouterHttpResponse, { kind: 'answer' }>> {
    const headers: Record<string, string> = { 'content-type': 'text/xml; charset="utf-8"', soapaction: `${serviceType}#${action}` };
    if (this.challenge) {
      const password = await this.password();
      const user = this.o.pins.userName(this.o.host) ?? '';
      headers.authorization = digestAuthorization({ challenge: this.challenge, username: user, password, method: 'POST', uri: path, nc: ++this.nc, cnonce: randomBytes(8).toString('hex') });
    }
    const pin = this.o.pins.pin(this.o.host);
    let res: RouterHttpResponse;
    try {
      res = await this.o.transport.send({ host: this.o.host, port: this.tlsPort, https: true, method: 'POST', path, headers, body, timeoutMs: this.timeoutMs, pin });
    } catch {
      throw new RouterError('unreachable', msg('router-api.error.unreachable', { host: this.o.host, port: this.tlsPort }));
    }
    if (res.kind === 'pin-mismatch') {
      throw new RouterError('tls-certificate-changed', msg('router-api.error.certificate-changed', { host: this.o.host, pinned: pin ?? '', seen: res.certificateFingerprint }));
    }
    if (!pin && res.certificateFingerprint) this.o.pins.setPin(this.o.host, res.certificateFingerprint);
    return res;
  }

  private async password(): Promise<string> {
    const account = this.o.passwordAccount ?? secretAccountName({ kind: 'router' });
    const p = await this.o.secrets.get(account);
    if (!p) throw new RouterError('credentials-missing', msg('router-api.error.credentials-missing', { host: this.o.host }));
    if (!this.o.pins.userName(this.o.host)) throw new RouterError('credentials-missing', msg('router-api.error.user-missing', { host: this.o.host }));
    return p;
  }
}
