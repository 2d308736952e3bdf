/**
 * The passwords step end to end: real Chromium on the harness, the real core, the real keychain
 * (run under scripts/with-keyring.sh) and a real lighttpd router admin page from the lab.
 */
import { join } from 'node:path';
import { test, expect, ROOT, next, press, tabTo, walkTo, expectStep, seriousViolations, filesWithText, answerWelcomeAllowing, keychainLookup, budget, fullPageScreenshot } from './fixtures';
import { startHttpLoginLab, type HttpLoginLab } from '../lab/http-logins/lab';
import { words } from '../support/words.js';
import type { Message } from '../../main/core/messages/index.js';

test.use({ harnessEnv: { PORCHLIGHT_PROBE_DELAY_MS: '50', PORCHLIGHT_PROBE_TIMEOUT_MS: '3000' } });

let lab: HttpLoginLab;
test.beforeAll(async () => {
  lab = await startHttpLoginLab({ only: ['basic-factory', 'form-status-redirect'] });
});
test.afterAll(async () => {
  await lab?.stop();
});


test('router: default found, new password into the keychain, switched on the router, re-verified', async ({ wizardPage: page, harness }) => {
  const router = lab.servers['basic-factory'];

  // Welcome by keyboard: allow only the password check (no survey of this machine's network).
  await answerWelcomeAllowing(page, /factory passwords/i);
  await next(page); // leave welcome ourselves: walkTo would answer it again with "No"
  await walkTo(page, 'passwords');
  await expectStep(page, 'passwords');

  const box = page.getByTestId('login-router');
  await tabTo(page, box.getByLabel('Address (IP address, optionally with :port)'));
  await page.keyboard.type(router.target);
  await box.getByLabel('Brand').selectOption({ label: 'NETGEAR' });
  await press(page, box.getByRole('button', { name: 'Check for the factory password' }));
  await expect(box.getByTestId('probe-result')).toHaveAttribute('data-result', 'default-accepted', { timeout: budget(20_000) });
  await expect(box.getByTestId('probe-result')).toContainText('user name admin, password password');
  // the step shows the count the router itself saw (its access log is the witness)
  await lab.flushLogs();
  expect(lab.credentialAttempts('basic-factory')).toBe(1);
  await expect(box.getByTestId('probe-attempts')).toHaveText('1 of 5 password tries used on this device in this audit (1 by this check).');

  await press(page, box.getByRole('button', { name: 'Make a new strong password' }));
  const shown = box.getByTestId('generated-password');
  await expect(shown).toBeVisible();
  const password = (await shown.textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(16);
  await expect(box.getByTestId('stored-status')).toContainText('router/admin');
  await expect(box.getByText('Where to enter it')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // In the real keychain (read through libsecret, independently of Porchlight) …
  expect(keychainLookup('router/admin')).toBe(password);
  // … and nowhere in the profile directory (settings, progress, history, logs).
  for (const { file, text } of filesWithText(harness.profileDir)) expect(text, file).not.toContain(password);

  // Shown once: hiding removes it from the page; showing again is an explicit reveal.
  await press(page, box.getByRole('button', { name: 'Hide the password' }));
  await expect(shown).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(password);

  // The owner changes the router's password; Porchlight checks again.
  lab.setPassword('basic-factory', 'admin', password);
  await press(page, box.getByRole('button', { name: 'I have changed it — check again' }));
  await expect(box.getByTestId('reverify-result')).toHaveAttribute('data-result', 'default-rejected', { timeout: budget(20_000) });
  await expect(box.getByTestId('reverify-result')).toHaveText('Verified: the factory password no longer works.');
  // One current state: the first finding ("… still works … Change it now.") is gone, and the counter is the newest one.
  await expect(box.getByTestId('probe-result')).toHaveCount(1);
  await expect(box.getByTestId('probe-result')).toHaveAttribute('data-result', 'default-rejected');
  await expect(box).not.toContainText('Change it now');
  await expect(box.getByTestId('probe-attempts')).toHaveText('3 of 5 password tries used on this device in this audit (2 by this check).');
  await fullPageScreenshot(page, join(ROOT, 'test', 'e2e', 'screenshots', 'passwords-01-after-recheck.png'));

  const list = (await harness.ipc('checks:list')).value as { id: string; status: string; reason: Message | null; evidence: { kind: string } }[];
  const routerCheck = list.find((c) => c.id === 'router.admin-default')!;
  expect(routerCheck).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });

  // The router's own access log: 1 + 2 credential attempts in this audit, the number the evidence states.
  await lab.flushLogs();
  expect(lab.credentialAttempts('basic-factory')).toBe(3);
  expect(words(routerCheck.reason)).toContain('3 of 5 password tries used on this device in this audit (2 by this check).');
  for (const { file, text } of filesWithText(harness.profileDir)) expect(text, file).not.toContain(password);

  await press(page, box.getByRole('button', { name: 'Show the saved password' }));
  await expect(box.getByTestId('generated-password')).toHaveText(password);
});

