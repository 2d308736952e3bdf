/**
 * Shared Playwright fixtures and helpers for every e2e spec.
 *
 * - `harness`: a real test harness (`node dist/harness.mjs --port 0 --profile <fresh dir>
 *   --test-control`) backed by the real core and a fresh profile directory; `stop()` SIGKILLs it
 *   (a crash), `restart()` starts it again on the same profile (and the same port when free).
 *   Extra environment: `test.use({ harnessEnv: { NAME: 'value' } })`.
 * - `wizardPage`: a page on the harness that fails the test on any CSP violation or page error.
 * - Keyboard helpers (`tabTo`, `press`), wizard walkers (`answerWelcome`, `walkTo`), axe.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { guardChildProcesses, takeChildViolations } from '../setup/network-guard-children.js';

import { TIME_SCALE } from '../../playwright.config';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const HARNESS = join(ROOT, 'dist', 'harness.mjs');

/** The time a test needs on a quiet machine, times TIME_SCALE (see playwright.config.ts). */
export const budget = (ms: number): number => Math.round(ms * TIME_SCALE);

export interface Harness {
  /** Current base URL (http://127.0.0.1:<port>/). */
  readonly url: string;
  readonly profileDir: string;
  /** Kills the harness with SIGKILL: nothing is flushed, exactly like a crash. */
  stop(): Promise<void>;
  /** Starts the harness again on the same profile directory; returns the (usually unchanged) URL. */
  restart(): Promise<string>;
  /** Calls a test-control route, e.g. control('POST', '/__test/clock', { offsetDays: 91 }). */
  control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
  /** Calls one IPC channel the way the page does (same origin). */
  ipc(channel: string, args?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  /** Everything the harness wrote to stderr so far (for failure messages). */
  stderr(): string;
}

interface Spawned {
  child: ChildProcess;
  url: string;
}

/**
 * A private copy of the built renderer for this worker, so a rebuild of dist/ by someone else
 * while the suite runs (it empties dist/renderer first) cannot blank the page mid-test.
 */
function copyRenderer(): { dir: string; dispose(): void } {
  const source = join(ROOT, 'dist', 'renderer');
  if (!existsSync(join(source, 'index.html'))) throw new Error(`${source}/index.html is missing: run \`npm run build\` before the e2e tests`);
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-renderer-'));
  cpSync(source, dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

async function spawnHarness(profileDir: string, env: Record<string, string>, port = 0, log: string[], rendererDir?: string): Promise<Spawned> {
  const renderer = rendererDir ? ['--renderer', rendererDir] : [];
  const child = spawn(process.execPath, [HARNESS, '--port', String(port), '--profile', profileDir, '--test-control', ...renderer], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => log.push(d));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start within ${budget(20_000) / 1000} s\n${log.join('')}`)), budget(20_000));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`harness exited early (code ${code}, signal ${signal})\n${log.join('')}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        const parsed = JSON.parse(line) as { url?: unknown };
        if (typeof parsed.url !== 'string' || !/^http:\/\/127\.0\.0\.1:\d+\/$/.test(parsed.url)) throw new Error(`unexpected harness line: ${line}`);
        resolveUrl(parsed.url);
      } catch (err) {
        reject(err);
      }
    });
  });
  child.removeAllListeners('exit');
  return { child, url };
}

function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}

