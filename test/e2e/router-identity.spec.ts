/**
 * Issue 11, part 2, on screen: surveyed as the router, the lab's second router (miniupnpd, its
 * firmware advertised nowhere) shows its maker and model with where they were read, and its
 * firmware as unknown with the reason — never the UPnP daemon's version. No raw source ids.
 * Needs scripts/lab-net-up.sh (the test command runs it) and lighttpd.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test, expect, walkTo, press, openDeviceGroups, ROOT, budget, fullPageScreenshot } from './fixtures';

const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');

test.beforeAll(() => {
  execFileSync('bash', [join(ROOT, 'scripts', 'lab-net-up.sh')], { stdio: 'pipe' });
});

test('a miniupnpd router: maker and model with their source, firmware unknown with the reason', async ({ wizardPage: page, harness }) => {
  await harness.control('POST', '/__test/survey/lab/start', { seconds: 4, gateway: '127.0.0.50' });
  try {
    await walkTo(page, 'survey');
    await press(page, page.getByRole('button', { name: 'Allow it for this survey' }));
    await press(page, page.getByRole('button', { name: 'Start the survey' }));
    await expect(page.getByTestId('survey-progress')).toHaveAttribute('data-phase', 'done', { timeout: budget(20_000) });

    const router = page.getByTestId('survey-router');
    await expect(router).toContainText('127.0.0.50');
    await expect(router).toContainText('ASUSTeK Computer Inc.');
    await expect(router).toContainText('RT-AC68U');
    await expect(router).toContainText('(from its UPnP description)');
    await expect(router).toContainText('unknown — no source about the router itself gave its firmware version');
    await expect(router).toContainText("it names only software that is not the router's own firmware: the UPnP software (MiniUPnPd 1.8)");
    // The reason is words from the catalog, never a message code.
    await expect(router).not.toContainText('router.unknown');
    await expect(router).not.toContainText('firmware 1.8');
    for (const raw of ['tr064', 'ssdp-server', 'upnp)', 'oui']) await expect(router).not.toContainText(raw);
    await openDeviceGroups(page);
    // Beside it, the FRITZ!Box is a router by its UPnP device type; the one calling itself "Home Gateway" is not a hub.
    await expect(page.locator('[data-testid="survey-group"][data-category="router"]').locator('[data-ip="127.0.0.40"]')).toBeVisible();
    await expect(page.locator('[data-testid="survey-group"][data-category="router"]').locator('[data-ip="127.0.0.50"]')).toBeVisible();
    await router.scrollIntoViewIfNeeded();
    await fullPageScreenshot(page, join(SCREENSHOTS, 'survey-router-unknown-firmware.png'));
    await router.screenshot({ path: join(SCREENSHOTS, 'survey-router-unknown-firmware-detail.png') });
  } finally {
    await harness.control('POST', '/__test/survey/lab/stop', {});
  }
});
