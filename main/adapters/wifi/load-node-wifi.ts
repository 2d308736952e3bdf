import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { parseNmcliWifiList, type TerseParse } from './nmcli-terse.js';
import { runCommand, toolEnv, type CommandSpec } from './run-command.js';

const require = createRequire(import.meta.url);

/** The part of node-wifi's public API Porchlight calls. */
export interface NodeWifi {
  init(options: { iface: string | null; debug?: boolean }): void;
  /** On Linux, resolves what the replaced parser returns (a TerseParse). */
  scan(): Promise<unknown>;
}

/** Deadline for every command node-wifi runs through the replaced executer; set by the scanner. */
export const nodeWifiSettings = { timeoutMs: 20_000 };

/**
 * Loads node-wifi 2.0.16 with three of its internal modules replaced, each for a defect that
 * must not reach users (the rest — init, platform dispatch, the nmcli command line — is node-wifi's):
 *  - src/env.js does `Object.assign(process.env, {LANG, LC_ALL, LC_MESSAGES})` at load time, so
 *    merely requiring node-wifi rewrites the app's environment. Replaced by a read-only view that
 *    builds the tool environment per call (toolEnv) and never writes process.env.
 *  - src/utils/executer.js runs commands with no deadline and no output bound, so a hung nmcli
 *    hangs the wizard forever. Replaced by runCommand (deadline + SIGKILL + maxBuffer).
 *  - src/linux/scan/parser.js calls `line.replace(match[0])` (inserting the text "undefined") and
 *    splits on every `:`, which corrupts SSIDs containing `:` or `\` and shifts all later columns.
 *    Replaced by the lossless terse parser.
 * node-wifi's connect() (which puts the Wi-Fi password on nmcli's argv) is never called.
 * As a last guard, process.env is snapshotted before the require and restored after it.
 */
export function loadNodeWifi(): NodeWifi {
  return loadPatched(require.resolve('node-wifi')) as NodeWifi;
}

type LinuxScan = (config: { debug: boolean; iface: string | null }) => () => Promise<unknown>;

/**
 * node-wifi's own Linux scan (src/linux-scan.js: its nmcli command line through its promiser), with
 * the same three replacements as loadNodeWifi, and nothing else of node-wifi: the package's entry
 * (src/wifi.js) requires the connect/scan/delete modules of all three platforms (~25 files) before
 * it can scan, which costs a command-line scan more start-up than nmcli itself. `init` keeps
 * node-wifi's config (iface, or null for all adapters); `scan` is node-wifi's scan for that config.
 */
export function loadNodeWifiLinuxScan(): NodeWifi {
  const linuxScan = loadPatched(join(dirname(require.resolve('node-wifi')), 'linux-scan.js')) as LinuxScan;
  let config = { debug: false, iface: null as string | null };
  return {
    init: (options) => {
      config = { debug: options.debug ?? false, iface: options.iface || null };
    },
    scan: () => linuxScan(config)(),
  };
}

function loadPatched(entry: string): unknown {
  const srcDir = dirname(require.resolve('node-wifi'));
  const loaded = require.cache[entry];
  if (loaded && (loaded as { porchlightPatched?: boolean }).porchlightPatched) return loaded.exports;
  // Anything of node-wifi already loaded unpatched is dropped, so every module sees the replacements.
  for (const key of Object.keys(require.cache)) if (key.startsWith(srcDir + sep)) delete require.cache[key];

  const envView = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_t, key) => (typeof key === 'string' ? toolEnv()[key] : undefined),
    has: (_t, key) => typeof key === 'string' && key in toolEnv(),
    ownKeys: () => Reflect.ownKeys(toolEnv()),
    getOwnPropertyDescriptor: (_t, key) => (typeof key === 'string' && key in toolEnv() ? { value: toolEnv()[key], enumerable: true, configurable: true, writable: false } : undefined),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  inject(join(srcDir, 'env.js'), envView);
  inject(join(srcDir, 'utils', 'executer.js'), (spec: CommandSpec) => runCommand(spec, { timeoutMs: nodeWifiSettings.timeoutMs }));
  inject(join(srcDir, 'linux', 'scan', 'parser.js'), (stdout: string): TerseParse => parseNmcliWifiList(stdout));

  const before = { ...process.env };
  try {
    const exported = require(entry) as unknown;
    (require.cache[entry] as { porchlightPatched?: boolean }).porchlightPatched = true;
    return exported;
  } finally {
    restoreEnv(before);
  }
}

function inject(filename: string, exports: unknown): void {
  // Fails loudly if node-wifi's layout changed (the version is pinned exactly in package.json).
  require.resolve(filename);
  const Module = require('node:module') as { new (id: string): NodeJS.Module };
  const m = new Module(filename);
  m.filename = filename;
  m.loaded = true;
  m.exports = exports;
  require.cache[filename] = m;
}

function restoreEnv(before: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
  for (const [key, value] of Object.entries(before)) if (process.env[key] !== value) process.env[key] = value;
}