/** Starts a harness on `profileDir` (a fresh temporary one by default). */
export async function startHarness(
  opts: { env?: Record<string, string>; profileDir?: string; rendererDir?: string } = {},
): Promise<Harness & { dispose(): Promise<void> }> {
  const own = !opts.profileDir;
  const rendererDir = opts.rendererDir;
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'porchlight-e2e-'));
  const env = opts.env ?? {};
  const log: string[] = [];
  let current = await spawnHarness(profileDir, env, 0, log, rendererDir);
  const port = () => Number(new URL(current.url).port);
  const harness = {
    get url() {
      return current.url;
    },
    profileDir,
    async stop() {
      await killed(current.child);
    },
    async restart() {
      await killed(current.child);
      try {
        current = await spawnHarness(profileDir, env, port(), log, rendererDir);
      } catch {
        current = await spawnHarness(profileDir, env, 0, log, rendererDir);
      }
      return current.url;
    },
    async control(method: 'GET' | 'POST', path: string, body?: unknown) {
      const res = await fetch(new URL(path, current.url), {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
      });
      return res.json();
    },
    async ipc(channel: string, args: unknown = {}) {
      const origin = current.url.replace(/\/$/, '');
      const res = await fetch(new URL(`/ipc/${encodeURIComponent(channel)}`, current.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ args }),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    stderr: () => log.join(''),
    async dispose() {
      await killed(current.child);
      if (own) rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return harness;
}

interface WorkerFixtures {
  rendererDir: string;
}

interface Fixtures {
  harnessEnv: Record<string, string>;
  harness: Harness;
  wizardPage: Page;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  rendererDir: [
    // Playwright needs the (empty) fixture object pattern to know this fixture's dependencies.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const copy = copyRenderer();
      try {
        await use(copy.dir);
      } finally {
        copy.dispose();
      }
    },
    { scope: 'worker' },
  ],
  harnessEnv: [{}, { option: true }],
  harness: async ({ harnessEnv, rendererDir }, use) => {
    // The network guard for the e2e tests: every harness (a Node process) runs with the child guard
    // on NODE_OPTIONS, so an attempt to reach anything but 127.0.0.0/8 is refused there and fails
    // the test that caused it.
    guardChildProcesses();
    takeChildViolations();
    // Every test starts with an empty keychain, as it starts with a fresh profile: a secret another
    // spec left (e.g. wifi/HomeNet) would otherwise make "make a passphrase" ask first. Only the
    // private keyring of scripts/with-keyring.sh is ever emptied.
    if (process.env.PORCHLIGHT_PRIVATE_KEYRING === '1') spawnSync('secret-tool', ['clear', 'service', 'Porchlight'], { stdio: 'ignore' });
    const h = await startHarness({ env: harnessEnv, rendererDir });
    try {
      await use(h);
    } finally {
      await h.dispose();
    }
    const violations = takeChildViolations();
    expect(violations, 'the harness tried to reach a non-loopback address').toEqual([]);
  },
  wizardPage: async ({ page, harness }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      const text = msg.text();
      if (msg.type() === 'error' && /Content Security Policy|Refused to (load|execute|apply)/i.test(text)) problems.push(`CSP: ${text}`);
    });
    await openWizard(page, harness.url);
    await use(page);
    expect(problems, 'no CSP violations or uncaught page errors').toEqual([]);
  },
});
export { expect };

/**
 * A full-page screenshot as a window as tall as the page would show it. Chromium paints a full-page
 * capture beyond the viewport without laying the page out again, so the floating step navigation
 * (sticky to the bottom of the 800 px window) would sit over the middle of the picture; a viewport
 * as tall as the content puts it where it belongs, after the content.
 */
export async function fullPageScreenshot(page: Page, path: string): Promise<void> {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const grow = !!size && height > size.height;
  if (grow) await page.setViewportSize({ width: size.width, height });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  if (grow) await page.setViewportSize(size);
}

/**
 * Opens the app and waits for the first step title, and for the part of the first screen that
 * follows right after its first paint (renderer/components/after-first-paint.tsx), so that what a
 * test counts on the page is all there.
 */
export async function openWizard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('h1.step-title')).toBeVisible();
  await expect(page.locator('.after-first-paint')).toHaveCount(0);
}

/** The step on screen (from the article's data-step). */
export async function currentStep(page: Page): Promise<string | null> {
  return page.locator('article.step').getAttribute('data-step');
}

/** Waits until the wizard shows `step`. */
export async function expectStep(page: Page, step: string): Promise<void> {
  await expect(page.locator('article.step')).toHaveAttribute('data-step', step);
}

let tabTargets = 0;

/** Where focus is, relative to the element marked `mark`: on it, elsewhere, or the mark is gone (the element was replaced). */
async function focusOn(page: Page, mark: string): Promise<'on' | 'elsewhere' | 'gone'> {
  return page.evaluate((m) => {
    const target = document.querySelector(`[data-e2e-tab-target="${m}"]`);
    if (!target) return 'gone' as const;
    return target === document.activeElement ? ('on' as const) : ('elsewhere' as const);
  }, mark);
}

/**
 * Marks the element `locator` resolves to, so each Tab below reads the focus without resolving the
 * locator again. Bounded: an element that left the page is not marked (it reads as "not focused"),
 * rather than stalling the test.
 */
async function markTarget(locator: Locator, mark: string): Promise<boolean> {
  return locator
    .evaluate((el, m) => ((el as HTMLElement).dataset.e2eTabTarget = m, true), mark, { timeout: 2_000 })
    .catch(() => false);
}

