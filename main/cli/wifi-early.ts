/**
 * `porchlight wifi scan|status` starts the operating system's scan first: main/cli.ts calls
 * `startEarlyReading`, so nmcli (or netsh, system_profiler) runs on its own while Node loads the
 * rest of the command, instead of after it; the command then takes that reading (`scannerFor`)
 * rather than asking a second time. A command line that started a scan is a valid `wifi scan|status`,
 * so main/cli.ts runs the Wi-Fi command directly (`runWifi`, the same error handling as the
 * dispatcher's) without loading the table of every command. Anything else (a typo, `--help`, an
 * unknown flag) starts nothing and goes through the dispatcher, which reports it as before.
 */
import type { ScannedNetwork, WifiReading, WifiScanner } from '../core/ports.js';
import { NodeWifiScanner } from '../adapters/wifi/node-wifi-scanner.js';
import { parseArgs, wifiCommand } from './wifi.js';
import { runCommand, type CliIo } from './dispatch.js';

type Sub = 'scan' | 'status';
type Make = (iface: string | null) => WifiScanner;

const makeNodeWifi: Make = (iface) => new NodeWifiScanner({ iface });

let started: { sub: Sub; iface: string | null; reading: Promise<WifiReading<ScannedNetwork[]> | WifiReading<ScannedNetwork | null>> } | null = null;

/** Starts the scan that `porchlight wifi <args>` is about to ask for; returns whether it did. */
export function startEarlyReading(args: string[], make: Make = makeNodeWifi): boolean {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args);
  } catch {
    return false;
  }
  const scanner = make(parsed.iface);
  const reading = parsed.sub === 'scan' ? scanner.scan() : scanner.current();
  // The port's readings never reject (a failure is an `unknown` reading); this is a last guard so a
  // scan nobody takes can never become an unhandled rejection (the taker still sees the rejection).
  reading.catch(() => undefined);
  started = { sub: parsed.sub, iface: parsed.iface, reading };
  return true;
}

/**
 * The scanner for `porchlight wifi <sub>` on `iface`: the first reading of the kind started early
 * is that reading (taken once); every other call asks the OS again.
 */
export function scannerFor(sub: Sub, iface: string | null, make: Make = makeNodeWifi): WifiScanner {
  const early = started;
  started = null;
  const fresh = make(iface);
  if (!early || early.sub !== sub || early.iface !== iface) return fresh;
  let taken = false;
  const take = <T>(kind: Sub, ask: () => Promise<T>): Promise<T> => {
    if (taken || kind !== early.sub) return ask();
    taken = true;
    return early.reading as Promise<T>;
  };
  return {
    scan: () => take('scan', () => fresh.scan()),
    current: () => take('status', () => fresh.current()),
  };
}

/** Runs `porchlight wifi <args>` as the dispatcher would, for a command line `startEarlyReading` accepted. */
export function runWifi(args: string[], io: CliIo): Promise<number> {
  return runCommand(wifiCommand(), args, io);
}
