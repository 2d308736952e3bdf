/**
 * The OpenWrt adapter of the RouterClient port, over rpcd's ubus JSON-RPC (`POST /ubus`).
 * Reads every fact from the router's own UCI configuration and `system board`; applies changes in
 * the session's staged UCI delta with `uci apply {rollback:true, timeout}` so the router restores
 * its configuration by itself unless `confirm()` (`uci confirm`) comes after the proof; records
 * the previous values itself as well (secrets in the keychain) and restores them when the proof
 * fails. A pending apply is written to a small state file (no secret) so a run that was killed
 * between apply and confirm is reported by the next run (`interruptedApply()`).
 */
import { randomBytes } from 'node:crypto';
import type { Clock, DocumentStore, HttpFetcher, SecretStore } from '../../ports.js';
import { msg, type Message } from '../../messages/index.js';
import { encryptionWords } from '../encryption-words.js';
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
} from '../port.js';
import type { LoginGuard } from '../login-guard.js';
import type { RouterPinStore, RouterTransport } from '../transport.js';
import { UbusCallError, UbusClient, UbusStatus } from './ubus-client.js';
import { NO_PENDING_APPLY, type PendingApplyDoc } from './pending-apply.js';
import { encryptionOf, ifaceEnabled, list, remoteAdminOpenings, roleOfIface, sectionsOf, str, uciEncryption, wpsOn, type UciSection } from './uci-read.js';
import { z } from 'zod';

export const ROUTER_ADMIN_ACCOUNT = 'router/admin';

/** Encryption modes in the words the plan shows (never the internal code). */

export interface OpenWrtDeps {
  http: HttpFetcher;
  secrets: Pick<SecretStore, 'get' | 'set'>;
  clock: Clock;
  /** Where a pending apply is recorded (profile file); no secret ever goes in. */
  pending: DocumentStore<PendingApplyDoc>;
  /** The router's address (as the survey found it). */
  host: string;
  /** Default `http://<host>/ubus`; ignored when `tls` is given. */
  url?: string;
  /** HTTPS with the certificate pinned on first use (uhttpd with a self-signed certificate; port 443 by default). */
  tls?: { transport: RouterTransport; pins: RouterPinStore; port?: number };
  username?: string;
  /** Seconds the router waits for `uci confirm` before it rolls back (rpcd's default is 60). */
  applyTimeoutSeconds?: number;
  /**
   * The run's login guard (router-api/login-guard.ts, over the attempt ledger shared with the
   * factory-password probes): takes one attempt before every login (the owner's and the
   * empty-root-password test) and remembers a refused owner login so no second one is made.
   */
  guard?: Pick<LoginGuard, 'take' | 'fail'>;
  /** The Wi-Fi network this computer reaches the router through (null: cable or another network). */
  linkSsid?: () => Promise<string | null>;
}

interface Configs {
  wireless: UciSection[];
  network: UciSection[];
  firewall: UciSection[];
  dhcp: UciSection[] | null;
  uhttpd: UciSection[] | null;
  dropbear: UciSection[] | null;
  upnpd: UciSection[] | null;
}

/** One UCI operation of a change. `secret` names a keychain account whose value is the option's value. */
type Op =
  | { kind: 'set'; config: string; section: string; option: string; value: string | string[] | null; secret?: string }
  | { kind: 'add'; config: string; section: string; type: string; values: Record<string, string | string[]>; secret?: { option: string; account: string } };

/** What the next run found about an apply that was never confirmed. */
export interface InterruptedApply {
  startedAt: string;
  keys: string[];
  /** rolled-back: the router's configuration has the previous values again (checked); not-rolled-back: it does not. */
  outcome: 'rolled-back' | 'not-rolled-back';
  /** Whether this run had to ask the router to roll back (the timeout had not passed yet). */
  rolledBackNow: boolean;
  message: Message;
}

const PreviousEntryValue = z.object({
  config: z.string(),
  section: z.string(),
  option: z.string().optional(),
  value: z.string().nullable().optional(),
  list: z.boolean().optional(),
  created: z.boolean().optional(),
  secretAccount: z.string().optional(),
});

const src = (call: string): FactSource => ({ api: 'ubus', call });
const unknown = <T>(reason: Message): Fact<T> => ({ known: false, reason });
const joinList = (v: string[]) => JSON.stringify(v);