/**
 * Presses Tab (or Shift+Tab) until `locator` has focus; fails after `max` presses. Keyboard only
 * (nothing is clicked or focused by script). The target is marked once (a data attribute), so
 * each press costs one cheap read instead of resolving the locator (an accessible-name query over
 * the page) again; if the element is replaced meanwhile, the locator marks the new one.
 */
export async function tabTo(page: Page, locator: Locator, { max = 120, backwards = false } = {}): Promise<void> {
  await expect(locator).toBeVisible();
  const mark = `t${++tabTargets}`;
  await markTarget(locator, mark);
  try {
    for (let i = 0; i <= max; i++) {
      let where = await focusOn(page, mark);
      if (where === 'gone') where = (await markTarget(locator, mark)) ? await focusOn(page, mark) : 'elsewhere';
      if (where === 'on') return;
      if (i === max) break;
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
  } finally {
    await page
      .evaluate((m) => document.querySelector(`[data-e2e-tab-target="${m}"]`)?.removeAttribute('data-e2e-tab-target'), mark)
      .catch(() => {});
  }
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'none');
  throw new Error(`Tab never reached ${locator}; focus is on ${active}`);
}

/** Tabs to `locator` and presses `key` on it (Enter for buttons, Space for checkboxes/radios). */
export async function press(page: Page, locator: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, locator);
  await page.keyboard.press(key);
}

/** Sets a radio by keyboard: Tab into its group (lands on the checked or first radio), then arrows. */
export async function chooseRadio(page: Page, group: Locator, label: string): Promise<void> {
  const radios = group.getByRole('radio');
  const target = group.getByRole('radio', { name: label, exact: true });
  const names = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ''));
  const want = names.indexOf(label);
  if (want < 0) throw new Error(`no radio "${label}" in group (have ${names.join(', ')})`);
  // Focus lands on the checked radio, or on the first one when none is checked.
  const checked = await radios.evaluateAll((els) => els.findIndex((e) => (e as HTMLInputElement).checked));
  const start = checked >= 0 ? checked : 0;
  await tabTo(page, radios.nth(start));
  if (want === start) {
    if (!(await target.isChecked())) await page.keyboard.press('Space');
  } else {
    const key = want > start ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(want - start); i++) await page.keyboard.press(key);
  }
  await expect(target).toBeChecked();
}

/** Presses the wizard's Continue button by keyboard. */
export async function next(page: Page): Promise<void> {
  await press(page, page.getByTestId('wizard-next'));
}

/** Answers the welcome step by keyboard: mode, and yes/no for every kind of probe. */
export async function answerWelcome(page: Page, opts: { mode?: 'First-time setup' | 'Check-up (re-audit)'; consent?: 'Yes, allow' | 'No, do not' } = {}) {
  await chooseRadio(page, page.getByRole('group', { name: 'How would you like to start?' }), opts.mode ?? 'First-time setup');
  const questions = page.locator('fieldset.consent-question');
  const n = await questions.count();
  for (let i = 0; i < n; i++) await chooseRadio(page, questions.nth(i), opts.consent ?? 'No, do not');
}

/**
 * Answers the welcome step by keyboard for a first-time setup that allows only the probes whose
 * question matches `allow` (e.g. /factory passwords/i) and says no to the rest.
 */
export async function answerWelcomeAllowing(page: Page, allow: RegExp): Promise<void> {
  await chooseRadio(page, page.getByRole('group', { name: 'How would you like to start?' }), 'First-time setup');
  const questions = page.locator('fieldset.consent-question');
  for (let i = 0; i < (await questions.count()); i++) {
    const q = questions.nth(i);
    const allowed = allow.test((await q.locator('legend').textContent()) ?? '');
    await chooseRadio(page, q, allowed ? 'Yes, allow' : 'No, do not');
  }
}

/**
 * Waits until the current step has finished loading what the user answers: its panel (loaded on
 * demand) and the check board (loaded once). Both say "loading" with aria-busy until then; counting
 * the questions earlier finds none (a slow machine showed it: the Wi-Fi step's two questions came
 * after the count, and Continue was refused).
 */
