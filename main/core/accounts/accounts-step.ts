import type { HomeModel } from '../model/index.js';
import type { CheckBoard } from '../checks/index.js';
import type { CheckView } from '../checks/index.js';
import type { SecretService, StoreOutcome } from '../secrets/index.js';
import type { ConfirmationStore, ConfirmationView, ConfirmedStatus } from '../confirmations/index.js';
import { rollUp, type SubjectNamer } from '../confirmations/index.js';
import { PorchlightError } from '../errors.js';
import { msg, type Message } from '../messages/index.js';
import { secretAccountName } from '../secrets/index.js';
import { suggestAccounts, type AccountCatalog, type AccountEntry } from './catalog.js';
import { atLeastAsStrong, METHOD_RANK, rankMethods, type MethodId } from './methods.js';

/** The keychain account recovery codes of a service are kept under, and nowhere else. */
export const recoveryCodesAccount = (id: string) => secretAccountName({ kind: 'recovery-codes', accountId: id });

export const ACCOUNT_CHECKS = ['accounts.2fa', 'accounts.unique-passwords', 'accounts.integrations-review'] as const;

/** A catalog entry as the accounts step shows it: methods ranked, the pick and why. */
export interface AccountView extends AccountEntry {
  /** Method ids only: the renderer names each and says why in the reader's language (accounts catalog `method.<id>`). */
  ranked: { method: MethodId; rank: number }[];
}

/** What the user says about one account. `enabled` is the 2FA method now on (or none). */
export interface AccountAnswer {
  id: string;
  enabled: MethodId | 'none';
  uniquePassword: boolean;
  integrationsReviewed: boolean;
}

/** A 2FA method in the reader's words (`confirmation.accounts.method.<id>`), for a note. */
const methodWords = (m: MethodId): Message => msg(`confirmation.accounts.method.${m}`);

/**
 * The 2FA status of one account: app or key (or the best the service offers) passes, weaker warns,
 * none fails. The note is a message without the account's name (the roll-up puts the name before it).
 */
export function twoFactorStatus(entry: AccountEntry, enabled: MethodId | 'none'): { status: ConfirmedStatus; note: Message } {
  if (entry.methods.length === 0) return { status: 'skipped', note: msg('confirmation.accounts.two-factor-not-offered') };
  if (enabled === 'none') return { status: 'fail', note: msg('confirmation.accounts.two-factor-off') };
  const method = methodWords(enabled);
  if (atLeastAsStrong(enabled, 'authenticator-app')) return { status: 'pass', note: msg('confirmation.accounts.two-factor-on', { method }) };
  if (entry.best !== null && METHOD_RANK[enabled] >= METHOD_RANK[entry.best]) return { status: 'pass', note: msg('confirmation.accounts.two-factor-best', { method }) };
  const better = entry.best ? methodWords(entry.best) : msg('confirmation.accounts.stronger-method');
  return { status: 'warn', note: msg('confirmation.accounts.two-factor-weaker', { method, better }) };
}

/** Vendor names of the devices in the home model's inventory. */
export function surveyVendors(history: { devices: Record<string, unknown> }): string[] {
  const out = new Set<string>();
  for (const d of Object.values(history.devices)) {
    if (d && typeof d === 'object' && !Array.isArray(d)) {
      const v = (d as Record<string, unknown>).vendor;
      if (typeof v === 'string' && v.trim()) out.add(v.trim().slice(0, 120));
    }
  }
  return [...out];
}

/**
 * The accounts step's core: the catalog as the user sees it, pre-selection from the survey,
 * the dated per-account confirmations (kept in the home model, rolled up into the three checks) and
 * recovery codes, which go to the keychain and nowhere else.
 */
export class AccountsStep {
  constructor(
    private readonly catalog: AccountCatalog,
    private readonly confirmations: ConfirmationStore,
    private readonly checks: CheckBoard,
    private readonly secrets: SecretService,
    private readonly history: Pick<HomeModel, 'read'>,
    /** Names of subjects other steps add to these checks (an assistant's skills review); null when unknown. */
    private readonly otherNames: SubjectNamer = () => null,
  ) {}

  /** An account's name as the reader knows it ("Ring"), else another step's name for the subject. */
  readonly nameOf: SubjectNamer = (subject) => this.catalog.accounts.find((a) => a.id === subject)?.name ?? this.otherNames(subject);

  entry(id: string): AccountEntry {
    const e = this.catalog.accounts.find((a) => a.id === id);
    if (!e) throw new PorchlightError('not-found', 'error.account-unknown', { account: id });
    return e;
  }

