/**
 * `porchlight wifi scan|status` starts the operating system's scan first: main/cli.ts calls
 * `startEarlyReading`, so nmcli (or netsh, system_profiler) runs on its own while Node loads the
 * rest of the command, instead of after it. A command line that started a scan is a valid
 * `wifi scan|status`, so main/cli.ts runs the Wi-Fi command directly (`runWifi`, the same error
 * handling as the dispatcher's) with the scanner that holds that reading, without loading the
 * table of every command. Anything else (a typo, `--help`, an unknown flag) starts nothing and goes
 * through the dispatcher, which reports it as before.
 */
import type { WifiScanner } from '../core/ports.js';
import { NodeWifiScanner } from '../adapters/wifi/node-wifi-scanner.js';
import { parseArgs, wifiCommand } from './wifi.js';
import { runCommand, type CliIo } from './dispatch.js';

type Make = (iface: string | null) => WifiScanner;

const makeNodeWifi: Make = (iface) => new NodeWifiScanner({ iface });

/**
 * Starts the reading `porchlight wifi <args>` is about to ask for and returns the scanner the
 * command should use: its first reading of that kind is the one under way (taken once); any other
 * call asks the OS again. Null, with nothing started, when the command would refuse the arguments.
 */
export function startEarlyReading(args: string[], make: Make = makeNodeWifi): WifiScanner | null {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args);
  } catch {
    return null;
  }
  const scanner = make(parsed.iface);
  const reading: Promise<unknown> = parsed.sub === 'scan' ? scanner.scan() : scanner.current();
  // The port's readings never reject (a failure is an `unknown` reading); this is a last guard so a
  // reading nobody takes can never become an unhandled rejection (the taker still sees the rejection).
  reading.catch(() => undefined);
  let taken = false;
  const take = <T>(kind: 'scan' | 'status', ask: () => Promise<T>): Promise<T> => {
    if (taken || kind !== parsed.sub) return ask();
    taken = true;
    return reading as Promise<T>;
  };
  return {
    scan: () => take('scan', () => scanner.scan()),
    current: () => take('status', () => scanner.current()),
  };
}

/** Runs `porchlight wifi <args>` as the dispatcher would, with the scanner `startEarlyReading` returned for them. */
export function runWifi(args: string[], io: CliIo, scanner: WifiScanner): Promise<number> {
  return runCommand(wifiCommand(() => scanner), args, io);
}
