import type { ScannedNetwork, WifiReading, WifiScanner } from '../../core/ports.js';
import type { Message } from '../../core/messages/index.js';
import { lightMsg } from '../../core/light-message.js';
import { loadNodeWifiLinuxScan, nodeWifiSettings } from './load-node-wifi.js';
import { parseNmcliDevices, type TerseParse } from './nmcli-terse.js';
// The Windows and macOS parsers load on those platforms only (a Linux scan starts faster without them).
const netsh = () => import('./netsh.js');
const systemProfiler = () => import('./system-profiler.js');
import { CommandError, runCommand, type CommandSpec } from './run-command.js';

export interface NodeWifiScannerOptions {
  platform?: NodeJS.Platform;
  /** Deadline per OS command. */
  timeoutMs?: number;
  /** Restrict nmcli to one interface (node-wifi's `iface`). */
  iface?: string | null;
  /** Runs netsh/system_profiler (replaceable in unit tests; Linux always goes through node-wifi). */
  run?: (spec: CommandSpec) => Promise<string>;
}

const unknown = (reason: Message): { kind: 'unknown'; reason: Message } => ({ kind: 'unknown', reason });
const firstLine = (s: string) => s.split('\n').map((l) => l.trim()).find(Boolean)?.slice(0, 200) ?? '';

/**
 * The WifiScanner port on node-wifi. Linux: node-wifi's own scan() with nmcli found on PATH (see
 * load-node-wifi.ts for the parts replaced and why). Windows and macOS: node-wifi's parsers for
 * netsh are positional (one BSSID per SSID, fixed line numbers) and its macOS scan needs the
 * `airport` tool that macOS 14.4 removed, so those platforms run netsh / system_profiler through
 * the same deadline-bounded runner with Porchlight's parsers. It only ever reads; it never joins
 * a network, so no passphrase can reach a child process's argv.
 */
export class NodeWifiScanner implements WifiScanner {
  private readonly platform: NodeJS.Platform;
  private readonly timeoutMs: number;
  private readonly iface: string | null;
  private readonly run: (spec: CommandSpec) => Promise<string>;

  constructor(opts: NodeWifiScannerOptions = {}) {
    this.platform = opts.platform ?? process.platform;
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.iface = opts.iface ?? null;
    this.run = opts.run ?? ((spec) => runCommand(spec, { timeoutMs: this.timeoutMs }));
  }

  async scan(): Promise<WifiReading<ScannedNetwork[]>> {
    try {
      if (this.platform === 'linux') return await this.scanLinux();
      if (this.platform === 'win32') return await this.scanWindows();
      if (this.platform === 'darwin') {
        const r = await this.readMac();
        if (r.kind === 'unknown') return r;
        return { kind: 'ok', value: r.value.networks, notes: r.notes };
      }
      return unknown(lightMsg('wifi.reading.unsupported-system', { system: this.platform }));
    } catch (err) {
      return unknown(this.explain(err));
    }
  }

  async current(): Promise<WifiReading<ScannedNetwork | null>> {
    try {
      if (this.platform === 'linux') {
        const r = await this.scanLinux();
        if (r.kind === 'unknown') return r;
        return { kind: 'ok', value: r.value.find((n) => n.active) ?? null, notes: r.notes };
      }
      if (this.platform === 'win32') {
        const { parseNetshInterfaces } = await netsh();
        const p = parseNetshInterfaces(await this.run({ cmd: 'netsh', args: ['wlan', 'show', 'interfaces'] }));
        return p.ok ? { kind: 'ok', value: p.network, notes: [] } : unknown(p.reason);
      }
      if (this.platform === 'darwin') {
        const r = await this.readMac();
        if (r.kind === 'unknown') return r;
        if (r.value.currentRedacted) return unknown((await systemProfiler()).macLocationAdvice(1, true));
        return { kind: 'ok', value: r.value.current, notes: r.notes };
      }
      return unknown(lightMsg('wifi.reading.unsupported-system', { system: this.platform }));
    } catch (err) {
      return unknown(this.explain(err));
    }
  }

