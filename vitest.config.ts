import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
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
