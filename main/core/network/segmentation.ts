/**
 * The segmentation step: plan a separate IoT network (name, passphrase in the keychain, router
 * family instructions, the casting/discovery warning) and verify it — the IoT SSID is visible in a
 * Wi-Fi scan with WPA2 or better (`network.iot-segment`), and a re-survey from the main network no
 * longer sees the devices marked to move (`network.iot-isolated`, naming any still seen).
 * Reuses the wifi step's passphrase generator and scanner; adds no second implementation of either.
 */
import type { CheckBoard } from '../checks/index.js';
import type { CheckStatus } from '../checks/index.js';
import type { Logger, WifiReading } from '../ports.js';
import type { SecretService } from '../secrets/index.js';
import { SecretGenerations, type KeepChoice } from '../secrets/index.js';
import type { SecretGeneration } from '../secrets/index.js';
import type { WifiNetworkView } from '../wifi/index.js';
import { runMemo, verifyIsolation, type VerifierRegistry } from '../checks/index.js';
import type { HomeModel } from '../model/index.js';
import { generatePassphrase, type PassphraseStyle } from '../wifi/index.js';
import { joinCodeQrDataUrl, joinCodeText } from '../wifi/index.js';
import { PorchlightError } from '../errors.js';
import { NOT_CHECKED_YET, toMessage, type Message } from '../messages/index.js';
import { assertJoinableSsid } from '../secrets/index.js';
import { familyOf, loadRouterFamilies, type RouterFamilies, type RouterFamily } from '../router/index.js';
import type { SurveyFeature, ScopeOptions } from './survey-feature.js';
import type { InventoryDevice } from './survey-service.js';

/** The IoT network's rule lives in its verifier (main/core/checks/verifiers/segmentation.ts). */
export { SEGMENT_OK } from '../checks/index.js';

/** What the segmentation step shows before the user changes the router. */
export interface SegmentationPlan {
  suggestedSsid: string;
  family: RouterFamily;
  families: { id: string; name: string }[];
  crossNetworkWarning: string[];
  devicesToMove: InventoryDevice[];
}

/** A verification's outcome, as recorded on the check board. */
export interface SegmentVerdict {
  status: CheckStatus;
  reason: Message;
  detail: Message | null;
}

/** The isolation verdict with the devices still seen from the main network. */
export interface IsolationVerdict extends SegmentVerdict {
  stillSeen: { id: string; name: string; ip: string | null; seenBy: string[] }[];
  moved: number;
}

export interface SegmentationDeps {
  survey: SurveyFeature;
  wifiScan: () => Promise<WifiReading<WifiNetworkView[]>>;
  wifiStatus: () => Promise<WifiReading<WifiNetworkView | null>>;
  secrets: SecretService;
  checks: CheckBoard;
  log: Logger;
  resourcesDir: string;
  /** The IoT network's verifier: this step's "check now" is the audit's check. */
  verifiers: Pick<VerifierRegistry, 'network.iot-segment'>;
  /** Where the IoT network's name is kept, and the devices marked to move. */
  model: Pick<HomeModel, 'setAnswer' | 'present' | 'read'>;
}

/** A name a person can read and a router accepts (1–32 bytes, printable). */
export function suggestIotSsid(homeSsid: string | null): string {
  const base = (homeSsid ?? '').replace(/[^\x20-\x7e]/g, '').trim();
  if (!base) return 'Home-IoT';
  const suffix = '-IoT';
  return base.toLowerCase().endsWith('iot') ? `${base.slice(0, 28)}-2` : `${base.slice(0, 32 - suffix.length)}${suffix}`;
}


/** The IoT network's join code as a QR image: WPA2/WPA3 transition, since smart devices often cannot join WPA3-only networks. */
const iotJoinCode = (ssid: string, passphrase: string) => joinCodeQrDataUrl(joinCodeText(ssid, passphrase, { mode: 'transition' }));

export class SegmentationService {
  private familiesCache: RouterFamilies | null = null;
  private readonly generations: SecretGenerations;
  /** Per IoT SSID: passphrases made this session, and after which one a verification saw the network secured. */
  private readonly made = new Map<string, number>();
  private readonly seenAfter = new Map<string, number>();

  constructor(private readonly deps: SegmentationDeps) {
    this.generations = new SecretGenerations(deps.secrets, deps.log);
  }

  private families(): RouterFamilies {
    if (!this.familiesCache) this.familiesCache = loadRouterFamilies(this.deps.resourcesDir);
    return this.familiesCache;
  }

  /** The plan: suggested IoT SSID (from the current network's name), the router's family and its steps, the devices to move. */
  async plan(): Promise<SegmentationPlan> {
    const status = await this.deps.wifiStatus().catch(() => null);
    const home = status && status.kind === 'ok' && status.value ? status.value.ssid : null;
    const router = this.deps.model.read().router?.identity ?? null;
    const f = this.families();
    return {
      suggestedSsid: suggestIotSsid(home),
      family: familyOf(f, router?.vendor ?? null, router?.model ?? null),
      families: f.families.map((x) => ({ id: x.id, name: x.name })),
      crossNetworkWarning: f.crossNetworkWarning,
      devicesToMove: this.deps.survey.service.inventory().filter((d) => d.moveToIot),
    };
  }

