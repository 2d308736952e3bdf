/**
 * The RouterClient port: how the core reads and changes a home router through the router's own
 * local API (FRITZ!Box TR-064, OpenWrt ubus, …). Adapters live beside it (fritzbox/, openwrt/);
 * the core speaks only to this interface. Nothing here ever carries a secret in a field that is
 * logged, stored in the model or shown: passphrases and passwords travel only as keychain account
 * names (`SecretRef`) and are read from the keychain by the adapter at the moment of use.
 */
import type { Message } from '../messages/index.js';

/** Where a router fact came from: the API and the exact call, so the evidence can name it. */
export interface FactSource {
  /** 'tr064' (FRITZ!Box), 'ubus' (OpenWrt), 'igd' (UPnP IGD, no login). */
  api: 'tr064' | 'ubus' | 'igd';
  /** The call that answered, e.g. `WLANConfiguration:1 GetInfo`, `uci get wireless.default_radio0`. */
  call: string;
}

/** A fact read from the router: its value and where it came from, or unknown with the reason. */
export type Fact<T> = { known: true; value: T; source: FactSource } | { known: false; reason: Message };

/** The role of one Wi-Fi network on the router. `unknown`: Porchlight cannot tell for sure (then it changes nothing there). */
export type WifiRole = 'home' | 'guest' | 'iot' | 'mesh' | 'unknown';

/** Encryption modes, normalised across vendors. */
export type WifiEncryption = 'open' | 'wep' | 'wpa' | 'wpa2' | 'wpa2-wpa3' | 'wpa3' | 'other';

/** One Wi-Fi network (radio interface / WLANConfiguration) as the router reports it. */
export interface RouterWifiNetwork {
  /** Adapter-stable id of the interface, e.g. `WLANConfiguration:2`, `wireless.default_radio0`. */
  id: string;
  ssid: string;
  enabled: boolean;
  role: WifiRole;
  /** Why the role is what it is (e.g. "highest-numbered WLANConfiguration is the guest network"). */
  roleReason: Message;
  encryption: WifiEncryption;
  /** The modes this interface accepts (for a plan: can it do WPA3 / transition). */
  possibleEncryptions: WifiEncryption[];
  /** Guests isolated from the home network / from each other; null when the router does not say. */
  isolated: boolean | null;
  source: FactSource;
}

export interface UpnpPortMapping {
  protocol: 'TCP' | 'UDP';
  externalPort: number;
  internalClient: string;
  internalPort: number;
  description: string;
  enabled: boolean;
}

/** Everything a router can tell about the checks Porchlight cares for; each field with its source. */
export interface RouterStatus {
  /** Vendor / model / firmware as the API reports it. */
  identity: Fact<{ vendor: string; model: string | null }>;
  wifi: Fact<RouterWifiNetwork[]>;
  wps: Fact<{ enabled: boolean; networkIds: string[] }>;
  firmware: Fact<{ version: string; updateAvailable: boolean | null; autoUpdate: 'off' | 'notify' | 'important' | 'all' | 'unknown' }>;
  remoteAdmin: Fact<{ enabled: boolean }>;
  upnp: Fact<{ enabled: boolean; portMappings: UpnpPortMapping[] | null }>;
  adminPasswordDefault: Fact<{ isDefault: boolean }>;
}

/** A keychain account name (e.g. `wifi/Home`, `router/admin`); never the secret itself. */
export interface SecretRef {
  account: string;
}

/** What the owner wants; every field optional (absent = leave as it is). */
export interface DesiredState {
  /** Home Wi-Fi: WPA3 only, or transition for legacy devices; the passphrase from the keychain. */
  homeWifi?: { encryption: 'wpa3' | 'wpa2-wpa3'; passphrase?: SecretRef };
  /** A guest/IoT network on, secured and isolated. */
  iotWifi?: { ssid: string; encryption: 'wpa2' | 'wpa2-wpa3' | 'wpa3'; passphrase: SecretRef };
  wpsOff?: true;
  remoteAdminOff?: true;
  upnpOff?: true;
  /** A new admin password (current one: `router/admin`; the new one is generated into the keychain first). */
  adminPassword?: { next: SecretRef };
}

/** One change in a plan: what, from → to, in message codes; `cutsLink` when it would drop this computer's Wi-Fi. */
export interface PlannedChange {
  /** Stable key, e.g. `home-wifi.encryption`, `wps`, `remote-admin`, `upnp`, `iot-wifi`, `admin-password`. */
  key: string;
  /** The plain-words description, e.g. `router-api.change.home-wifi-encryption` {ssid, from, to}. */
  message: Message;
  /** True when this change may cut the link this computer uses (its own Wi-Fi's mode or passphrase). */
  cutsLink: boolean;
  /** Refused before apply (e.g. would cut the link with no way to undo): the reason; apply skips it. */
  refused: Message | null;
}

export interface RouterPlan {
  changes: PlannedChange[];
  /** Things the plan will not touch and why (e.g. mesh-backhaul ambiguity). */
  notes: Message[];
}

/**
 * The values a change replaced, so Porchlight can restore them itself. Secrets replaced are kept in
 * the keychain (`…/previous` accounts) and referenced here only by account name. Serializable, no secret.
 */
export interface PreviousValues {
  router: string;
  takenAt: string;
  entries: { key: string; value: Record<string, string | number | boolean | null> }[];
}

export interface ApplyResult {
  applied: string[];
  skipped: { key: string; reason: Message }[];
  previous: PreviousValues;
}

/** The kinds of router error, each shown in plain words next to what caused it. */
export type RouterErrorKind =
  /** Wrong user name or password: one attempt was made, none more this run. */
  | 'auth-failed'
  /** The router blocks logins for a while after failed ones; wait `waitSeconds` before trying again. */
  | 'blocked-after-failures'
  /** The router wants a confirmation on the device (button, phone, code) within `waitSeconds`. */
  | 'needs-confirmation-on-device'
  /** The router or this action is not supported (or the app access is off on the router). */
  | 'unsupported'
  /** The router did not answer in time or refused the connection. */
  | 'unreachable'
  /** The router's TLS certificate differs from the one pinned on first use: nothing was sent. */
  | 'tls-certificate-changed'
  /** No credentials in the keychain (asked once; the host then asks the owner). */
  | 'credentials-missing';

/** A router error: kind, message code for the words, and what it names (wait time, action). */
export class RouterError extends Error {
  constructor(
    readonly kind: RouterErrorKind,
    readonly detail: Message,
    readonly waitSeconds: number | null = null,
  ) {
    super(`${kind}: ${detail.code}`);
    this.name = 'RouterError';
  }
}

/** The one interface every router adapter implements. */
export interface RouterClient {
  /** Which API this client speaks. */
  readonly api: 'tr064' | 'ubus';
  /** True when the router answers this API at all (no login); cheap, used to choose the adapter. */
  identify(): Promise<{ vendor: string; model: string | null; firmware: string | null } | null>;
  /** Reads every fact (logs in once with the keychain's `router/admin`). */
  readStatus(): Promise<RouterStatus>;
  /** The changes `desired` needs on this router, without changing anything. */
  plan(desired: DesiredState, status?: RouterStatus): Promise<RouterPlan>;
  /** Applies the plan (refused changes skipped), recording the previous values first. */
  apply(plan: RouterPlan, desired: DesiredState): Promise<ApplyResult>;
  /** Puts the recorded previous values back (after a failed proof). */
  restore(previous: PreviousValues): Promise<void>;
  /** Confirms the applied change where the router rolls back on its own (OpenWrt); a no-op elsewhere. */
  confirm(): Promise<void>;
}
