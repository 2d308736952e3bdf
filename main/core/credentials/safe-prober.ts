import { msg, type Message } from '../messages/index.js';
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
  reason: string;
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
  /** What the device showed for each login tried, in plain words (form logins). */
  evidence: string[];
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

type Verdict =
  | { kind: 'accepted'; evidence: string }
  | { kind: 'rejected'; evidence?: string; stopReason?: string }
  | { kind: 'unclear'; evidence: string }
  | { kind: 'stop'; reason: string }
  | { kind: 'stale' };

/** What one page said about the login, as a browser user would read it. */
interface Look {
  /** refused: the login form again, an error message, 401/403; open: a page without any password prompt. */
  kind: 'refused' | 'open' | 'other';
  path: string;
  /** Plain words: "showed the login form again", "opened a page without asking for a password" … */
  what: string;
}

/**
 * Attempts counted as the server sees them: a credential-carrying request is one attempt, and the
 * host's ledger is the one count (the report, the step, the evidence and the JSON read it).
 */
export function attemptsText(r: Pick<ProbeReport, 'attempts' | 'auditAttempts'>, max = 5): string {
  return `${r.auditAttempts} of ${max} password tries used on this device in this audit (${r.attempts} by this check).`;
}

const LOGIN_WORDS: Record<LoginStyle, string> = {
  basic: 'a browser password prompt (HTTP Basic)',
  digest: 'a browser password prompt (HTTP Digest)',
  form: 'a login page (web form)',
  none: 'no login',
  unknown: 'a login Porchlight could not identify',
  'app-only': 'no local login (managed through an app)',
};