export async function stepLoaded(page: Page): Promise<void> {
  await expect(page.locator('article.step')).toBeVisible();
  await expect(page.locator('article.step [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
}

/** Answers every confirmable check on the current step with "Yes, done", by keyboard. */
export async function confirmAllChecks(page: Page, answer: 'Yes, done' | 'Partly' | 'Not yet' = 'Yes, done'): Promise<number> {
  await stepLoaded(page);
  // Then, a panel shows its questions once its own calls (a Wi-Fi scan, a catalog) have answered: count
  // them when the count has stopped changing (under load they appeared after a single early count).
  const boxes = page.locator('fieldset.confirm-one');
  let n = await boxes.count();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(400);
    const again = await boxes.count();
    if (again === n) break;
    n = again;
  }
  for (let i = 0; i < n; i++) {
    const box = boxes.nth(i);
    await press(page, box.getByRole('button', { name: answer, exact: true }));
    await expect(box.getByRole('button', { name: answer, exact: true })).toHaveAttribute('aria-pressed', 'true');
  }
  return n;
}

/** Does what each default panel needs so Continue is allowed, by keyboard; returns how many checks it confirmed. */
export async function completeStep(page: Page, step: string): Promise<number> {
  if (step === 'welcome') await answerWelcome(page);
  else if (step === 'survey') {
    const box = page.getByRole('checkbox', { name: 'I have looked over this step and want to continue' });
    await tabTo(page, box);
    if (!(await box.isChecked())) await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  } else if (step !== 'summary') return confirmAllChecks(page);
  return 0;
}

/** Walks the first-time wizard from its current step to `target`, completing each step by keyboard. */
export async function walkTo(page: Page, target: string): Promise<void> {
  for (let guard = 0; guard < 12; guard++) {
    const step = await currentStep(page);
    if (step === target) return;
    if (step === null || step === 'summary') throw new Error(`cannot reach ${target} from ${step}`);
    await completeStep(page, step);
    await next(page);
    await expect(page.locator('article.step')).not.toHaveAttribute('data-step', step);
  }
  throw new Error(`did not reach ${target}`);
}

/** Survey step: opens every collapsed device group (they start closed, with their counts), by keyboard. */
export async function openDeviceGroups(page: Page): Promise<void> {
  const groups = page.getByTestId('survey-group');
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i);
    if (!(await group.evaluate((el) => (el as HTMLDetailsElement).open))) await press(page, group.locator(':scope > summary'));
    await expect(group).toHaveAttribute('open', '');
  }
}

/** The WCAG 2.0–2.2 A/AA rules and axe's best practices: what every screen is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** One axe violation: the rule, its impact, its help line and the elements it names. */
export type AxeViolation = { id: string; impact: string; help: string; targets: string[] };
let axeSource: string | undefined;

/**
 * Runs axe-core on the page; returns the serious and critical violations (id, impact, targets).
 *
 * axe-core's own API, in the page: its script is added once per document (the app has no frames),
 * then `axe.run` checks the whole document with the tags above, keeping only the violations.
 * @axe-core/playwright does the same work but evaluates axe's 560 KB script twice on every call and
 * opens a blank page to gather the results (its frame-by-frame mode): 2.2 s a call against 0.55 s
 * measured on this machine, for the same violations (test/e2e/axe.spec.ts compares the two).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const violations = await axeViolations(page);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Every axe violation on the page, whatever its impact (see `seriousViolations`). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) {
    axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async (tags) => {
    type Node = { target: unknown[] };
    type Violation = { id: string; impact?: string | null; help: string; nodes: Node[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, AXE_TAGS);
}

/**
 * The text of every regular file under `dir` (a profile directory), for "no secret on disk" checks.
 * A file that disappears between listing and reading is an atomic write's temporary file, renamed
 * over its target while we looked: it is skipped, and its content is read under the final name.
 */
export function filesWithText(dir: string, encoding: BufferEncoding = 'utf8'): { file: string; text: string }[] {
  const gone = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    try {
      return statSync(file).isDirectory() ? filesWithText(file, encoding) : [{ file, text: readFileSync(file, encoding) }];
    } catch (err) {
      if (gone(err)) return [];
      throw err;
    }
  });
}

/** What the system keychain (Secret Service, via libsecret's secret-tool) holds for an account; only attribute names go in argv. */
export function keychainLookup(account: string): string | null {
  const r = spawnSync('secret-tool', ['lookup', 'service', 'Porchlight', 'account', account], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

/**
 * Test clean-up of a keychain account straight through libsecret's secret-tool (the app itself
 * refuses to delete a generated secret outside its ask-first paths). Only attribute names go in argv.
 */
export function keychainClear(...accounts: string[]): void {
  for (const account of accounts) spawnSync('secret-tool', ['clear', 'service', 'Porchlight', 'account', account], { stdio: 'ignore' });
}
