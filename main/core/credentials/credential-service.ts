import type { DocumentStore, HttpProber, Logger } from '../ports.js';
import type { CheckBoard } from '../checks/index.js';
import type { CheckStatus } from '../checks/index.js';
import type { SecretService, StoreOutcome } from '../secrets/index.js';
import { secretAccountName, type SecretGeneration } from '../secrets/index.js';
import { SecretGenerations, type KeepChoice } from '../secrets/index.js';
import { PorchlightError } from '../errors.js';
import { msg, type Message } from '../messages/index.js';
import { loginVerdict } from '../checks/index.js';
import { resolveProbeTarget } from './address-scope.js';
import { AttemptLedger, MAX_ATTEMPTS_PER_HOST, type ProbeLedgerDoc } from './attempt-ledger.js';
import { findVendor, loadDefaultCredentials, type DefaultCredentials, type VendorDefaults } from './dataset.js';
import { generatePassword } from './password-generator.js';
import { SafeProber, type ProbeReport, type ProberSettings, type SecretLoginReport } from './safe-prober.js';

/** Defaults for real homes: a slow, polite pace; tests and the CLI may shorten them. */
export const DEFAULT_PROBER_SETTINGS: ProberSettings = { requestTimeoutMs: 5000, delayMs: 1500 };

/** Whose password the passwords step is dealing with. */
export type PasswordTarget = { kind: 'router' } | { kind: 'device'; id: string };

/** A probe request as hosts give it: a HOST[:PORT] the user consented to, optional vendor name. */
export interface CheckRequest {
  host: string;
  https?: boolean;
  vendor?: string | null;
  consent: boolean;
  /** Overrides for this call (CLI flags, tests); never above the product's limits. */
  requestTimeoutMs?: number;
  delayMs?: number;
  /** The gateway as the user named it (CLI --gateway); otherwise the survey's gateway is used. */
  gatewayOverride?: string;
}

export interface CredentialServiceDeps {
  resourcesDir: string;
  http?: HttpProber;
  secrets: SecretService;
  checks: CheckBoard;
  log: Logger;
  settings?: Partial<ProberSettings>;
  /** Told every probe's outcome (the core keeps it in the home model). */
  onOutcome?: (report: ProbeReport) => void;
  /** The default gateway's address, when the survey knows it: only it may present a self-signed certificate. */
  gateway?: () => string | null;
  /** Where the attempt ledger persists (the app's profile); absent → in memory (one CLI run = one audit). */
  ledgerStore?: DocumentStore<ProbeLedgerDoc>;
  /** Names the open audit (e.g. "after the last saved audit"); a new name gives every host a fresh budget. */
  auditKey?: () => string;
  /** A device's name as the owner sees it (the home model), for the check's words; null when unknown. */
  deviceName?: (id: string) => string | null;
}

/** What `generate` hands back once: the password for display, and whether the keychain holds it. */
export interface GeneratedForTarget {
  account: string;
  password: string;
  length: number;
  score: number;
  stored: StoreOutcome;
  /** Where the password it replaced is kept until the owner discards it. */
  previousAccount: string;
  previousKept: boolean;
  discarded: 'none' | 'oldest' | 'unconfirmed';
}

/** The outcome of checking that the router accepts its new password: the login's report, and whether the kept previous one was retired. */
export interface RouterPasswordConfirmation {
  report: SecretLoginReport;
  /** The kept previous password was removed from the keychain (the new one is confirmed in use). */
  previousRetired: boolean;
  /** Why the previous password is still kept although the new one works (a message), or null. */
  keptBecause: Message | null;
}

/** The keychain account of a target: `router/admin` or `device/<id>` (derived in secrets/accounts.ts). */
export function accountFor(target: PasswordTarget): string {
  return secretAccountName(target);
}

const checkOf = (t: PasswordTarget) => (t.kind === 'router' ? 'router.admin-default' : 'devices.default-passwords');

/**
 * Default credentials: the vendor dataset, the safe prober with its per-audit attempt ledger, and
 * the passwords step (probe → generate into the keychain → re-verify). Checks pass only when the
 * probe saw the defaults rejected.
 */
export class CredentialService {
  readonly ledger: AttemptLedger;
  private dataset: DefaultCredentials | null = null;
  private readonly deviceResults = new Map<string, ProbeReport>();
  private readonly generations: SecretGenerations;

  constructor(private readonly deps: CredentialServiceDeps) {
    this.generations = new SecretGenerations(deps.secrets, deps.log);
    this.ledger = new AttemptLedger('initial', MAX_ATTEMPTS_PER_HOST, deps.ledgerStore, deps.auditKey);
  }

  /** The dataset, loaded and validated on first use (a broken file is reported, not guessed around). */
  data(): DefaultCredentials {
    this.dataset ??= loadDefaultCredentials(this.deps.resourcesDir);
    return this.dataset;
  }

  /** Looks a vendor up by id, name or alias; null when unknown. */
  vendor(name: string | null | undefined): VendorDefaults | null {
    return findVendor(this.data(), name);
  }

  /** Starts a new audit: each host gets a fresh budget of 5 attempts. */
  startAudit(id: string): void {
    this.ledger.startAudit(id);
  }

  /** Probes one host (validated and scope-checked before anything is sent). */
  async check(req: CheckRequest): Promise<ProbeReport> {
    const { prober, target, vendor, isGateway } = this.prepare(req);
    return prober.check({ target, vendor, isGateway, consent: true });
  }