export class OpenWrtRouterClient implements RouterClient {
  readonly api = 'ubus' as const;
  private readonly ubus: UbusClient;
  private cfg: Configs | null = null;
  private password: string | null = null;
  private applied = false;

  constructor(private readonly deps: OpenWrtDeps) {
    this.ubus = new UbusClient({
      http: deps.http,
      url: deps.url ?? `http://${deps.host}/ubus`,
      ...(deps.tls ? { tls: { transport: deps.tls.transport, pins: deps.tls.pins, host: deps.host, port: deps.tls.port ?? 443 } } : {}),
    });
  }

  private get username(): string {
    return this.deps.username ?? 'root';
  }

  /** Without login: answers when `/ubus` speaks rpcd's JSON-RPC (a `session access` on the null session). */
  async identify(): Promise<{ vendor: string; model: string | null; firmware: string | null } | null> {
    try {
      const r = await this.ubus.rawCall('00000000000000000000000000000000', 'session', 'access', {});
      return r.status >= 0 ? { vendor: 'OpenWrt', model: null, firmware: null } : null;
    } catch (err) {
      if (err instanceof UbusCallError) return { vendor: 'OpenWrt', model: null, firmware: null };
      // A different certificate than the pinned one is never "no OpenWrt": it is reported.
      if (err instanceof RouterError && err.kind === 'tls-certificate-changed') throw err;
      return null;
    }
  }

  private async login(): Promise<void> {
    if (this.ubus.loggedIn) return;
    const password = await this.deps.secrets.get(ROUTER_ADMIN_ACCOUNT);
    if (password === null) throw new RouterError('credentials-missing', msg('openwrt.credentials-missing', { account: ROUTER_ADMIN_ACCOUNT }));
    this.password = password;
    try {
      await this.ubus.login(this.username, password, () => this.deps.guard?.take(this.deps.host));
    } catch (err) {
      if (err instanceof RouterError && err.kind === 'auth-failed' && err.detail.code === 'openwrt.login-refused') this.deps.guard?.fail(this.deps.host);
      throw err;
    }
  }

  private async getConfig(config: string, optional: boolean): Promise<UciSection[] | null> {
    const r = await this.ubus.call('uci', 'get', { config }, optional ? [UbusStatus.OK, UbusStatus.NOT_FOUND] : [UbusStatus.OK]);
    if (r.status === UbusStatus.NOT_FOUND) return null;
    return sectionsOf(r.data);
  }

  private async readConfigs(): Promise<Configs> {
    await this.login();
    const cfg: Configs = {
      wireless: (await this.getConfig('wireless', false))!,
      network: (await this.getConfig('network', false))!,
      firewall: (await this.getConfig('firewall', false))!,
      dhcp: await this.getConfig('dhcp', true),
      uhttpd: await this.getConfig('uhttpd', true),
      dropbear: await this.getConfig('dropbear', true),
      upnpd: await this.getConfig('upnpd', true),
    };
    this.cfg = cfg;
    return cfg;
  }

  private wifiOf(cfg: Configs): RouterWifiNetwork[] {
    return cfg.wireless
      .filter((s) => s.type === 'wifi-iface')
      .map((s) => {
        const role = roleOfIface(s, cfg.network, cfg.firewall);
        return {
          id: `wireless.${s.name}`,
          ssid: str(s, 'ssid') ?? '',
          enabled: ifaceEnabled(s, cfg.wireless),
          role: role.role,
          roleReason: msg(`openwrt.role.${role.why}`, { network: list(s, 'network')[0] ?? null }),
          encryption: encryptionOf(str(s, 'encryption')),
          possibleEncryptions: ['open', 'wpa2', 'wpa2-wpa3', 'wpa3'],
          isolated: role.role === 'guest' ? str(s, 'isolate') === '1' : null,
          source: src(`uci get wireless.${s.name}`),
        };
      });
  }

