import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { startupMessages } from './scripts/vite-startup-messages.mjs';

/**
 * The unit tests run in Vitest's vmForks pool: two worker processes, each test file in a fresh VM
 * context of its own (its own module graph and globals) instead of a fresh process per file.
 * Measured on this 2-core machine (2026-12-02): 62–73 s and ~105–130 s of CPU against 105 s and ~190 s
 * of CPU with a process per file (docs/performance.md, "The test suite's own time"). Shuffled file
 * orders pass too. A worker grows to ~1.2 GB by the end (contexts are freed late).
 *
 * These files keep a process per file, because a VM context changes what they test:
 * - node-wifi-scanner, cli/messages: node-wifi's CommonJS modules and the fake `nmcli` found on
 *   PATH are loaded once per process, not once per file;
 * - core/model/migration, ipc/bounds: objects parsed by a CommonJS dependency (conf) come from
 *   the process's realm, and the store's plain-JSON check rightly refuses objects of another realm;
 * - main/csp: the CSP evaluator's compiled code finds no `Symbol` on its VM global;
 * - setup/network-guard: fetch's error (and its cause) is made in the process's realm.
 * The network guard itself patches each process once (test/setup/network-guard-install.ts).
 */
const OWN_PROCESS = [
  'test/unit/adapters/wifi/node-wifi-scanner.test.ts',
  'test/unit/cli/messages.test.ts',
  'test/unit/core/model/migration.test.ts',
  'test/unit/ipc/bounds.test.ts',
  'test/unit/main/csp.test.ts',
  'test/unit/setup/network-guard.test.ts',
];

/** What every project shares: Node, the network guard and the English error words in every test file. */
const EVERY_PROJECT = { environment: 'node', setupFiles: ['test/setup/network-guard.ts', 'test/setup/error-words.ts'] };
/** The build's own way of loading the message catalog's start-up part (`messages.json?startup`), so the renderer's modules load as they do in the app. */
const PLUGINS = [startupMessages()];
/** What both unit projects share besides that (they differ only in their files and pool). */
const UNIT = { ...EVERY_PROJECT, testTimeout: 15_000 };

export default defineConfig({
  test: {
    // One test file per core. Vitest's default leaves one core free, which on a 2-core machine
    // runs the unit files one at a time (128 s here; 90 s on both cores). At least two: with a
    // single worker, Vitest hands the vmForks pool every file at once, in ONE shared VM context
    // (so never pass --maxWorkers=1 to the unit tests).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        plugins: PLUGINS,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          exclude: OWN_PROCESS,
          pool: 'vmForks',
          ...UNIT,
        },
      },
      {
        plugins: PLUGINS,
        test: {
          name: 'unit-own-process',
          include: OWN_PROCESS,
          ...UNIT,
        },
      },
      {
        plugins: PLUGINS,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          ...EVERY_PROJECT,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration tests share the one keychain and lab of a run: run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
