/**
 * Apply, prove, and undo on a failed proof: the router's acceptance is never the verdict. After
 * apply, `prove` (the wizard's own verifiers: a rescan, a re-survey, the router's read-back) decides;
 * if it fails, Porchlight puts back the values it recorded before the change. On routers that roll
 * back by themselves (OpenWrt), confirm() is called only after the proof passed.
 */
import { msg, type Message } from '../messages/index.js';
import type { ApplyResult, DesiredState, RouterClient, RouterPlan, RouterStatus } from './port.js';

/**
 * The verdict of the proof. `basis` says, in message codes, what the proof rested on (e.g. "seen in
 * a Wi-Fi scan", or "the router's read-back only: this computer has no Wi-Fi scanner") so no output
 * ever claims a rescan that did not happen.
 */
export type Proof = { ok: true; basis?: Message[] } | { ok: false; reason: Message; basis?: Message[] };

export type ApplyOutcome =
  | { outcome: 'nothing-to-do'; result: ApplyResult | null }
  | { outcome: 'verified'; result: ApplyResult; proof?: Proof }
  | { outcome: 'restored'; result: ApplyResult; reason: Message; proof?: Proof }
  | { outcome: 'restore-failed'; result: ApplyResult; reason: Message; proof?: Proof };

/**
 * The proof of a new admin password: the adapter set it and then logged in with it; only that
 * accepted login counts (the adapter throws otherwise, and the old one is kept).
 */
export const newPasswordLoginProof = async (): Promise<Proof> => ({ ok: true, basis: [msg('router-api.proof.new-password-login', {})] });

export async function applyWithProof(client: RouterClient, plan: RouterPlan, desired: DesiredState, prove: (result: ApplyResult) => Promise<Proof>): Promise<ApplyOutcome> {
  if (plan.changes.every((c) => c.refused)) return { outcome: 'nothing-to-do', result: null };
  const result = await client.apply(plan, desired);
  if (result.applied.length === 0) return { outcome: 'nothing-to-do', result };
  const proof = await prove(result).catch((): Proof => ({ ok: false, reason: msg('router-api.proof.could-not-run', {}) }));
  if (proof.ok) {
    await client.confirm();
    return { outcome: 'verified', result, proof };
  }
  try {
    await client.restore(result.previous);
    return { outcome: 'restored', result, reason: proof.reason, proof };
  } catch {
    return { outcome: 'restore-failed', result, reason: proof.reason, proof };
  }
}

/** The router's own read-back as proof: every applied change must show in a fresh reading. */
export function readBackProof(client: Pick<RouterClient, 'readStatus'>, desired: DesiredState): (result: ApplyResult) => Promise<Proof> {
  return async (result) => readBackVerdict(await client.readStatus(), desired, result);
}

/** The read-back verdict on one fresh status. */
export function readBackVerdict(s: RouterStatus, desired: DesiredState, result: ApplyResult): Proof {
  for (const key of result.applied) {
    const cut = key.indexOf(':');
    const what = cut < 0 ? key : key.slice(0, cut);
    const id = cut < 0 ? undefined : key.slice(cut + 1);
    const net = s.wifi.known ? s.wifi.value.find((n) => n.id === id) : undefined;
    if (what === 'home-wifi.encryption' && net?.encryption !== desired.homeWifi?.encryption) return { ok: false, reason: msg('router-api.proof.still-old', { what: net?.ssid ?? id ?? '' }) };
    if (what === 'iot-wifi' && !(net && net.enabled && net.encryption === desired.iotWifi?.encryption && net.ssid === desired.iotWifi?.ssid && net.isolated === true)) return { ok: false, reason: msg('router-api.proof.still-old', { what: desired.iotWifi?.ssid ?? '' }) };
    if (what === 'wps' && !(s.wps.known && !s.wps.value.enabled)) return { ok: false, reason: msg('router-api.proof.still-old', { what: 'WPS' }) };
    if (what === 'remote-admin' && !(s.remoteAdmin.known && !s.remoteAdmin.value.enabled)) return { ok: false, reason: msg('router-api.proof.still-old', { what: 'remote access' }) };
    if (what === 'upnp' && !(s.upnp.known && !s.upnp.value.enabled)) return { ok: false, reason: msg('router-api.proof.still-old', { what: 'UPnP' }) };
  }
  return { ok: true };
}
