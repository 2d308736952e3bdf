/**
 * The network guard for Node child processes that tests start (the built CLI, the harness, a
 * nested vitest …). network-guard.ts bundles this file and adds it to NODE_OPTIONS (`--import`),
 * so every Node process a test spawns is guarded too; each refusal is appended as a JSON line to
 * PORCHLIGHT_NET_GUARD_LOG, which the parent checks after every test.
 */
import { appendFileSync } from 'node:fs';
import { installNetworkGuard, setViolationSink } from './network-guard-install.js';

installNetworkGuard();
const log = process.env.PORCHLIGHT_NET_GUARD_LOG;
const who = [process.pid, ...process.argv.slice(1, 3)].join(' ');
setViolationSink((v) => {
  process.stderr.write(`network guard (child ${who}): ${v.kind} to ${v.address} refused\n`);
  if (log) appendFileSync(log, JSON.stringify({ ...v, test: `child process ${who}` }) + '\n');
});
