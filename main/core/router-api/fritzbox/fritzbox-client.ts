/**
 * The FRITZ!Box adapter of the RouterClient port, over TR-064. Reads every fact with its source
 * (the service and action that answered); plans changes in message codes; applies them inside the
 * box's configuration lock (DeviceConfig ConfigurationStarted/Finished — a lock, not a timed
 * rollback, so Porchlight records the previous values and restores them itself); confirm() is a no-op.
 */
import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../../ports.js';
import { msg, type Message } from '../../messages/index.js';
import { encryptionWords } from '../encryption-words.js';
import { secretAccountName } from '../../secrets/index.js';
import {
  RouterError,
  type ApplyResult,
  type DesiredState,
  type Fact,
  type FactSource,
  type PlannedChange,
  type PreviousValues,
  type RouterClient,
  type RouterPlan,
  type RouterStatus,
  type RouterWifiNetwork,
  type WifiEncryption,
} from '../port.js';
import { readIgdPortMappings } from '../igd/port-mappings.js';
import type { RouterTransport } from '../transport.js';
import { Tr064Session, type Tr064Options } from './tr064-session.js';

const S = (name: string) => `urn:dslforum-org:service:${name}`;
const src = (service: string, action: string): FactSource => ({ api: 'tr064', call: `${service} ${action}` });

/** TR-064 beacon types → normalised encryption. */
export function encryptionOfBeacon(beacon: string): WifiEncryption {
  switch (beacon.trim().toLowerCase()) {
    case 'none':
      return 'open';
    case 'basic':
      return 'wep';
    case 'wpa':
    case 'wpaand11i':
      return 'wpa';
    case '11i':
      return 'wpa2';
    case '11iandwpa3':
      return 'wpa2-wpa3';
    case 'wpa3':
      return 'wpa3';
    default:
      return 'other';
  }
}

/** Normalised encryption → the TR-064 beacon type that sets it. */
const BEACON_OF: Partial<Record<WifiEncryption, string>> = { wpa2: '11i', 'wpa2-wpa3': '11iandWPA3', wpa3: 'WPA3' };


/** What the client needs beyond the session options. */
export interface FritzClientOptions extends Omit<Tr064Options, 'transport'> {
  transport: RouterTransport;
  /** `set` keeps a replaced Wi-Fi passphrase as `<account>/previous` (absent: kept in memory for this run only). */
  secrets: Pick<SecretStore, 'get'> & Partial<Pick<SecretStore, 'set'>>;
  /**
   * The Wi-Fi network this computer reaches the router through: its name, null (cable or another
   * network), or undefined when it cannot be told — then every Wi-Fi change counts as cutting the link.
   */
  linkSsid: () => Promise<string | null | undefined>;
}

function unknown<T>(reason: Message): Fact<T> {
  return { known: false, reason };
}

function errorReason(err: unknown): Message {
  if (err instanceof RouterError) return err.detail;
  return msg('router-api.error.unexpected', {});
}

/** Rethrows errors that end the whole reading (no login, blocked, certificate); a single missing service only makes its fact unknown. */
function fatal(err: unknown): boolean {
  return err instanceof RouterError && err.kind !== 'unsupported';
}

export class FritzboxClient implements RouterClient {
  readonly api = 'tr064' as const;
  private readonly session: Tr064Session;
  /** Secrets replaced during apply, kept only in memory for restore() in this run (never in PreviousValues). */
  private readonly replacedSecrets = new Map<string, string>();

  constructor(private readonly o: FritzClientOptions) {
    this.session = new Tr064Session(o);
  }

  async identify(): Promise<{ vendor: string; model: string | null; firmware: string | null } | null> {
    const d = await this.session.discover();
    if (!d) return null;
    const root = d.root as Record<string, unknown> | undefined;
    const dev = Array.isArray(root?.device) ? (root!.device[0] as Record<string, unknown>) : (root?.device as Record<string, unknown> | undefined);
    const manufacturer = String(dev?.manufacturer ?? '');
    if (!/avm/i.test(manufacturer)) return null;
    const sys = root?.systemVersion as Record<string, unknown> | undefined;
    return { vendor: 'AVM', model: dev?.modelName ? String(dev.modelName) : null, firmware: sys?.Display ? String(sys.Display) : null };
  }

