import { randomUUID } from 'node:crypto';
import type { Clock, Logger, WifiReading, WifiScanner } from '../ports.js';
import type { CheckBoard } from '../checks/index.js';
import type { SecretService } from '../secrets/index.js';
import { SecretGenerations, type KeepChoice, type SavedGenerations } from '../secrets/index.js';
import type { SecretGeneration } from '../secrets/index.js';
import { PorchlightError, type ErrorInfo } from '../errors.js';
import { assertJoinableSsid } from '../secrets/index.js';
import { WifiScanService, type WifiNetworkView } from './scan-service.js';
import { generatePassphrase, ratePassphraseOffThread, type PassphraseStyle } from './passphrase.js';
import { joinCodeQrDataUrl, joinCodeText } from './join-code.js';
import { guessRouterFamily, loadLegacyDevices, loadWifiRouterGuides, type LegacyDevices, type WifiRouterGuides } from './guides.js';
import { verifyEncryption, type VerifyProgress, type VerifyVerdict } from './verify.js';
import { msg, type Message } from '../messages/index.js';

export interface WifiStepDeps {
  scanner: WifiScanner | undefined;
  secrets: SecretService;
  checks: CheckBoard;
  clock: Clock;
  log: Logger;
  resourcesDir: string;
  /** Pause between rescans; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Time between rescans while verifying. */
  verifyIntervalMs?: number;
}

/** What the renderer gets back from a generation: the passphrase exactly once, with its QR join code. */
export interface GeneratedPassphrase {
  account: string;
  /** Where the passphrase it replaced is kept until the new one is confirmed in use. */
  previousAccount: string;
  previousKept: boolean;
  /** An older passphrase this generation removed, with the owner's go-ahead. */
  discarded: 'none' | 'oldest' | 'unconfirmed';
  stored: boolean;
  storeError: ErrorInfo | null;
  passphrase: string;
  style: PassphraseStyle;
  entropyBits: number;
  score: number;
  qrDataUrl: string;
}

/** One verification run, polled by the renderer for progress. */
export interface VerifyJob {
  id: string;
  ssid: string;
  running: boolean;
  progress: VerifyProgress | null;
  verdict: VerifyVerdict | null;
}

/**
 * The wifi step in the core: scan and classify, router guides, passphrase generation into the
 * keychain, and the rescan that proves the router change. The passphrase is returned to the caller
 * once and stored only in the keychain — it is never logged, recorded in a check, or kept here.
 */
export class WifiStep {
  readonly scanning: WifiScanService;
  private guidesCache: { guides: WifiRouterGuides; legacy: LegacyDevices } | null = null;
  private job: (VerifyJob & { cancelled: boolean }) | null = null;
  private readonly generations: SecretGenerations;
  /** Per SSID: how many passphrases were made this session, and after which one a rescan saw the network. */
  private readonly made = new Map<string, number>();
  private readonly seenAfter = new Map<string, number>();

  constructor(private readonly deps: WifiStepDeps) {
    this.scanning = new WifiScanService(deps.scanner);
    this.generations = new SecretGenerations(deps.secrets, deps.log);
  }

  scan(): Promise<WifiReading<WifiNetworkView[]>> {
    return this.scanning.scan();
  }

  status(): Promise<WifiReading<WifiNetworkView | null>> {
    return this.scanning.status();
  }

  /** Router guides and the WPA3-incompatible device list (schema-checked once), plus a guessed family. */
  guides(hints: { vendor?: string | null; model?: string | null; ssid?: string | null } = {}) {
    if (!this.guidesCache) {
      this.guidesCache = { guides: loadWifiRouterGuides(this.deps.resourcesDir), legacy: loadLegacyDevices(this.deps.resourcesDir) };
    }
    const { guides, legacy } = this.guidesCache;
    return { families: guides.families, legacyDevices: legacy.devices, legacyNote: legacy.note, suggestedFamilyId: guessRouterFamily(guides, hints).id };
  }

  /** Which passphrases the keychain holds for a network (the new one, the kept previous one); never a value. */
  async savedPassphrases(ssid: string): Promise<SavedGenerations & { networkSeenSinceNew: boolean }> {
    const saved = await this.generations.saved({ kind: 'wifi', ssid });
    return { ...saved, networkSeenSinceNew: this.networkSeenSinceNew(ssid) };
  }

