#!/usr/bin/env node
/**
 * The `porchlight` command: the same core as the app, with no Electron. This entry stays tiny: it
 * turns on Node's on-disk compile cache (so later runs skip parsing and compiling), then loads the
 * dispatcher; each command imports what it needs when it runs (scripts/build.mjs splits the bundle).
 */
import module from 'node:module';

module.enableCompileCache?.();
const { runCli } = await import('./cli/run.js');
process.exitCode = await runCli(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
