/**
 * `porchlight wifi scan|status` starts the OS scan before the command table loads
 * (main/cli/wifi-early.ts): exactly one scan per command, taken by the command, never started for a
 * command line the command would refuse.
 */
import { describe, expect, it } from 'vitest';
import { startEarlyReading } from '../../../main/cli/wifi-early.js';
import type { ScannedNetwork, WifiReading, WifiScanner } from '../../../main/core/ports.js';

const net = (ssid: string, active = false): ScannedNetwork =>
  ({ ssid, bssid: '02:00:00:00:00:01', security: 'wpa2', signal: 50, channel: 1, frequency: 2412, active }) as unknown as ScannedNetwork;

/** A scanner factory that records every scanner made and every reading asked for. */
function recorder(answers: ScannedNetwork[][] = [[net('first', true)], [net('second', true)]]) {
  const made: (string | null)[] = [];
  const asked: string[] = [];
  let n = 0;
  const make = (iface: string | null): WifiScanner => {
    made.push(iface);
    return {
      scan: async (): Promise<WifiReading<ScannedNetwork[]>> => {
        asked.push(`scan:${iface}`);
        return { kind: 'ok', value: answers[n++] ?? [], notes: [] };
      },
      current: async (): Promise<WifiReading<ScannedNetwork | null>> => {
        asked.push(`current:${iface}`);
        return { kind: 'ok', value: (answers[n++] ?? []).find((x) => x.active) ?? null, notes: [] };
      },
    };
  };
  return { make, made, asked };
}

describe('the Wi-Fi scan started before the command loads', () => {
  it('starts one scan at once, and the command takes that reading instead of scanning again', async () => {
    const r = recorder();
    const scanner = startEarlyReading(['scan', '--json'], r.make);
    expect(scanner).not.toBeNull();
    // Started synchronously: the OS tool is already running while the rest of the CLI loads.
    expect(r.asked).toEqual(['scan:null']);
    const reading = await scanner!.scan();
    expect(reading).toEqual({ kind: 'ok', value: [net('first', true)], notes: [] });
    expect(r.asked).toEqual(['scan:null']);
    // Taken once: a second reading asks the OS again.
    expect(await scanner!.scan()).toEqual({ kind: 'ok', value: [net('second', true)], notes: [] });
    expect(r.asked).toEqual(['scan:null', 'scan:null']);
  });

  it('status starts the current-connection reading, on the interface asked for', async () => {
    const r = recorder();
    const scanner = startEarlyReading(['status', '--interface', 'wlan0'], r.make);
    expect(r.made).toEqual(['wlan0']);
    expect(r.asked).toEqual(['current:wlan0']);
    const reading = await scanner!.current();
    expect(reading).toEqual({ kind: 'ok', value: net('first', true), notes: [] });
    expect(r.asked).toEqual(['current:wlan0']);
  });

  it('starts nothing for a command line the command refuses or does not scan for', () => {
    for (const args of [[], ['scna'], ['scan', '--bogus'], ['scan', '--interface'], ['--help'], ['scan', '--help'], ['status', 'extra']]) {
      const r = recorder();
      expect(startEarlyReading(args, r.make), args.join(' ')).toBeNull();
      expect(r.made, args.join(' ')).toEqual([]);
    }
  });

  it('a reading of the other kind is never the one started: it asks the OS', async () => {
    const r = recorder();
    const scanner = startEarlyReading(['scan'], r.make);
    await scanner!.current();
    expect(r.asked).toEqual(['scan:null', 'current:null']);
    // …and the scan started early is still the first scan taken.
    expect(await scanner!.scan()).toEqual({ kind: 'ok', value: [net('first', true)], notes: [] });
    expect(r.asked).toEqual(['scan:null', 'current:null']);
  });

  it('each start is its own reading: a second command never gets the first one\'s', async () => {
    const r = recorder();
    startEarlyReading(['scan'], r.make);
    const second = startEarlyReading(['scan'], r.make);
    expect(await second!.scan()).toEqual({ kind: 'ok', value: [net('second', true)], notes: [] });
    expect(r.asked).toEqual(['scan:null', 'scan:null']);
  });
});
