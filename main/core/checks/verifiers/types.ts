import type { CheckStatus } from '../results.js';
import type { StoredText } from '../../messages/index.js';
import type { ConsentKind } from '../../model/index.js';

/** The catalog's check ids (resources/checks.json); a unit test keeps this list equal to the catalog. */
export const CHECK_IDS = [
  'wifi.encryption',
  'wifi.passphrase',
  'wifi.wps',
  'network.iot-segment',
  'network.iot-isolated',
  'router.admin-default',
  'router.firmware',
  'router.remote-admin',
  'router.upnp',
  'devices.inventory',
  'devices.default-passwords',
  'devices.firmware',
  'devices.known-vulnerabilities',
  'accounts.2fa',
  'accounts.unique-passwords',
  'accounts.integrations-review',
  'voice.purchasing',
  'voice.unlock-pin',
  'voice.recordings',
  'resilience.outage-plan',
  'docs.report',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** A measurement of one check (evidence *verified*, dated by whoever records it). */
export interface MeasuredCheck {
  status: CheckStatus;
  /** English prose (legacy, shown as it is) or a message code with its params. */
  reason: StoredText | null;
  detail?: StoredText | null;
}

/** What the network may be probed within: only what the owner consented to (the app's saved scope, or flags). */
export interface AuditScope {
  interface: string | null;
  gateway: string | null;
  /** Port of the router's admin page when it is not 80 (`--admin-port`). */
  adminPort?: number | null;
}

/** What a verifier is handed when it runs: the scope, a deadline signal, and a per-run memo so two verifiers share one survey. */
export interface VerifyContext {
  scope: AuditScope;
  signal: AbortSignal;
  /** Runs `make` once per audit run for `key` (one survey, one Wi-Fi scan shared by the checks that read it). */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/**
 * The one verifier of a catalog check. `measures` says whether it reads the network or the machine
 * (false: the check rests on the owner's dated confirmation, and `verify` returns null — nothing to
 * re-measure, the confirmation stands with its date). The step's "check again", the app's
 * re-audit and `porchlight audit` all call `verify`.
 */
export interface Verifier {
  readonly measures: boolean;
  /**
   * The kind of network look this verifier makes, which the owner allows or refuses on the welcome
   * step (saved in the home model). `porchlight audit` without scope flags runs it only when that
   * look was allowed; absent: it looks at nothing on the network.
   */
  readonly needs?: ConsentKind;
  /** Other looks it may make (e.g. a factory-password probe as the fallback of a router-API reading): each must be allowed too. */
  readonly alsoNeeds?: readonly ConsentKind[];
  /** Beyond this the verifier is abandoned and its check reads `unknown` (timed out). */
  readonly deadlineMs: number;
  verify(ctx: VerifyContext): Promise<MeasuredCheck | null>;
}

/** One verifier per catalog check, keyed by check id. */
export type VerifierRegistry = Record<CheckId, Verifier>;

/** A per-run memo for VerifyContext.once. */
export function runMemo(): VerifyContext['once'] {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, make: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as Promise<T>;
  };
}

/** A check the owner confirms (no automated measurement exists): its dated confirmation stands. */
export const confirmationVerifier: Verifier = { measures: false, deadlineMs: 1, verify: async () => null };
