/**
 * The survey and segmentation steps end to end (chromium + harness + real core), against the
 * loopback discovery lab started inside the harness (test-control), with the fake nmcli showing
 * the IoT network in the Wi-Fi scan: survey with progress → router identity → inventory edits →
 * segmentation plan → devices "moved" (the lab stops answering for them) → verification passes;
 * and with one device left behind, verification fails and names it.
 * Needs scripts/lab-net-up.sh (the test command runs it) and lighttpd.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, walkTo, press, next, tabTo, expectStep, openDeviceGroups, ROOT, type Harness, budget, fullPageScreenshot } from './fixtures';
import { ap, createFakeNmcli, FAKE_NMCLI_DIR, homeState } from '../lab/fake-nmcli/state';

const home = homeState('HomeNet', 'wpa2');
const fake = createFakeNmcli({ ...home, accessPoints: [...(home.accessPoints ?? []), ap('HomeNet-IoT', 'wpa2', { bssid: '3C:A6:2F:11:22:99', chan: 1, freq: 2412, signal: 66 })] });

test.use({
  harnessEnv: {
    PATH: `${FAKE_NMCLI_DIR}:${process.env.PATH ?? ''}`,
    PORCHLIGHT_FAKE_NMCLI_STATE: fake.statePath,
    PORCHLIGHT_FAKE_NMCLI_LOG: fake.logPath,
  },
});

test.beforeAll(() => {
  execFileSync('bash', [join(ROOT, 'scripts', 'lab-net-up.sh')], { stdio: 'pipe' });
});

async function startLab(harness: Harness) {
  const r = (await harness.control('POST', '/__test/survey/lab/start', { seconds: 4 })) as { routerIp?: string };
  expect(r.routerIp, JSON.stringify(r)).toBe('127.0.0.40');
}

const device = (page: Page, ip: string) => page.locator(`[data-testid="survey-device"][data-ip="${ip}"]`);

/** Survey step: allow discovery for this survey, run it, watch the progress, see router and groups. */
async function survey(page: Page) {
  await walkTo(page, 'survey');
  await press(page, page.getByRole('button', { name: 'Allow it for this survey' }));
  await press(page, page.getByRole('button', { name: 'Start the survey' }));
  const progress = page.getByTestId('survey-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar', { name: 'Survey progress' })).toBeVisible();
  await expect(progress).toHaveAttribute('data-phase', 'done', { timeout: budget(20_000) });

  const router = page.getByTestId('survey-router');
  await expect(router).toContainText('AVM');
  await expect(router).toContainText('FRITZ!Box 7590');
  await expect(router).toContainText('154.07.57');
  await expect(router).toContainText('from its TR-064 description');

  // The device groups start collapsed with their counts; the user opens each (Enter on its summary).
  await expect(page.getByTestId('survey-group').first().locator(':scope > summary')).toContainText(/\(\d+ devices?, \d+ to move\)/);
  await openDeviceGroups(page);

  for (const [category, ip] of [
    ['router', '127.0.0.40'],
    ['speaker', '127.0.0.41'],
    ['tv', '127.0.0.42'],
    ['hub', '127.0.0.43'],
    ['camera', '127.0.0.44'],
    ['lock', '127.0.0.45'],
    ['plug-light', '127.0.0.47'],
    ['unknown', '127.0.0.48'],
  ] as const) {
    await expect(page.locator(`[data-testid="survey-group"][data-category="${category}"]`).locator(`[data-ip="${ip}"]`)).toBeVisible();
  }
  await expect(device(page, '127.0.0.48')).toHaveAttribute('data-status', 'unknown');
  await expect(device(page, '127.0.0.48')).toContainText('no answer in time');
}