/** The detail of a check built from a probe, in plain words: which login, and what the device showed for each login tried. */
export function probeDetail(r: ProbeReport, name: string | null = null): Message {
  const who = name ?? r.vendor ?? r.host;
  const login = LOGIN_WORDS[r.login];
  // evidence lines read "<login>: <what the device showed>"; the same answer to every login is said once
  const answers = r.evidence.map((e) => e.slice(e.indexOf(': ') + 2));
  if (answers.length > 1 && answers.every((a) => a === answers[0])) return msg('credentials.detail.same', { name: who, login, count: answers.length, answer: answers[0]!.slice(0, 1500) });
  if (!r.evidence.length) return msg('credentials.detail.login', { name: who, login });
  return msg('credentials.detail.each', { name: who, login, lines: r.evidence.map((e) => `${e}.`).join(' ').slice(0, 1900) });
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
  if (r.result === 'default-rejected') return msg('credentials.evidence.rejected', { name: who, reason: r.reason.slice(0, 1500), ...attemptParams(r) });
  return r.reason ? msg('credentials.evidence.undecided', { reason: r.reason.slice(0, 1500), ...attemptParams(r) }) : msg('credentials.evidence.no-decision', attemptParams(r));
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
  reason: string;
  /** Requests carrying the password this check sent, as the device counts them. */
  attempts: number;
  /** The host's ledger: such requests in the current audit, this check included (never above 5). */
  auditAttempts: number;
  /** What the device showed, in plain words (never the password). */
  evidence: string[];
  certificate: ProbeReport['certificate'];
  notes: string[];
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
      triedLogins: [],
      evidence: [],
      certificate: target.https ? 'trusted' : 'none',
      notes: [],
    };
    const done = (result: ProbeResult, reason: string): ProbeReport => {
      report.result = result;
      // an undecided check of an unknown maker still says which common factory logins it tried
      const list = result === 'unknown' && !vendor && report.triedLogins.length ? ` The maker is unknown; common factory logins tried: ${report.triedLogins.map(cred).join(', ')}.` : '';
      report.reason = `${reason}${list}`;
      report.auditAttempts = this.ledger.used(target.host);
      this.log?.info('default-password probe', { host: hostLabel, vendor: report.vendorId, login: report.login, result, attempts: report.attempts, auditAttempts: report.auditAttempts });
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
      done('unknown', `Stopped after ${report.tried} of ${candidates.length} factory logins: this device reached the limit of ${this.ledger.max} password tries for this audit.${this.unclearSuffix(unclear)}`);

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
    let challenge = first;
    const unclear: string[] = [];
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
          if (!form) return done('unknown', `The login form disappeared between two attempts; Porchlight stopped.${this.unclearSuffix(unclear)}`);
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
              return done('unknown', `The device's Digest nonce expired and this host has no password tries left in this audit.${this.unclearSuffix(unclear)}`);
            }
            out = await this.tryHttpAuth('digest', challenge, c, session(), () => seen401);
            if (out.challenge) challenge = out.challenge;
            if (out.verdict.kind === 'stale') out = { verdict: { kind: 'stop', reason: 'the device kept rejecting its own Digest nonces as stale' } };
          }
          verdict = out.verdict;
        }
      } catch (err) {
        if (err instanceof AttemptBudgetSpent) return spent();
        return done('unknown', this.networkReason(err, target));
      }
      if ('evidence' in verdict && verdict.evidence) report.evidence.push(`${cred(c)}: ${verdict.evidence}`);
      if (verdict.kind === 'accepted') {
        report.matched = { ...c };
        return done('default-accepted', `The ${vendor ? `${vendor.name} ` : ''}factory login ${cred(c)} still opens the admin page (${verdict.evidence}). Change it now.`);
      }
      if (verdict.kind === 'stop') {
        return done('unknown', `Stopped after ${report.tried} of ${candidates.length} factory logins: ${verdict.reason}. No further attempts were made, so the login is not locked by Porchlight.${this.unclearSuffix(unclear)}`);
      }
      if (verdict.kind === 'stale') return done('unknown', 'The device never judged the password (its Digest nonce kept expiring).');
      if (verdict.kind === 'unclear') unclear.push(`for ${cred(c)} ${verdict.evidence}`);
      if (verdict.kind === 'rejected' && verdict.stopReason && i < candidates.length - 1) {
        return done('unknown', `Stopped after ${report.tried} of ${candidates.length} factory logins: ${verdict.stopReason}. The logins tried were not accepted, but the others were not tried.${this.unclearSuffix(unclear)}`);
      }
    }
    if (unclear.length) {
      return done('unknown', `The device's answers did not show whether a factory login works: ${unclear.join('; ')}. Check this login by hand in a browser.`);
    }
    const list = candidates.map(cred).join(', ');
    return done(
      'default-rejected',
      vendor
        ? `The admin login refused ${candidates.length === 1 ? 'the' : `all ${candidates.length}`} public factory login${candidates.length > 1 ? 's' : ''} of ${vendor.name} (${list}).`
        : `The ${candidates.length} most common factory logins were refused; the maker is unknown, so its own factory login, if it has one, was not tried. Tried: ${list}.`,
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
      throw new PorchlightError('refused', `${target.host} is a public internet address; Porchlight only logs in to devices in your home network. Nothing was sent.`);
    }
    if (!opts.consent) throw new PorchlightError('refused', 'Logging in to check the new password needs your consent first. Nothing was sent.');
    if (credential.password.length === 0) throw new PorchlightError('invalid-arguments', 'There is no saved password to check.');
    const forms = secretForms(credential.password);
    const scrub = (text: string) => forms.reduce((t, f) => t.split(f).join('(the new password)'), text);
    const hostLabel = target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
    const report: SecretLoginReport = {
      host: hostLabel,
      url: `${target.https ? 'https' : 'http'}://${hostLabel}/`,
      login: 'unknown',
      result: 'unknown',
      reason: '',
      attempts: 0,
      auditAttempts: this.ledger.used(target.host),
      evidence: [],
      certificate: target.https ? 'trusted' : 'none',
      notes: [],
    };
    const done = (result: SecretLoginResult, reason: string): SecretLoginReport => {
      report.result = result;
      report.reason = scrub(reason);
      report.evidence = report.evidence.map(scrub);
      report.notes = report.notes.map(scrub);
      report.auditAttempts = this.ledger.used(target.host);
      this.log?.info('own-password login check', { host: hostLabel, login: report.login, result, attempts: report.attempts, auditAttempts: report.auditAttempts });
      return report;
    };
    if (this.ledger.remaining(target.host) === 0) {
      return done('unknown', `This device already had ${this.ledger.max} password tries in this audit; Porchlight does not try more, so the new password was not tried.`);
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
    const spent = () => done('unknown', `This device reached the limit of ${this.ledger.max} password tries for this audit, so the new password could not be tried.`);
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
      report.notes.push('The router (gateway) uses a self-signed certificate; Porchlight accepted it for this check because it is your gateway.');
    }
    const style = this.detect(first);
    report.login = style.login;
    if (style.stop) return done('unknown', `The new password was not tried: ${style.stop}`);

    let verdict: Verdict;
    try {
      if (style.login === 'form') {
        const s = session();
        const page = await s.request('GET', first.path);
        const form = findLoginForm(page.res.body, page.path);
        if (!form) return done('unknown', 'The login form disappeared before the new password could be tried; nothing was sent.');
        // a form that sends the password in the address would leave it in the device's logs and history
        if (form.method === 'GET') return done('unknown', 'This login page sends the password in the web address; Porchlight does not send your own password that way. Log in by hand in a browser to check it.');
        verdict = await this.tryForm(s, session, form, first, credential, () => seen401);
      } else {
        let out = await this.tryHttpAuth(style.login as 'basic' | 'digest', first, credential, session(), () => seen401);
        if (out.verdict.kind === 'stale' && out.challenge) {
          if (this.ledger.remaining(target.host) === 0) return done('unknown', 'The device never judged the new password (its Digest nonce expired) and it has no password tries left in this audit.');
          out = await this.tryHttpAuth('digest', out.challenge, credential, session(), () => seen401);
        }
        verdict = out.verdict;
      }
    } catch (err) {
      return fail(err);
    }
    if ('evidence' in verdict && verdict.evidence) report.evidence.push(`the new password: ${verdict.evidence}`);
    switch (verdict.kind) {
      case 'accepted':
        return done('accepted', `The router accepted the new password (${verdict.evidence}).`);
      case 'rejected':
        return done('refused', `The router did not accept the new password${verdict.evidence ? ` (${verdict.evidence})` : report.login === 'basic' || report.login === 'digest' ? ' (it asked for the password again, HTTP 401)' : ''}.`);
      case 'stop':
        return done('unknown', `The router's answer did not say whether the new password works: ${verdict.reason}. No further attempt was made.`);
      case 'stale':
        return done('unknown', 'The device never judged the new password (its Digest nonce kept expiring).');
      default:
        return done('unknown', `The router's answers did not show whether the new password works: ${verdict.evidence}.`);
    }
  }

  private unclearSuffix(unclear: readonly string[]): string {
    return unclear.length ? ` Earlier answers were unclear: ${unclear.join('; ')}.` : '';
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
    // OpenWrt's LuCI answers 403 with its login form until you are signed in
    if ((res.status >= 200 && res.status < 300) || (res.status === 403 && hasPasswordField(res.body))) {
      const form = findLoginForm(res.body, first.path);
      if (form?.scripted) return { login: 'form', stop: 'The login page signs in through a script Porchlight cannot drive safely; check this login by hand.' };
      if (form) return { login: 'form', form };
      // a password field only a script shows (in a <template> or a <noscript> fallback): a login, but not one a plain POST can drive
      if (hasInertPasswordField(res.body)) return { login: 'form', stop: 'The login page signs in through a script Porchlight cannot drive safely; check this login by hand.' };
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
    if (r.res.status >= 200 && r.res.status < 400) return { verdict: { kind: 'accepted', evidence: `the admin page answered HTTP ${r.res.status} instead of asking for the password again` } };
    return { verdict: { kind: 'stop', reason: `the device answered HTTP ${r.res.status}` } };
  }

  /** How one page reads: the login again (or an error, 401/403), an open page, or neither. */
  private look(r: SessionResponse, form: LoginForm, first: SessionResponse): Look {
    const { res, path } = r;
    const at = path === first.path ? '' : ` at ${path}`;
    if (res.status === 401) return { kind: 'refused', path, what: `asked for the password again${at} (HTTP 401)` };
    if (res.status >= 300 && res.status < 400) return { kind: 'other', path, what: `sent the browser elsewhere${at} (HTTP ${res.status}${res.headers.location?.[0] ? ` to another address` : ''})` };
    if (res.status !== 403 && (res.status < 200 || res.status >= 300)) return { kind: 'other', path, what: `answered HTTP ${res.status}${at}` };
    if (hasPasswordField(res.body)) {
      const again = findLoginForm(res.body, path);
      const sameForm = again !== null && (again.passwordField === form.passwordField || again.action === form.action);
      if (passwordFieldCount(res.body) >= 2 && !sameForm) return { kind: 'other', path, what: `showed a page asking to set a password${at}` };
      return { kind: 'refused', path, what: `showed the login form again${at}${res.status === 403 ? ' (HTTP 403)' : ''}` };
    }
    if (res.status === 403) return { kind: 'refused', path, what: `refused access${at} (HTTP 403)` };
    if (hasInertPasswordField(res.body)) return { kind: 'other', path, what: `showed a page whose password prompt only a script can display${at}` };
    const failure = loginFailureMessage(res.body);
    if (failure) return { kind: 'refused', path, what: `showed the message “${failure}”${at}` };
    if (squash(res.body) === squash(first.res.body)) return { kind: 'refused', path, what: `showed the same page as before the login${at}` };
    return { kind: 'open', path, what: `opened a page without asking for a password${at}` };
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
    const session = posted.cookiesSet.length ? `handed out a session cookie (${posted.cookiesSet.join(', ')})` : 'handed out no new cookie';

    // The protected page afterwards, carrying whatever session the server handed out.
    const again = await s.request('GET', first.path);
    const lockAfter = lockoutSign(again.res, seen401());
    if (lockAfter) return { kind: 'stop', reason: lockAfter };
    const admin = this.look(again, form, first);
    const adminPage = first.path === '/' ? 'the admin page' : `the admin page ${first.path}`;
    const adminWhat = admin.kind === 'open' ? `${adminPage} then opened` : `${adminPage} then ${admin.what}`;

    // The page the login led to (by redirect), if it is another one: protected only when a visitor without the session is turned away.
    // (an HTTP redirect, or a "refresh" meta tag on the page the post answered with)
    let ledTo: { open: boolean; what: string } | null = null;
    const target = posted.redirects > 0 ? posted.path : metaRefreshTarget(posted.res.body, posted.path);
    if (landing.kind === 'open' && target !== null && target !== first.path) {
      const mine = this.look(await s.request('GET', target), form, first);
      const anon = this.look(await fresh().request('GET', target), form, first);
      if (mine.kind === 'open' && anon.kind !== 'open') ledTo = { open: true, what: `${target} opened with that session and not without it` };
      else if (mine.kind === 'open') ledTo = { open: false, what: `${target} opens without any login too, so it proves nothing` };
      else ledTo = { open: false, what: `${target} then ${mine.what}` };
    }

    const steps = [`the login ${landing.what}`, session, adminWhat, ...(ledTo ? [ledTo.what] : [])].join('; ');
    const accessShown = admin.kind === 'open' || ledTo?.open === true;
    if (accessShown && landing.kind !== 'refused') return { kind: 'accepted', evidence: steps };
    if (accessShown) return { kind: 'unclear', evidence: `the answers contradict each other (${steps})` };
    if (landing.kind === 'refused' && admin.kind === 'refused') {
      return left !== null && left <= 1 ? { kind: 'rejected', evidence: steps, stopReason: warned(left) } : { kind: 'rejected', evidence: steps };
    }
    if (landing.kind === 'open') return { kind: 'unclear', evidence: `the device answered as if the login worked, but no protected page opened (${steps})` };
    return { kind: 'unclear', evidence: `the answers say neither yes nor no (${steps})` };
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