  private async scanLinux(): Promise<WifiReading<ScannedNetwork[]>> {
    nodeWifiSettings.timeoutMs = this.timeoutMs;
    const wifi = loadNodeWifiLinuxScan();
    wifi.init({ iface: this.iface });
    const parsed = (await wifi.scan()) as TerseParse;
    const notes: Message[] = [];
    if (parsed.lines > 0 && parsed.networks.length === 0) return unknown(lightMsg('wifi.reading.nmcli-unreadable', { count: parsed.lines }));
    if (parsed.malformed > 0) notes.push(lightMsg('wifi.reading.nmcli-lines-skipped', { count: parsed.malformed }));
    if (parsed.networks.length === 0) {
      const why = await this.whyNoNetworks();
      if (why) return unknown(why);
      notes.push(lightMsg('wifi.reading.none-in-range'));
    }
    return { kind: 'ok', value: parsed.networks, notes };
  }

  /** An empty nmcli list means no adapter, a switched-off radio, or truly nothing in range: tell them apart. */
  private async whyNoNetworks(): Promise<Message | null> {
    const devices = parseNmcliDevices(await runCommand({ cmd: 'nmcli', args: ['--terse', '--fields', 'TYPE,STATE', 'device'] }, { timeoutMs: this.timeoutMs }));
    const wifi = devices.filter((d) => d.type === 'wifi');
    if (wifi.length === 0) return lightMsg('wifi.reading.linux-no-adapter');
    if (wifi.every((d) => d.state === 'unavailable')) return lightMsg('wifi.reading.linux-wifi-unavailable');
    if (wifi.every((d) => d.state === 'unmanaged')) return lightMsg('wifi.reading.linux-wifi-unmanaged');
    return null;
  }

  private async scanWindows(): Promise<WifiReading<ScannedNetwork[]>> {
    const { parseNetshInterfaces, parseNetshNetworks } = await netsh();
    const iface = parseNetshInterfaces(await this.run({ cmd: 'netsh', args: ['wlan', 'show', 'interfaces'] }));
    if (!iface.ok) return unknown(iface.reason);
    const cur = iface.network ? { bssid: iface.network.bssid, ssid: iface.network.ssid } : null;
    const p = parseNetshNetworks(await this.run({ cmd: 'netsh', args: ['wlan', 'show', 'networks', 'mode=bssid'] }), cur);
    if (!p.ok) return unknown(p.reason);
    return { kind: 'ok', value: p.networks, notes: p.networks.length === 0 ? [lightMsg('wifi.reading.none-in-range')] : [] };
  }

  private async readMac() {
    const { macLocationAdvice, parseSystemProfiler } = await systemProfiler();
    const p = parseSystemProfiler(await this.run({ cmd: '/usr/sbin/system_profiler', args: ['SPAirPortDataType', '-json'] }));
    if (!p.ok) return unknown(p.reason);
    // Only hidden names (no Location permission): say so with the steps instead of an empty list.
    const hidden = p.redacted + (p.currentRedacted ? 1 : 0);
    if (p.networks.length === 0 && hidden > 0) return unknown(macLocationAdvice(hidden, true));
    const notes = hidden > 0 ? [macLocationAdvice(hidden, false)] : [];
    return { kind: 'ok' as const, value: p, notes };
  }

  /** Why a command failed, as a message; what the tool itself printed travels as `said` (its own words, untranslated). */
  private explain(err: unknown): Message {
    const tool = this.platform === 'linux' ? 'nmcli' : this.platform === 'win32' ? 'netsh' : 'system_profiler';
    if (err instanceof CommandError) {
      if (err.kind === 'not-found') return this.platform === 'linux' ? lightMsg('wifi.reading.nmcli-missing') : lightMsg('wifi.reading.tool-missing', { tool });
      if (err.kind === 'timeout') return lightMsg('wifi.reading.tool-timeout', { tool, seconds: Math.round(this.timeoutMs / 1000) });
      const said = firstLine(err.stderr) || firstLine(err.stdout);
      if (/NetworkManager is not running/i.test(said)) return lightMsg('wifi.reading.network-manager-stopped');
      if (err.kind === 'spawn') return lightMsg('wifi.reading.tool-not-started', { tool });
      if (said) return lightMsg('wifi.reading.tool-failed-said', { tool, exitCode: err.exitCode, said });
      return lightMsg('wifi.reading.tool-failed', { tool, exitCode: err.exitCode });
    }
    return lightMsg('wifi.reading.scan-failed', { error: String((err as Error)?.message ?? err).slice(0, 1000) });
  }
}