  private wlanServices(): string[] {
    return this.session
      .services()
      .filter((t) => /:WLANConfiguration:\d+$/.test(t))
      .sort((a, b) => Number(a.split(':').pop()) - Number(b.split(':').pop()));
  }

  async readStatus(): Promise<RouterStatus> {
    const id = await this.identify();
    if (!id) throw new RouterError('unsupported', msg('router-api.error.no-tr064', { host: this.o.host }));
    const status: RouterStatus = {
      identity: { known: true, value: { vendor: id.vendor, model: id.model }, source: { api: 'tr064', call: 'tr64desc.xml' } },
      wifi: unknown(msg('router-api.unknown.not-read', {})),
      wps: unknown(msg('router-api.unknown.not-read', {})),
      firmware: unknown(msg('router-api.unknown.not-read', {})),
      remoteAdmin: unknown(msg('router-api.unknown.not-read', {})),
      upnp: unknown(msg('router-api.unknown.not-read', {})),
      adminPasswordDefault: unknown(msg('router-api.unknown.not-read', {})),
    };
    const attempt = async <T>(read: () => Promise<Fact<T>>): Promise<Fact<T>> => {
      try {
        return await read();
      } catch (err) {
        if (fatal(err)) throw err;
        return unknown(errorReason(err));
      }
    };
    // The first call answers the digest challenge: the one login of this run.
    status.firmware = await attempt(async () => {
      const ui = await this.session.call(S('UserInterface:1'), 'GetInfo');
      let autoUpdate: 'off' | 'notify' | 'important' | 'all' | 'unknown' = 'unknown';
      try {
        const x = await this.session.call(S('UserInterface:1'), 'X_AVM-DE_GetInfo');
        const m = (x['NewX_AVM-DE_AutoUpdateMode'] ?? '').toLowerCase();
        autoUpdate = m === 'off' ? 'off' : m === 'check' ? 'notify' : m === 'important' ? 'important' : m === 'all' ? 'all' : 'unknown';
      } catch (err) {
        if (fatal(err)) throw err;
      }
      const current = id.firmware ?? '';
      const up = ui.NewUpgradeAvailable;
      return { known: true, value: { version: current, updateAvailable: up === '1' ? true : up === '0' ? false : null, autoUpdate }, source: src('UserInterface:1', 'GetInfo + X_AVM-DE_GetInfo') };
    });
    try {
      const wifi = await this.readWifi();
      status.wifi = wifi.fact;
      status.wps = wifi.wps;
    } catch (err) {
      if (fatal(err)) throw err;
      status.wifi = unknown(errorReason(err));
      status.wps = unknown(errorReason(err));
    }
    status.remoteAdmin = await attempt(async () => {
      const r = await this.session.call(S('X_AVM-DE_RemoteAccess:1'), 'GetInfo');
      if (r.NewEnabled !== '0' && r.NewEnabled !== '1') return unknown(msg('router-api.unknown.unexpected-value', { call: 'X_AVM-DE_RemoteAccess:1 GetInfo' }));
      return { known: true, value: { enabled: r.NewEnabled === '1' }, source: src('X_AVM-DE_RemoteAccess:1', 'GetInfo') };
    });
    status.upnp = await attempt(async () => {
      const r = await this.session.call(S('X_AVM-DE_UPnP:1'), 'GetInfo');
      if (r.NewEnable !== '0' && r.NewEnable !== '1') return unknown(msg('router-api.unknown.unexpected-value', { call: 'X_AVM-DE_UPnP:1 GetInfo' }));
      const enabled = r.NewEnable === '1';
      const mappings = enabled ? await readIgdPortMappings(this.o.transport, this.o.host, this.o.httpPort ?? 49000) : { ok: true as const, mappings: [] };
      return { known: true, value: { enabled, portMappings: mappings.ok ? mappings.mappings : null }, source: src('X_AVM-DE_UPnP:1', enabled && mappings.ok ? 'GetInfo + IGD GetGenericPortMappingEntry' : 'GetInfo') };
    });
    status.adminPasswordDefault = await attempt(async () => {
      const r = await this.session.call(S('LANConfigSecurity:1'), 'GetInfo');
      const v = r['NewX_AVM-DE_IsDefaultPasswordActive'];
      if (v !== '0' && v !== '1') return unknown(msg('router-api.unknown.no-default-flag', {}));
      return { known: true, value: { isDefault: v === '1' }, source: src('LANConfigSecurity:1', 'GetInfo') };
    });
    return status;
  }

