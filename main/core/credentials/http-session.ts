import type { HttpProbeResponse, HttpProber } from '../ports.js';
import type { ProbeTarget } from './address-scope.js';

/** A response plus the path it was finally served from (after same-host redirects). */
export interface SessionResponse {
  res: HttpProbeResponse;
  path: string;
  /** Names of the cookies the server set along the way (a session it handed out), in order. */
  cookiesSet: string[];
  /** Same-host redirects followed to get here. */
  redirects: number;
}

/**
 * Where every request that carries a credential is counted before it is sent: the attempt ledger
 * of the host. `take` answers false when the host's budget is spent; the request is then not sent.
 */
export interface CredentialGate {
  take(): boolean;
}

/** Thrown instead of sending a credential-carrying request the host's budget no longer allows. */
export class AttemptBudgetSpent extends Error {
  constructor() {
    super('the attempt budget of this host is spent');
    this.name = 'AttemptBudgetSpent';
  }
}

const MAX_REDIRECTS = 3;

/**
 * A tiny browser for one host: a cookie jar and same-host redirects (never to another host or
 * scheme). Every request goes through the HttpProber port with the same deadline. A request marked
 * `credential` is counted at the gate for every hop that carries the credential: the first one,
 * and a 307/308 redirect that sends the form body again.
 */
export class HttpSession {
  private jar = new Map<string, string>();

  constructor(
    private readonly http: HttpProber,
    private readonly target: ProbeTarget,
    private readonly timeoutMs: number,
    private readonly allowUntrusted: boolean,
    private readonly onResponse: (res: HttpProbeResponse) => void = () => {},
    private readonly gate: CredentialGate | null = null,
  ) {}

  /** Whether the jar holds any cookie (a session the server handed out). */
  get hasCookies(): boolean {
    return this.jar.size > 0;
  }

  /** Stores the cookies of a response; returns the names it set (not the ones it expired). */
  private absorbCookies(res: HttpProbeResponse): string[] {
    const set: string[] = [];
    for (const line of res.headers['set-cookie'] ?? []) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq <= 0) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired =
        attrs.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a)) ||
        attrs.some((a) => /^\s*expires\s*=\s*thu,\s*0?1[ -]jan[ -]1970/i.test(a)) ||
        value === '' ||
        value === '""' ||
        /^deleted$/i.test(value);
      if (expired) this.jar.delete(name);
      else {
        this.jar.set(name, value);
        set.push(name);
      }
    }
    return set;
  }

  private cookieHeader(): Record<string, string> {
    return this.jar.size ? { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  /**
   * Sends one request and follows up to 3 same-host redirects (303/302/301 as GET without the
   * body, like a browser after a form post; 307/308 with the same method and body). Headers given
   * in `opts.headers` go only with the first hop. With `credential`, every hop carrying the
   * credential is taken from the gate first; when the gate refuses, AttemptBudgetSpent is thrown
   * and that hop is not sent.
   */
  async request(
    method: 'GET' | 'POST',
    path: string,
    opts: { headers?: Record<string, string>; form?: Record<string, string>; follow?: boolean; credential?: boolean } = {},
  ): Promise<SessionResponse> {
    let body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
    let current = path;
    let m = method;
    let carries = opts.credential === true;
    const cookiesSet: string[] = [];
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = {
        'user-agent': 'Porchlight-default-password-check/1',
        accept: 'text/html,*/*;q=0.5',
        ...this.cookieHeader(),
        ...(hop === 0 ? (opts.headers ?? {}) : {}),
      };
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      if (carries) {
        if (!this.gate) throw new Error('a credential request needs the attempt gate');
        if (!this.gate.take()) throw new AttemptBudgetSpent();
      }
      const res = await this.http.send({
        host: this.target.host,
        port: this.target.port,
        https: this.target.https,
        method: m,
        path: current,
        headers,
        body,
        timeoutMs: this.timeoutMs,
        allowUntrustedCertificate: this.allowUntrusted,
      });
      cookiesSet.push(...this.absorbCookies(res));
      this.onResponse(res);
      const location = res.headers.location?.[0];
      if (opts.follow === false || hop >= MAX_REDIRECTS || ![301, 302, 303, 307, 308].includes(res.status) || !location) {
        return { res, path: current, cookiesSet, redirects: hop };
      }
      const next = this.sameHostPath(location, current);
      if (next === null) return { res, path: current, cookiesSet, redirects: hop };
      if (res.status !== 307 && res.status !== 308) {
        m = 'GET';
        body = undefined;
        carries = false;
      } else {
        // the form body (the credential) goes again; an Authorization header does not (first hop only)
        carries = carries && body !== undefined && m === 'POST';
      }
      current = next;
    }
  }

  private sameHostPath(location: string, from: string): string | null {
    const scheme = this.target.https ? 'https' : 'http';
    const host = this.target.host.includes(':') ? `[${this.target.host}]` : this.target.host;
    const base = `${scheme}://${host}:${this.target.port}`;
    try {
      const u = new URL(location, `${base}${from}`);
      const port = u.port === '' ? (u.protocol === 'https:' ? 443 : 80) : Number(u.port);
      if (u.protocol !== `${scheme}:` || u.hostname.replace(/^\[|\]$/g, '') !== this.target.host || port !== this.target.port) return null;
      return `${u.pathname}${u.search}`;
    } catch {
      return null;
    }
  }
}
