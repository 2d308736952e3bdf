#!/usr/bin/env node
/**
 * The `porchlight` command: the same core as the app, with no Electron. This entry stays tiny: it
 * turns on Node's on-disk compile cache for the short commands (so later runs skip parsing and compiling), keeps the
 * young generation small, then loads the dispatcher; each command imports what it needs when it
 * runs (scripts/build.mjs splits the bundle). `--version` alone loads nothing else at all; `wifi`
 * starts the OS scan before the rest loads.
 */
import module from 'node:module';

const argv = process.argv.slice(2);
const loadsCore = argv[0] === 'audit' || argv[0] === 'survey' || argv[0] === 'defaults';
// The compile cache saves the short commands most of their parse and compile time. The commands
// that load the core run for seconds, and the cache's code, deserialised whole, costs them ~4 MiB
// of peak memory (the audit's goal is ≤ 100 MB) for a few tens of milliseconds.
if (!loadsCore) module.enableCompileCache?.();
if (loadsCore) {
  // A short-lived command needs no large young generation: V8's default lets it grow to 16 MB per
  // semi-space before collecting, which is most of an audit's peak memory above Node's own; 4 MB
  // keeps the audit's young generation small without the many more collections a 1 MB young generation costs.
  // Only the commands that load the core allocate enough for it to matter; `node:v8` costs the
  // others (`--help`, `--version`, `wifi`) a few milliseconds of start-up.
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--max-semi-space-size=4');
  setFlagsFromString('--semi-space-growth-factor=1');
  // V8's optimising compiler keeps its own code and feedback for the hot functions (zod's parsers,
  // the report builder): ~10 MiB of an audit's peak for no measurable gain in a command that mostly
  // waits on the network (npm run bench: peak 105 → 94 MiB, wall time unchanged).
  setFlagsFromString('--no-opt');
}
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // The same answer as runCli's (main/cli/run.ts), without loading the command table.
  const { appVersion } = await import('./app-version.js');
  process.stdout.write(`${appVersion()}\n`);
} else {
  const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t) };
  // `wifi scan|status`: the OS scan starts first and runs while the command loads; a command line
  // that started it is a valid Wi-Fi command, run without the command table (main/cli/wifi-early.ts).
  const wifi = argv[0] === 'wifi' ? await import('./cli/wifi-early.js') : null;
  const scanner = wifi?.startEarlyReading(argv.slice(1)) ?? null;
  if (wifi && scanner) {
    process.exitCode = await wifi.runWifi(argv.slice(1), io, scanner);
  } else {
    const { runCli } = await import('./cli/run.js');
    process.exitCode = await runCli(argv, io);
  }
}
