/**
 * Vitest setup file (see vitest.config.ts): installs the network guard in every test process and
 * fails the test that tried to reach a non-loopback address — even when the code under test
 * caught and swallowed the NetworkGuardError. Tests that provoke the guard on purpose call
 * `takeViolations()` to claim what they caused.
 */
import { afterAll, afterEach, expect } from 'vitest';
import { installNetworkGuard, setCurrentTestResolver, takeViolations, type NetworkViolation } from './network-guard-install.js';

installNetworkGuard();
setCurrentTestResolver(() => expect.getState().currentTestName);

function failOn(violations: NetworkViolation[], when: string): void {
  if (violations.length === 0) return;
  const lines = violations.map((v) => `  - ${v.kind} to ${v.address}${v.test ? ` (in "${v.test}")` : ''}`);
  throw new Error(`network guard: ${when} tried to reach a non-loopback address (refused, nothing sent):\n${lines.join('\n')}`);
}

afterEach(() => failOn(takeViolations(), 'this test'));
afterAll(() => failOn(takeViolations(), 'a hook or stray callback in this file'));
