/**
 * The app's router automation (issue 16, deliverable 5): "Let Porchlight change it" for the router
 * the survey identified. Reads the router's own answer, plans a desired state in message codes,
 * and applies it only after the owner's explicit yes — through the core's RouterClient port, chosen
 * as the CLI and the audit choose it (chooseRouterClient: FRITZ!Box TR-064, then OpenWrt ubus over
 * HTTPS), the shared attempt ledger, the pinned certificate, and applyWithProof. An OpenWrt apply
 * that an earlier run left unconfirmed is resolved first and said in the plan.
 *
 * The proof is not the router's word: after the router reads back the new values, a Wi-Fi rescan
 * (the Wi-Fi step's own verifier) must see the change; otherwise the previous values are put back.
 *
 * No result of this service ever holds a secret: the password lives in the keychain (`router/admin`,
 * saved by the renderer through the existing secrets path); only the user name is kept in the
 * profile's router-api.json, and results carry names, message codes and booleans.
 */
import type { Core, RouterAutomationPorts } from '../core/app-core.js';
import { PorchlightError } from '../core/errors.js';
import { msg, type Message } from '../core/messages/index.js';
import { secretAccountName } from '../core/secrets/index.js';
import type { CheckStatus } from '../core/checks/results.js';
import { routerApiVerdict } from '../core/checks/verifiers/router-api.js';
import {
  applyPlanWithAdminPassword,
  chooseRouterClient,
  desiredStateOf,
  ensureIotPassphrase,
  LoginGuard,
  readBackAndRescanProof,
  readBackProof,
  RouterError,
  type ApplyResult,
  type Proof,
  type RouterClient,
  type RouterErrorKind,
  type RouterPlan,
  type RouterRequest,
  type RouterStatus,
} from '../core/router-api/index.js';

/** A router error in plain words (a message code), with the wait the router asked for. */
export interface RouterProblem {
  kind: RouterErrorKind | 'changed-since-preview' | 'other';
  message: Message;
  waitSeconds: number | null;
}

export interface RouterAutomationState {
  /** True when the surveyed router is one Porchlight can change (FRITZ!Box). */
  supported: boolean;
  router: { address: string | null; vendor: string | null; model: string | null } | null;
  userName: string | null;
  passwordSaved: boolean;
}

export interface WifiNetworkView {
  id: string;
  ssid: string;
  role: 'home' | 'guest' | 'iot' | 'mesh' | 'unknown';
  enabled: boolean;
  encryption: 'open' | 'wep' | 'wpa' | 'wpa2' | 'wpa2-wpa3' | 'wpa3' | 'other';
}

export interface PlanView {
  /** An OpenWrt apply an earlier run left unconfirmed, resolved before this plan (rolled back, or not, with the reason). */
  interrupted: { startedAt: string; outcome: 'rolled-back' | 'not-rolled-back'; message: Message } | null;
  changes: { key: string; message: Message; cutsLink: boolean; refused: Message | null }[];
  notes: Message[];
  /** The router's Wi-Fi networks as it reported them just now (names and modes, never a passphrase). */
  networks: WifiNetworkView[];
  /** The separate network's passphrase: its keychain account, and whether one is saved there already (else Porchlight makes one at the yes). Never the passphrase. */
  iotPassphrase: { account: string; saved: boolean } | null;
}

export type ApplyView =
  | { outcome: 'nothing-to-do'; applied: string[]; skipped: { key: string; reason: Message }[] }
  | {
      outcome: 'verified';
      applied: string[];
      skipped: { key: string; reason: Message }[];
      rescan: Message | null;
      /** What the proof rested on beyond the read-back (the separate network's rescan, or why none was made; the login with the new admin password). */
      basis: Message[];
      /** `router.admin-default` measured again from the router's own answer after a new admin password (null: the router did not say). */
      adminCheck: { status: CheckStatus; reason: Message } | null;
      /** The separate network's passphrase account and whether Porchlight made it now (the step's display reveals it). Never the passphrase. */
      iotPassphrase: { account: string; made: boolean } | null;
    }
  | { outcome: 'restored' | 'restore-failed'; applied: string[]; skipped: { key: string; reason: Message }[]; reason: Message };

export type Answer<T> = { kind: 'ok'; value: T } | { kind: 'problem'; problem: RouterProblem };

/**
 * What the owner asks for: in the Wi-Fi step WPA3 only or transition; in the updates step WPS,
 * remote administration and UPnP off; in the separate-network step the smart-device network; in the
 * passwords step a new admin password (made and kept main-side, never through IPC). Absent = leave as it is.
 */