  async readStatus(): Promise<RouterStatus> {
    const cfg = await this.readConfigs();
    const boardReply = await this.ubus.call('system', 'board', {}, [UbusStatus.OK, UbusStatus.PERMISSION_DENIED]).catch((err: unknown) => {
      if (err instanceof UbusCallError && err.accessDenied) return null;
      throw err;
    });
    const board = z
      .object({ model: z.string().max(200).optional(), release: z.object({ distribution: z.string().max(100), version: z.string().max(100), revision: z.string().max(100).optional() }) })
      .safeParse(boardReply && boardReply.status === 0 ? boardReply.data : null);

    const ifaces = cfg.wireless.filter((s) => s.type === 'wifi-iface');
    const wpsIds = ifaces.filter((s) => wpsOn(s) && ifaceEnabled(s, cfg.wireless)).map((s) => `wireless.${s.name}`);
    const remote = remoteAdminOpenings(cfg.firewall, cfg.uhttpd, cfg.dropbear);
    const upnpSection = cfg.upnpd?.find((s) => s.type === 'upnpd');

    return {
      identity: board.success
        ? { known: true, value: { vendor: board.data.release.distribution, model: board.data.model ?? null }, source: src('system board') }
        : unknown(msg('openwrt.board-unreadable', {})),
      wifi: { known: true, value: this.wifiOf(cfg), source: src('uci get wireless') },
      wps: { known: true, value: { enabled: wpsIds.length > 0, networkIds: wpsIds }, source: src('uci get wireless (wps_pushbutton)') },
      firmware: board.success
        ? {
            known: true,
            // OpenWrt installs no update by itself (sysupgrade / attended sysupgrade are started by hand).
            value: { version: `${board.data.release.version}${board.data.release.revision ? ` ${board.data.release.revision}` : ''}`, updateAvailable: null, autoUpdate: 'off' },
            source: src('system board'),
          }
        : unknown(msg('openwrt.board-unreadable', {})),
      remoteAdmin: { known: true, value: { enabled: remote.sections.length > 0 || remote.zoneInputOpen !== null }, source: src('uci get firewall') },
      upnp: cfg.upnpd === null
        ? { known: true, value: { enabled: false, portMappings: null }, source: src('uci get upnpd (not installed)') }
        : upnpSection
          ? { known: true, value: { enabled: str(upnpSection, 'enabled') === '1', portMappings: null }, source: src(`uci get upnpd.${upnpSection.name}`) }
          : unknown(msg('openwrt.upnp-unreadable', {})),
      adminPasswordDefault: await this.adminDefault(),
    };
  }

  /**
   * rpcd accepts any password for root while root has none (a fresh OpenWrt). So: the owner's
   * empty password logging in proves it; otherwise one login with a random password nobody knows
   * (counted in the attempt ledger) tells: accepted = no root password.
   */
  private async adminDefault(): Promise<RouterStatus['adminPasswordDefault']> {
    if (this.password === '') return { known: true, value: { isDefault: true }, source: src('session login (empty password accepted)') };
    try {
      this.deps.guard?.take(this.deps.host);
    } catch {
      return unknown(msg('openwrt.no-attempt-left', {}));
    }
    const accepted = await this.ubus.loginAccepted(this.username, randomBytes(18).toString('base64url'));
    return { known: true, value: { isDefault: accepted }, source: src('session login (random password test)') };
  }

  async plan(desired: DesiredState, status?: RouterStatus): Promise<RouterPlan> {
    // The plan is made from the router's configuration itself (read fresh unless a status was just read).
    const cfg = status && this.cfg ? this.cfg : await this.readConfigs();
    return this.planFrom(cfg, desired, this.deps.linkSsid ? await this.deps.linkSsid() : null);
  }

