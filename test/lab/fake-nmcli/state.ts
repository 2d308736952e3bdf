/**
 * Test-side helpers for the fake nmcli: the state file's shape, access-point presets for every
 * security class (flags exactly as NetworkManager reports them), and the env that puts the fake
 * first on PATH.
 */
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory holding the fake `nmcli` executable; put it first on PATH. */
export const FAKE_NMCLI_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface FakeAccessPoint {
  ssid: string;
  bssid: string;
  mode?: string;
  chan: number;
  freq: number;
  signal: number;
  privacy?: boolean;
  wpaFlags?: string[];
  rsnFlags?: string[];
  oweTransition?: boolean;
  active?: boolean;
}

export interface FakeNmcliState {
  networkManager?: 'running' | 'stopped';
  devices?: { device: string; type: string; state: string; connection?: string }[];
  accessPoints?: FakeAccessPoint[];
  /** Printed verbatim instead of the wifi list (malformed-output tests). */
  rawWifiList?: string | null;
  /** Busy-wait this long before answering (hung NetworkManager tests). */
  hangMs?: number;
}

/** Flags NetworkManager reports for an access point of each security class. */
export const SECURITY_PRESETS = {
  open: { privacy: false, wpaFlags: [], rsnFlags: [] },
  owe: { privacy: true, wpaFlags: [], rsnFlags: ['pair_ccmp', 'group_ccmp', 'owe'] },
  'owe-transition': { privacy: false, wpaFlags: [], rsnFlags: ['owe'] },
  wep: { privacy: true, wpaFlags: [], rsnFlags: [] },
  wpa: { privacy: true, wpaFlags: ['pair_tkip', 'group_tkip', 'psk'], rsnFlags: [] },
  'wpa-mixed': { privacy: true, wpaFlags: ['pair_tkip', 'pair_ccmp', 'group_tkip', 'psk'], rsnFlags: ['pair_tkip', 'pair_ccmp', 'group_tkip', 'psk'] },
  wpa2: { privacy: true, wpaFlags: [], rsnFlags: ['pair_ccmp', 'group_ccmp', 'psk'] },
  'wpa2-wpa3': { privacy: true, wpaFlags: [], rsnFlags: ['pair_ccmp', 'group_ccmp', 'psk', 'sae'] },
  wpa3: { privacy: true, wpaFlags: [], rsnFlags: ['pair_ccmp', 'group_ccmp', 'sae'] },
  'wpa2-enterprise': { privacy: true, wpaFlags: [], rsnFlags: ['pair_ccmp', 'group_ccmp', '802.1X'] },
  'wpa3-enterprise': { privacy: true, wpaFlags: [], rsnFlags: ['wpa-eap-suite-b-192'] },
} satisfies Record<string, Pick<FakeAccessPoint, 'privacy' | 'wpaFlags' | 'rsnFlags'>>;
export type SecurityPreset = keyof typeof SECURITY_PRESETS;

/** One access point with a preset's flags. */
export function ap(ssid: string, preset: SecurityPreset, extra: Partial<FakeAccessPoint> & { bssid: string }): FakeAccessPoint {
  return { ssid, chan: 36, freq: 5180, signal: 70, mode: 'Infra', ...SECURITY_PRESETS[preset], ...extra };
}

/** A home with one connected Wi-Fi adapter on `home` (with `preset` security) and a few neighbours. */
export function homeState(homeSsid: string, preset: SecurityPreset): FakeNmcliState {
  return {
    networkManager: 'running',
    devices: [
      { device: 'wlp2s0', type: 'wifi', state: 'connected', connection: homeSsid },
      { device: 'lo', type: 'loopback', state: 'unmanaged' },
    ],
    accessPoints: [
      ap(homeSsid, preset, { bssid: '3C:A6:2F:11:22:33', chan: 36, freq: 5180, signal: 84, active: true }),
      ap(homeSsid, preset, { bssid: '3C:A6:2F:11:22:34', chan: 6, freq: 2437, signal: 71 }),
      ap('Neighbour-2.4', 'wpa2', { bssid: 'B0:BE:76:00:00:01', chan: 11, freq: 2462, signal: 40 }),
    ],
  };
}

/** A fresh state file (and argv log) in a temp directory. */
export function createFakeNmcli(state: FakeNmcliState): { statePath: string; logPath: string; write(next: FakeNmcliState): void; calls(): { argv: string[]; lcAll: string | null }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-fake-nmcli-'));
  const statePath = join(dir, 'state.json');
  const logPath = join(dir, 'calls.jsonl');
  const write = (next: FakeNmcliState) => writeFileSync(statePath, JSON.stringify(next, null, 2));
  write(state);
  return {
    statePath,
    logPath,
    write,
    calls: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { argv: string[]; lcAll: string | null }) : []),
  };
}

/** The environment that makes the fake the `nmcli` found first on PATH. */
export function fakeNmcliEnv(fake: { statePath: string; logPath: string }, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, PATH: `${FAKE_NMCLI_DIR}${delimiter}${base.PATH ?? ''}`, PORCHLIGHT_FAKE_NMCLI_STATE: fake.statePath, PORCHLIGHT_FAKE_NMCLI_LOG: fake.logPath };
}
