/**
 * A scripted HttpProber for unit tests of the prober logic: records every request and answers
 * from a handler. The real adapter is exercised against real lighttpd in the integration tests.
 */
import type { HttpProbeRequest, HttpProbeResponse, HttpProber } from '../../../../main/core/ports.js';

export type Reply = Partial<HttpProbeResponse> & { status: number };
export type Handler = (req: HttpProbeRequest, n: number) => Reply | Promise<Reply>;

export class ScriptedHttp implements HttpProber {
  readonly requests: HttpProbeRequest[] = [];
  constructor(private readonly handler: Handler) {}
  async send(req: HttpProbeRequest): Promise<HttpProbeResponse> {
    this.requests.push(req);
    const r = await this.handler(req, this.requests.length);
    return { headers: {}, body: '', untrustedCertificate: false, ...r };
  }
  /** Requests that carried credentials (Authorization header or a login POST). */
  credentialRequests(): HttpProbeRequest[] {
    return this.requests.filter((r) => r.headers.authorization !== undefined || r.method === 'POST');
  }
}

export const LOGIN_PAGE = `<html><body><form method="post" action="/login.cgi"><input type="hidden" name="token" value="t1">
<input type="text" name="user"><input type="password" name="pass"><button>Go</button></form></body></html>`;

export const basicServer = (user: string, pass: string, extra: (req: HttpProbeRequest) => Reply | null = () => null): Handler => (req) => {
  const special = extra(req);
  if (special) return special;
  const want = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  if (req.headers.authorization === want) return { status: 200, body: '<h1>Status</h1>' };
  return { status: 401, headers: { 'www-authenticate': ['Basic realm="router"'] }, body: 'auth required' };
};

export const formServer = (user: string, pass: string, mode: 'real' | 'always200' = 'real'): Handler => (req): Reply => {
  if (req.method === 'POST') {
    const f = new URLSearchParams(req.body ?? '');
    if (mode === 'real' && f.get('user') === user && f.get('pass') === pass) {
      return { status: 302, headers: { location: ['/'], 'set-cookie': ['sid=ok; Path=/'] } };
    }
    return { status: 200, body: '<h1>Login successful</h1>', headers: { 'set-cookie': ['sid=decoy'] } };
  }
  if (mode === 'real' && /sid=ok/.test(req.headers.cookie ?? '')) return { status: 200, body: '<h1>Router status</h1>' };
  return { status: 200, body: LOGIN_PAGE };
};