  /** The plan and the UCI operations of each change (the operations stay inside the adapter). */
  private planFrom(cfg: Configs, desired: DesiredState, link: string | null = null): RouterPlan & { ops: Map<string, Op[]> } {
    const changes: PlannedChange[] = [];
    const notes: Message[] = [];
    const ops = new Map<string, Op[]>();
    const add = (key: string, message: Message, o: Op[], cutsLink = false, refused: Message | null = null) => {
      changes.push({ key, message, cutsLink, refused });
      if (!refused) ops.set(key, o);
    };
    const ifaces = cfg.wireless.filter((s) => s.type === 'wifi-iface');
    const wifi = this.wifiOf(cfg);

    if (desired.homeWifi) {
      const want = desired.homeWifi.encryption;
      const { encryption, ieee80211w } = uciEncryption(want);
      for (const s of ifaces) {
        const w = wifi.find((x) => x.id === `wireless.${s.name}`)!;
        if (w.role !== 'home') continue;
        // Changing the mode or passphrase may drop this computer's Wi-Fi (cutsLink); OpenWrt undoes
        // the change by itself when the confirm cannot arrive, so it is not refused here.
        const cuts = link !== null && link === w.ssid;
        const o: Op[] = [];
        if (str(s, 'encryption') !== encryption) o.push({ kind: 'set', config: 'wireless', section: s.name, option: 'encryption', value: encryption });
        if (str(s, 'ieee80211w') !== ieee80211w) o.push({ kind: 'set', config: 'wireless', section: s.name, option: 'ieee80211w', value: ieee80211w });
        if (o.length) add(`home-wifi.encryption:${w.id}`, msg('openwrt.change.home-wifi', { ssid: w.ssid, from: encryptionWords(w.encryption), to: encryptionWords(want) }), o, cuts);
        if (desired.homeWifi.passphrase)
          add(`home-wifi.passphrase:${w.id}`, msg('openwrt.change.home-wifi-passphrase', { ssid: w.ssid }), [{ kind: 'set', config: 'wireless', section: s.name, option: 'key', value: null, secret: desired.homeWifi.passphrase.account }], cuts);
      }
      if (!wifi.some((w) => w.role === 'home')) notes.push(msg('openwrt.note.no-home-wifi', {}));
    }

    if (desired.iotWifi) this.planGuest(cfg, desired.iotWifi, wifi, add, notes);

    if (desired.wpsOff) {
      const o: Op[] = ifaces.filter(wpsOn).flatMap((s) => [
        ...(str(s, 'wps_pushbutton') !== undefined ? [{ kind: 'set' as const, config: 'wireless', section: s.name, option: 'wps_pushbutton', value: '0' }] : []),
        ...(str(s, 'wps_label') !== undefined ? [{ kind: 'set' as const, config: 'wireless', section: s.name, option: 'wps_label', value: '0' }] : []),
      ]);
      if (o.length) add('wps', msg('openwrt.change.wps-off', { count: ifaces.filter(wpsOn).length }), o);
    }

    if (desired.remoteAdminOff) {
      const r = remoteAdminOpenings(cfg.firewall, cfg.uhttpd, cfg.dropbear);
      const o: Op[] = r.sections.map((section) => ({ kind: 'set', config: 'firewall', section, option: 'enabled', value: '0' }));
      if (r.zoneInputOpen) o.push({ kind: 'set', config: 'firewall', section: r.zoneInputOpen, option: 'input', value: 'REJECT' });
      if (o.length) {
        const names = r.sections.map((s) => str(cfg.firewall.find((x) => x.name === s), 'name') ?? s);
        add('remote-admin', msg('openwrt.change.remote-admin-off', { rules: names.join(', '), count: o.length }), o);
      }
    }

    if (desired.upnpOff && cfg.upnpd) {
      const s = cfg.upnpd.find((x) => x.type === 'upnpd');
      if (s && str(s, 'enabled') === '1') add('upnp', msg('openwrt.change.upnp-off', {}), [{ kind: 'set', config: 'upnpd', section: s.name, option: 'enabled', value: '0' }]);
    }

    // The root password is not UCI: set through LuCI's rpcd plugin, outside the rollback; checked
    // by logging in with the new one and put back by Porchlight itself when that fails.
    if (desired.adminPassword) add('admin-password', msg('openwrt.change.admin-password', {}), []);

    return { changes, notes, ops };
  }

