import type { ConsentKind } from '../model/index.js';
import { msg, type Message } from '../messages/index.js';

/**
 * Why `porchlight audit` (no scope flags) did not re-run a check: the owner did not allow, on the
 * app's welcome step, the kind of look it needs. `refused`: they said no; `unanswered`: they never
 * said; `kept`: the detail shown with the dated result of an earlier audit that is carried forward.
 */
const WORDS: Record<ConsentKind, { refused: () => Message; unanswered: () => Message; kept: (date: string) => Message }> = {
  wifiScan: {
    refused: () => msg('consent.refused.wifi-scan'),
    unanswered: () => msg('consent.unanswered.wifi-scan'),
    kept: (date) => msg('consent.kept.wifi-scan', { date }),
  },
  routerIdentity: {
    refused: () => msg('consent.refused.router-identity'),
    unanswered: () => msg('consent.unanswered.router-identity'),
    kept: (date) => msg('consent.kept.router-identity', { date }),
  },
  deviceDiscovery: {
    refused: () => msg('consent.refused.device-discovery'),
    unanswered: () => msg('consent.unanswered.device-discovery'),
    kept: (date) => msg('consent.kept.device-discovery', { date }),
  },
  credentialProbe: {
    refused: () => msg('consent.refused.credential-probe'),
    unanswered: () => msg('consent.unanswered.credential-probe'),
    kept: (date) => msg('consent.kept.credential-probe', { date }),
  },
};

/** A check the audit did not re-run: the reason it reads when nothing earlier is known, and the note kept with an earlier dated result. */
export interface NotRechecked {
  reason: Message;
  kept: (date: string) => Message;
}

export function notRechecked(kind: ConsentKind, answer: false | null): NotRechecked {
  const w = WORDS[kind];
  return { reason: answer === false ? w.refused() : w.unanswered(), kept: w.kept };
}