test('without consent nothing is tried: the check button is disabled and the router saw no request', async ({ wizardPage: page }) => {
  const before = (await lab.flushLogs(), lab.accessLines('basic-factory').length);
  await walkTo(page, 'passwords'); // the default walk answers every probe question with "No, do not"
  await expect(page.getByText('You did not allow password checks on the welcome step')).toBeVisible();
  const box = page.getByTestId('login-router');
  await tabTo(page, box.getByLabel('Address (IP address, optionally with :port)'));
  await page.keyboard.type(lab.servers['basic-factory'].target);
  await expect(box.getByRole('button', { name: 'Check for the factory password' })).toBeDisabled();
  await expect(box.getByRole('button', { name: 'I have changed it — check again' })).toBeDisabled();
  await lab.flushLogs();
  expect(lab.accessLines('basic-factory').length).toBe(before);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a form login of an unknown maker: the common factory logins are refused, said so, and counted as the device counted them', async ({ wizardPage: page, harness }) => {
  const device = lab.servers['form-status-redirect'];
  lab.setPassword('form-status-redirect', 'admin', `lab-${Date.now()}-owner`); // the owner already changed it

  await answerWelcomeAllowing(page, /factory passwords/i);
  await next(page);
  await walkTo(page, 'passwords');

  const box = page.getByTestId('login-router');
  await tabTo(page, box.getByLabel('Address (IP address, optionally with :port)'));
  await page.keyboard.type(device.target);
  // the brand stays "I don't know"
  await press(page, box.getByRole('button', { name: 'Check for the factory password' }));
  const result = box.getByTestId('probe-result');
  await expect(result).toHaveAttribute('data-result', 'default-rejected', { timeout: budget(30_000) });
  await expect(result).toContainText('The 5 most common factory logins were refused');
  await expect(result).toContainText('the maker is unknown');

  // one count: the device's access log, the step, the check's evidence and the report all say 5
  await lab.flushLogs();
  const seen = lab.credentialAttempts('form-status-redirect');
  expect(seen).toBe(5);
  await expect(box.getByTestId('probe-attempts')).toHaveText(`${seen} of 5 password tries used on this device in this audit (${seen} by this check).`);
  const list = (await harness.ipc('checks:list')).value as { id: string; status: string; reason: Message | null; detail: Message | null }[];
  const check = list.find((c) => c.id === 'router.admin-default')!;
  expect(check.status).toBe('pass');
  // the detail shown under the check is plain words: what the device showed for each login tried
  expect(words(check.detail)).toMatch(/asks for a login page \(web form\)\. For each of the 5 logins tried, the login showed the login form again at \/\?err=1; handed out no new cookie; the admin page then showed the login form again\.$/);
  expect(words(check.detail)).not.toMatch(/[{}"]/);
  expect(words(check.reason)).toContain(`${seen} of 5 password tries used on this device in this audit`);
  expect(words(check.reason)).toContain('the maker is unknown');
  expect(await seriousViolations(page)).toEqual([]);
  await fullPageScreenshot(page, test.info().outputPath('passwords-unknown-maker.png'));

  // a sixth try is never sent in this audit
  await press(page, box.getByRole('button', { name: 'I have changed it — check again' }));
  await expect(box.getByTestId('reverify-result')).toHaveAttribute('data-result', 'unknown', { timeout: budget(20_000) });
  await lab.flushLogs();
  expect(lab.credentialAttempts('form-status-redirect')).toBe(5);
});

test('a refused address is explained in the reader\'s language: in a German UI, the core\'s error reads in German, with no English', async ({ wizardPage: page }) => {
  const de = (await import('../../renderer/i18n/de/passwords.json', { with: { type: 'json' } })).default;
  await answerWelcomeAllowing(page, /factory passwords/i);
  await next(page);
  await walkTo(page, 'passwords');
  await expectStep(page, 'passwords');
  // the language setting, with no reload: what the core says next is in German too
  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const box = page.getByTestId('login-router');
  await tabTo(page, box.getByLabel(de.address));
  await page.keyboard.type('192.168.1.1:99999');
  await press(page, box.getByRole('button', { name: de.probe }));
  const shown = box.getByTestId('address-error');
  // the core's error (error.port-invalid with the port) in German words, inside the step's German sentence
  await expect(shown).toContainText('Diese Adresse ist nicht verwendbar: 99999 ist keine gültige Portnummer. Verwenden Sie eine Zahl von 1 bis 65535 oder lassen Sie den Port weg.');
  await expect(shown).not.toContainText(/not a valid port|Port 99999|error\.port-invalid/);
  await expect(box.getByRole('textbox', { name: de.address })).toHaveAttribute('aria-invalid', 'true');
  await fullPageScreenshot(page, join(ROOT, 'test', 'e2e', 'screenshots', 'passwords-02-address-error-de.png'));
  expect(await seriousViolations(page)).toEqual([]);
});