  /**
   * Generates a passphrase and stores it as `wifi/<ssid>`. When one is saved already, `keep` is the
   * owner's go-ahead (see SecretGenerations): the saved one stays in the keychain as the previous
   * one. Records wifi.passphrase and returns the new passphrase once, with a QR join code.
   */
  async generatePassphrase(args: { ssid: string; style: PassphraseStyle; mode: 'wpa3' | 'transition'; hidden?: boolean; keep?: KeepChoice }): Promise<GeneratedPassphrase> {
    if (args.ssid.length === 0) throw new PorchlightError('invalid-arguments', 'error.choose-network');
    const g = generatePassphrase(args.style);
    // Everything the user must see is built BEFORE the secret is stored and the check recorded:
    // if it fails, nothing changed (issue 13: no pass without the user having seen the secret).
    assertJoinableSsid(args.ssid);
    const qrDataUrl = await joinCodeQrDataUrl(joinCodeText(args.ssid, g.passphrase, { mode: args.mode, hidden: args.hidden ?? false }));
    const outcome = await this.generations.replace({ kind: 'wifi', ssid: args.ssid }, g.passphrase, args.keep);
    const { account } = outcome;
    if (outcome.stored) {
      this.made.set(args.ssid, (this.made.get(args.ssid) ?? 0) + 1);
      const made = { bits: g.entropyBits, ssid: args.ssid };
      this.deps.checks.recordVerified(
        'wifi.passphrase',
        'pass',
        args.style === 'words' ? msg('wifi.passphrase.generated-words', made) : msg('wifi.passphrase.generated-characters', made),
        msg('wifi.passphrase.strength', { score: g.verdict.score }),
      );
    } else {
      this.deps.checks.recordVerified('wifi.passphrase', 'warn', msg('wifi.passphrase.not-stored', { error: outcome.error?.message ?? '' }), null);
    }
    this.deps.log.info('wifi passphrase generated', { account, stored: outcome.stored, style: args.style, previousKept: outcome.previousKept });
    return {
      account,
      previousAccount: outcome.previousAccount,
      previousKept: outcome.previousKept,
      discarded: outcome.discarded,
      stored: outcome.stored,
      storeError: outcome.error,
      passphrase: g.passphrase,
      style: args.style,
      entropyBits: g.entropyBits,
      score: g.verdict.score,
      qrDataUrl,
    };
  }

  /** A deliberate reveal of the new or the kept previous passphrase. */
  revealPassphrase(ssid: string, generation: SecretGeneration) {
    return this.generations.reveal({ kind: 'wifi', ssid }, generation);
  }

  /** The owner discards the kept previous passphrase. */
  discardPreviousPassphrase(ssid: string) {
    return this.generations.discardPrevious({ kind: 'wifi', ssid });
  }

  /**
   * The new passphrase is in use: a rescan started after it was made saw the network, and the
   * owner says their devices are back on it. Only then is the previous passphrase removed.
   */
  confirmPassphraseInUse(ssid: string, devicesBack: boolean) {
    if (!devicesBack) throw new PorchlightError('refused', 'error.previous-kept.devices-back');
    if (!this.networkSeenSinceNew(ssid)) {
      throw new PorchlightError('refused', 'error.previous-kept.check-router', { ssid });
    }
    return this.generations.confirmInUse({ kind: 'wifi', ssid }, 'a rescan saw the network and the owner confirmed the devices are back on it');
  }

  private networkSeenSinceNew(ssid: string): boolean {
    const made = this.made.get(ssid) ?? 0;
    return this.seenAfter.has(ssid) && this.seenAfter.get(ssid)! >= made;
  }

  /**
   * Rates a passphrase the user already has (the `wifi.passphrase` policy: Wi-Fi format, ≥ 12
   * characters, not common, zxcvbn ≥ 3). Kept in memory for the call only: never stored, logged
   * or recorded; confirming the check stays the user's own action.
   */
  async rateExisting(passphrase: string, ssid?: string): Promise<{ acceptable: boolean; score: number; common: boolean; reasons: Message[] }> {
    // zxcvbn takes up to a second on long input: in a worker thread, so no other call waits (issue 13).
    const v = await ratePassphraseOffThread(passphrase, ssid ? [ssid] : []);
    return { acceptable: v.acceptable, score: v.score, common: v.common, reasons: v.reasons };
  }

  /** Starts a verification (cancelling any running one) and returns its id at once; poll with verifyJob. */
  startVerify(args: { ssid: string; target: 'wpa3' | 'transition'; timeoutSeconds: number; legacyDevices?: string[] }): VerifyJob {
    if (this.job?.running) this.job.cancelled = true;
    const job: VerifyJob & { cancelled: boolean } = { id: randomUUID(), ssid: args.ssid, running: true, progress: null, verdict: null, cancelled: false };
    this.job = job;
    const madeAtStart = this.made.get(args.ssid) ?? 0;
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    void verifyEncryption({
      ssid: args.ssid,
      target: args.target,
      timeoutMs: args.timeoutSeconds * 1000,
      intervalMs: this.deps.verifyIntervalMs ?? 3000,
      legacyDevices: args.legacyDevices ?? [],
      scan: () => this.scanning.scan(),
      now: () => this.deps.clock.now().getTime(),
      sleep,
      onProgress: (p) => {
        job.progress = p;
      },
      isCancelled: () => job.cancelled,
    })
      .then((verdict) => {
        if (job.cancelled) return;
        job.verdict = verdict;
        if (verdict.security !== null && madeAtStart === (this.made.get(args.ssid) ?? 0)) this.seenAfter.set(args.ssid, madeAtStart);
        this.deps.checks.recordVerified('wifi.encryption', verdict.status, verdict.reason, verdict.detail);
      })
      .catch((err: unknown) => {
        job.verdict = { status: 'unknown', security: null, reason: msg('wifi.verify.stopped', { error: String((err as Error)?.message ?? err).slice(0, 1000) }), detail: null };
        this.deps.checks.recordVerified('wifi.encryption', 'unknown', job.verdict.reason, null);
      })
      .finally(() => {
        job.running = false;
      });
    return this.view(job);
  }

  /** The state of a verification started with startVerify. */
  verifyJob(id: string): VerifyJob {
    if (!this.job || this.job.id !== id) throw new PorchlightError('not-found', 'error.verification-gone');
    return this.view(this.job);
  }

  private view(job: VerifyJob): VerifyJob {
    return { id: job.id, ssid: job.ssid, running: job.running, progress: job.progress, verdict: job.verdict };
  }
}