  private planGuest(
    cfg: Configs,
    want: NonNullable<DesiredState['iotWifi']>,
    wifi: RouterWifiNetwork[],
    add: (key: string, message: Message, o: Op[], cutsLink?: boolean, refused?: Message | null) => void,
    notes: Message[],
  ): void {
    const { encryption, ieee80211w } = uciEncryption(want.encryption);
    const guest = wifi.find((w) => w.role === 'guest');
    if (guest) {
      const name = guest.id.replace(/^wireless\./, '');
      const s = cfg.wireless.find((x) => x.name === name)!;
      const o: Op[] = [];
      if (str(s, 'encryption') !== encryption) o.push({ kind: 'set', config: 'wireless', section: name, option: 'encryption', value: encryption });
      if (str(s, 'ieee80211w') !== ieee80211w) o.push({ kind: 'set', config: 'wireless', section: name, option: 'ieee80211w', value: ieee80211w });
      if (str(s, 'isolate') !== '1') o.push({ kind: 'set', config: 'wireless', section: name, option: 'isolate', value: '1' });
      if (str(s, 'disabled') === '1') o.push({ kind: 'set', config: 'wireless', section: name, option: 'disabled', value: null });
      o.push({ kind: 'set', config: 'wireless', section: name, option: 'key', value: null, secret: want.passphrase.account });
      add(`iot-wifi:${guest.id}`, msg('openwrt.change.iot-wifi-secure', { ssid: guest.ssid, to: encryptionWords(want.encryption) }), o);
      return;
    }
    // A half-built guest network (sections named "guest" that do not make an isolated network) is
    // the owner's: Porchlight cannot tell what it is for, says so, and changes nothing there.
    const clash =
      cfg.network.some((s) => s.name === 'guest') ||
      cfg.wireless.some((s) => s.name === 'guest') ||
      cfg.firewall.some((s) => s.type === 'zone' && str(s, 'name') === 'guest') ||
      (cfg.dhcp ?? []).some((s) => s.name === 'guest');
    if (clash) {
      add('iot-wifi:wireless.guest', msg('openwrt.change.iot-wifi-create', { ssid: want.ssid, subnet: '' }), [], false, msg('openwrt.refused.guest-ambiguous', {}));
      return;
    }
    if (!cfg.dhcp) {
      add('iot-wifi:wireless.guest', msg('openwrt.change.iot-wifi-create', { ssid: want.ssid, subnet: '' }), [], false, msg('openwrt.refused.no-dhcp', {}));
      return;
    }
    const used = new Set(cfg.network.filter((s) => s.type === 'interface').map((s) => str(s, 'ipaddr')?.split('.').slice(0, 3).join('.')));
    let third = 2;
    while (used.has(`192.168.${third}`) && third < 254) third += 1;
    const subnet = `192.168.${third}.0/24`;
    const home = cfg.wireless.find((s) => s.type === 'wifi-iface' && list(s, 'network').includes('lan'));
    const device = str(home, 'device') ?? cfg.wireless.find((s) => s.type === 'wifi-device')?.name;
    if (!device) {
      add('iot-wifi:wireless.guest', msg('openwrt.change.iot-wifi-create', { ssid: want.ssid, subnet }), [], false, msg('openwrt.refused.no-radio', {}));
      return;
    }
    const o: Op[] = [
      { kind: 'add', config: 'network', section: 'guest', type: 'interface', values: { proto: 'static', ipaddr: `192.168.${third}.1`, netmask: '255.255.255.0' } },
      {
        kind: 'add', config: 'wireless', section: 'guest', type: 'wifi-iface',
        values: { device, mode: 'ap', network: 'guest', ssid: want.ssid, encryption, ieee80211w, isolate: '1' },
        secret: { option: 'key', account: want.passphrase.account },
      },
      { kind: 'add', config: 'dhcp', section: 'guest', type: 'dhcp', values: { interface: 'guest', start: '100', limit: '150', leasetime: '1h' } },
      { kind: 'add', config: 'firewall', section: 'guest_zone', type: 'zone', values: { name: 'guest', network: ['guest'], input: 'REJECT', output: 'ACCEPT', forward: 'REJECT' } },
      { kind: 'add', config: 'firewall', section: 'guest_wan', type: 'forwarding', values: { src: 'guest', dest: 'wan' } },
      { kind: 'add', config: 'firewall', section: 'guest_dhcp', type: 'rule', values: { name: 'Allow-Guest-DHCP', src: 'guest', proto: 'udp', dest_port: '67-68', target: 'ACCEPT' } },
      { kind: 'add', config: 'firewall', section: 'guest_dns', type: 'rule', values: { name: 'Allow-Guest-DNS', src: 'guest', proto: ['tcp', 'udp'], dest_port: '53', target: 'ACCEPT' } },
    ];
    add('iot-wifi:wireless.guest', msg('openwrt.change.iot-wifi-create', { ssid: want.ssid, subnet }), o);
    notes.push(msg('openwrt.note.guest-radio', { radio: device }));
  }

