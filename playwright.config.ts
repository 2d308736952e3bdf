/**
 * Playwright: two projects.
 * - `chromium`: Debian's Chromium against the test harness (test/e2e/*.spec.ts); runs everywhere.
 * - `electron`: the built app through `_electron.launch` (test/e2e/*.electron.spec.ts); each spec
 *   skips itself with the exact reason when no Electron binary is installed.
 * Build first (`npm run build`): the harness serves dist/renderer and the app is dist/main.mjs.
 */
import { defineConfig } from '@playwright/test';
import { findChromium } from './main/adapters/chromium-pdf-printer.js';

/**
 * Debian's Chromium; Playwright's own browser download is never used. The same search as the PDF
 * export's (`findChromium`, main/adapters/chromium-pdf-printer.ts): Debian's
 * `chromium-headless-shell` first (the same Chromium release and Blink engine, built without the
 * desktop browser around it; Playwright's own default for headless runs): measured on this 2-core
 * machine, the design and wizard specs took 93 s and ~110 s of CPU with it against 112 s and
 * ~150 s with the full `chromium` (docs/performance.md, "The test suite's own time"). The full
 * browser is the fallback, and PORCHLIGHT_CHROMIUM picks any other (a path that does not exist
 * stops the run rather than quietly testing another browser). The renderer
 * benchmark (scripts/bench/renderer.mjs) uses the same search since session 16.
 */
const chromium = findChromium();
if (!chromium && process.env.PORCHLIGHT_CHROMIUM) {
  throw new Error(`PORCHLIGHT_CHROMIUM is ${process.env.PORCHLIGHT_CHROMIUM}, which does not exist: point it at a Chromium executable, or unset it to use Debian's chromium-headless-shell or chromium.`);
}
export const CHROMIUM_PATH = chromium ?? undefined;

/**
 * Time budgets for slow machines: the e2e lanes share 2 cores with the integration lane, and on a
 * loaded or slower virtual machine the same walk takes two to three times as long (seen: a machine
 * whose bare Node start-up took 80 ms instead of 38 ms ran the keyboard walk past 2 minutes). Every
 * timeout here and every `budget(ms)` in the specs (test/e2e/fixtures.ts) is the time needed on a
 * quiet machine times TIME_SCALE (PORCHLIGHT_TEST_TIME_SCALE, default 2.5). Only a failing test
 * waits for the whole budget.
 */
export const TIME_SCALE = Math.max(1, Number(process.env.PORCHLIGHT_TEST_TIME_SCALE ?? 2.5) || 2.5);

/** Parallel runs in one checkout would wipe each other's artifacts: PORCHLIGHT_PW_OUT gives a run its own. */
const OUT = process.env.PORCHLIGHT_PW_OUT;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: OUT ? `${OUT}/test-results` : 'test-results',
  timeout: 120_000 * TIME_SCALE,
  expect: { timeout: 10_000 * TIME_SCALE },
  fullyParallel: false,
  // 2 shared CPU cores: one worker keeps timings honest.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./test/e2e/skip-reason-reporter.ts'], ['html', { open: 'never', outputFolder: OUT ? `${OUT}/playwright-report` : 'playwright-report' }]],
  use: {
    // A trace records every action with a film strip of the page (a screencast) and DOM snapshots:
    // on this 2-core machine that nearly doubled the e2e lanes' CPU time (the keyboard walk and the
    // design spec: 139 s of CPU with traces, 78 s without), even though only a failing test keeps
    // its trace. So traces are off unless asked for: PORCHLIGHT_TRACE=1 keeps one for each failing
    // test (test-results/, open with `npx playwright show-trace`). A failing test always gets its
    // screenshot and its error.
    trace: process.env.PORCHLIGHT_TRACE === '1' ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testMatch: /.*(?<!\.electron)\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /.*\.electron\.spec\.ts$/,
    },
  ],
});
