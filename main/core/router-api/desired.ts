/**
 * What the owner asks of the router, as the app's steps and the `porchlight router` flags say it,
 * turned into the desired state the RouterClient plans — one mapping for both, so the keychain
 * accounts they name are the same (the separate network's passphrase under its escaped
 * `wifi/<name>`, the new admin password under `router/admin/next`).
 */
import { secretAccountName } from '../secrets/index.js';
import { generatePassphrase } from '../wifi/index.js';
import { NEW_ADMIN_PASSWORD, type AdminPasswordSecrets } from './admin-password.js';
import type { DesiredState, RouterPlan } from './port.js';

/** Absent = leave as it is. */
export interface RouterRequest {
  /** Home Wi-Fi: WPA3 only, or WPA2/WPA3 transition when older devices must stay connected. */
  homeWifi?: 'wpa3' | 'transition';
  wpsOff?: boolean;
  remoteAdminOff?: boolean;
  upnpOff?: boolean;
  /** The smart-device network with this name: on, WPA2/WPA3, isolated; its passphrase from the keychain (made there when missing). */
  iotWifi?: { ssid: string };
  /** A new admin password, made into the keychain, set, logged in with (admin-password.ts). */
  adminPassword?: boolean;
}

export function desiredStateOf(r: RouterRequest): DesiredState {
  const d: DesiredState = {};
  if (r.homeWifi) d.homeWifi = { encryption: r.homeWifi === 'transition' ? 'wpa2-wpa3' : 'wpa3' };
  if (r.wpsOff) d.wpsOff = true;
  if (r.remoteAdminOff) d.remoteAdminOff = true;
  if (r.upnpOff) d.upnpOff = true;
  // Smart devices often cannot join WPA3-only networks: transition, as the segmentation step's join code.
  if (r.iotWifi) d.iotWifi = { ssid: r.iotWifi.ssid, encryption: 'wpa2-wpa3', passphrase: { account: secretAccountName({ kind: 'wifi', ssid: r.iotWifi.ssid }) } };
  if (r.adminPassword) d.adminPassword = NEW_ADMIN_PASSWORD.adminPassword;
  return d;
}

/**
 * Before an apply that turns on the separate network: its passphrase goes to the keychain first,
 * made here when none is saved there (never shown, never sent anywhere but the router). Returns the
 * network's desired state when the plan changes it (else null) and whether a passphrase was made.
 */
export async function ensureIotPassphrase(secrets: Pick<AdminPasswordSecrets, 'read' | 'write'>, desired: DesiredState, plan: RouterPlan): Promise<{ iot: DesiredState['iotWifi'] | null; made: boolean }> {
  const iot = desired.iotWifi && plan.changes.some((c) => !c.refused && c.key.startsWith('iot-wifi')) ? desired.iotWifi : null;
  if (!iot || (await secrets.read(iot.passphrase.account)) !== null) return { iot, made: false };
  await secrets.write(iot.passphrase.account, generatePassphrase('words').passphrase);
  return { iot, made: true };
}
