/**
 * The router password in the passwords step (real Chromium, harness, real core, real keychain under
 * scripts/with-keyring.sh): a second "make a new strong password" asks first, keeps the first one
 * as router/admin/previous (revealable), and the owner can discard it — then it is gone from the
 * keychain, read independently through libsecret's secret-tool. Nothing is probed (no consent).
 * The same for the IoT network's passphrase in the segmentation step.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test, expect, press, walkTo, seriousViolations, filesWithText, ROOT } from './fixtures';
import { createFakeNmcli, FAKE_NMCLI_DIR, homeState } from '../lab/fake-nmcli/state';

const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const fake = createFakeNmcli(homeState('HomeNet', 'wpa2'));

// The segmentation step reads the Wi-Fi status: the fake nmcli answers, never a real interface.
test.use({
  harnessEnv: {
    PATH: `${FAKE_NMCLI_DIR}:${process.env.PATH ?? ''}`,
    PORCHLIGHT_FAKE_NMCLI_STATE: fake.statePath,
    PORCHLIGHT_FAKE_NMCLI_LOG: fake.logPath,
  },
});

/** What the Secret Service holds for an account (only attribute names go in argv). */
function keychainLookup(account: string): string | null {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', 'Porchlight', 'account', account], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

test('router password: asked before replacing, the old one kept and revealable until discarded', async ({ wizardPage: page, harness }) => {
  for (const account of ['router/admin', 'router/admin/previous']) await harness.ipc('secrets:delete', { account });
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
  await harness.ipc('secrets:delete', { account: 'router/admin' });
});

test('IoT passphrase: asked before replacing, the old one kept and revealable until discarded', async ({ wizardPage: page, harness }) => {
  const ssid = 'Porch-IoT';
  for (const account of [`wifi/${ssid}`, `wifi/${ssid}/previous`]) await harness.ipc('secrets:delete', { account });
  await walkTo(page, 'segmentation');
  await page.getByLabel('IoT network name').fill(ssid);
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
  await harness.ipc('secrets:delete', { account: `wifi/${ssid}` });
});