export interface RouterWish extends RouterRequest {
  /** The owner says this computer reaches the router by cable (or another network): a Wi-Fi change cannot cut its link. */
  wired: boolean;
}

/** The routers Porchlight can change (chooseRouterClient asks the router itself before anything is sent). */
const SUPPORTED = /\bavm\b|fritz|openwrt/i;
const PASSWORD = secretAccountName({ kind: 'router' });

/** A thrown error in plain words; a PorchlightError from the transport (refused, timeout) means the router did not answer. */
export function problemOf(err: unknown, host: string): RouterProblem {
  if (err instanceof RouterError) return { kind: err.kind, message: err.detail, waitSeconds: err.waitSeconds };
  if (err instanceof PorchlightError && (err.code === 'refused' || err.code === 'timeout')) return { kind: 'unreachable', message: msg('router-api.error.unreachable', { host, port: 49443 }), waitSeconds: null };
  return { kind: 'other', message: msg('router-api.error.unexpected', {}), waitSeconds: null };
}

function networksOf(s: RouterStatus): WifiNetworkView[] {
  return s.wifi.known ? s.wifi.value.map((n) => ({ id: n.id, ssid: n.ssid, role: n.role, enabled: n.enabled, encryption: n.encryption })) : [];
}

export class RouterAutomation {
  /** One login budget per run, shared by every call of this service; renewed only when the owner saves new credentials. */
  private guard: LoginGuard;
  private applying = false;
  /** How long the rescan may take to see the change (a real router restarts its Wi-Fi); tests shorten it. */
  rescanSeconds = 90;

  constructor(
    private readonly core: Core,
    private readonly ports: RouterAutomationPorts,
  ) {
    this.guard = new LoginGuard(core.credentials.ledger);
  }

  /** The surveyed router, whether it is supported, and whether its login is saved. Makes no network call. */
  async state(): Promise<RouterAutomationState> {
    const r = this.core.model.read().router;
    const vendor = r?.identity?.vendor ?? null;
    const model = r?.identity?.model ?? null;
    const supported = !!r?.address && (SUPPORTED.test(vendor ?? '') || SUPPORTED.test(model ?? ''));
    const host = r?.address ?? null;
    return {
      supported,
      router: r ? { address: host, vendor, model } : null,
      userName: host ? this.ports.pins.userName(host) : null,
      passwordSaved: (await this.core.secrets.exclusive(() => this.core.secrets.read(PASSWORD))) !== null,
    };
  }

  /**
   * The owner gave the router's login: the user name is remembered for this router (profile), the
   * password goes to the keychain as `router/admin` — only when none is saved yet, or when the saved
   * one was just refused by the router in this run (a generated one is otherwise changed only in the
   * Passwords step). After new credentials one more login may be tried (the owner changed what failed).
   */
  async saveLogin(userName: string, password: string | null): Promise<RouterAutomationState> {
    const host = this.host();
    if (password !== null) {
      const saved = (await this.core.secrets.exclusive(() => this.core.secrets.read(PASSWORD))) !== null;
      if (saved && !this.guard.hasFailed(host)) throw new PorchlightError('refused', 'error.router-password-already-saved');
      await this.core.secrets.exclusive(() => this.core.secrets.write(PASSWORD, password));
      this.core.deps.log.info('router login saved', { host, account: PASSWORD });
    }
    this.ports.pins.setUserName(host, userName);
    this.guard = new LoginGuard(this.core.credentials.ledger);
    return this.state();
  }

  /** Reads the router and plans `wish`, changing nothing. */
  async plan(wish: RouterWish): Promise<Answer<PlanView>> {
    const host = this.host();
    try {
      const { client, interrupted } = await this.client(host, wish.wired);
      const status = await client.readStatus();
      const desired = desiredStateOf(wish);
      const plan = await client.plan(desired, status);
      const iotPassphrase = desired.iotWifi ? { account: desired.iotWifi.passphrase.account, saved: (await this.core.secrets.read(desired.iotWifi.passphrase.account)) !== null } : null;
      return { kind: 'ok', value: { interrupted, changes: plan.changes, notes: plan.notes, networks: networksOf(status), iotPassphrase } };
    } catch (err) {
      return { kind: 'problem', problem: problemOf(err, host) };
    }
  }