  private async readWifi(): Promise<{ fact: Fact<RouterWifiNetwork[]>; wps: Fact<{ enabled: boolean; networkIds: string[] }> }> {
    const services = this.wlanServices();
    if (services.length === 0) return { fact: unknown(msg('router-api.unknown.no-wifi', {})), wps: unknown(msg('router-api.unknown.no-wifi', {})) };
    const nets: RouterWifiNetwork[] = [];
    const wpsOn: string[] = [];
    let wpsKnown = true;
    for (const [i, t] of services.entries()) {
      const name = t.replace(/^urn:[^:]+:service:/, '');
      const info = await this.session.call(t, 'GetInfo');
      let apType: string | null = null;
      let isolation: boolean | null = null;
      try {
        const ext = await this.session.call(t, 'X_AVM-DE_GetWLANExtInfo');
        apType = (ext['NewX_AVM-DE_APType'] ?? '').toLowerCase() || null;
        isolation = apType === 'guest' ? true : apType === 'normal' ? false : null;
      } catch (err) {
        if (fatal(err)) throw err;
      }
      try {
        const w = await this.session.call(t, 'X_AVM-DE_GetWPSInfo');
        const st = (w['NewX_AVM-DE_WPSStatus'] ?? '').toLowerCase();
        if (!st) wpsKnown = false;
        else if (st !== 'off') wpsOn.push(name);
      } catch (err) {
        if (fatal(err)) throw err;
        wpsKnown = false;
      }
      const n = services.length;
      let role: RouterWifiNetwork['role'];
      let roleReason: Message;
      if (apType === 'guest') {
        role = 'guest';
        roleReason = msg('router-api.role.guest-by-ap-type', {});
      } else if (n >= 4 && i >= 2) {
        // Boxes with four WLANConfigurations may use one for the mesh backhaul: which one is not said; change nothing there.
        role = 'unknown';
        roleReason = msg('router-api.role.maybe-mesh', { count: n });
      } else if (apType === 'normal' || (apType === null && i < n - 1)) {
        role = 'home';
        roleReason = apType ? msg('router-api.role.home-by-ap-type', {}) : msg('router-api.role.home-by-position', {});
      } else if (apType === null && n === 3 && i === n - 1) {
        role = 'guest';
        roleReason = msg('router-api.role.guest-by-position', {});
      } else {
        role = 'unknown';
        roleReason = msg('router-api.role.unclear', {});
      }
      nets.push({
        id: name,
        ssid: info.NewSSID ?? '',
        enabled: info.NewEnable === '1',
        role,
        roleReason,
        encryption: encryptionOfBeacon(info.NewBeaconType ?? ''),
        possibleEncryptions: (info['NewX_AVM-DE_PossibleBeaconTypes'] ?? '').split(',').filter(Boolean).map(encryptionOfBeacon),
        isolated: isolation,
        source: src(name, 'GetInfo'),
      });
    }
    const fact: Fact<RouterWifiNetwork[]> = { known: true, value: nets, source: { api: 'tr064', call: `WLANConfiguration:1..${services.length} GetInfo + X_AVM-DE_GetWLANExtInfo` } };
    const wps: Fact<{ enabled: boolean; networkIds: string[] }> = wpsKnown
      ? { known: true, value: { enabled: wpsOn.length > 0, networkIds: wpsOn }, source: { api: 'tr064', call: `WLANConfiguration:1..${services.length} X_AVM-DE_GetWPSInfo` } }
      : unknown(msg('router-api.unknown.wps-unreadable', {}));
    return { fact, wps };
  }

