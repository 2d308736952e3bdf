/**
 * Vitest setup file (see vitest.config.ts): installs the network guard in every test process and
 * fails the test that tried to reach a non-loopback address — even when the code under test
 * caught and swallowed the NetworkGuardError. Tests that provoke the guard on purpose claim what
 * they caused with `takeViolations()` / `takeChildViolations()`.
 *
 * Node child processes that tests start (the built CLI, the harness) are guarded too, through
 * NODE_OPTIONS (see network-guard-children.ts); their refusals fail the test that was running.
 * Non-Node children (curl, nmcli, chromium) are outside any in-process guard.
 */
import { afterAll, afterEach, expect } from 'vitest';
import { installNetworkGuard, setCurrentTestResolver, takeViolations, type NetworkViolation } from './network-guard-install.js';
import { dropChildLog, guardChildProcesses, takeChildViolations } from './network-guard-children.js';

installNetworkGuard();
setCurrentTestResolver(() => expect.getState().currentTestName);
guardChildProcesses();

function failOn(violations: NetworkViolation[], when: string): void {
  if (violations.length === 0) return;
  const lines = violations.map((v) => `  - ${v.kind} to ${v.address}${v.test ? ` (in "${v.test}")` : ''}`);
  throw new Error(`network guard: ${when} tried to reach a non-loopback address (refused, nothing sent):\n${lines.join('\n')}`);
}

afterEach(() => failOn([...takeViolations(), ...takeChildViolations()], 'this test'));
afterAll(() => {
  const left = [...takeViolations(), ...takeChildViolations()];
  dropChildLog();
  failOn(left, 'a hook, a stray callback or a child process in this file');
});