  /**
   * Applies `wish` after the owner's yes to exactly the changes in `agreed` (the keys of the preview):
   * the router is read and planned again, and if the plan differs from what the owner saw, nothing is
   * changed. Then the proof: the router's read-back, and a rescan that must see the new Wi-Fi mode.
   */
  async apply(wish: RouterWish, agreed: string[]): Promise<Answer<ApplyView>> {
    const host = this.host();
    // One change at a time: a second yes while the first change is being proven must not interleave with it.
    if (this.applying) throw new PorchlightError('refused', 'error.router-change-under-way');
    this.applying = true;
    try {
      return await this.applyOnce(host, wish, agreed);
    } finally {
      this.applying = false;
    }
  }

  private async applyOnce(host: string, wish: RouterWish, agreed: string[]): Promise<Answer<ApplyView>> {
    try {
      const { client } = await this.client(host, wish.wired);
      const desired = desiredStateOf(wish);
      const plan = await client.plan(desired);
      const active = plan.changes.filter((c) => !c.refused).map((c) => c.key);
      if (active.length !== agreed.length || active.some((k) => !agreed.includes(k))) {
        return { kind: 'problem', problem: { kind: 'changed-since-preview', message: msg('router-automation.changed-since-preview', {}), waitSeconds: null } };
      }
      // The separate network's passphrase goes to the keychain first, made here when none is saved (never sent to the renderer).
      const { iot, made } = await ensureIotPassphrase(this.core.secrets, desired, plan);
      if (made) this.core.deps.log.info('iot passphrase made for the router change', { account: iot!.passphrase.account });
      let rescan: Message | null = null;
      // The admin password goes alone and last (the core's one flow, as the CLI's): only after the other changes were proven.
      const outcome = await applyPlanWithAdminPassword(
        client,
        plan,
        desired,
        async (result) => {
          const back = await readBackProof(client, desired)(result);
          if (!back.ok) return back;
          const seen = await this.rescan(plan, result, wish);
          rescan = seen.ok ? seen.seen : null;
          if (!seen.ok) return seen;
          if (!iot || !result.applied.some((k) => k.startsWith('iot-wifi'))) return { ok: true };
          // The separate network: the router's read-back, then a rescan that must see it secured as asked (or says why none could be made).
          const attempts = Math.max(1, Math.ceil(this.rescanSeconds / 2));
          return readBackAndRescanProof(client, { iotWifi: iot }, { scanner: this.core.wifi, attempts, waitMs: 2000 })({ ...result, applied: result.applied.filter((k) => k.startsWith('iot-wifi')) });
        },
        this.core.secrets,
      );
      // A passphrase made for a change that did not stay is not in use anywhere: it goes again.
      if (made && outcome.outcome !== 'verified') await this.core.secrets.delete(iot!.passphrase.account).catch(() => false);
      const applied = outcome.result?.applied ?? [];
      const skipped = outcome.result?.skipped ?? plan.changes.filter((c) => c.refused).map((c) => ({ key: c.key, reason: c.refused! }));
      this.core.deps.log.info('router automation applied', { outcome: outcome.outcome, applied: applied.length, skipped: skipped.length });
      if (outcome.outcome === 'verified') {
        const adminCheck = applied.includes('admin-password') ? await this.remeasureAdminDefault(client) : null;
        const basis = outcome.proof?.basis ?? [];
        const iotPassphrase = iot && applied.some((k) => k.startsWith('iot-wifi')) ? { account: iot.passphrase.account, made } : null;
        return { kind: 'ok', value: { outcome: 'verified', applied, skipped, rescan, basis, adminCheck, iotPassphrase } };
      }
      if (outcome.outcome === 'nothing-to-do') return { kind: 'ok', value: { outcome: 'nothing-to-do', applied, skipped } };
      return { kind: 'ok', value: { outcome: outcome.outcome, applied, skipped, reason: outcome.reason } };
    } catch (err) {
      return { kind: 'problem', problem: problemOf(err, host) };
    }
  }

  /**
   * After a new admin password: `router.admin-default` measured again from the router's own answer
   * (read with the new password), recorded on the board so the step does not show a stale verdict.
   * Null when the router does not say (the check then keeps its own path).
   */
  private async remeasureAdminDefault(client: RouterClient): Promise<{ status: CheckStatus; reason: Message } | null> {
    try {
      const v = routerApiVerdict('router.admin-default', await client.readStatus());
      if (!v) return null;
      const reason = typeof v.reason === 'string' || !v.reason ? msg('router-api.unknown.not-read', {}) : v.reason;
      this.core.checks.recordVerified('router.admin-default', v.status, reason, null);
      return { status: v.status, reason };
    } catch {
      return null;
    }
  }