  async plan(desired: DesiredState, given?: RouterStatus): Promise<RouterPlan> {
    const status = given ?? (await this.readStatus());
    const changes: PlannedChange[] = [];
    const notes: Message[] = [];
    const link = await this.o.linkSsid();
    const nets = status.wifi.known ? status.wifi.value : [];
    if (!status.wifi.known && (desired.homeWifi || desired.iotWifi)) notes.push(msg('router-api.note.wifi-unknown', {}));
    for (const n of nets.filter((x) => x.role === 'unknown')) notes.push(msg('router-api.note.role-unclear', { network: n.id, ssid: n.ssid }));
    if (desired.homeWifi) {
      const want = desired.homeWifi.encryption;
      for (const n of nets.filter((x) => x.role === 'home')) {
        const cuts = link === undefined || (link !== null && link === n.ssid);
        if (n.encryption !== want) {
          const supported = n.possibleEncryptions.includes(want);
          changes.push({
            key: `home-wifi.encryption:${n.id}`,
            message: msg('router-api.change.home-wifi-encryption', { ssid: n.ssid, from: encryptionWords(n.encryption), to: encryptionWords(want) }),
            cutsLink: cuts,
            refused: !supported ? msg('router-api.refused.mode-unsupported', { ssid: n.ssid, to: encryptionWords(want) }) : cuts ? msg('router-api.refused.cuts-link', { ssid: n.ssid }) : null,
          });
        }
        if (desired.homeWifi.passphrase) {
          changes.push({
            key: `home-wifi.passphrase:${n.id}`,
            message: msg('router-api.change.home-wifi-passphrase', { ssid: n.ssid }),
            cutsLink: cuts,
            refused: cuts ? msg('router-api.refused.cuts-link', { ssid: n.ssid }) : null,
          });
        }
      }
    }
    if (desired.iotWifi) {
      const guest = nets.find((x) => x.role === 'guest');
      if (!guest) notes.push(msg('router-api.note.no-guest-network', {}));
      else {
        const cuts = link === undefined || (link !== null && link === guest.ssid);
        changes.push({
          key: `iot-wifi:${guest.id}`,
          message: msg('router-api.change.iot-wifi', { ssid: desired.iotWifi.ssid, to: encryptionWords(desired.iotWifi.encryption) }),
          cutsLink: cuts,
          refused: cuts ? msg('router-api.refused.cuts-link', { ssid: guest.ssid }) : !guest.possibleEncryptions.includes(desired.iotWifi.encryption) ? msg('router-api.refused.mode-unsupported', { ssid: guest.ssid, to: encryptionWords(desired.iotWifi.encryption) }) : null,
        });
      }
    }
    if (desired.wpsOff && status.wps.known && status.wps.value.enabled) changes.push({ key: 'wps', message: msg('router-api.change.wps-off', {}), cutsLink: false, refused: null });
    if (desired.remoteAdminOff && status.remoteAdmin.known && status.remoteAdmin.value.enabled) changes.push({ key: 'remote-admin', message: msg('router-api.change.remote-admin-off', {}), cutsLink: false, refused: null });
    if (desired.upnpOff && status.upnp.known && status.upnp.value.enabled) changes.push({ key: 'upnp', message: msg('router-api.change.upnp-off', { mappings: status.upnp.value.portMappings?.length ?? null }), cutsLink: false, refused: null });
    if (desired.adminPassword) changes.push({ key: 'admin-password', message: msg('router-api.change.admin-password', {}), cutsLink: false, refused: null });
    return { changes, notes };
  }

  async apply(plan: RouterPlan, desired: DesiredState): Promise<ApplyResult> {
    const previous: PreviousValues = { router: this.o.host, takenAt: new Date().toISOString(), entries: [] };
    const applied: string[] = [];
    const skipped: ApplyResult['skipped'] = [];
    const todo = plan.changes.filter((c) => {
      if (c.refused) skipped.push({ key: c.key, reason: c.refused });
      return !c.refused;
    });
    if (todo.length === 0) return { applied, skipped, previous };
    await this.session.call(S('DeviceConfig:1'), 'ConfigurationStarted', { NewSessionID: randomBytes(8).toString('hex') });
    try {
      for (const c of todo.filter((x) => x.key !== 'admin-password')) {
        await this.applyOne(c.key, desired, previous);
        applied.push(c.key);
      }
    } catch (err) {
      await this.finish();
      await this.restore(previous).catch(() => {});
      throw err;
    }
    await this.finish();
    // The admin password last, on its own: set, log in with the new one, only then report it applied.
    if (todo.some((c) => c.key === 'admin-password') && desired.adminPassword) {
      await this.changeAdminPassword(desired.adminPassword.next.account);
      applied.push('admin-password');
    }
    return { applied, skipped, previous };
  }

