/**
 * The accessibility checks of every spec run axe-core directly in the page (test/e2e/fixtures.ts
 * `axeViolations`), four times faster than through @axe-core/playwright. This spec holds that helper
 * to what @axe-core/playwright, axe's own Playwright integration, reports for the same rules: on a
 * page made to break rules of several kinds and impacts, and on the app's first screen.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, seriousViolations, AXE_TAGS } from './fixtures';

type Found = { id: string; impact: string; targets: string[] };

/** What @axe-core/playwright reports, in the helper's shape, sorted the same way. */
async function byAxeBuilder(page: Page): Promise<Found[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return sorted(results.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => n.target.join(' ')) })));
}

function sorted(found: Found[]): Found[] {
  return found.map((f) => ({ ...f, targets: [...f.targets].sort() })).sort((a, b) => a.id.localeCompare(b.id));
}

const ours = async (page: Page): Promise<Found[]> => sorted((await axeViolations(page)).map(({ id, impact, targets }) => ({ id, impact, targets })));

/** No language, an image without text, unnamed controls, an unlabelled field, low contrast, an empty heading. */
const BROKEN_PAGE = `<!doctype html><html><head><title>Broken on purpose</title></head><body><main>
  <h1></h1>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <button type="button"></button>
  <input type="text">
  <a href="#nowhere"></a>
  <p style="color:#bbb;background:#fff">Hard to read</p>
  <p style="color:#bbb;background:#fff">Hard to read too</p>
</main></body></html>`;

test('the suite’s axe check finds what @axe-core/playwright finds, on a page that breaks rules of every impact', async ({ page }) => {
  await page.setContent(BROKEN_PAGE);
  const expected = await byAxeBuilder(page);
  const found = await ours(page);
  expect(found.map((f) => f.id)).toEqual(expect.arrayContaining(['button-name', 'color-contrast', 'empty-heading', 'html-has-lang', 'image-alt', 'label', 'link-name']));
  expect(found).toEqual(expected);
  // A second check of the same document (axe already in the page) answers the same.
  expect(await ours(page)).toEqual(expected);
  expect((await seriousViolations(page)).map((v) => v.id).sort()).toEqual(
    expected.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  );
});

test('the suite’s axe check and @axe-core/playwright agree on the first screen, light and dark', async ({ wizardPage: page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await ours(page), scheme).toEqual(await byAxeBuilder(page));
  }
  expect(await seriousViolations(page)).toEqual([]);
});
