/** In-memory ports for the wifi step's unit tests. */
import { join } from 'node:path';
import type { Clock, Logger, ScannedNetwork, SecretStore, WifiReading, WifiScanner } from '../../../../main/core/ports.js';
import { DEFAULT_PROGRESS, DEFAULT_SETTINGS, type Progress, type Settings } from '../../../../main/core/store/documents.js';
import { loadCheckCatalog } from '../../../../main/core/checks/catalog.js';
import { CheckBoard } from '../../../../main/core/checks/check-board.js';
import { SecretService } from '../../../../main/core/secrets/secret-service.js';
import { WifiStep } from '../../../../main/core/wifi/wifi-step.js';
import { nmcliSecurityFacts } from '../../../../main/adapters/wifi/nmcli-terse.js';

export const RESOURCES = join(import.meta.dirname, '../../../../resources');

import { MemoryDocument as MemoryDoc } from '../../../support/fakes.js';

export { MemoryDoc };

export class MemorySecrets implements SecretStore {
  readonly map = new Map<string, string>();
  failing = false;
  async set(account: string, secret: string) {
    if (this.failing) throw Object.assign(new Error('The keychain is locked.'), { code: 'keychain-unavailable' });
    this.map.set(account, secret);
  }
  async get(account: string) {
    return this.map.get(account) ?? null;
  }
  async delete(account: string) {
    return this.map.delete(account);
  }
  async list() {
    return [...this.map.keys()];
  }
}

/** A logger that keeps every line, to prove no secret reaches it. */
export class RecordingLog implements Logger {
  readonly lines: string[] = [];
  info(m: string, d?: Record<string, unknown>) {
    this.lines.push(`${m} ${JSON.stringify(d ?? {})}`);
  }
  warn(m: string, d?: Record<string, unknown>) {
    this.info(m, d);
  }
  error(m: string, d?: Record<string, unknown>) {
    this.info(m, d);
  }
}

/** A clock that the fake sleep advances. */
export class StepClock implements Clock {
  t = Date.parse('2026-06-01T10:00:00Z');
  now() {
    return new Date(this.t);
  }
}

/** A scanner that answers a scripted sequence of readings (the last one repeats). */
export class ScriptedScanner implements WifiScanner {
  calls = 0;
  constructor(public readings: WifiReading<ScannedNetwork[]>[]) {}
  async scan() {
    const r = this.readings[Math.min(this.calls, this.readings.length - 1)]!;
    this.calls++;
    return r;
  }
  async current(): Promise<WifiReading<ScannedNetwork | null>> {
    const r = await this.scan();
    return r.kind === 'ok' ? { kind: 'ok', value: r.value.find((n) => n.active) ?? null, notes: r.notes } : r;
  }
}

const FLAGS = {
  wpa2: ['WPA2', 'pair_ccmp group_ccmp psk'],
  'wpa2-wpa3': ['WPA2 WPA3', 'pair_ccmp group_ccmp psk sae'],
  wpa3: ['WPA3', 'pair_ccmp group_ccmp sae'],
  wpa: ['WPA2', 'pair_tkip pair_ccmp group_tkip psk'],
} as const;

/** One access point of the given class, as nmcli would report it. */
export function apOf(ssid: string, cls: keyof typeof FLAGS, bssid = '3C:A6:2F:11:22:33', active = true): ScannedNetwork {
  const [sec, rsn] = FLAGS[cls];
  return { ssid, bssid, signal: 80, channel: 36, frequency: 5180, active, security: nmcliSecurityFacts(sec, '(none)', rsn) };
}

export const ok = (...n: ScannedNetwork[]): WifiReading<ScannedNetwork[]> => ({ kind: 'ok', value: n, notes: [] });

/** A WifiStep over in-memory stores, the real catalog and resources, and a scripted scanner. */
export function makeStep(scanner: WifiScanner | undefined) {
  const clock = new StepClock();
  const progress = new MemoryDoc<Progress>(DEFAULT_PROGRESS);
  const settings = new MemoryDoc<Settings>(DEFAULT_SETTINGS);
  const secretsStore = new MemorySecrets();
  const log = new RecordingLog();
  const checks = new CheckBoard(loadCheckCatalog(RESOURCES), progress, settings, clock);
  const secrets = new SecretService(secretsStore, log);
  const step = new WifiStep({
    scanner,
    secrets,
    checks,
    clock,
    log,
    resourcesDir: RESOURCES,
    verifyIntervalMs: 1000,
    sleep: async (ms) => {
      clock.t += ms;
    },
  });
  return { step, clock, progress, secretsStore, log, checks };
}