  private async finish(): Promise<void> {
    await this.session.call(S('DeviceConfig:1'), 'ConfigurationFinished').catch(() => {});
  }

  private async applyOne(key: string, desired: DesiredState, previous: PreviousValues): Promise<void> {
    const cut = key.indexOf(':');
    const what = cut < 0 ? key : key.slice(0, cut);
    const id = cut < 0 ? undefined : key.slice(cut + 1);
    const t = id ? S(id) : '';
    switch (what) {
      case 'home-wifi.encryption': {
        const before = await this.session.call(t, 'GetBeaconType');
        previous.entries.push({ key, value: { service: id!, beaconType: before.NewBeaconType ?? '' } });
        await this.session.call(t, 'SetBeaconType', { NewBeaconType: BEACON_OF[desired.homeWifi!.encryption]! });
        return;
      }
      case 'home-wifi.passphrase': {
        const next = await this.secret(desired.homeWifi!.passphrase!.account);
        const before = await this.session.call(t, 'GetSecurityKeys');
        const old = before.NewKeyPassphrase ?? '';
        this.replacedSecrets.set(key, old);
        // The passphrase devices use today is kept as the previous one until the owner discards it.
        if (old && old !== next && this.o.secrets.set) await this.o.secrets.set(`${desired.homeWifi!.passphrase!.account}/previous`, old);
        previous.entries.push({ key, value: { service: id!, passphraseKept: 'memory' } });
        await this.session.call(t, 'SetSecurityKeys', { NewWEPKey0: '', NewWEPKey1: '', NewWEPKey2: '', NewWEPKey3: '', NewPreSharedKey: '', NewKeyPassphrase: next });
        return;
      }
      case 'iot-wifi': {
        const iot = desired.iotWifi!;
        const next = await this.secret(iot.passphrase.account);
        const info = await this.session.call(t, 'GetInfo');
        const keys = await this.session.call(t, 'GetSecurityKeys');
        this.replacedSecrets.set(key, keys.NewKeyPassphrase ?? '');
        previous.entries.push({ key, value: { service: id!, enabled: info.NewEnable === '1', ssid: info.NewSSID ?? '', beaconType: info.NewBeaconType ?? '', passphraseKept: 'memory' } });
        await this.session.call(t, 'SetSSID', { NewSSID: iot.ssid });
        await this.session.call(t, 'SetBeaconType', { NewBeaconType: BEACON_OF[iot.encryption]! });
        await this.session.call(t, 'SetSecurityKeys', { NewWEPKey0: '', NewWEPKey1: '', NewWEPKey2: '', NewWEPKey3: '', NewPreSharedKey: '', NewKeyPassphrase: next });
        await this.session.call(t, 'SetEnable', { NewEnable: '1' });
        return;
      }
      case 'wps': {
        for (const n of this.wlanServices()) {
          const w = await this.session.call(n, 'X_AVM-DE_GetWPSInfo');
          const on = (w['NewX_AVM-DE_WPSStatus'] ?? '').toLowerCase() !== 'off';
          if (!on) continue;
          previous.entries.push({ key: 'wps', value: { service: n.replace(/^urn:[^:]+:service:/, ''), enabled: true } });
          await this.session.call(n, 'X_AVM-DE_SetWPSEnable', { 'NewX_AVM-DE_WPSEnable': '0' });
        }
        return;
      }
      case 'remote-admin':
        previous.entries.push({ key, value: { enabled: true } });
        await this.session.call(S('X_AVM-DE_RemoteAccess:1'), 'SetEnable', { NewEnabled: '0' });
        return;
      case 'upnp': {
        const r = await this.session.call(S('X_AVM-DE_UPnP:1'), 'GetInfo');
        previous.entries.push({ key, value: { enabled: r.NewEnable === '1', mediaServer: r.NewUPnPMediaServer === '1' } });
        await this.session.call(S('X_AVM-DE_UPnP:1'), 'SetConfig', { NewEnable: '0', NewUPnPMediaServer: r.NewUPnPMediaServer ?? '0' });
        return;
      }
    }
    throw new RouterError('unsupported', msg('router-api.error.no-action', { action: key }));
  }

