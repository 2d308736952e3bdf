/**
 * The wifi step end to end (chromium + harness + real core + real keychain under
 * scripts/with-keyring.sh), with the fake nmcli first on the harness's PATH: the home network
 * starts on WPA2, the user generates a passphrase (into the keychain, nowhere in the profile),
 * switches the router to SAE (the fake's state file) and verification passes; a second run where
 * the router stays on WPA2 shows the failure with what was seen. Making a passphrase while one is
 * saved asks first and keeps the saved one (revealable) until it is discarded or confirmed in use.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { test, expect, walkTo, press, seriousViolations, filesWithText, fullPageScreenshot, ROOT, keychainClear, type Harness, budget } from './fixtures';
import { createFakeNmcli, FAKE_NMCLI_DIR, homeState } from '../lab/fake-nmcli/state';

const fake = createFakeNmcli(homeState('HomeNet', 'wpa2'));

test.use({
  harnessEnv: {
    PATH: `${FAKE_NMCLI_DIR}:${process.env.PATH ?? ''}`,
    PORCHLIGHT_FAKE_NMCLI_STATE: fake.statePath,
    PORCHLIGHT_FAKE_NMCLI_LOG: fake.logPath,
  },
});


async function openWifiStep(page: Page) {
  await walkTo(page, 'wifi');
  // Consent for scans was "No" on the welcome page: the step asks before it looks.
  await press(page, page.getByRole('button', { name: 'Scan Wi-Fi now' }));
  await expect(page.getByTestId('wifi-class')).toHaveAttribute('data-class', 'wpa2');
  await expect(page.getByTestId('wifi-class')).toContainText('Your home network HomeNet uses: a good lock from 2004 (WPA2-Personal)');
}

async function keychainHas(harness: Harness, account: string) {
  return harness.ipc('secrets:reveal', { account });
}

test('WPA2 → passphrase in the keychain → router switched to SAE → verification passes', async ({ wizardPage: page, harness }) => {
  fake.write(homeState('HomeNet', 'wpa2'));
  await openWifiStep(page);

  // Router family with its admin address and steps; devices that cannot do WPA3.
  await page.getByLabel('Your router', { exact: true }).selectOption('avm-fritzbox');
  await expect(page.getByText('http://fritz.box · http://192.168.178.1')).toBeVisible();
  await expect(page.getByText('Steps for WPA3 only')).toBeVisible();
  await expect(page.getByLabel('Amazon Echo (1st generation)', { exact: true })).toBeVisible();

  await press(page, page.getByRole('button', { name: 'Make a passphrase and save it to the keychain' }));
  const shown = page.getByTestId('wifi-passphrase');
  await expect(shown).toBeVisible();
  const passphrase = (await shown.textContent())!.trim();
  expect(passphrase.split('-').length).toBeGreaterThanOrEqual(6);
  await expect(page.getByRole('img', { name: 'QR code to join HomeNet with the new passphrase' })).toBeVisible();
  await expect(page.getByText('saved in your keychain as wifi/HomeNet')).toBeVisible();

  // In the real keychain …
  const revealed = await keychainHas(harness, 'wifi/HomeNet');
  expect(revealed).toMatchObject({ ok: true, value: { account: 'wifi/HomeNet', secret: passphrase } });
  // … and nowhere in the profile directory, nor in any nmcli argv.
  for (const { file, text } of filesWithText(harness.profileDir)) expect(text, file).not.toContain(passphrase);
  for (const call of fake.calls()) expect(call.argv.join(' ')).not.toContain(passphrase);

  await press(page, page.getByRole('button', { name: 'I have it — hide it' }));
  await expect(shown).toHaveCount(0);
  expect(await page.content()).not.toContain(passphrase);

  // The user changes the router: the fake now reports SAE only.
  fake.write(homeState('HomeNet', 'wpa3'));
  await press(page, page.getByRole('button', { name: 'I have changed the router — check now' }));
  const verdict = page.getByTestId('wifi-verdict');
  await expect(verdict).toHaveAttribute('data-status', 'pass', { timeout: budget(30_000) });
  await expect(verdict).toContainText('It worked: "HomeNet" accepts only WPA3 (SAE)');
  await expect(verdict).toContainText('rsn-flags=pair_ccmp group_ccmp sae');

  const checks = (await harness.ipc('checks:list')) as { value: { id: string; status: string; evidence: { kind: string } }[] };
  expect(checks.value.find((c) => c.id === 'wifi.encryption')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
  expect(checks.value.find((c) => c.id === 'wifi.passphrase')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
  for (const { file, text } of filesWithText(harness.profileDir)) expect(text, file).not.toContain(passphrase);
  expect(await seriousViolations(page)).toEqual([]);

  keychainClear('wifi/HomeNet');
});

test('not connected and nothing chosen: no network is called "your home network" until the owner picks one', async ({ wizardPage: page }) => {
  const home = homeState('HomeNet', 'wpa2');
  // Wi-Fi radio on, joined to nothing: the scan lists networks, the connection names none.
  fake.write({
    ...home,
    devices: (home.devices ?? []).map((d) => (d.type === 'wifi' ? { device: d.device, type: d.type, state: 'disconnected' } : d)),
    accessPoints: (home.accessPoints ?? []).map((a) => ({ ...a, active: false })),
  });
  await walkTo(page, 'wifi');
  await press(page, page.getByRole('button', { name: 'Scan Wi-Fi now' }));
  const select = page.getByLabel('Which network is your home Wi-Fi?');
  await expect(select).toBeVisible();
  // The list is sorted, so "HomeNet" comes first: it must not be taken for the home network.
  await expect(select).toHaveValue('');
  await expect(select.locator('option:checked')).toHaveText('Choose your home network');
  await expect(page.getByTestId('wifi-class')).toHaveCount(0);
  await expect(page.getByText(/Your home network/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Why and how to upgrade' })).toHaveCount(0);
  await fullPageScreenshot(page, join(ROOT, 'test/e2e/screenshots/wifi-nothing-chosen.png'));

  await select.selectOption('HomeNet');
  await expect(page.getByTestId('wifi-class')).toHaveAttribute('data-class', 'wpa2');
  await expect(page.getByTestId('wifi-class')).toContainText('Your home network HomeNet uses: a good lock from 2004 (WPA2-Personal)');
});

test('a scan that partly worked, then one that failed: the core\'s message codes read as words, in the language chosen', async ({ wizardPage: page }) => {
  // One line nmcli prints is unreadable: the networks it could read, and a note saying how many were left out.
  const good = 'yes:HomeNet:3C\\:A6\\:2F\\:11\\:22\\:33:Infra:36:5180 MHz:84:WPA2:(none):pair_ccmp group_ccmp psk';
  fake.write({ ...homeState('HomeNet', 'wpa2'), rawWifiList: `${good}\nnot:an:nmcli:line\n` });
  await walkTo(page, 'wifi');
  await press(page, page.getByRole('button', { name: 'Scan Wi-Fi now' }));
  await expect(page.getByRole('status').filter({ hasText: 'Note:' })).toHaveText("Note: 1 line of NetworkManager's answer (nmcli) could not be read and was left out.");
  await expect(page.getByTestId('wifi-class')).toHaveAttribute('data-class', 'wpa2');

  // NetworkManager stops: the scan is unknown with the reason, never an empty list.
  fake.write({ ...homeState('HomeNet', 'wpa2'), networkManager: 'stopped' });
  await press(page, page.getByRole('button', { name: 'Scan again' }));
  const alert = page.getByTestId('wifi-scan-unknown');
  await expect(alert).toHaveText('Porchlight could not read the Wi-Fi networks: NetworkManager is not running, so the Wi-Fi networks cannot be listed.');
  await expect(alert.getByTestId('wifi-permission-steps')).toHaveCount(0);

  // The same reading in German: the words come from the catalogs, not from the core.
  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(alert).toHaveText('Porchlight konnte die WLAN-Netze nicht lesen: NetworkManager läuft nicht, daher können die WLAN-Netze nicht aufgelistet werden.');
  await fullPageScreenshot(page, join(SCREENSHOTS, 'wifi-14-scan-unknown-de.png'));
  await alert.screenshot({ path: join(SCREENSHOTS, 'wifi-14-scan-unknown-de-notice.png') });
  expect(await seriousViolations(page)).toEqual([]);
});

test('router left on WPA2: the check stays a warning (WPA2, as the audit rates it) and says what it saw', async ({ wizardPage: page, harness }) => {
  fake.write(homeState('HomeNet', 'wpa2'));
  await openWifiStep(page);

  // Keeping the current passphrase: rated in the core, never stored; the user confirms a strong one.
  await page.getByText('Keeping your current passphrase? Check how strong it is').click();
  const field = page.getByLabel('Current Wi-Fi passphrase');
  await field.fill('iloveyou');
  await press(page, page.getByRole('button', { name: 'Check its strength' }));
  await expect(page.getByTestId('wifi-existing-rating')).toHaveAttribute('data-acceptable', 'false');
  await expect(page.getByTestId('wifi-existing-rating')).toContainText('It is on a list of commonly used passwords.');
  const mine = 'tundra-bagpipe-velvet-osmosis-42';
  await field.fill(mine);
  await press(page, page.getByRole('button', { name: 'Check its strength' }));
  await expect(page.getByTestId('wifi-existing-rating')).toHaveAttribute('data-acceptable', 'true');
  await expect(field).toHaveValue('');
  await press(page, page.getByRole('button', { name: 'This is my Wi-Fi passphrase — mark it as strong' }));
  await expect
    .poll(async () => ((await harness.ipc('checks:list')) as { value: { id: string; status: string; evidence: { kind: string } }[] }).value.find((c) => c.id === 'wifi.passphrase'))
    .toMatchObject({ status: 'pass', evidence: { kind: 'confirmed' } });
  for (const { file, text } of filesWithText(harness.profileDir)) expect(text, file).not.toContain(mine);

  await page.getByLabel('Check now (about 15 seconds)').check();
  await press(page, page.getByRole('button', { name: 'I have changed the router — check now' }));
  await expect(page.getByTestId('wifi-verify-status')).toContainText(/Scan \d+, \d+ of 15 seconds/);
  const verdict = page.getByTestId('wifi-verdict');
  await expect(verdict).toHaveAttribute('data-status', 'warn', { timeout: budget(40_000) });
  await expect(verdict).toContainText('still shows WPA2-Personal, not WPA3 (SAE)');
  await expect(verdict).toContainText('What Porchlight saw: "HomeNet" shows WPA2-Personal on 2 access points');
  await expect(verdict).toContainText('rsn-flags=pair_ccmp group_ccmp psk');
  const checks = (await harness.ipc('checks:list')) as { value: { id: string; status: string; evidence: { kind: string } }[] };
  expect(checks.value.find((c) => c.id === 'wifi.encryption')).toMatchObject({ status: 'warn', evidence: { kind: 'verified' } });
  expect(await seriousViolations(page)).toEqual([]);
});

test('"Check again" runs the audit\'s Wi-Fi encryption verifier: WPA2 is a warning, SAE passes, each recorded as measured', async ({ wizardPage: page, harness }) => {
  fake.write(homeState('HomeNet', 'wpa2'));
  await openWifiStep(page);
  const box = page.getByTestId('wifi-check-again');
  const calls = fake.calls().length;
  await press(page, box.getByRole('button', { name: 'Check again' }));
  await expect(box.locator('[data-status]')).toHaveAttribute('data-status', 'warn', { timeout: budget(30_000) });
  await expect(box).toContainText('Checked just now — Needs a look: "HomeNet" uses WPA2-Personal (2 access points)');
  expect(fake.calls().length, 'the verifier read the OS Wi-Fi scan again').toBeGreaterThan(calls);
  const board = async () => ((await harness.ipc('checks:list')) as { value: { id: string; status: string; evidence: { kind: string } }[] }).value.find((c) => c.id === 'wifi.encryption');
  expect(await board()).toMatchObject({ status: 'warn', evidence: { kind: 'verified' } });

  fake.write(homeState('HomeNet', 'wpa3'));
  await press(page, box.getByRole('button', { name: 'Check again' }));
  await expect(box.locator('[data-status]')).toHaveAttribute('data-status', 'pass', { timeout: budget(30_000) });
  await expect(box).toContainText('Passed: "HomeNet" uses WPA3');
  await expect.poll(board).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
  await box.screenshot({ path: join(SCREENSHOTS, 'wifi-13-check-again.png') });
  expect(await seriousViolations(page)).toEqual([]);
});

const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const MAKE = 'Make a passphrase and save it to the keychain';

test('a second passphrase asks first and keeps the first one, revealable, until it is discarded', async ({ wizardPage: page, harness }) => {
  fake.write(homeState('HomeNet', 'wpa2'));
  keychainClear('wifi/HomeNet');
  keychainClear('wifi/HomeNet/previous');
  await openWifiStep(page);
  const shown = page.getByTestId('wifi-passphrase');
  const section = page.getByRole('region', { name: 'A new, strong Wi-Fi passphrase' });

  await press(page, page.getByRole('button', { name: MAKE }));
  const first = (await shown.textContent())!.trim();
  await press(page, page.getByRole('button', { name: 'I have it — hide it' }));
  await expect(shown).toHaveCount(0);

  // The second click asks first, in plain words; nothing has changed in the keychain yet.
  await press(page, page.getByRole('button', { name: MAKE }));
  const question = page.getByTestId('replace-question');
  await expect(question.getByRole('heading', { name: 'A passphrase is already saved' })).toBeFocused();
  await expect(question).toContainText('Porchlight keeps the saved one as the previous passphrase');
  await expect(shown).toHaveCount(0);
  expect(await keychainHas(harness, 'wifi/HomeNet')).toMatchObject({ ok: true, value: { secret: first } });
  expect(await keychainHas(harness, 'wifi/HomeNet/previous')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  await fullPageScreenshot(page, join(SCREENSHOTS, 'wifi-10-ask-before-replacing.png'));
  await section.screenshot({ path: join(SCREENSHOTS, 'wifi-10-ask-before-replacing-section.png') });
  await press(page, page.getByRole('button', { name: 'Make a new one and keep the saved one' }));
  await expect(question).toHaveCount(0);
  await expect(shown).toBeVisible();
  const second = (await shown.textContent())!.trim();
  expect(second).not.toBe(first);
  await press(page, page.getByRole('button', { name: 'I have it — hide it' }));

  // Both in the real keychain; the first one can still be revealed, by a deliberate click.
  expect(await keychainHas(harness, 'wifi/HomeNet')).toMatchObject({ ok: true, value: { secret: second } });
  expect(await keychainHas(harness, 'wifi/HomeNet/previous')).toMatchObject({ ok: true, value: { secret: first } });
  const kept = page.getByTestId('kept-previous');
  await expect(kept).toContainText('Your previous passphrase is still in your keychain as wifi/HomeNet/previous');
  await expect(page.getByTestId('kept-previous-value')).toHaveCount(0);
  await press(page, page.getByRole('button', { name: 'Show the previous passphrase' }));
  await expect(page.getByTestId('kept-previous-value')).toHaveText(first);
  await press(page, page.getByRole('button', { name: 'Show the new passphrase' }));
  await expect(page.getByTestId('kept-current-value')).toHaveText(second);
  // "Devices are back" needs a rescan that saw the network first.
  await expect(page.getByRole('button', { name: 'My devices are back on the network — remove the previous passphrase' })).toBeDisabled();
  await fullPageScreenshot(page, join(SCREENSHOTS, 'wifi-11-previous-kept.png'));
  await section.screenshot({ path: join(SCREENSHOTS, 'wifi-11-previous-kept-section.png') });
  expect(await seriousViolations(page)).toEqual([]);

  // A third passphrase asks again and says one of the two would be discarded for good; cancel keeps both.
  await press(page, page.getByRole('button', { name: MAKE }));
  await expect(question.getByRole('heading', { name: 'Two passphrases are already saved' })).toBeFocused();
  await expect(question).toContainText('one of the two will be discarded for good');
  await expect(question.getByRole('button', { name: 'The newest one is in use: keep it, discard the oldest' })).toBeVisible();
  await fullPageScreenshot(page, join(SCREENSHOTS, 'wifi-12-third-asks-again.png'));
  await section.screenshot({ path: join(SCREENSHOTS, 'wifi-12-third-asks-again-section.png') });
  await press(page, page.getByRole('button', { name: 'Cancel — make nothing' }));
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('button', { name: MAKE })).toBeFocused();
  expect(await keychainHas(harness, 'wifi/HomeNet')).toMatchObject({ ok: true, value: { secret: second } });
  expect(await keychainHas(harness, 'wifi/HomeNet/previous')).toMatchObject({ ok: true, value: { secret: first } });

  // The owner discards it (asked once more), and it is gone from the keychain.
  await press(page, page.getByRole('button', { name: 'Discard the previous passphrase' }));
  await expect(kept.getByText('Discard the previous passphrase for good?')).toBeFocused();
  await press(page, page.getByRole('button', { name: 'No, keep it' }));
  await expect(page.getByRole('button', { name: 'Discard the previous passphrase' })).toBeFocused();
  expect(await keychainHas(harness, 'wifi/HomeNet/previous')).toMatchObject({ ok: true, value: { secret: first } });
  await page.keyboard.press('Enter');
  await expect(kept).toContainText('Discard the previous passphrase for good?');
  await press(page, page.getByRole('button', { name: 'Yes, discard it for good' }));
  await expect(page.getByTestId('previous-gone')).toHaveText('The previous passphrase was removed from your keychain.');
  await expect(kept).toHaveCount(0);
  expect(await keychainHas(harness, 'wifi/HomeNet/previous')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect(await keychainHas(harness, 'wifi/HomeNet')).toMatchObject({ ok: true, value: { secret: second } });
  expect(((await harness.ipc('secrets:list')) as { value: { accounts: string[] } }).value.accounts.filter((a) => a === 'wifi/HomeNet' || a.startsWith('wifi/HomeNet/'))).toEqual(['wifi/HomeNet']);

  // Nothing secret in the profile, nor in the page once hidden.
  for (const { file, text } of filesWithText(harness.profileDir)) for (const p of [first, second]) expect(text, file).not.toContain(p);
  await expect(page.locator('body')).not.toContainText(first);
  keychainClear('wifi/HomeNet');
});


test('the previous passphrase is removed once a rescan saw the network and the owner says the devices are back', async ({ wizardPage: page, harness }) => {
  fake.write(homeState('HomeNet', 'wpa2'));
  keychainClear('wifi/HomeNet', 'wifi/HomeNet/previous');
  await openWifiStep(page);
  await press(page, page.getByRole('button', { name: MAKE }));
  const first = (await page.getByTestId('wifi-passphrase').textContent())!.trim();
  await press(page, page.getByRole('button', { name: MAKE }));
  await press(page, page.getByRole('button', { name: 'Make a new one and keep the saved one' }));
  await expect(page.getByTestId('wifi-passphrase')).not.toHaveText(first);
  const devicesBack = page.getByRole('button', { name: 'My devices are back on the network — remove the previous passphrase' });
  await expect(devicesBack).toBeDisabled();

  // The router now uses WPA3 with the new passphrase; the rescan sees the network …
  fake.write(homeState('HomeNet', 'wpa3'));
  await page.getByLabel('Check now (about 15 seconds)').check();
  await press(page, page.getByRole('button', { name: 'I have changed the router — check now' }));
  await expect(page.getByTestId('wifi-verdict')).toHaveAttribute('data-status', 'pass', { timeout: budget(30_000) });
  // … and only the owner's word that the devices are back removes the previous passphrase.
  await expect(devicesBack).toBeEnabled();
  expect(await keychainHas(harness, 'wifi/HomeNet/previous')).toMatchObject({ ok: true, value: { secret: first } });
  await press(page, devicesBack);
  await expect(page.getByTestId('previous-gone')).toHaveText('The new passphrase is in use; the previous one was removed from your keychain.');
  expect(await keychainHas(harness, 'wifi/HomeNet/previous')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect(await keychainHas(harness, 'wifi/HomeNet')).toMatchObject({ ok: true });
  keychainClear('wifi/HomeNet');
});