  /**
   * The rescan half of the proof: for every home network whose mode changed, the Wi-Fi step's
   * verification (the same rescan as "I have changed the router — check now") must pass.
   */
  private async rescan(plan: RouterPlan, result: ApplyResult, wish: RouterWish): Promise<({ ok: true; seen: Message | null }) | Extract<Proof, { ok: false }>> {
    const ssids = new Set<string>();
    const networks = plan.changes.filter((c) => c.key.startsWith('home-wifi.encryption:') && result.applied.includes(c.key));
    for (const c of networks) {
      const ssid = c.message.params.ssid;
      if (typeof ssid === 'string') ssids.add(ssid);
    }
    let seen: Message | null = null;
    if (!wish.homeWifi) return { ok: true, seen };
    for (const ssid of ssids) {
      const job = this.core.wifi.startVerify({ ssid, target: wish.homeWifi, timeoutSeconds: this.rescanSeconds });
      let view = this.core.wifi.verifyJob(job.id);
      while (view.running) {
        await new Promise((r) => setTimeout(r, 250));
        view = this.core.wifi.verifyJob(job.id);
      }
      const verdict = view.verdict;
      // Transition is what the owner asked for when its verdict is a warning (WPA2 still allowed): that is the change seen.
      const wanted = wish.homeWifi === 'transition' ? verdict?.security === 'wpa2-wpa3' : verdict?.status === 'pass';
      if (!verdict?.security) return { ok: false, reason: msg('router-automation.rescan-not-seen', { ssid }) };
      if (!wanted) return { ok: false, reason: msg('router-automation.rescan-contradicts', { ssid, security: verdict.security }) };
      seen = verdict.reason;
    }
    return { ok: true, seen };
  }

  private host(): string {
    const host = this.core.model.read().router?.address;
    if (!host) throw new PorchlightError('not-found', 'error.router-not-found-yet');
    return host;
  }

  private async client(host: string, wired: boolean): Promise<{ client: RouterClient; interrupted: PlanView['interrupted'] }> {
    const s = await this.state();
    if (!s.supported) throw new RouterError('unsupported', msg('router-api.error.no-tr064', { host }));
    if (!s.userName) throw new RouterError('credentials-missing', msg('router-api.error.user-missing', { host }));
    if (!s.passwordSaved) throw new RouterError('credentials-missing', msg('router-api.error.credentials-missing', { host }));
    const choice = await chooseRouterClient({
      host,
      transport: this.ports.transport,
      // The keychain adapter runs one call at a time (never overlapping); no exclusive job here, which a nested call would wait on forever.
      secrets: { get: (a) => this.core.secrets.read(a), set: (a, v) => this.core.secrets.write(a, v) },
      pins: this.ports.pins,
      guard: this.guard,
      clock: this.core.deps.clock,
      ...(this.ports.pending ? { pending: this.ports.pending } : {}),
      ...(this.ports.http ? { http: this.ports.http } : {}),
      ...(this.ports.ports ? { ports: this.ports.ports } : {}),
      linkSsid: async () => (wired ? null : this.linkSsid()),
    });
    if (choice.kind === 'unsupported') throw new RouterError('unsupported', choice.reason);
    // OpenWrt: an apply an earlier run left unconfirmed (Porchlight stopped between apply and proof) is resolved and said first.
    const left = choice.kind === 'openwrt' ? await choice.client.interruptedApply() : null;
    const interrupted = left ? { startedAt: left.startedAt, outcome: left.outcome, message: left.message } : null;
    return { client: choice.client, interrupted };
  }

  /** The Wi-Fi this computer is on: its name, null when on none (cable), undefined when it cannot be told (then every Wi-Fi change counts as cutting the link). */
  private async linkSsid(): Promise<string | null | undefined> {
    const s = await this.core.wifi.status();
    if (s.kind !== 'ok') return undefined;
    return s.value ? s.value.ssid : null;
  }
}

/** One service per core (the IPC handlers receive only the core). */
const services = new WeakMap<Core, RouterAutomation>();

const opening = new WeakMap<Core, Promise<RouterAutomation>>();

/** The core's router service; its modules and profile documents are opened at first use. */
export function routerAutomation(core: Core): Promise<RouterAutomation> {
  const s = services.get(core);
  if (s) return Promise.resolve(s);
  let p = opening.get(core);
  if (!p) {
    const open = core.deps.routerAutomation;
    if (!open) return Promise.reject(new PorchlightError('refused', 'error.router-automation-unavailable'));
    p = open().then((ports) => {
      const service = new RouterAutomation(core, ports);
      services.set(core, service);
      return service;
    });
    opening.set(core, p);
  }
  return p;
}
