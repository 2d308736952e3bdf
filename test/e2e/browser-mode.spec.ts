/**
 * Browser mode is the same wizard with the same consent and scope rules (issue 14), checked here
 * through the harness's test control (loopback only): the survey step names the interface, address,
 * subnet and router it will look at before it starts — over the loopback lab — and the Wi-Fi step
 * offers the passphrase, its QR code and the router guide even where there is no Wi-Fi scanner.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, walkTo, press, seriousViolations, ROOT, budget, fullPageScreenshot } from './fixtures';

const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');

test.beforeAll(() => {
  execFileSync('bash', [join(ROOT, 'scripts', 'lab-net-up.sh')], { stdio: 'pipe' });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

test('survey: after consent, the step names the interface and subnet it will look at, then surveys only that', async ({ wizardPage: page, harness }) => {
  const r = (await harness.control('POST', '/__test/survey/lab/start', { seconds: 3 })) as { routerIp?: string };
  expect(r.routerIp).toBe('127.0.0.40');
  await walkTo(page, 'survey');
  // Discovery was not allowed on the welcome page: nothing is looked at, and no scope is shown yet.
  await expect(page.getByTestId('survey-scope')).toHaveCount(0);
  await press(page, page.getByRole('button', { name: 'Allow it for this survey' }));
  const scope = page.getByTestId('survey-scope');
  await expect(scope).toHaveText(
    "The survey looks only at your network on this computer's connection lo (address 127.0.0.1, network 127.0.0.0/8) and at your router 127.0.0.40.",
  );
  await fullPageScreenshot(page, join(SCREENSHOTS, 'browser-mode-survey-scope.png'));
  await press(page, page.getByRole('button', { name: 'Start the survey' }));
  await expect(page.getByTestId('survey-progress')).toHaveAttribute('data-phase', 'done', { timeout: budget(20_000) });
  await expect(page.getByTestId('survey-router')).toContainText('FRITZ!Box 7590');
  expect(await seriousViolations(page)).toEqual([]);
});

test('survey: without a configured network the step says why it cannot run', async ({ wizardPage: page }) => {
  await walkTo(page, 'survey');
  await press(page, page.getByRole('button', { name: 'Allow it for this survey' }));
  await expect(page.getByTestId('survey-scope-unavailable')).toContainText('The survey cannot run here: No network to survey was set for this session. Start Porchlight again with the network to survey.');
});

test('Wi-Fi without a scanner: the network name typed in gives the passphrase, its QR code and the router guide', async ({ wizardPage: page, harness }) => {
  await walkTo(page, 'wifi');
  await press(page, page.getByRole('button', { name: 'Scan Wi-Fi now' }));
  await expect(page.getByTestId('wifi-scan-unknown')).toContainText('has no Wi-Fi scanner');
  const name = page.getByLabel("Your home Wi-Fi network's name");
  await expect(name).toBeVisible();
  await name.fill('HomeNet');
  // The router guide …
  await page.getByLabel('Your router', { exact: true }).selectOption('avm-fritzbox');
  await expect(page.getByText('http://fritz.box · http://192.168.178.1')).toBeVisible();
  await expect(page.getByText('Steps for WPA3 only')).toBeVisible();
  // … and the passphrase with its QR code, into the real keychain.
  await press(page, page.getByRole('button', { name: 'Make a passphrase and save it to the keychain' }));
  const shown = page.getByTestId('wifi-passphrase');
  await expect(shown).toBeVisible();
  const passphrase = (await shown.textContent())!.trim();
  expect(passphrase.split('-')).toHaveLength(6);
  await expect(page.getByRole('img', { name: 'QR code to join HomeNet with the new passphrase' })).toBeVisible();
  await fullPageScreenshot(page, join(SCREENSHOTS, 'browser-mode-wifi-no-scanner.png'));
  expect(await harness.ipc('secrets:reveal', { account: 'wifi/HomeNet' })).toMatchObject({ ok: true, value: { secret: passphrase } });
  await press(page, page.getByRole('button', { name: 'I have it — hide it' }));
  expect(await seriousViolations(page)).toEqual([]);
});

test('a damaged file found at start is told in the reader’s language (the core’s notice is a message, worded by the app), on the first screen, never as an empty box', async ({ page, harness }) => {
  expect((await harness.ipc('settings:update', { language: 'de' })).ok).toBe(true);
  writeFileSync(join(harness.profileDir, 'progress.json'), '{"schemaVersion": 1, "snaps');
  // What every notice said the moment it was first in the page (read in the page as it is built).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { noticesAtFirst: string[] }).noticesAtFirst = seen;
    const known = new WeakSet<Element>();
    new MutationObserver(() => {
      for (const n of document.querySelectorAll('.notice')) {
        if (known.has(n)) continue;
        known.add(n);
        seen.push(n.querySelector('p')?.textContent ?? '');
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(await harness.restart());
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const notice = page.getByText(/Ihre Datei „Fortschritt“ war beschädigt \(kein gültiges JSON\)\. Sie wurde als .*progress\.corrupt-.*\.json beiseitegelegt/);
  await expect(notice).toBeVisible();
  await expect(page.locator('.notices')).not.toContainText('Your progress file');
  // The notice had its German words when it appeared: not an empty box first, not English first.
  const atFirst = await page.evaluate(() => (window as unknown as { noticesAtFirst: string[] }).noticesAtFirst);
  expect(atFirst).toHaveLength(1);
  expect(atFirst[0]).toMatch(/^Ihre Datei „Fortschritt“ war beschädigt/);
  await page.screenshot({ path: join(SCREENSHOTS, 'browser-mode-damaged-file-de.png') });
});