  /** Validates a request (scope, consent, vendor) and builds the prober for it; nothing is sent. */
  private prepare(req: CheckRequest) {
    const target = resolveProbeTarget(req.host, req.https ?? false);
    if (!req.consent) throw new PorchlightError('refused', 'error.consent-needed');
    if (!this.deps.http) throw new PorchlightError('internal', 'error.internal', { detail: 'this build cannot send HTTP probes' });
    let vendor: VendorDefaults | null = null;
    if (req.vendor) {
      vendor = this.vendor(req.vendor);
      if (!vendor) throw new PorchlightError('invalid-arguments', 'error.maker-unknown', { maker: req.vendor });
    }
    const base = { ...DEFAULT_PROBER_SETTINGS, ...this.deps.settings };
    const settings: ProberSettings = {
      requestTimeoutMs: clamp(req.requestTimeoutMs ?? base.requestTimeoutMs, 100, 30_000),
      delayMs: clamp(req.delayMs ?? base.delayMs, 0, 60_000),
    };
    const isGateway = (req.gatewayOverride ?? this.deps.gateway?.() ?? null) === target.host;
    const prober = new SafeProber(this.deps.http, this.data(), this.ledger, settings, this.deps.log);
    return { prober, target, vendor, isGateway };
  }

  /**
   * "Does the new router password work": logs in once with the password saved as `router/admin`
   * (read here from the keychain; it never passes through a host, argv or a log), counted in the
   * host's ledger like every factory attempt. Only a login the evidence shows accepted retires the
   * kept previous password (`router/admin/previous`); refused or unknown keep both.
   */
  async confirmRouterPassword(req: CheckRequest & { username?: string | null }): Promise<RouterPasswordConfirmation> {
    const { prober, target, isGateway, vendor } = this.prepare(req);
    const password = await this.generations.readForVerification({ kind: 'router' });
    if (password === null) throw new PorchlightError('not-found', 'error.no-new-router-password');
    // the admin user name is public (the maker's factory one unless the owner says otherwise); the password is the secret
    const username = req.username?.trim() || vendor?.credentials.find((c) => c.username !== '')?.username || 'admin';
    const report = await prober.checkSecret({ target, vendor, isGateway, consent: true }, { username, password });
    if (report.result !== 'accepted') return { report, previousRetired: false, keptBecause: null };
    try {
      const r = await this.generations.confirmInUse({ kind: 'router' }, 'login', password);
      return { report, previousRetired: r.discarded, keptBecause: null };
    } catch (err) {
      this.deps.log.warn('the previous router password could not be retired', { error: (err as Error).message });
      return { report, previousRetired: false, keptBecause: msg('credentials.secret.kept-keychain') };
    }
  }

  /** Passwords step: probe a target and record its check (verified). */
  async probe(target: PasswordTarget, req: CheckRequest): Promise<ProbeReport> {
    accountFor(target);
    const report = await this.check(req);
    this.record(target, report, false);
    return report;
  }

  /** Passwords step: after the user changed the password, probe again; passes only when the defaults are rejected. */
  async reverify(target: PasswordTarget, req: CheckRequest): Promise<ProbeReport> {
    accountFor(target);
    const report = await this.check(req);
    this.record(target, report, true);
    return report;
  }

  /**
   * Generates a unique password and stores it in the keychain; the value is returned this once for
   * display. When one is saved already, `keep` is the owner's go-ahead and the saved one is kept
   * as the previous one (see SecretGenerations).
   */
  async generate(target: PasswordTarget, keep?: KeepChoice): Promise<GeneratedForTarget> {
    const gen = await generatePassword();
    const o = await this.generations.replace(target, gen.password, keep);
    const stored: StoreOutcome = o.stored ? { account: o.account, stored: true } : { account: o.account, stored: false, error: o.error! };
    return { account: o.account, password: gen.password, length: gen.length, score: gen.score, stored, previousAccount: o.previousAccount, previousKept: o.previousKept, discarded: o.discarded };
  }

  /** Which passwords the keychain holds for a target (the new one, the kept previous one); never a value. */
  savedPasswords(target: PasswordTarget) {
    return this.generations.saved(target);
  }

  /** A deliberate reveal of the new or the kept previous password. */
  revealPassword(target: PasswordTarget, generation: SecretGeneration) {
    return this.generations.reveal(target, generation);
  }

  /** The owner discards the kept previous password (after logging in with the new one). */
  discardPreviousPassword(target: PasswordTarget) {
    return this.generations.discardPrevious(target);
  }

  private record(target: PasswordTarget, report: ProbeReport, afterChange: boolean): void {
    this.deps.onOutcome?.(report);
    if (target.kind === 'router') {
      const v = loginVerdict(report, afterChange);
      this.deps.checks.recordVerified(checkOf(target), v.status, v.reason, v.detail ?? null);
      return;
    }
    this.deviceResults.set(target.id, report);
    const all = [...this.deviceResults.entries()];
    const accepted = all.filter(([, r]) => r.result === 'default-accepted').map(([id]) => id);
    const unknown = all.filter(([, r]) => r.result === 'unknown').map(([id]) => id);
    const status: CheckStatus = accepted.length ? 'fail' : unknown.length ? 'unknown' : 'pass';
    const nameOf = (id: string) => this.deps.deviceName?.(id) ?? this.deviceResults.get(id)?.host ?? id;
    const names = (ids: string[]) => ids.map(nameOf).join(', ').slice(0, 1500);
    const reason = accepted.length
      ? msg('credentials.devices.accepted', { count: accepted.length, names: names(accepted) })
      : unknown.length
        ? msg('credentials.devices.undecided', { count: unknown.length, names: names(unknown), reason: this.deviceResults.get(unknown[0]!)!.reason })
        : msg('credentials.devices.refused', { count: all.length });
    const detail = msg('credentials.devices.checked', { count: all.length, names: names(all.map(([id]) => id)) });
    this.deps.checks.recordVerified('devices.default-passwords', status, reason, detail);
  }
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : lo));
