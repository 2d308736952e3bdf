/**
 * The look of every step (issue 17): walk the first-time wizard over the loopback lab (a surveyed
 * home with devices, so the long lists are real) and, on arrival at each step, measure the page at
 * 1280×800 (its height, and whether Continue is in view without scrolling), check 700 px wide
 * without sideways scrolling, run axe, and save screenshots in light and dark at 1280 px and light
 * at 700 px. Heights go to test/e2e/screenshots/design-heights.json (PORCHLIGHT_DESIGN_LABEL names
 * the run, e.g. "before"/"after").
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, completeStep, currentStep, fullPageScreenshot, next, press, seriousViolations, walkTo, ROOT, budget } from './fixtures';
import { createFakeNmcli, FAKE_NMCLI_DIR, homeState } from '../lab/fake-nmcli/state';

const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const LABEL = process.env.PORCHLIGHT_DESIGN_LABEL ?? 'current';
const fake = createFakeNmcli(homeState('HomeNet', 'wpa2'));

test.use({
  harnessEnv: {
    PATH: `${FAKE_NMCLI_DIR}:${process.env.PATH ?? ''}`,
    PORCHLIGHT_FAKE_NMCLI_STATE: fake.statePath,
    PORCHLIGHT_FAKE_NMCLI_LOG: fake.logPath,
  },
});

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('bash', [join(ROOT, 'scripts', 'lab-net-up.sh')], { stdio: 'pipe' });
});

interface Measure {
  step: string;
  height: number;
  actionInView: boolean;
  width700: number;
  serious: string[];
}

async function shoot(page: Page, name: string): Promise<void> {
  await fullPageScreenshot(page, join(SCREENSHOTS, `design-${LABEL}-${name}.png`));
}

async function measure(page: Page, index: number, step: string): Promise<Measure> {
  await page.setViewportSize({ width: 1280, height: 800 });
  // The panel's own data (account catalog, device list) arrives after the step: measure it loaded.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-live] :text-matches("^Loading")')).toHaveCount(0);
  // The Updates step loads its known-vulnerabilities section after its own plan: measure it there.
  if (step === 'updates') await expect(page.getByTestId('known-vulnerabilities')).toBeVisible({ timeout: budget(15_000) });
  await page.waitForTimeout(500);
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const nextButton = page.getByTestId('wizard-next');
  const actionInView =
    step === 'summary'
      ? await page.evaluate(() => {
          const b = [...document.querySelectorAll('button')].find((el) => /Save this audit|Export HTML report/.test(el.textContent ?? ''));
          const r = b?.getBoundingClientRect();
          return !!r && r.bottom <= window.innerHeight && r.top >= 0;
        })
      : await nextButton.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom <= window.innerHeight && r.top >= 0;
        });
  const serious = (await seriousViolations(page)).map((v) => `${v.id}: ${v.targets.slice(0, 3).join(', ')}`);
  const nn = String(index + 1).padStart(2, '0');
  await shoot(page, `${nn}-${step}-light-1280`);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await shoot(page, `${nn}-${step}-dark-1280`);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await page.setViewportSize({ width: 700, height: 800 });
  const width700 = await page.evaluate(() => document.documentElement.scrollWidth);
  await shoot(page, `${nn}-${step}-light-700`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  return { step, height, actionInView, width700, serious };
}

test('every step: height at 1280×800, Continue in view, 700 px wide, axe, light and dark', async ({ wizardPage: page, harness }) => {
  test.setTimeout(budget(300_000));
  await page.setViewportSize({ width: 1280, height: 800 });
  const r = (await harness.control('POST', '/__test/survey/lab/start', { seconds: 4 })) as { routerIp?: string };
  expect(r.routerIp, JSON.stringify(r)).toBe('127.0.0.40');
  const out: Measure[] = [];
  try {
    out.push(await measure(page, 0, 'welcome'));
    await walkTo(page, 'survey');
    await press(page, page.getByRole('button', { name: 'Allow it for this survey' }));
    await press(page, page.getByRole('button', { name: 'Start the survey' }));
    await expect(page.getByTestId('survey-progress')).toHaveAttribute('data-phase', 'done', { timeout: budget(30_000) });
    for (let i = 1; i < 9; i++) {
      const step = (await currentStep(page))!;
      out.push(await measure(page, i, step));
      if (step === 'summary') break;
      await completeStep(page, step);
      await next(page);
      await expect(page.locator('article.step')).not.toHaveAttribute('data-step', step);
    }
  } finally {
    await harness.control('POST', '/__test/survey/lab/stop');
    writeFileSync(join(SCREENSHOTS, `design-heights-${LABEL}.json`), JSON.stringify(out, null, 2));
  }
  for (const m of out) {
    expect.soft(m.width700, `${m.step}: no sideways scrolling at 700 px`).toBeLessThanOrEqual(700);
    expect.soft(m.serious, `${m.step}: axe serious/critical`).toEqual([]);
    expect.soft(m.actionInView, `${m.step}: the primary action is in view at 1280×800`).toBe(true);
  }
});