  /** Checks the pending-apply record of an earlier run; resolves it (rolls back if still pending) and says what happened. */
  async interruptedApply(): Promise<InterruptedApply | null> {
    const doc = this.deps.pending.read();
    const p = doc.pending;
    if (!p || p.router !== this.deps.host) return null;
    await this.login();
    // Never confirm a change whose proof never ran: roll it back now if the router still waits.
    const rb = await this.ubus.call('uci', 'rollback', {}, [UbusStatus.OK, UbusStatus.NO_DATA]);
    const cfg = await this.readConfigs();
    const all: Record<string, UciSection[] | null> = { ...cfg };
    const back = p.previous.every((e) => {
      const sec = all[e.config]?.find((s) => s.name === e.section);
      if (e.option === '.section') return e.value === null ? !sec : !!sec;
      const v = sec?.options[e.option];
      if (e.value === null) return v === undefined;
      return JSON.stringify(v) === JSON.stringify(e.value);
    });
    this.deps.pending.write(NO_PENDING_APPLY);
    const outcome = back ? 'rolled-back' : 'not-rolled-back';
    return {
      startedAt: p.startedAt,
      keys: p.keys,
      outcome,
      rolledBackNow: rb.status === UbusStatus.OK,
      message: back
        ? msg('openwrt.interrupted.rolled-back', { startedAt: p.startedAt, changes: p.keys.length })
        : msg('openwrt.interrupted.not-rolled-back', { startedAt: p.startedAt, changes: p.keys.length }),
    };
  }

  async apply(plan: RouterPlan, desired: DesiredState): Promise<ApplyResult> {
    const earlier = await this.interruptedApply();
    void earlier;
    const cfg = await this.readConfigs();
    const fresh = this.planFrom(cfg, desired);
    const wanted = new Set(plan.changes.filter((c) => !c.refused).map((c) => c.key));
    const skipped = plan.changes.filter((c) => c.refused).map((c) => ({ key: c.key, reason: c.refused! }));
    const keys = [...fresh.ops.keys()].filter((k) => wanted.has(k) && k !== 'admin-password');
    const changePassword = wanted.has('admin-password') && fresh.ops.has('admin-password') && desired.adminPassword !== undefined;
    for (const k of wanted) if (!fresh.ops.has(k)) skipped.push({ key: k, reason: msg('openwrt.skipped.already-done', {}) });

    const all: Record<string, UciSection[] | null> = { ...cfg };
    const previous: PreviousValues = { router: this.deps.host, takenAt: this.deps.clock.now().toISOString(), entries: [] };
    const recorded: NonNullable<PendingApplyDoc['pending']>['previous'] = [];
    const stamp = this.deps.clock.now().getTime();
    for (const key of keys)
      for (const op of fresh.ops.get(key)!) {
        const sec = all[op.config]?.find((s) => s.name === op.section);
        if (op.kind === 'add') {
          previous.entries.push({ key, value: { config: op.config, section: op.section, created: true } });
          recorded.push({ config: op.config, section: op.section, option: '.section', value: null });
          continue;
        }
        const old = sec?.options[op.option];
        if (op.secret) {
          // The old secret goes to the keychain, never into the record.
          let account: string | null = null;
          if (typeof old === 'string') {
            account = `router/openwrt/${op.section}/previous-${op.option}/${stamp}`;
            await this.deps.secrets.set(account, old);
            // A replaced Wi-Fi passphrase is kept as the previous one (`wifi/<name>/previous`) until the owner discards it.
            if (op.option === 'key' && op.secret.startsWith('wifi/') && old !== (await this.deps.secrets.get(op.secret))) await this.deps.secrets.set(`${op.secret}/previous`, old);
          }
          previous.entries.push({ key, value: { config: op.config, section: op.section, option: op.option, secretAccount: account } });
          continue;
        }
        previous.entries.push({ key, value: { config: op.config, section: op.section, option: op.option, value: old === undefined ? null : Array.isArray(old) ? joinList(old) : old, list: Array.isArray(old) } });
        recorded.push({ config: op.config, section: op.section, option: op.option, value: old === undefined ? null : old });
      }

    if (keys.length === 0 && !changePassword) return { applied: [], skipped, previous };
    if (keys.length === 0) {
      await this.changeAdminPassword(desired.adminPassword!.next.account, previous, stamp);
      return { applied: ['admin-password'], skipped, previous };
    }

    const touched = new Set<string>();
    try {
      for (const key of keys)
        for (const op of fresh.ops.get(key)!) {
          touched.add(op.config);
          await this.stageOp(op);
        }
    } catch (err) {
      for (const c of touched) await this.ubus.call('uci', 'revert', { config: c }, [UbusStatus.OK, UbusStatus.NOT_FOUND]).catch(() => undefined);
      throw err;
    }
    const timeout = this.deps.applyTimeoutSeconds ?? 60;
    this.deps.pending.write({
      schemaVersion: 1,
      pending: { router: this.deps.host, startedAt: previous.takenAt, timeoutSeconds: timeout, keys, previous: recorded },
    });
    try {
      await this.ubus.call('uci', 'apply', { rollback: true, timeout });
    } catch (err) {
      for (const c of touched) await this.ubus.call('uci', 'revert', { config: c }, [UbusStatus.OK, UbusStatus.NOT_FOUND, UbusStatus.PERMISSION_DENIED]).catch(() => undefined);
      this.deps.pending.write(NO_PENDING_APPLY);
      throw err;
    }
    this.applied = true;
    if (changePassword) {
      try {
        await this.changeAdminPassword(desired.adminPassword!.next.account, previous, stamp);
      } catch (err) {
        // Nothing of this apply may stay: the router's own rollback takes the UCI part back now.
        await this.ubus.call('uci', 'rollback', {}, [UbusStatus.OK, UbusStatus.NO_DATA]).catch(() => undefined);
        this.applied = false;
        this.deps.pending.write(NO_PENDING_APPLY);
        throw err;
      }
      return { applied: [...keys, 'admin-password'], skipped, previous };
    }
    return { applied: keys, skipped, previous };
  }