  /**
   * What the user answered last time (expired or not), per account still in the catalog, so a
   * re-audit starts from it: the user reviews and saves again rather than starting blank.
   */
  previous(): { selected: string[]; answers: Record<string, { enabled: string; uniquePassword: boolean; integrationsReviewed: boolean; confirmedAt: string; expired: boolean }> } {
    const known = new Set(this.catalog.accounts.map((a) => a.id));
    const answers: ReturnType<AccountsStep['previous']>['answers'] = {};
    for (const r of this.confirmations.list('accounts.2fa').records) {
      if (r.subject === null || !known.has(r.subject)) continue;
      const unique = this.confirmations.get('accounts.unique-passwords', r.subject);
      const review = this.confirmations.get('accounts.integrations-review', r.subject);
      answers[r.subject] = {
        enabled: typeof r.answer.method === 'string' ? r.answer.method : 'none',
        uniquePassword: unique?.answer.unique === true,
        integrationsReviewed: review?.answer.reviewed === true,
        confirmedAt: r.confirmedAt,
        expired: r.expired,
      };
    }
    const selected = this.catalog.accounts.map((a) => a.id).filter((id) => id in answers);
    return { selected, answers };
  }

  /** Every account with its ranked methods; `suggested` from the given vendors plus the survey's. */
  view(vendors: readonly string[] = []): { accounts: AccountView[]; suggested: string[]; vendors: string[]; previous: ReturnType<AccountsStep['previous']> } {
    const all = [...new Set([...vendors, ...surveyVendors(this.history.read())])];
    const accounts = this.catalog.accounts.map((e): AccountView => {
      return { ...e, ranked: rankMethods(e.methods).map((m) => ({ method: m, rank: METHOD_RANK[m] })) };
    });
    return { accounts, suggested: suggestAccounts(this.catalog, all), vendors: all, previous: this.previous() };
  }

  /**
   * Records what the user enabled on each chosen account (dated, expiring) and rolls the answers
   * up into accounts.2fa, accounts.unique-passwords and accounts.integrations-review. Accounts no
   * longer chosen are dropped from the record.
   */
  async confirm(answers: readonly AccountAnswer[]): Promise<{ checks: CheckView[]; records: ConfirmationView[] }> {
    if (answers.length === 0) throw new PorchlightError('invalid-arguments', 'error.choose-account');
    const ids = new Set<string>();
    for (const a of answers) {
      const e = this.entry(a.id);
      if (ids.has(a.id)) throw new PorchlightError('invalid-arguments', 'error.listed-twice', { name: e.name });
      ids.add(a.id);
      if (a.enabled !== 'none' && !e.methods.includes(a.enabled)) {
        throw new PorchlightError('invalid-arguments', 'error.method-not-offered', { name: e.name, method: a.enabled });
      }
    }
    const listing = await this.secrets.list();
    const stored = new Set(listing.accounts);
    const records: ConfirmationView[] = [];
    for (const a of answers) {
      const e = this.entry(a.id);
      const tfa = twoFactorStatus(e, a.enabled);
      records.push(
        this.confirmations.record({
          checkId: 'accounts.2fa',
          subject: a.id,
          status: tfa.status,
          note: tfa.note,
          answer: { method: a.enabled, best: e.best, recoveryCodesStored: stored.has(recoveryCodesAccount(a.id)) },
        }),
        this.confirmations.record({
          checkId: 'accounts.unique-passwords',
          subject: a.id,
          status: a.uniquePassword ? 'pass' : 'fail',
          note: a.uniquePassword ? msg('confirmation.accounts.password-unique') : msg('confirmation.accounts.password-reused'),
          answer: { unique: a.uniquePassword },
        }),
        this.confirmations.record({
          checkId: 'accounts.integrations-review',
          subject: a.id,
          status: a.integrationsReviewed ? 'pass' : 'warn',
          note: a.integrationsReviewed ? msg('confirmation.accounts.linked-reviewed') : msg('confirmation.accounts.linked-not-reviewed'),
          answer: { reviewed: a.integrationsReviewed },
        }),
      );
    }
    const accountIds = new Set(this.catalog.accounts.map((a) => a.id));
    for (const checkId of ACCOUNT_CHECKS) {
      // Only account subjects are this step's to drop; the assistant step keeps its own.
      this.confirmations.forgetSubjects(checkId, (s) => !accountIds.has(s) || ids.has(s));
    }
    const checks = [
      rollUp(this.confirmations, this.checks, 'accounts.2fa', msg('confirmation.accounts.none-offers-two-factor'), this.nameOf),
      rollUp(this.confirmations, this.checks, 'accounts.unique-passwords', msg('confirmation.accounts.none-confirmed'), this.nameOf),
      rollUp(this.confirmations, this.checks, 'accounts.integrations-review', msg('confirmation.accounts.none-confirmed'), this.nameOf),
    ];
    return { checks, records };
  }

  /** Stores recovery codes for a catalog account in the keychain as account/<id>/recovery-codes. */
  async storeRecoveryCodes(id: string, codes: string): Promise<StoreOutcome> {
    this.entry(id);
    const trimmed = codes.trim();
    if (!trimmed) throw new PorchlightError('invalid-arguments', 'error.no-recovery-codes');
    return this.secrets.put(recoveryCodesAccount(id), trimmed);
  }
}
