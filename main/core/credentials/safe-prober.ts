import type { HttpProbeResponse, HttpProber, Logger } from '../ports.js';
import { PorchlightError } from '../errors.js';
import { addressScope, type ProbeTarget } from './address-scope.js';
import type { AttemptLedger } from './attempt-ledger.js';
import type { DefaultCredentials, FactoryCredential, LoginStyle, VendorDefaults } from './dataset.js';
import { digestAuthorization, parseChallenges, pickDigest } from './digest.js';
import { HttpSession, type SessionResponse } from './http-session.js';
import { findLoginForm, hasPasswordField, type LoginForm } from './login-form.js';
import { attemptsRemaining, lockoutSign } from './lockout.js';

/** The three outcomes a probe may report; `default-accepted` only when access was really granted. */
export type ProbeResult = 'default-accepted' | 'default-rejected' | 'unknown';

/** What one probe found, in terms a homeowner and a script can both use. Holds only public factory values. */
export interface ProbeReport {
  host: string;
  url: string;
  login: LoginStyle;
  vendor: string | null;
  vendorId: string | null;
  result: ProbeResult;
  reason: string;
  /** Credential attempts sent by this probe. */
  attempts: number;
  /** Attempts this host has used in the current audit, this probe included (never above 5). */
  auditAttempts: number;
  /** The public factory username/password that worked, or null. */
  matched: FactoryCredential | null;
  /** How many of the candidate defaults were tried, out of how many. */
  tried: number;
  candidates: number;
  certificate: 'none' | 'trusted' | 'self-signed-accepted-for-gateway' | 'untrusted-refused';
  notes: string[];
}

export interface ProbeOptions {
  target: ProbeTarget;
  vendor: VendorDefaults | null;
  /** The target is the default gateway: only then is a self-signed certificate accepted. */
  isGateway: boolean;
  /** The user agreed to this probe; without it nothing is sent. */
  consent: boolean;
}

export interface ProberSettings {
  /** Deadline of every single request. */
  requestTimeoutMs: number;
  /** Pause between two credential attempts on the same host. */
  delayMs: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const cred = (c: FactoryCredential) => `${c.username === '' ? '(blank user)' : c.username} / ${c.password === '' ? '(blank password)' : c.password}`;

const warned = (left: number) => `the device warned that only ${left} attempt${left === 1 ? '' : 's'} remain${left === 1 ? 's' : ''} before it locks`;

type Verdict = { kind: 'accepted' } | { kind: 'rejected'; stopReason?: string } | { kind: 'stop'; reason: string } | { kind: 'stale' };

/**
 * The safe default-credential prober: local addresses only, consent required, only the vendor's
 * public defaults (or a short generic list), at most 5 attempts per host per audit, spaced out,
 * stopping at the first lockout sign, every request under a deadline.
 */
export class SafeProber {
  constructor(
    private readonly http: HttpProber,
    private readonly data: DefaultCredentials,
    private readonly ledger: AttemptLedger,
    private readonly settings: ProberSettings,
    private readonly log?: Logger,
  ) {}

