/**
 * The router password in the passwords step (real Chromium, harness, real core, real keychain under
 * scripts/with-keyring.sh): a second "make a new strong password" asks first, keeps the first one
 * as router/admin/previous (revealable), and the owner can discard it — then it is gone from the
 * keychain, read independently through libsecret's secret-tool. Nothing is probed (no consent).
 * The same for the IoT network's passphrase in the segmentation step.
 */
import { join } from 'node:path';
import { test, expect, press, walkTo, seriousViolations, filesWithText, ROOT, keychainClear, next, tabTo, answerWelcomeAllowing, keychainLookup, budget } from './fixtures';
import { startHttpLoginLab, type HttpLoginLab } from '../lab/http-logins/lab';
import { createFakeNmcli, FAKE_NMCLI_DIR, homeState } from '../lab/fake-nmcli/state';

const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const fake = createFakeNmcli(homeState('HomeNet', 'wpa2'));

// The segmentation step reads the Wi-Fi status: the fake nmcli answers, never a real interface.
test.use({
  harnessEnv: {
    PATH: `${FAKE_NMCLI_DIR}:${process.env.PATH ?? ''}`,
    PORCHLIGHT_FAKE_NMCLI_STATE: fake.statePath,
    PORCHLIGHT_FAKE_NMCLI_LOG: fake.logPath,
    PORCHLIGHT_PROBE_DELAY_MS: '50',
    PORCHLIGHT_PROBE_TIMEOUT_MS: '3000',
  },
});

// A real lighttpd router admin page (ASUS-style form login) whose password the test sets.
let lab: HttpLoginLab;
test.beforeAll(async () => {
  lab = await startHttpLoginLab({ only: ['form-factory'] });
});
test.afterAll(async () => {
  await lab?.stop();
});

test('router password: asked before replacing, the old one kept and revealable until discarded', async ({ wizardPage: page, harness }) => {
  keychainClear('router/admin', 'router/admin/previous');
  await walkTo(page, 'passwords');
  const box = page.getByTestId('login-router');
  const make = box.getByRole('button', { name: 'Make a new strong password' });

  await press(page, make);
  const first = (await box.getByTestId('generated-password').textContent())!.trim();
  await press(page, box.getByRole('button', { name: 'Hide the password' }));

  await press(page, make);
  const question = box.getByTestId('replace-question');
  await expect(question.getByRole('heading', { name: 'A password is already saved' })).toBeFocused();
  await expect(question).toContainText('Your keychain already holds a password for your router.');
  expect(keychainLookup('router/admin')).toBe(first);
  expect(keychainLookup('router/admin/previous')).toBeNull();
  await press(page, question.getByRole('button', { name: 'Make a new one and keep the saved one' }));
  await expect(box.getByTestId('generated-password')).not.toHaveText(first);
  const second = (await box.getByTestId('generated-password').textContent())!.trim();
  expect(keychainLookup('router/admin')).toBe(second);
  expect(keychainLookup('router/admin/previous')).toBe(first);

  const kept = box.getByTestId('kept-previous');
  await expect(kept).toContainText('Your previous password is still in your keychain as router/admin/previous');
  await press(page, kept.getByRole('button', { name: 'Show the previous password' }));
  await expect(kept.getByTestId('kept-previous-value')).toHaveText(first);
  await box.screenshot({ path: join(SCREENSHOTS, 'passwords-10-previous-kept.png') });
  expect(await seriousViolations(page)).toEqual([]);

  await press(page, kept.getByRole('button', { name: 'Discard the previous password' }));
  await press(page, kept.getByRole('button', { name: 'Yes, discard it for good' }));
  await expect(kept).toHaveCount(0);
  expect(keychainLookup('router/admin/previous')).toBeNull();
  expect(keychainLookup('router/admin')).toBe(second);
  for (const { file, text } of filesWithText(harness.profileDir)) for (const p of [first, second]) expect(text, file).not.toContain(p);
  keychainClear('router/admin');
});

