import type { HttpProbeResponse, HttpProber } from '../ports.js';
import type { ProbeTarget } from './address-scope.js';
import type * as ToughCookieModule from 'tough-cookie';
import type { CookieJar } from 'tough-cookie';

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


let toughCookie: Promise<typeof ToughCookieModule> | null = null;
/** tough-cookie is loaded on the first request, not when the CLI or the app starts. */
const loadToughCookie = () => (toughCookie ??= import('tough-cookie'));

/** A cookie value that only clears a session (logout answers): kept like a browser keeps it, but no session handed out. */
const clearingValue = (v: string) => v === '' || v === '""' || /^deleted$/i.test(v);

/**
 * A tiny browser for one host: an RFC 6265 cookie jar (tough-cookie: Path, Domain, Max-Age,
 * Expires and Secure honoured, in memory for this session only, never persisted or logged) and
 * same-host redirects (never to another host or scheme). Every request goes through the
 * HttpProber port with the same deadline. A request marked `credential` is counted at the gate
 * for every hop that carries the credential: the first one, and a 307/308 redirect that sends the
 * form body again.
 */
export class HttpSession {
  private jar: CookieJar | null = null;

  constructor(
    private readonly http: HttpProber,
    private readonly target: ProbeTarget,
    private readonly timeoutMs: number,
    private readonly allowUntrusted: boolean,
    private readonly onResponse: (res: HttpProbeResponse) => void = () => {},
    private readonly gate: CredentialGate | null = null,
  ) {}

  private async cookieJar(): Promise<CookieJar> {
    if (this.jar) return this.jar;
    const tc = await loadToughCookie();
    this.jar ??= new tc.CookieJar(undefined, { rejectPublicSuffixes: true, looseMode: false });
    return this.jar;
  }

  private url(path: string): string {
    const host = this.target.host.includes(':') ? `[${this.target.host}]` : this.target.host;
    return `${this.target.https ? 'https' : 'http'}://${host}:${this.target.port}${path}`;
  }

  /**
   * Stores the cookies of a response as a browser would (a cookie for another domain, a public
   * suffix or a malformed one is refused); returns the names of the live sessions it set (not the
   * ones it expired or cleared).
   */
  private async absorbCookies(res: HttpProbeResponse, path: string): Promise<string[]> {
    const lines = res.headers['set-cookie'] ?? [];
    if (lines.length === 0) return [];
    const jar = await this.cookieJar();
    const url = this.url(path);
    const set: string[] = [];
    for (const line of lines) {
      const cookie = await jar.setCookie(line, url, { ignoreError: true }).catch(() => undefined);
      if (!cookie || !cookie.key) continue;
      if (cookie.TTL() <= 0 || clearingValue(cookie.value)) continue;
      set.push(cookie.key);
    }
    return set;
  }

  private async cookieHeader(path: string): Promise<Record<string, string>> {
    if (!this.jar) return {};
    const value = await this.jar.getCookieString(this.url(path));
    return value ? { cookie: value } : {};
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
        ...(await this.cookieHeader(current)),
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
      cookiesSet.push(...(await this.absorbCookies(res, current)));
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
    try {
      const u = new URL(location, this.url(from));
      const port = u.port === '' ? (u.protocol === 'https:' ? 443 : 80) : Number(u.port);
      if (u.protocol !== `${scheme}:` || u.hostname.replace(/^\[|\]$/g, '') !== this.target.host || port !== this.target.port) return null;
      return `${u.pathname}${u.search}`;
    } catch {
      return null;
    }
  }
}