  /**
   * Sets root's new password (LuCI's `luci setPassword`), then logs in with it (one attempt through
   * the guard); only an accepted login counts. A refused one puts the old password back at once.
   * The old password is kept in the keychain for restore(); the owner's accounts (`router/admin`
   * and the new one) are left to the caller, who sets the old one aside once the proof passed.
   */
  private async changeAdminPassword(nextAccount: string, previous: PreviousValues, stamp: number): Promise<void> {
    const next = await this.deps.secrets.get(nextAccount);
    if (!next) throw new RouterError('credentials-missing', msg('openwrt.secret-missing', { account: nextAccount }));
    const old = this.password ?? '';
    const keep = `router/openwrt/admin/previous/${stamp}`;
    await this.deps.secrets.set(keep, old);
    previous.entries.push({ key: 'admin-password', value: { config: '.password', section: this.username, secretAccount: keep } });
    const set = async (password: string) => {
      const r = await this.ubus.call('luci', 'setPassword', { username: this.username, password });
      if (!z.object({ result: z.literal(true) }).safeParse(r.data).success) throw new RouterError('unsupported', msg('openwrt.password-not-set', {}));
    };
    try {
      await set(next);
    } catch (err) {
      if (err instanceof UbusCallError) throw new RouterError('unsupported', msg('openwrt.password-not-set', {}));
      throw err;
    }
    let accepted = false;
    try {
      this.deps.guard?.take(this.deps.host);
      accepted = await this.ubus.loginAccepted(this.username, next);
    } catch {
      accepted = false;
    }
    if (!accepted) {
      const restored = await set(old).then(() => true, () => false);
      throw new RouterError('auth-failed', restored ? msg('openwrt.password-new-refused', {}) : msg('router-api.error.new-password-rejected-not-restored', {}));
    }
  }

  private async stageOp(op: Op): Promise<void> {
    if (op.kind === 'add') {
      const values: Record<string, string | string[]> = { ...op.values };
      if (op.secret) {
        const secret = await this.deps.secrets.get(op.secret.account);
        if (!secret) throw new RouterError('credentials-missing', msg('openwrt.secret-missing', { account: op.secret.account }));
        values[op.secret.option] = secret;
      }
      await this.ubus.call('uci', 'add', { config: op.config, type: op.type, name: op.section, values });
      return;
    }
    let value: string | string[] | null = op.value;
    if (op.secret) {
      value = await this.deps.secrets.get(op.secret);
      if (!value) throw new RouterError('credentials-missing', msg('openwrt.secret-missing', { account: op.secret }));
    }
    if (value === null) await this.ubus.call('uci', 'delete', { config: op.config, section: op.section, option: op.option }, [UbusStatus.OK, UbusStatus.NOT_FOUND]);
    else await this.ubus.call('uci', 'set', { config: op.config, section: op.section, values: { [op.option]: value } });
  }