  async check(opts: ProbeOptions): Promise<ProbeReport> {
    const { target, vendor } = opts;
    if (addressScope(target.host) === 'public') {
      throw new PorchlightError('refused', `${target.host} is a public internet address; Porchlight only checks devices in your home network. Nothing was sent.`);
    }
    if (!opts.consent) throw new PorchlightError('refused', 'A password check needs your consent first. Nothing was sent.');
    const hostLabel = target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
    const report: ProbeReport = {
      host: hostLabel,
      url: `${target.https ? 'https' : 'http'}://${hostLabel}/`,
      login: vendor?.login === 'app-only' ? 'app-only' : 'unknown',
      vendor: vendor?.name ?? null,
      vendorId: vendor?.id ?? null,
      result: 'unknown',
      reason: '',
      attempts: 0,
      auditAttempts: this.ledger.used(target.host),
      matched: null,
      tried: 0,
      candidates: 0,
      certificate: target.https ? 'trusted' : 'none',
      notes: [],
    };
    const done = (result: ProbeResult, reason: string): ProbeReport => {
      report.result = result;
      report.reason = reason;
      report.auditAttempts = this.ledger.used(target.host);
      this.log?.info('default-password probe', { host: hostLabel, vendor: report.vendorId, login: report.login, result, attempts: report.attempts });
      return report;
    };

    if (vendor?.login === 'app-only') {
      return done('unknown', `${vendor.name} has no local admin login to test; it is managed through its app and account. Protect that account with a unique password and two-factor authentication.`);
    }
    if (vendor && vendor.credentials.length === 0) {
      return done('unknown', `${vendor.name} has no shared factory password${vendor.uniquePerDevice ? ' (each unit has its own, printed on its label)' : ''}; there is nothing public to test. ${vendor.note ?? ''}`.trim());
    }
    const candidates = dedupe(vendor ? vendor.credentials : this.data.generic);
    report.candidates = candidates.length;
    if (this.ledger.remaining(target.host) === 0) {
      return done('unknown', `This host already had ${this.ledger.max} password attempts in this audit; Porchlight does not try more.`);
    }

    let seen401 = false;
    const observe = (res: HttpProbeResponse) => {
      if (res.untrustedCertificate) report.certificate = 'self-signed-accepted-for-gateway';
      if (res.status === 401) seen401 = true;
    };
    const session = () => new HttpSession(this.http, target, this.settings.requestTimeoutMs, target.https && opts.isGateway, observe);

    // 1. Look at the page without credentials: which login does it ask for?
    let first: SessionResponse;
    try {
      first = await session().request('GET', '/');
    } catch (err) {
      if (isCertificateError(err)) report.certificate = 'untrusted-refused';
      return done('unknown', this.networkReason(err, target));
    }
    if (report.certificate === 'self-signed-accepted-for-gateway') {
      report.notes.push('The router (gateway) uses a self-signed certificate; Porchlight accepted it for this check because it is your gateway.');
    }
    const style = this.detect(first);
    report.login = style.login;
    if (style.stop) return done('unknown', style.stop);

    // 2. Try the public defaults, one at a time, within the audit budget. A password-only form
    //    cannot tell two pairs with the same password apart: try each password once.
    if (style.login === 'form' && style.form && !style.form.userField) {
      const byPassword = candidates.filter((c, i) => candidates.findIndex((o) => o.password === c.password) === i);
      candidates.splice(0, candidates.length, ...byPassword);
      report.candidates = candidates.length;
    }
    let form = style.form;
    let challenge = first;
    let formSession: HttpSession | null = null;
    for (const [i, c] of candidates.entries()) {
      if (this.ledger.remaining(target.host) === 0) {
        return done('unknown', `Stopped after ${report.tried} of ${candidates.length} defaults: this host reached the limit of ${this.ledger.max} attempts for this audit.`);
      }
      if (i > 0) await sleep(this.settings.delayMs);
      let verdict: Verdict;
      try {
        if (style.login === 'form') {
          if (i > 0 || !formSession) {
            // a fresh session and a fresh copy of the form (new CSRF token) for every attempt
            formSession = session();
            const page = await formSession.request('GET', first.path);
            const again = findLoginForm(page.res.body, page.path);
            if (!again) return done('unknown', 'The login form disappeared between two attempts; Porchlight stopped.');
            form = again;
          }
          this.ledger.take(target.host);
          report.attempts++;
          report.tried++;
          verdict = await this.tryForm(formSession, form!, first, c, () => seen401);
          formSession = null;
        } else {
          this.ledger.take(target.host);
          report.attempts++;
          report.tried++;
          let out = await this.tryHttpAuth(style.login as 'basic' | 'digest', challenge, c, session(), () => seen401);
          if (out.challenge) challenge = out.challenge;
          if (out.verdict.kind === 'stale') {
            // one retry with the fresh nonce; it is another attempt and must fit in the budget
            if (!this.ledger.take(target.host)) {
              return done('unknown', `The device's Digest nonce expired and this host has no attempts left in this audit.`);
            }
            report.attempts++;
            out = await this.tryHttpAuth('digest', challenge, c, session(), () => seen401);
            if (out.challenge) challenge = out.challenge;
            if (out.verdict.kind === 'stale') out = { verdict: { kind: 'stop', reason: 'the device kept rejecting its own Digest nonces as stale' } };
          }
          verdict = out.verdict;
        }
      } catch (err) {
        return done('unknown', this.networkReason(err, target));
      }
      if (verdict.kind === 'accepted') {
        report.matched = { ...c };
        return done('default-accepted', `The ${vendor ? `${vendor.name} ` : ''}factory login ${cred(c)} still opens the admin page. Change it now.`);
      }
      if (verdict.kind === 'stop') return done('unknown', `Stopped after ${report.tried} of ${candidates.length} defaults: ${verdict.reason}. No further attempts were made, so the login is not locked by Porchlight.`);
      if (verdict.kind === 'stale') return done('unknown', 'The device never judged the password (its Digest nonce kept expiring).');
      if (verdict.stopReason && i < candidates.length - 1) {
        return done('unknown', `Stopped after ${report.tried} of ${candidates.length} defaults: ${verdict.stopReason}. The defaults tried were refused, but the others were not tried.`);
      }
    }
    return done(
      'default-rejected',
      vendor
        ? `The admin login refused all ${candidates.length} public factory login${candidates.length > 1 ? 's' : ''} of ${vendor.name}.`
        : `The admin login refused the ${candidates.length} most common default logins (the device's brand is not known, so only these were tried).`,
    );
  }

  private networkReason(err: unknown, target: ProbeTarget): string {
    if (err instanceof PorchlightError && err.code === 'timeout') {
      return `${target.host}:${target.port} did not answer within ${Math.round(this.settings.requestTimeoutMs / 100) / 10} s; the check could not be made.`;
    }
    if (err instanceof PorchlightError) return err.message;
    return `The check could not be made: ${(err as Error).message ?? 'network error'}.`;
  }

