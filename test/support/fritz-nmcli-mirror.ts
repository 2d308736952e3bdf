/**
 * What a Wi-Fi scan would see next to the FRITZ!Box simulator: its enabled networks, each with the
 * RSN/WPA flags NetworkManager reports for the simulator's CURRENT beacon type. The e2e and the
 * router-automation integration test keep the fake nmcli's state file in step with the simulator,
 * so the rescan that proves a router change sees the change only when the simulator really made it.
 */
import type { FritzSimulator } from '../lab/fritzbox/simulator.js';
import { ap, type FakeNmcliState, type SecurityPreset } from '../lab/fake-nmcli/state.js';

/** TR-064 beacon type → the fake nmcli preset of the same security (unknown types read as open: the scan then fails any proof). */
const PRESET: Record<string, SecurityPreset> = { none: 'open', basic: 'wep', wpa: 'wpa', wpaand11i: 'wpa-mixed', '11i': 'wpa2', '11iandwpa3': 'wpa2-wpa3', wpa3: 'wpa3' };

/**
 * The fake nmcli state for the simulator as it is now. `connectedTo`: the Wi-Fi this computer has
 * joined (null: none); `wired`: an Ethernet link is up as well.
 */
export function nmcliStateOf(sim: FritzSimulator, opts: { connectedTo: string | null; wired: boolean }): FakeNmcliState {
  const devices: NonNullable<FakeNmcliState['devices']> = [];
  if (opts.wired) devices.push({ device: 'enp3s0', type: 'ethernet', state: 'connected', connection: 'Wired connection 1' });
  devices.push(opts.connectedTo ? { device: 'wlp2s0', type: 'wifi', state: 'connected', connection: opts.connectedTo } : { device: 'wlp2s0', type: 'wifi', state: 'disconnected' });
  devices.push({ device: 'lo', type: 'loopback', state: 'unmanaged' });
  const accessPoints = sim.state.wlans
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => w.enabled)
    .map(({ w, i }) =>
      ap(w.ssid, PRESET[w.beaconType.toLowerCase()] ?? 'open', {
        bssid: `3C:A6:2F:11:22:${(0x30 + i).toString(16).toUpperCase()}`,
        ...(i % 2 === 0 ? { chan: 36, freq: 5180, signal: 84 } : { chan: 6, freq: 2437, signal: 71 }),
        active: opts.connectedTo === w.ssid && i === 0,
      }),
    );
  accessPoints.push(ap('Neighbour-2.4', 'wpa2', { bssid: 'B0:BE:76:00:00:01', chan: 11, freq: 2462, signal: 40 }));
  return { networkManager: 'running', devices, accessPoints };
}

/** Rewrites the fake's state whenever the simulator's Wi-Fi changes (every 100 ms); stop() ends it. */
export function mirrorFritzIntoNmcli(sim: FritzSimulator, fake: { write(s: FakeNmcliState): void }, opts: { connectedTo: string | null; wired: boolean }): { stop(): void } {
  let last = '';
  const tick = () => {
    const next = nmcliStateOf(sim, opts);
    const text = JSON.stringify(next);
    if (text !== last) {
      fake.write(next);
      last = text;
    }
  };
  tick();
  const timer = setInterval(tick, 100);
  return { stop: () => clearInterval(timer) };
}
