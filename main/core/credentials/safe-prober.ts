import { msg, NOT_CHECKED_YET, type Message } from '../messages/index.js';
import type { HttpProbeResponse, HttpProber, Logger } from '../ports.js';
import { PorchlightError } from '../errors.js';
import { addressScope, type ProbeTarget } from './address-scope.js';
import type { AttemptLedger } from './attempt-ledger.js';
import type { DefaultCredentials, FactoryCredential, LoginStyle, VendorDefaults } from './dataset.js';
import { digestAuthorization, parseChallenges, pickDigest } from './digest.js';
import { AttemptBudgetSpent, HttpSession, type CredentialGate, type SessionResponse } from './http-session.js';
import { findLoginForm, hasInertPasswordField, hasPasswordField, loginFailureMessage, metaRefreshTarget, passwordFieldCount, type LoginForm } from './login-form.js';
import { attemptsRemaining, lockoutSign } from './lockout.js';
import { loadHtmlParser } from '../html/index.js';

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
  /** Why, as a message (never English prose): the renderer, the report and the CLI put it into words. */
  reason: Message;
  /** Requests carrying a password that this probe sent (digest retries and re-posts included), as the device counts them. */
  attempts: number;
  /** The host's ledger: such requests in the current audit, this probe included (never above 5). */
  auditAttempts: number;
  /** The public factory username/password that worked, or null. */
  matched: FactoryCredential | null;
  /** How many of the candidate defaults were tried, out of how many. */
  tried: number;
  candidates: number;
  /** The public factory logins tried, in order (when the maker is unknown: the common ones). */
  triedLogins: FactoryCredential[];
  /** What the device showed for each login tried, as messages (`credentials.tried`: the login, what the device showed). */
  evidence: Message[];
  certificate: 'none' | 'trusted' | 'self-signed-accepted-for-gateway' | 'untrusted-refused';
  notes: Message[];
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
/** A public factory login as a message (a blank user or password is said in words, not left empty). */
const cred = (c: FactoryCredential): Message =>
  c.username === '' && c.password === ''
    ? msg('credentials.pair.blank-both')
    : c.username === ''
      ? msg('credentials.pair.blank-user', { password: c.password })
      : c.password === ''
        ? msg('credentials.pair.blank-password', { user: c.username })
        : msg('credentials.pair.both', { user: c.username, password: c.password });

const warned = (left: number) => msg('credentials.lockout.warned', { count: left });

type Verdict =
  | { kind: 'accepted'; evidence: Message }
  | { kind: 'rejected'; evidence?: Message; stopReason?: Message }
  | { kind: 'unclear'; evidence: Message }
  | { kind: 'stop'; reason: Message }
  | { kind: 'stale' };

/** What one page said about the login, as a browser user would read it. */
interface Look {
  /** refused: the login form again, an error message, 401/403; open: a page without any password prompt. */
  kind: 'refused' | 'open' | 'other';
  path: string;
  /** What the page showed, as a message ("showed the login form again", "opened a page without asking for a password" …). */
  what: Message;
}

/**
 * Attempts counted as the server sees them: a credential-carrying request is one attempt, and the
 * host's ledger is the one count (the report, the step, the evidence and the JSON read it).
 */
export function attemptsText(r: Pick<ProbeReport, 'attempts' | 'auditAttempts'>, max = 5): string {
  return `${r.auditAttempts} of ${max} password tries used on this device in this audit (${r.attempts} by this check).`;
}

/** The kind of login a page asks for, as a message. */
export const loginStyleMessage = (login: LoginStyle): Message => msg(`credentials.login-style.${login}`);

/** The detail of a check built from a probe: which login, and what the device showed for each login tried. */
export function probeDetail(r: ProbeReport, name: string | null = null): Message {
  const who = name ?? r.vendor ?? r.host;
  const login = loginStyleMessage(r.login);
  // evidence lines are `credentials.tried` {login, what}; the same answer to every login is said once
  const answers = r.evidence.map((e) => JSON.stringify(e.params.what ?? null));
  if (answers.length > 1 && answers.every((a) => a === answers[0])) {
    const answer = r.evidence[0]!.params.what;
    if (answer && typeof answer === 'object' && !Array.isArray(answer)) return msg('credentials.detail.same', { name: who, login, count: answers.length, answer });
  }
  if (!r.evidence.length) return msg('credentials.detail.login', { name: who, login });
  return msg('credentials.detail.each', { name: who, login, lines: r.evidence });
}