test('IoT passphrase: asked before replacing, the old one kept and revealable until discarded', async ({ wizardPage: page, harness }) => {
  const ssid = 'Porch-IoT';
  keychainClear(`wifi/${ssid}`, `wifi/${ssid}/previous`);
  await walkTo(page, 'segmentation');
  const name = page.getByLabel('IoT network name');
  // The suggestion (from the home network's name) arrives, then an emptied name stays empty (it used to
  // snap back to the suggestion, so typing appended to it: "HomeNet-IoTPorch-IoT").
  await expect(name).toHaveValue('HomeNet-IoT');
  await name.fill('');
  await expect(name).toHaveValue('');
  await name.fill(ssid);
  await expect(name).toHaveValue(ssid);
  const section = page.getByRole('region', { name: 'A passphrase for the IoT network' });
  const make = section.getByRole('button', { name: 'Make a passphrase' });

  await press(page, make);
  const shown = section.getByTestId('segmentation-passphrase').locator('.seg-passphrase');
  const first = (await shown.textContent())!.trim();
  expect(keychainLookup(`wifi/${ssid}`)).toBe(first);

  await press(page, make);
  const question = section.getByTestId('replace-question');
  await expect(question.getByRole('heading', { name: 'A passphrase is already saved' })).toBeFocused();
  await expect(question).toContainText(`Your keychain already holds a passphrase for ${ssid}.`);
  await press(page, question.getByRole('button', { name: 'Make a new one and keep the saved one' }));
  await expect(shown).not.toHaveText(first);
  const second = (await shown.textContent())!.trim();
  expect(keychainLookup(`wifi/${ssid}`)).toBe(second);
  expect(keychainLookup(`wifi/${ssid}/previous`)).toBe(first);

  const kept = section.getByTestId('kept-previous');
  await press(page, kept.getByRole('button', { name: 'Show the previous passphrase' }));
  await expect(kept.getByTestId('kept-previous-value')).toHaveText(first);
  await expect(kept.getByRole('button', { name: 'My devices are back on the IoT network — remove the previous passphrase' })).toBeDisabled();
  await section.screenshot({ path: join(SCREENSHOTS, 'segmentation-10-previous-kept.png') });
  expect(await seriousViolations(page)).toEqual([]);

  await press(page, kept.getByRole('button', { name: 'Discard the previous passphrase' }));
  await press(page, kept.getByRole('button', { name: 'Yes, discard it for good' }));
  await expect(section.getByTestId('segmentation-previous-gone')).toHaveText('The previous IoT passphrase was removed from your keychain.');
  expect(keychainLookup(`wifi/${ssid}/previous`)).toBeNull();
  expect(keychainLookup(`wifi/${ssid}`)).toBe(second);
  for (const { file, text } of filesWithText(harness.profileDir)) for (const p of [first, second]) expect(text, file).not.toContain(p);
  keychainClear(`wifi/${ssid}`);
});

test('router password: a login with the new one confirms it in use and retires the previous one', async ({ wizardPage: page, harness }) => {
  keychainClear('router/admin', 'router/admin/previous');
  const router = lab.servers['form-factory'];
  // Welcome by keyboard: allow only the password check.
  await answerWelcomeAllowing(page, /factory passwords/i);
  await next(page);
  await walkTo(page, 'passwords');
  const box = page.getByTestId('login-router');
  await tabTo(page, box.getByLabel('Address (IP address, optionally with :port)'));
  await page.keyboard.type(router.target);
  await box.getByLabel('Brand').selectOption({ label: 'ASUS' });

  const make = box.getByRole('button', { name: 'Make a new strong password' });
  await press(page, make);
  const first = (await box.getByTestId('generated-password').textContent())!.trim();
  await press(page, box.getByRole('button', { name: 'Hide the password' }));
  await press(page, make);
  await press(page, box.getByTestId('replace-question').getByRole('button', { name: 'Make a new one and keep the saved one' }));
  await expect(box.getByTestId('generated-password')).not.toHaveText(first);
  const second = (await box.getByTestId('generated-password').textContent())!.trim();
  await press(page, box.getByRole('button', { name: 'Hide the password' }));
  expect(keychainLookup('router/admin/previous')).toBe(first);

  // The router still uses its old login: the check says so, and both passwords stay.
  const kept = box.getByTestId('kept-previous');
  const check = kept.getByRole('button', { name: 'Check that the router accepts the new password' });
  await press(page, check);
  const result = box.getByTestId('confirm-result');
  await expect(result).toHaveAttribute('data-result', 'refused', { timeout: budget(20_000) });
  await expect(result).toContainText('The router did not accept the new password (the login showed the login form again');
  await expect(result).toContainText('Both passwords stay in your keychain. The router probably still uses the previous one');
  await box.screenshot({ path: join(SCREENSHOTS, 'passwords-11-new-password-refused.png') });
  expect(keychainLookup('router/admin/previous')).toBe(first);
  expect(keychainLookup('router/admin')).toBe(second);
  await lab.flushLogs();
  expect(lab.credentialAttempts('form-factory')).toBe(1);
  await expect(box.getByTestId('confirm-attempts')).toHaveText('1 of 5 password tries used on this device in this audit (1 by this check).');

  // The owner sets the new password on the router; the check now retires the previous one.
  lab.setPassword('form-factory', 'admin', second);
  await press(page, check);
  await expect(result).toHaveAttribute('data-result', 'accepted', { timeout: budget(20_000) });
  await expect(result).toContainText('The router accepts the new password, so it is in use: the previous password was removed from your keychain.');
  await expect(kept).toHaveCount(0);
  expect(keychainLookup('router/admin/previous')).toBeNull();
  expect(keychainLookup('router/admin')).toBe(second);
  // the router's own access log is the witness: one more request carrying a password, the number the step shows
  await lab.flushLogs();
  expect(lab.credentialAttempts('form-factory')).toBe(2);
  await expect(box.getByTestId('confirm-attempts')).toHaveText('2 of 5 password tries used on this device in this audit (1 by this check).');
  await box.screenshot({ path: join(SCREENSHOTS, 'passwords-12-new-password-confirmed.png') });
  expect(await seriousViolations(page)).toEqual([]);
  // the new password was never written anywhere but the keychain, nor shown in the page
  for (const { file, text } of filesWithText(harness.profileDir)) for (const p of [first, second]) expect(text, file).not.toContain(p);
  await expect(page.locator('body')).not.toContainText(second);
  keychainClear('router/admin');
});