  private detect(first: SessionResponse): { login: LoginStyle; form?: LoginForm; stop?: string } {
    const { res } = first;
    const lock = lockoutSign(res, false);
    if (res.status === 401) {
      const challenges = parseChallenges(res.headers['www-authenticate'] ?? []);
      if (pickDigest(challenges)) return { login: 'digest' };
      if (challenges.some((c) => c.scheme === 'basic')) return { login: 'basic' };
      const names = challenges.map((c) => c.scheme).join(', ') || 'none given';
      return { login: 'unknown', stop: `The page asks for a kind of login Porchlight does not test (${names}).` };
    }
    if (lock) return { login: 'unknown', stop: `Nothing was tried: ${lock}.` };
    if (res.status >= 200 && res.status < 300) {
      const form = findLoginForm(res.body, first.path);
      if (form?.scripted) return { login: 'form', stop: 'The login page signs in through a script Porchlight cannot drive safely; check this login by hand.' };
      if (form) return { login: 'form', form };
      return {
        login: 'none',
        stop: 'The page opened without asking for any password: either it is not the admin page, or the admin page is open to everyone on your network.',
      };
    }
    return { login: 'unknown', stop: `The page answered HTTP ${res.status} without a login Porchlight recognises.` };
  }

  /** One Basic/Digest attempt; a 401 brings the fresh challenge (new nonce) for the next Digest attempt. */
  private async tryHttpAuth(
    kind: 'basic' | 'digest',
    first: SessionResponse,
    c: FactoryCredential,
    s: HttpSession,
    seen401: () => boolean,
  ): Promise<{ verdict: Verdict; challenge?: SessionResponse }> {
    let header: string;
    if (kind === 'basic') {
      header = `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;
    } else {
      const ch = pickDigest(parseChallenges(first.res.headers['www-authenticate'] ?? []));
      if (!ch) return { verdict: { kind: 'stop', reason: 'the Digest challenge could not be read' } };
      header = digestAuthorization({ challenge: ch, username: c.username, password: c.password, method: 'GET', uri: first.path });
    }
    const r = await s.request('GET', first.path, { headers: { authorization: header }, follow: false });
    const lock = lockoutSign(r.res, seen401());
    if (r.res.status === 401) {
      const left = attemptsRemaining(r.res);
      const next = { res: r.res, path: first.path };
      const fresh = kind === 'digest' ? pickDigest(parseChallenges(r.res.headers['www-authenticate'] ?? [])) : null;
      if (fresh?.params.stale?.toLowerCase() === 'true') {
        // the nonce expired: the password was never judged — neither accepted nor refused
        return { verdict: { kind: 'stale' }, challenge: next };
      }
      return left !== null && left <= 1
        ? { verdict: { kind: 'rejected', stopReason: warned(left) }, challenge: next }
        : { verdict: { kind: 'rejected' }, challenge: next };
    }
    if (lock) return { verdict: { kind: 'stop', reason: lock } };
    if (r.res.status >= 200 && r.res.status < 400) return { verdict: { kind: 'accepted' } };
    return { verdict: { kind: 'stop', reason: `the device answered HTTP ${r.res.status}` } };
  }

  private async tryForm(s: HttpSession, form: LoginForm, first: SessionResponse, c: FactoryCredential, seen401: () => boolean): Promise<Verdict> {
    const fields: Record<string, string> = { ...form.hidden };
    if (form.userField) fields[form.userField] = c.username;
    fields[form.passwordField] = c.password;
    const path = form.method === 'GET' ? `${form.action}${form.action.includes('?') ? '&' : '?'}${new URLSearchParams(fields)}` : form.action;
    const posted = await s.request(form.method, path, form.method === 'POST' ? { form: fields } : {});
    const lock = lockoutSign(posted.res, seen401());
    if (lock) return { kind: 'stop', reason: lock };
    const left = attemptsRemaining(posted.res);
    // Verify with a fresh look at the protected page, carrying whatever session the server handed out.
    const check = await s.request('GET', first.path);
    const lockAfter = lockoutSign(check.res, seen401());
    if (lockAfter) return { kind: 'stop', reason: lockAfter };
    const again = check.res.status >= 200 && check.res.status < 300 ? findLoginForm(check.res.body, check.path) : null;
    const stillLogin =
      check.res.status === 401 ||
      check.res.status === 403 ||
      (again !== null && (again.passwordField === form.passwordField || again.action === form.action)) ||
      (check.path !== first.path && hasPasswordField(check.res.body)) ||
      squash(check.res.body) === squash(first.res.body);
    if (check.res.status >= 200 && check.res.status < 300 && !stillLogin) return { kind: 'accepted' };
    if (stillLogin) {
      return left !== null && left <= 1 ? { kind: 'rejected', stopReason: warned(left) } : { kind: 'rejected' };
    }
    return { kind: 'stop', reason: `after the login the page answered HTTP ${check.res.status}, which says neither yes nor no` };
  }
}

/** The connection failed on the TLS certificate (untrusted, self-signed, wrong name …). */
function isCertificateError(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code);
}

function dedupe(list: readonly FactoryCredential[]): FactoryCredential[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = `${c.username}\u0000${c.password}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