  /**
   * Sets the new admin password, then logs in with it (a fresh session); only then is it in use. A
   * failed login puts the old one back. With the passwords step's generations, the new one is
   * `router/admin` and the one the router still accepts is `router/admin/previous` (passwordAccount).
   */
  private async changeAdminPassword(nextAccount: string): Promise<void> {
    const next = await this.secret(nextAccount);
    const old = await this.secret(this.o.passwordAccount ?? secretAccountName({ kind: 'router' }));
    // The box's own limits first: a password it would cut or refuse is never sent (once set, only it opens the box).
    const rules = await this.session.call(S('LANConfigSecurity:1'), 'GetInfo');
    const max = Number(rules.NewMaxCharsPassword ?? '');
    const min = Number(rules.NewMinCharsPassword ?? '');
    const allowed = rules.NewAllowedCharsPassword;
    if ((Number.isFinite(max) && max > 0 && next.length > max) || (Number.isFinite(min) && next.length < min) || (allowed && [...next].some((ch) => !allowed.includes(ch)))) {
      throw new RouterError('unsupported', msg('router-api.error.password-not-allowed', { max: Number.isFinite(max) && max > 0 ? max : null }));
    }
    await this.session.call(S('LANConfigSecurity:1'), 'SetConfigPassword', { NewPassword: next });
    const check = new Tr064Session({ ...this.o, passwordAccount: nextAccount });
    try {
      await check.call(S('LANConfigSecurity:1'), 'X_AVM-DE_GetCurrentUser');
    } catch (err) {
      // The box took the new password but does not accept it: put the old one back through the session that still works.
      const restored = await this.session.call(S('LANConfigSecurity:1'), 'SetConfigPassword', { NewPassword: old }).then(() => true, () => false);
      if (!restored) throw new RouterError('auth-failed', msg('router-api.error.new-password-rejected-not-restored', {}), err instanceof RouterError ? err.waitSeconds : null);
      throw new RouterError('auth-failed', msg('router-api.error.new-password-rejected', {}), err instanceof RouterError ? err.waitSeconds : null);
    }
  }

  private async secret(account: string): Promise<string> {
    const v = await this.o.secrets.get(account);
    if (!v) throw new RouterError('credentials-missing', msg('router-api.error.secret-missing', {}));
    return v;
  }

  async restore(previous: PreviousValues): Promise<void> {
    if (previous.entries.length === 0) return;
    await this.session.call(S('DeviceConfig:1'), 'ConfigurationStarted', { NewSessionID: randomBytes(8).toString('hex') });
    try {
      for (const e of [...previous.entries].reverse()) {
        const v = e.value;
        const what = e.key.split(':')[0];
        const t = typeof v.service === 'string' ? S(v.service) : '';
        if (what === 'home-wifi.encryption') await this.session.call(t, 'SetBeaconType', { NewBeaconType: String(v.beaconType) });
        else if (what === 'home-wifi.passphrase' || what === 'iot-wifi') {
          const old = this.replacedSecrets.get(e.key);
          if (what === 'iot-wifi') {
            await this.session.call(t, 'SetEnable', { NewEnable: v.enabled ? '1' : '0' });
            await this.session.call(t, 'SetSSID', { NewSSID: String(v.ssid) });
            await this.session.call(t, 'SetBeaconType', { NewBeaconType: String(v.beaconType) });
          }
          if (old) await this.session.call(t, 'SetSecurityKeys', { NewWEPKey0: '', NewWEPKey1: '', NewWEPKey2: '', NewWEPKey3: '', NewPreSharedKey: '', NewKeyPassphrase: old });
        } else if (what === 'wps') await this.session.call(t, 'X_AVM-DE_SetWPSEnable', { 'NewX_AVM-DE_WPSEnable': v.enabled ? '1' : '0' });
        else if (what === 'remote-admin') await this.session.call(S('X_AVM-DE_RemoteAccess:1'), 'SetEnable', { NewEnabled: v.enabled ? '1' : '0' });
        else if (what === 'upnp') await this.session.call(S('X_AVM-DE_UPnP:1'), 'SetConfig', { NewEnable: v.enabled ? '1' : '0', NewUPnPMediaServer: v.mediaServer ? '1' : '0' });
      }
    } finally {
      await this.finish();
    }
  }

  async confirm(): Promise<void> {
    // TR-064 has no timed rollback to confirm: ConfigurationStarted/Finished is a lock only.
  }
}
