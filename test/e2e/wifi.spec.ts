/**
 * The wifi step end to end (chromium + harness + real core + real keychain under
 * scripts/with-keyring.sh), with the fake nmcli first on the harness's PATH: the home network
 * starts on WPA2, the user generates a passphrase (into the keychain, nowhere in the profile),
 * switches the router to SAE (the fake's state file) and verification passes; a second run where
 * the router stays on WPA2 shows the failure with what was seen.
 */
import type { Page } from '@playwright/test';
import { test, expect, walkTo, press, seriousViolations, filesWithText, type Harness } from './fixtures';
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
  await expect(verdict).toHaveAttribute('data-status', 'pass', { timeout: 30_000 });
  await expect(verdict).toContainText('It worked: "HomeNet" accepts only WPA3 (SAE)');
  await expect(verdict).toContainText('rsn-flags=pair_ccmp group_ccmp sae');

  const checks = (await harness.ipc('checks:list')) as { value: { id: string; status: string; evidence: { kind: string } }[] };
  expect(checks.value.find((c) => c.id === 'wifi.encryption')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
  expect(checks.value.find((c) => c.id === 'wifi.passphrase')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
  for (const { file, text } of filesWithText(harness.profileDir)) expect(text, file).not.toContain(passphrase);
  expect(await seriousViolations(page)).toEqual([]);

  await harness.ipc('secrets:delete', { account: 'wifi/HomeNet' });
});

test('router left on WPA2: verification fails and says what it saw', async ({ wizardPage: page, harness }) => {
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
  await expect(verdict).toHaveAttribute('data-status', 'fail', { timeout: 40_000 });
  await expect(verdict).toContainText('still shows WPA2-Personal, not WPA3 (SAE)');
  await expect(verdict).toContainText('What Porchlight saw: "HomeNet" shows WPA2-Personal on 2 access point(s)');
  await expect(verdict).toContainText('rsn-flags=pair_ccmp group_ccmp psk');
  const checks = (await harness.ipc('checks:list')) as { value: { id: string; status: string; evidence: { kind: string } }[] };
  expect(checks.value.find((c) => c.id === 'wifi.encryption')).toMatchObject({ status: 'fail', evidence: { kind: 'verified' } });
  expect(await seriousViolations(page)).toEqual([]);
});
