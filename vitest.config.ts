import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One test file per core. Vitest's default leaves one core free, which on a 2-core machine
    // runs the unit files one at a time (128 s here; 90 s on both cores).
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/setup/network-guard.ts', 'test/setup/error-words.ts'],
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/network-guard.ts', 'test/setup/error-words.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration tests share the one keychain and lab of a run: run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