  /** Instructions of one family (the user may pick another than the guessed one). */
  family(id: string): RouterFamily {
    const fam = this.families().families.find((x) => x.id === id);
    if (!fam) throw new PorchlightError('not-found', 'error.router-family-unknown');
    return fam;
  }

  /** Which IoT passphrases the keychain holds (the new one, the kept previous one); never a value. */
  async savedPassphrases(ssid: string) {
    const saved = await this.generations.saved({ kind: 'wifi', ssid });
    return { ...saved, networkSeenSinceNew: this.networkSeenSinceNew(ssid) };
  }

  /**
   * Generates the IoT passphrase (the wifi step's generator) and stores it as wifi/<ssid>; when one
   * is saved already, `keep` is the owner's go-ahead and the saved one is kept as the previous one.
   * Returns the new passphrase once with a join code.
   */
  async generatePassphrase(ssid: string, style: PassphraseStyle, keep?: KeepChoice) {
    if (ssid.length === 0 || ssid.length > 32) throw new PorchlightError('invalid-arguments', 'error.ssid-length', { min: 1, max: 32 });
    const g = generatePassphrase(style);
    // The join code first: if it cannot be made, nothing is stored (issue 13).
    assertJoinableSsid(ssid);
    const qrDataUrl = await iotJoinCode(ssid, g.passphrase);
    const outcome = await this.generations.replace({ kind: 'wifi', ssid }, g.passphrase, keep);
    if (outcome.stored) this.made.set(ssid, (this.made.get(ssid) ?? 0) + 1);
    this.deps.log.info('iot passphrase generated', { account: outcome.account, stored: outcome.stored, style, previousKept: outcome.previousKept });
    return {
      account: outcome.account,
      previousAccount: outcome.previousAccount,
      previousKept: outcome.previousKept,
      discarded: outcome.discarded,
      stored: outcome.stored,
      storeError: outcome.error,
      passphrase: g.passphrase,
      entropyBits: g.entropyBits,
      qrDataUrl,
    };
  }

  /** A deliberate reveal of the new or the kept previous IoT passphrase. */
  revealPassphrase(ssid: string, generation: SecretGeneration) {
    return this.generations.reveal({ kind: 'wifi', ssid }, generation);
  }

  /**
   * The saved IoT passphrase (one Porchlight made, here or when it changed the router) with its join
   * code, on the owner's press: devices join by scanning the code instead of typing the passphrase.
   * Throws `not-found` when none is saved.
   */
  async joinCode(ssid: string): Promise<{ account: string; passphrase: string; qrDataUrl: string }> {
    assertJoinableSsid(ssid);
    const { account, secret } = await this.revealPassphrase(ssid, 'current');
    const qrDataUrl = await iotJoinCode(ssid, secret);
    return { account, passphrase: secret, qrDataUrl };
  }

  /** The owner discards the kept previous IoT passphrase. */
  discardPreviousPassphrase(ssid: string) {
    return this.generations.discardPrevious({ kind: 'wifi', ssid });
  }

  /** The new IoT passphrase is in use: a verification after it was made saw the network secured, and the owner says the devices are back. */
  confirmPassphraseInUse(ssid: string, devicesBack: boolean) {
    if (!devicesBack) throw new PorchlightError('refused', 'error.previous-kept.iot-devices-back');
    if (!this.networkSeenSinceNew(ssid)) {
      throw new PorchlightError('refused', 'error.previous-kept.check-network', { ssid });
    }
    return this.generations.confirmInUse({ kind: 'wifi', ssid }, 'a scan saw the IoT network secured and the owner confirmed the devices are back on it');
  }

  private networkSeenSinceNew(ssid: string): boolean {
    const made = this.made.get(ssid) ?? 0;
    return this.seenAfter.has(ssid) && this.seenAfter.get(ssid)! >= made;
  }

  /** network.iot-segment: the IoT SSID (kept in the home model) is visible in a scan with WPA2 or better. */
  async verifySegment(ssid: string): Promise<SegmentVerdict> {
    const madeAtStart = this.made.get(ssid) ?? 0;
    this.deps.model.setAnswer('iotSsid', ssid);
    const m = await this.deps.verifiers['network.iot-segment'].verify({ scope: { interface: null, gateway: null }, signal: new AbortController().signal, once: runMemo() });
    const v: SegmentVerdict = { status: m?.status ?? 'unknown', reason: toMessage(m?.reason) ?? NOT_CHECKED_YET, detail: toMessage(m?.detail) };
    if (v.status === 'pass' && madeAtStart === (this.made.get(ssid) ?? 0)) this.seenAfter.set(ssid, madeAtStart);
    this.deps.checks.recordVerified('network.iot-segment', v.status, v.reason, v.detail);
    return v;
  }

  /** network.iot-isolated: re-survey from the main network; devices marked to move must not answer (the audit's verifier rule). */
  async verifyIsolation(opts: ScopeOptions = {}): Promise<IsolationVerdict> {
    const survey = this.deps.survey;
    const r = await verifyIsolation({ survey: async () => survey.service.run(await survey.scope(opts)), model: this.deps.model }, { once: runMemo() });
    const v: IsolationVerdict = { status: r.status, reason: toMessage(r.reason) ?? NOT_CHECKED_YET, detail: toMessage(r.detail), stillSeen: r.stillSeen, moved: r.moved };
    this.deps.checks.recordVerified('network.iot-isolated', v.status, v.reason, v.detail);
    return v;
  }
}