/** The attempts as message params: the host's ledger count, the product's limit, this check's own. */
function attemptParams(r: Pick<ProbeReport, 'attempts' | 'auditAttempts'>, max = 5) {
  return { used: r.auditAttempts, max, tried: r.attempts };
}

/** The evidence line of a check built from a probe: what was found, then the attempts (the device's name where known). */
export function probeEvidence(r: ProbeReport, afterChange = false, name: string | null = null): Message {
  const who = name ?? r.vendor ?? r.host;
  if (r.result === 'default-accepted') {
    return afterChange ? msg('credentials.evidence.accepted-after-change', { name: who, ...attemptParams(r) }) : msg('credentials.evidence.accepted', { name: who, ...attemptParams(r) });
  }
  if (r.result === 'default-rejected') return msg('credentials.evidence.rejected', { name: who, reason: r.reason, ...attemptParams(r) });
  return msg('credentials.evidence.undecided', { reason: r.reason, ...attemptParams(r) });
}

/** What a login with the owner's own (secret) password showed: never the password, in no field. */
export type SecretLoginResult = 'accepted' | 'refused' | 'unknown';

/**
 * The outcome of one login with a secret credential (the new router password), judged on the same
 * evidence as a factory login. It holds no credential: the username and password are not repeated
 * in any field, and every text is scrubbed of the password in case a device echoes it back.
 */
export interface SecretLoginReport {
  host: string;
  url: string;
  login: LoginStyle;
  result: SecretLoginResult;
  /** Why, as a message (never English prose, never the password). */
  reason: Message;
  /** Requests carrying the password this check sent, as the device counts them. */
  attempts: number;
  /** The host's ledger: such requests in the current audit, this check included (never above 5). */
  auditAttempts: number;
  /** What the device showed, as messages (never the password). */
  evidence: Message[];
  certificate: ProbeReport['certificate'];
  notes: Message[];
}

/** A secret credential for one verification login: read by the core from the keychain, never from IPC, argv or logs. */
export interface SecretCredential {
  username: string;
  password: string;
}

/** Every form of a secret that could reappear in a device's answer or an address (plain, URL- and Base64-encoded). */
function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret, encodeURIComponent(secret), new URLSearchParams({ p: secret }).toString().slice(2), Buffer.from(secret, 'utf8').toString('base64')]);
  return [...forms].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
}