async function markMove(page: Page, label: string) {
  const box = page.getByRole('checkbox', { name: `Move ${label} to the IoT network` });
  await tabTo(page, box);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

async function finishSurveyAndGoToSegmentation(page: Page) {
  const reviewed = page.getByRole('checkbox', { name: 'I have looked over this step and want to continue' });
  await tabTo(page, reviewed);
  await page.keyboard.press('Space');
  await expect(reviewed).toBeChecked();
  // Reviewing is what devices.inventory measures: a verified pass, dated today.
  await expect(page.locator('[data-check-id="devices.inventory"]')).toHaveClass(/check-pass/);
  await next(page);
  await walkTo(page, 'segmentation');
  await expectStep(page, 'segmentation');
}

test('survey with progress → inventory edits → segmentation plan → devices moved → verification passes', async ({ wizardPage: page, harness }) => {
  await startLab(harness);
  try {
    await survey(page);

    // The router itself is never offered a move to the IoT network; names come before MAC addresses.
    await expect(page.locator('[data-testid="survey-group"][data-category="router"] input[type="checkbox"]')).toHaveCount(0);
    await fullPageScreenshot(page, join(ROOT, 'test', 'e2e', 'screenshots', 'survey-01-inventory.png'));

    // Inventory edits: rename the Chromecast, remove the garbage peer, add a device by hand.
    await press(page, page.getByRole('button', { name: 'Rename Living Room TV' }));
    await device(page, '127.0.0.42').getByLabel('Name', { exact: true }).fill('Living room stick');
    await press(page, page.getByRole('button', { name: 'Save name' }));
    await expect(device(page, '127.0.0.42')).toContainText('Living room stick');
    await press(page, page.getByRole('button', { name: 'Remove EliteGroup Computer Systems Co., LTD from the inventory' }));
    await expect(device(page, '127.0.0.49')).toHaveCount(0);
    await press(page, page.locator('summary', { hasText: 'Add a device by hand' }));
    await page.getByLabel('Device name', { exact: true }).fill('Garage door opener');
    await page.getByLabel('Kind of device').selectOption('plug-light');
    await press(page, page.getByRole('button', { name: 'Add device' }));
    await expect(page.locator('[data-testid="survey-group"][data-category="plug-light"]')).toContainText('Garage door opener');

    await markMove(page, 'Living room stick');
    await markMove(page, 'Philips hue (127.0.0.43)');
    await finishSurveyAndGoToSegmentation(page);

    // The plan: suggested name from the home SSID, the router's family, the warning, the devices to move.
    await expect(page.getByLabel('IoT network name')).toHaveValue('HomeNet-IoT');
    await expect(page.getByTestId('segmentation-plan')).toHaveAttribute('data-family', 'avm-fritzbox');
    await expect(page.getByText('Casting and discovery may stop working across networks')).toBeVisible();
    const toMove = page.getByTestId('segmentation-devices');
    await expect(toMove).toContainText('Living room stick');
    await expect(toMove).toContainText('Philips hue (127.0.0.43)');

    await press(page, page.getByRole('button', { name: 'Make a passphrase' }));
    await expect(page.getByTestId('segmentation-passphrase')).toBeVisible();
    await expect(page.getByRole('img', { name: 'QR code to join HomeNet-IoT' })).toBeVisible();

    // The user moves the two devices: the lab stops answering for them.
    await harness.control('POST', '/__test/survey/lab/stop-device', { id: 'chromecast' });
    await harness.control('POST', '/__test/survey/lab/stop-device', { id: 'hue' });
    await press(page, page.getByRole('button', { name: 'Check now' }));
    const verdict = page.getByTestId('segmentation-verdict');
    await expect(verdict).toHaveAttribute('data-segment', 'pass', { timeout: budget(30_000) });
    await expect(verdict).toHaveAttribute('data-isolation', 'pass');
    await expect(verdict).toContainText('"HomeNet-IoT" is visible with');
    await expect(page.locator('[data-check-id="network.iot-isolated"]')).toHaveClass(/check-pass/);
    await expect(page.locator('[data-check-id="network.iot-segment"]')).toHaveClass(/check-pass/);
  } finally {
    await harness.control('POST', '/__test/survey/lab/stop');
  }
});

test('one device left behind: verification fails and names it', async ({ wizardPage: page, harness }) => {
  await startLab(harness);
  try {
    await survey(page);
    await markMove(page, 'Living Room TV');
    await markMove(page, 'Philips hue (127.0.0.43)');
    await finishSurveyAndGoToSegmentation(page);

    // Only the Chromecast moved; the Hue bridge still answers on the main network.
    await harness.control('POST', '/__test/survey/lab/stop-device', { id: 'chromecast' });
    await press(page, page.getByRole('button', { name: 'Check now' }));
    const verdict = page.getByTestId('segmentation-verdict');
    await expect(verdict).toHaveAttribute('data-isolation', 'fail', { timeout: budget(30_000) });
    await expect(page.getByTestId('segmentation-still-seen')).toContainText('Philips hue (127.0.0.43) (127.0.0.43) is still on the main network');
    await expect(page.getByTestId('segmentation-still-seen')).not.toContainText('Living Room TV');
    await expect(page.locator('[data-check-id="network.iot-isolated"]')).toHaveClass(/check-fail/);
  } finally {
    await harness.control('POST', '/__test/survey/lab/stop');
  }
});
