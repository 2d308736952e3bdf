import type { HttpProbeResponse, HttpProber } from '../ports.js';
import type { ProbeTarget } from './address-scope.js';

/** A response plus the path it was finally served from (after same-host redirects). */
export interface SessionResponse {
  res: HttpProbeResponse;
  path: string;
}

const MAX_REDIRECTS = 3;

/**
 * A tiny browser for one host: a cookie jar and same-host redirects (never to another host or
 * scheme). Every request goes through the HttpProber port with the same deadline.
 */
export class HttpSession {
  private jar = new Map<string, string>();

  constructor(
    private readonly http: HttpProber,
    private readonly target: ProbeTarget,
    private readonly timeoutMs: number,
    private readonly allowUntrusted: boolean,
    private readonly onResponse: (res: HttpProbeResponse) => void = () => {},
  ) {}

  /** Whether the jar holds any cookie (a session the server handed out). */
  get hasCookies(): boolean {
    return this.jar.size > 0;
  }

  private absorbCookies(res: HttpProbeResponse) {
    for (const line of res.headers['set-cookie'] ?? []) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq <= 0) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a)) || value === '';
      if (expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  private cookieHeader(): Record<string, string> {
    return this.jar.size ? { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  /** Sends one request and follows up to 3 same-host redirects (as GET, like a browser after a form post). */
  async request(method: 'GET' | 'POST', path: string, opts: { headers?: Record<string, string>; form?: Record<string, string>; follow?: boolean } = {}): Promise<SessionResponse> {
    let body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
    let current = path;
    let m = method;
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = {
        'user-agent': 'Porchlight-default-password-check/1',
        accept: 'text/html,*/*;q=0.5',
        ...this.cookieHeader(),
        ...(opts.headers ?? {}),
      };
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
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
      this.absorbCookies(res);
      this.onResponse(res);
      const location = res.headers.location?.[0];
      if (opts.follow === false || hop >= MAX_REDIRECTS || ![301, 302, 303, 307, 308].includes(res.status) || !location) {
        return { res, path: current };
      }
      const next = this.sameHostPath(location, current);
      if (next === null) return { res, path: current };
      if (res.status !== 307 && res.status !== 308) {
        m = 'GET';
        body = undefined;
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