/**
 * The safe default-credential prober: local addresses only, consent required, only the vendor's
 * public defaults (or a short generic list), at most 5 credential-carrying requests per host per
 * audit (each counted in the ledger before it is sent), spaced out, stopping at the first lockout
 * sign, every request under a deadline. A form login is judged on everything a browser sees: the
 * page the post lands on, the session handed out, and the protected page afterwards.
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
      throw new PorchlightError('refused', 'error.address-public', { host: target.host });
    }
    if (!opts.consent) throw new PorchlightError('refused', 'error.consent-needed');
    const hostLabel = target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
    const report: ProbeReport = {
      host: hostLabel,
      url: `${target.https ? 'https' : 'http'}://${hostLabel}/`,
      login: vendor?.login === 'app-only' ? 'app-only' : 'unknown',
      vendor: vendor?.name ?? null,
      vendorId: vendor?.id ?? null,
      result: 'unknown',
      reason: NOT_CHECKED_YET,
      attempts: 0,
      auditAttempts: this.ledger.used(target.host),
      matched: null,
      tried: 0,
      candidates: 0,
      triedLogins: [],
      evidence: [],
      certificate: target.https ? 'trusted' : 'none',
      notes: [],
    };
    const done = (result: ProbeResult, reason: Message): ProbeReport => {
      report.result = result;
      // an undecided check of an unknown maker still says which common factory logins it tried
      report.reason = result === 'unknown' && !vendor && report.triedLogins.length ? msg('credentials.probe.with-common', { reason, list: report.triedLogins.map(cred) }) : reason;
      report.auditAttempts = this.ledger.used(target.host);
      this.log?.info('default-password probe', { host: hostLabel, vendor: report.vendorId, login: report.login, result, attempts: report.attempts, auditAttempts: report.auditAttempts });
      return report;
    };

    if (vendor?.login === 'app-only') {
      return done('unknown', msg('credentials.probe.app-only', { name: vendor.name }));
    }
    if (vendor && vendor.credentials.length === 0) {
      // Why there is nothing to test, in the reader's language: the catalog's words for this
      // vendor (`credentials.vendor-note.<id>`, the same as the dataset's English note; a unit test
      // keeps every such vendor worded in every language).
      const params = { name: vendor.name, note: vendor.note ? msg(`credentials.vendor-note.${vendor.id}`) : '' };
      return done('unknown', vendor.uniquePerDevice ? msg('credentials.probe.no-shared-label', params) : msg('credentials.probe.no-shared', params));
    }
    const candidates = dedupe(vendor ? vendor.credentials : this.data.generic);
    report.candidates = candidates.length;
    if (this.ledger.remaining(target.host) === 0) {
      return done('unknown', msg('credentials.probe.budget-used', { max: this.ledger.max }));
    }

    let seen401 = false;
    const observe = (res: HttpProbeResponse) => {
      if (res.untrustedCertificate) report.certificate = 'self-signed-accepted-for-gateway';
      if (res.status === 401) seen401 = true;
    };
    // Every credential-carrying request passes this gate: the ledger counts it before it is sent.
    const gate: CredentialGate = {
      take: () => {
        if (!this.ledger.take(target.host)) return false;
        report.attempts++;
        return true;
      },
    };
    const session = () => new HttpSession(this.http, target, this.settings.requestTimeoutMs, target.https && opts.isGateway, observe, gate);
    const spent = () =>
      done('unknown', msg('credentials.probe.spent', { tried: report.tried, candidates: candidates.length, max: this.ledger.max, unclear: this.unclearSuffix(unclear) }));

    // 1. Look at the page without credentials: which login does it ask for?
    let first: SessionResponse;
    try {
      await loadHtmlParser();
      first = await session().request('GET', '/');
      const refresh = first.res.status >= 200 && first.res.status < 300 && !hasPasswordField(first.res.body) ? metaRefreshTarget(first.res.body, first.path) : null;
      if (refresh !== null && refresh !== first.path) first = await session().request('GET', refresh); // e.g. OpenWrt's "/" → /cgi-bin/luci/
    } catch (err) {
      if (isCertificateError(err)) report.certificate = 'untrusted-refused';
      return done('unknown', this.networkReason(err, target));
    }
    if (report.certificate === 'self-signed-accepted-for-gateway') {
      report.notes.push(msg('credentials.note.self-signed-gateway'));
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
    let challenge = first;
    const unclear: Message[] = [];
    for (const [i, c] of candidates.entries()) {
      if (this.ledger.remaining(target.host) === 0) return spent();
      if (i > 0) await sleep(this.settings.delayMs);
      let verdict: Verdict;
      try {
        if (style.login === 'form') {
          // a fresh session and a fresh copy of the form (new CSRF token) for every attempt
          const s = session();
          const page = await s.request('GET', first.path);
          const form = findLoginForm(page.res.body, page.path);
          if (!form) return done('unknown', msg('credentials.probe.form-gone', { unclear: this.unclearSuffix(unclear) }));
          report.tried++;
          report.triedLogins.push({ ...c });
          verdict = await this.tryForm(s, session, form, first, c, () => seen401);
        } else {
          report.tried++;
          report.triedLogins.push({ ...c });
          let out = await this.tryHttpAuth(style.login as 'basic' | 'digest', challenge, c, session(), () => seen401);
          if (out.challenge) challenge = out.challenge;
          if (out.verdict.kind === 'stale') {
            // one retry with the fresh nonce: another request carrying the password, so another attempt
            if (this.ledger.remaining(target.host) === 0) {
              return done('unknown', msg('credentials.probe.digest-expired-budget', { unclear: this.unclearSuffix(unclear) }));
            }
            out = await this.tryHttpAuth('digest', challenge, c, session(), () => seen401);
            if (out.challenge) challenge = out.challenge;
            if (out.verdict.kind === 'stale') out = { verdict: { kind: 'stop', reason: msg('credentials.stop.digest-stale') } };
          }
          verdict = out.verdict;
        }
      } catch (err) {
        if (err instanceof AttemptBudgetSpent) return spent();
        return done('unknown', this.networkReason(err, target));
      }
      if ('evidence' in verdict && verdict.evidence) report.evidence.push(msg('credentials.tried', { login: cred(c), what: verdict.evidence }));
      if (verdict.kind === 'accepted') {
        report.matched = { ...c };
        return done('default-accepted', vendor ? msg('credentials.probe.accepted-vendor', { vendor: vendor.name, login: cred(c), evidence: verdict.evidence }) : msg('credentials.probe.accepted', { login: cred(c), evidence: verdict.evidence }));
      }
      if (verdict.kind === 'stop') {
        return done('unknown', msg('credentials.probe.stopped', { tried: report.tried, candidates: candidates.length, why: verdict.reason, unclear: this.unclearSuffix(unclear) }));
      }
      if (verdict.kind === 'stale') return done('unknown', msg('credentials.probe.stale'));
      if (verdict.kind === 'unclear') unclear.push(msg('credentials.unclear-for', { login: cred(c), what: verdict.evidence }));
      if (verdict.kind === 'rejected' && verdict.stopReason && i < candidates.length - 1) {
        return done('unknown', msg('credentials.probe.stopped-warned', { tried: report.tried, candidates: candidates.length, why: verdict.stopReason, unclear: this.unclearSuffix(unclear) }));
      }
    }
    if (unclear.length) return done('unknown', msg('credentials.probe.unclear', { items: unclear }));
    const list = candidates.map(cred);
    return done(
      'default-rejected',
      vendor ? msg('credentials.probe.rejected-vendor', { count: candidates.length, vendor: vendor.name, list }) : msg('credentials.probe.rejected-common', { count: candidates.length, list }),
    );
  }

  /**
   * Logs in once with the owner's own password (e.g. the new router password, to confirm it is in
   * use), under the same rules as the factory probe: local addresses only, consent required, every
   * credential-carrying request counted in the host's ledger first (it counts toward the 5), the
   * same lockout stops, and success judged on the same evidence (where the login lands, the session
   * handed out, the protected page afterwards). `accepted` only when that evidence shows access;
   * `refused` only when it shows the login failed; anything else is `unknown` with the reason.
   * The credential appears in no field of the report, no log line and no error.
   */
  async checkSecret(opts: ProbeOptions, credential: SecretCredential): Promise<SecretLoginReport> {
    const { target } = opts;
    if (addressScope(target.host) === 'public') {
      throw new PorchlightError('refused', 'error.address-public', { host: target.host });
    }
    if (!opts.consent) throw new PorchlightError('refused', 'error.login-consent-needed');
    if (credential.password.length === 0) throw new PorchlightError('invalid-arguments', 'error.no-saved-password');
    const forms = secretForms(credential.password);
    const scrub = (m: Message): Message => scrubMessage(m, (text) => forms.reduce((t, f) => t.split(f).join('••••'), text));
    const hostLabel = target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
    const report: SecretLoginReport = {
      host: hostLabel,
      url: `${target.https ? 'https' : 'http'}://${hostLabel}/`,
      login: 'unknown',
      result: 'unknown',
      reason: NOT_CHECKED_YET,
      attempts: 0,
      auditAttempts: this.ledger.used(target.host),
      evidence: [],
      certificate: target.https ? 'trusted' : 'none',
      notes: [],
    };
    const done = (result: SecretLoginResult, reason: Message): SecretLoginReport => {
      report.result = result;
      report.reason = scrub(reason);
      report.evidence = report.evidence.map(scrub);
      report.notes = report.notes.map(scrub);
      report.auditAttempts = this.ledger.used(target.host);
      this.log?.info('own-password login check', { host: hostLabel, login: report.login, result, attempts: report.attempts, auditAttempts: report.auditAttempts });
      return report;
    };
    if (this.ledger.remaining(target.host) === 0) {
      return done('unknown', msg('credentials.secret.budget-used', { max: this.ledger.max }));
    }
    let seen401 = false;
    const observe = (res: HttpProbeResponse) => {
      if (res.untrustedCertificate) report.certificate = 'self-signed-accepted-for-gateway';
      if (res.status === 401) seen401 = true;
    };
    const gate: CredentialGate = {
      take: () => {
        if (!this.ledger.take(target.host)) return false;
        report.attempts++;
        return true;
      },
    };
    const session = () => new HttpSession(this.http, target, this.settings.requestTimeoutMs, target.https && opts.isGateway, observe, gate);
    const spent = () => done('unknown', msg('credentials.secret.spent', { max: this.ledger.max }));
    const fail = (err: unknown) => {
      if (err instanceof AttemptBudgetSpent) return spent();
      if (isCertificateError(err)) report.certificate = 'untrusted-refused';
      return done('unknown', this.networkReason(err, target));
    };

    let first: SessionResponse;
    try {
      await loadHtmlParser();
      first = await session().request('GET', '/');
      const refresh = first.res.status >= 200 && first.res.status < 300 && !hasPasswordField(first.res.body) ? metaRefreshTarget(first.res.body, first.path) : null;
      if (refresh !== null && refresh !== first.path) first = await session().request('GET', refresh);
    } catch (err) {
      return fail(err);
    }
    if (report.certificate === 'self-signed-accepted-for-gateway') {
      report.notes.push(msg('credentials.note.self-signed-gateway'));
    }
    const style = this.detect(first);
    report.login = style.login;
    if (style.stop) return done('unknown', msg('credentials.secret.not-tried', { why: style.stop }));

    let verdict: Verdict;
    try {
      if (style.login === 'form') {
        const s = session();
        const page = await s.request('GET', first.path);
        const form = findLoginForm(page.res.body, page.path);
        if (!form) return done('unknown', msg('credentials.secret.form-gone'));
        // a form that sends the password in the address would leave it in the device's logs and history
        if (form.method === 'GET') return done('unknown', msg('credentials.secret.get-form'));
        verdict = await this.tryForm(s, session, form, first, credential, () => seen401);
      } else {
        let out = await this.tryHttpAuth(style.login as 'basic' | 'digest', first, credential, session(), () => seen401);
        if (out.verdict.kind === 'stale' && out.challenge) {
          if (this.ledger.remaining(target.host) === 0) return done('unknown', msg('credentials.secret.digest-expired-budget'));
          out = await this.tryHttpAuth('digest', out.challenge, credential, session(), () => seen401);
        }
        verdict = out.verdict;
      }
    } catch (err) {
      return fail(err);
    }
    if ('evidence' in verdict && verdict.evidence) report.evidence.push(msg('credentials.secret.tried', { what: verdict.evidence }));
    switch (verdict.kind) {
      case 'accepted':
        return done('accepted', msg('credentials.secret.accepted', { evidence: verdict.evidence }));
      case 'rejected':
        return done(
          'refused',
          verdict.evidence
            ? msg('credentials.secret.refused-because', { evidence: verdict.evidence })
            : report.login === 'basic' || report.login === 'digest'
              ? msg('credentials.secret.refused-401')
              : msg('credentials.secret.refused'),
        );
      case 'stop':
        return done('unknown', msg('credentials.secret.stopped', { why: verdict.reason }));
      case 'stale':
        return done('unknown', msg('credentials.secret.stale'));
      default:
        return done('unknown', msg('credentials.secret.unclear', { evidence: verdict.evidence }));
    }
  }

  /** " Earlier answers were unclear: …" after a reason, or nothing. */
  private unclearSuffix(unclear: readonly Message[]): Message | string {
    return unclear.length ? msg('credentials.probe.unclear-earlier', { items: [...unclear] }) : '';
  }

  private networkReason(err: unknown, target: ProbeTarget): Message {
    const where = { host: target.host, port: target.port };
    if (err instanceof PorchlightError && err.code === 'timeout') {
      return msg('credentials.network.timeout', { ...where, seconds: Math.round(this.settings.requestTimeoutMs / 100) / 10 });
    }
    const code = (err as { cause?: { code?: unknown } })?.cause?.code;
    if (isCertificateError(err)) return msg('credentials.network.certificate', where);
    if (code === 'ECONNREFUSED') return msg('credentials.network.refused', where);
    if (code === 'ECONNRESET') return msg('credentials.network.closed', where);
    if (err instanceof PorchlightError && err.code === 'refused' && code === undefined) return msg('credentials.network.not-local', where);
    return msg('credentials.network.unreachable', { ...where, error: typeof code === 'string' ? code : 'network error' });
  }

  private detect(first: SessionResponse): { login: LoginStyle; form?: LoginForm; stop?: Message } {
    const { res } = first;
    const lock = lockoutSign(res, false);
    if (res.status === 401) {
      const challenges = parseChallenges(res.headers['www-authenticate'] ?? []);
      if (pickDigest(challenges)) return { login: 'digest' };
      if (challenges.some((c) => c.scheme === 'basic')) return { login: 'basic' };
      const names = challenges.map((c) => c.scheme).join(', ');
      return { login: 'unknown', stop: names ? msg('credentials.detect.scheme', { names }) : msg('credentials.detect.no-scheme') };
    }
    if (lock) return { login: 'unknown', stop: msg('credentials.detect.locked', { why: lock }) };
    // OpenWrt's LuCI answers 403 with its login form until you are signed in
    if ((res.status >= 200 && res.status < 300) || (res.status === 403 && hasPasswordField(res.body))) {
      const form = findLoginForm(res.body, first.path);
      if (form?.scripted) return { login: 'form', stop: msg('credentials.detect.scripted') };
      if (form) return { login: 'form', form };
      // a password field only a script shows (in a <template> or a <noscript> fallback): a login, but not one a plain POST can drive
      if (hasInertPasswordField(res.body)) return { login: 'form', stop: msg('credentials.detect.scripted') };
      return { login: 'none', stop: msg('credentials.detect.open') };
    }
    return { login: 'unknown', stop: msg('credentials.detect.status', { status: res.status }) };
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
      if (!ch) return { verdict: { kind: 'stop', reason: msg('credentials.stop.digest-unreadable') } };
      header = digestAuthorization({ challenge: ch, username: c.username, password: c.password, method: 'GET', uri: first.path });
    }
    const r = await s.request('GET', first.path, { headers: { authorization: header }, follow: false, credential: true });
    const lock = lockoutSign(r.res, seen401());
    if (r.res.status === 401) {
      const left = attemptsRemaining(r.res);
      const next = { res: r.res, path: first.path, cookiesSet: [], redirects: 0 };
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
    if (r.res.status >= 200 && r.res.status < 400) return { verdict: { kind: 'accepted', evidence: msg('credentials.http.accepted', { status: r.res.status }) } };
    return { verdict: { kind: 'stop', reason: msg('credentials.stop.http-status', { status: r.res.status }) } };
  }

  /** How one page reads: the login again (or an error, 401/403), an open page, or neither. */
  private look(r: SessionResponse, form: LoginForm, first: SessionResponse): Look {
    const { res, path } = r;
    const where: Message | string = path === first.path ? '' : msg('credentials.look.at', { path });
    const look = (kind: Look['kind'], what: string, params: Record<string, string | number> = {}): Look => ({ kind, path, what: msg(`credentials.look.${what}`, { where, ...params }) });
    if (res.status === 401) return look('refused', 'asked-again');
    if (res.status >= 300 && res.status < 400) return look('other', res.headers.location?.[0] ? 'redirected-away' : 'redirected', { status: res.status });
    if (res.status !== 403 && (res.status < 200 || res.status >= 300)) return look('other', 'status', { status: res.status });
    if (hasPasswordField(res.body)) {
      const again = findLoginForm(res.body, path);
      const sameForm = again !== null && (again.passwordField === form.passwordField || again.action === form.action);
      if (passwordFieldCount(res.body) >= 2 && !sameForm) return look('other', 'set-password');
      return look('refused', res.status === 403 ? 'form-again-403' : 'form-again');
    }
    if (res.status === 403) return look('refused', 'forbidden');
    if (hasInertPasswordField(res.body)) return look('other', 'script-prompt');
    // the device's own words (quoted), not Porchlight's
    const failure = loginFailureMessage(res.body);
    if (failure) return look('refused', 'failure', { text: failure });
    if (squash(res.body) === squash(first.res.body)) return look('refused', 'same-page');
    return look('open', 'open');
  }

  /**
   * A form attempt, judged like a browser user would: (1) where the post finally lands (after
   * same-host redirects, with the cookie jar), (2) the session cookie the server handed out, (3) the
   * protected page afterwards — the page that asked for the login, and the page the login led to,
   * which must not open for a visitor without that session. Accepted only when a protected page
   * opened and the landing did not say the login failed; refused only when the landing and the
   * protected page both say so; anything else is unclear.
   */
  private async tryForm(
    s: HttpSession,
    fresh: () => HttpSession,
    form: LoginForm,
    first: SessionResponse,
    c: FactoryCredential,
    seen401: () => boolean,
  ): Promise<Verdict> {
    const fields: Record<string, string> = { ...form.hidden };
    if (form.userField) fields[form.userField] = c.username;
    fields[form.passwordField] = c.password;
    const path = form.method === 'GET' ? `${form.action}${form.action.includes('?') ? '&' : '?'}${new URLSearchParams(fields)}` : form.action;
    const posted = await s.request(form.method, path, form.method === 'POST' ? { form: fields, credential: true } : { credential: true });
    const lock = lockoutSign(posted.res, seen401());
    if (lock) return { kind: 'stop', reason: lock };
    const left = attemptsRemaining(posted.res);
    const landing = this.look(posted, form, first);
    const session = posted.cookiesSet.length ? msg('credentials.step.cookie', { names: posted.cookiesSet.join(', ') }) : msg('credentials.step.no-cookie');

    // The protected page afterwards, carrying whatever session the server handed out.
    const again = await s.request('GET', first.path);
    const lockAfter = lockoutSign(again.res, seen401());
    if (lockAfter) return { kind: 'stop', reason: lockAfter };
    const admin = this.look(again, form, first);
    const adminPath = first.path === '/' ? '' : first.path;
    const adminWhat =
      admin.kind === 'open'
        ? adminPath ? msg('credentials.step.admin-path-opened', { path: adminPath }) : msg('credentials.step.admin-opened')
        : adminPath ? msg('credentials.step.admin-path-then', { path: adminPath, what: admin.what }) : msg('credentials.step.admin-then', { what: admin.what });

    // The page the login led to (by redirect), if it is another one: protected only when a visitor without the session is turned away.
    // (an HTTP redirect, or a "refresh" meta tag on the page the post answered with)
    let ledTo: { open: boolean; what: Message } | null = null;
    const target = posted.redirects > 0 ? posted.path : metaRefreshTarget(posted.res.body, posted.path);
    if (landing.kind === 'open' && target !== null && target !== first.path) {
      const mine = this.look(await s.request('GET', target), form, first);
      const anon = this.look(await fresh().request('GET', target), form, first);
      if (mine.kind === 'open' && anon.kind !== 'open') ledTo = { open: true, what: msg('credentials.step.led-to-session', { path: target }) };
      else if (mine.kind === 'open') ledTo = { open: false, what: msg('credentials.step.led-to-open', { path: target }) };
      else ledTo = { open: false, what: msg('credentials.step.led-to-then', { path: target, what: mine.what }) };
    }

    const parts = [msg('credentials.step.login', { what: landing.what }), session, adminWhat, ...(ledTo ? [ledTo.what] : [])];
    const steps = msg('credentials.form.steps', { steps: parts });
    const accessShown = admin.kind === 'open' || ledTo?.open === true;
    if (accessShown && landing.kind !== 'refused') return { kind: 'accepted', evidence: steps };
    if (accessShown) return { kind: 'unclear', evidence: msg('credentials.form.contradict', { steps: parts }) };
    if (landing.kind === 'refused' && admin.kind === 'refused') {
      return left !== null && left <= 1 ? { kind: 'rejected', evidence: steps, stopReason: warned(left) } : { kind: 'rejected', evidence: steps };
    }
    if (landing.kind === 'open') return { kind: 'unclear', evidence: msg('credentials.form.no-protected', { steps: parts }) };
    return { kind: 'unclear', evidence: msg('credentials.form.neither', { steps: parts }) };
  }
}

/** The connection failed on the TLS certificate (untrusted, self-signed, wrong name …). */
function isCertificateError(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code);
}

/** The message with every string param (at any depth) passed through `clean` (e.g. to blank out a password a device echoed back). */
function scrubMessage(m: Message, clean: (text: string) => string): Message {
  const params: Message['params'] = {};
  for (const [k, v] of Object.entries(m.params)) {
    params[k] = typeof v === 'string' ? clean(v) : Array.isArray(v) ? v.map((x) => scrubMessage(x, clean)) : v !== null && typeof v === 'object' ? scrubMessage(v, clean) : v;
  }
  return { code: m.code, params };
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
