#!/usr/bin/env node
/** The `porchlight` command: the same core as the app, with no Electron. */
import { runCli } from './cli/run.js';

runCli(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }).then((code) => {
  process.exitCode = code;
});