  /** `uci confirm` after the proof passed: the router keeps the change. Refused when the router already rolled back. */
  async confirm(): Promise<void> {
    if (!this.applied) return;
    await this.login();
    const r = await this.ubus.call('uci', 'confirm', {}, [UbusStatus.OK, UbusStatus.NO_DATA]);
    this.applied = false;
    this.deps.pending.write(NO_PENDING_APPLY);
    if (r.status === UbusStatus.NO_DATA) throw new RouterError('unsupported', msg('openwrt.confirm-too-late', {}));
  }

  /**
   * Puts the previous values back: first the router's own rollback when the apply still waits for
   * its confirm, then Porchlight's own record (set, commit) for anything still different; checked
   * by reading the configuration back.
   */
  async restore(previous: PreviousValues): Promise<void> {
    await this.login();
    await this.ubus.call('uci', 'rollback', {}, [UbusStatus.OK, UbusStatus.NO_DATA]);
    this.applied = false;
    const pw = previous.entries.find((e) => e.key === 'admin-password');
    if (pw) {
      const account = PreviousEntryValue.parse(pw.value).secretAccount;
      const old = account ? await this.deps.secrets.get(account) : null;
      if (old === null) throw new RouterError('credentials-missing', msg('openwrt.secret-missing', { account: account ?? '' }));
      const r = await this.ubus.call('luci', 'setPassword', { username: this.username, password: old });
      if (!z.object({ result: z.literal(true) }).safeParse(r.data).success) throw new RouterError('unsupported', msg('openwrt.restore-failed', { count: 1 }));
    }
    const entries = previous.entries.filter((e) => e.key !== 'admin-password').map((e) => PreviousEntryValue.parse(e.value));
    const mismatch = async (): Promise<typeof entries> => {
      const cfg = await this.readConfigs();
      const all: Record<string, UciSection[] | null> = { ...cfg };
      const out: typeof entries = [];
      for (const e of entries) {
        const sec = all[e.config]?.find((s) => s.name === e.section);
        if (e.created) {
          if (sec) out.push(e);
          continue;
        }
        const cur = sec?.options[e.option!];
        if (e.secretAccount !== undefined) {
          const old = e.secretAccount ? await this.deps.secrets.get(e.secretAccount) : null;
          if ((old ?? undefined) !== cur) out.push(e);
          continue;
        }
        const want = e.value === null || e.value === undefined ? undefined : e.list ? (JSON.parse(e.value) as string[]) : e.value;
        if (JSON.stringify(cur) !== JSON.stringify(want)) out.push(e);
      }
      return out;
    };
    const left = await mismatch();
    if (left.length) {
      const configs = new Set<string>();
      for (const e of left) {
        configs.add(e.config);
        if (e.created) {
          await this.ubus.call('uci', 'delete', { config: e.config, section: e.section }, [UbusStatus.OK, UbusStatus.NOT_FOUND]);
          continue;
        }
        let value: string | string[] | null;
        if (e.secretAccount !== undefined) value = e.secretAccount ? await this.deps.secrets.get(e.secretAccount) : null;
        else value = e.value === null || e.value === undefined ? null : e.list ? (JSON.parse(e.value) as string[]) : e.value;
        if (value === null) await this.ubus.call('uci', 'delete', { config: e.config, section: e.section, option: e.option }, [UbusStatus.OK, UbusStatus.NOT_FOUND]);
        else await this.ubus.call('uci', 'set', { config: e.config, section: e.section, values: { [e.option!]: value } });
      }
      for (const c of configs) await this.ubus.call('uci', 'commit', { config: c });
      if ((await mismatch()).length) throw new RouterError('unsupported', msg('openwrt.restore-failed', { count: left.length }));
    }
    this.deps.pending.write(NO_PENDING_APPLY);
  }

  /** Ends the router session. */
  async close(): Promise<void> {
    await this.ubus.logout();
  }
}
