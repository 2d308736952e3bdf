/**
 * Issue 16 end to end: the Wi-Fi step's "Let Porchlight change it" against the FRITZ!Box TR-064
 * simulator (127.0.0.60, TLS with its own certificate, digest login), with the real core, the real
 * keychain (scripts/with-keyring.sh) and Chromium. The fake nmcli mirrors the simulator's CURRENT
 * Wi-Fi (test/support/fritz-nmcli-mirror.ts), so the rescan that proves the change — and the step's
 * "Check again" — can see WPA3 only after the simulator really switched. This computer is on the
 * home Wi-Fi and on cable: the plan first refuses the change (it would cut the Wi-Fi link) with the
 * manual way out; the owner says the computer is on cable, agrees, and the step ends verified.
 * Run inside the lab network namespace.
 */
import { join } from 'node:path';
import { test, expect, walkTo, press, seriousViolations, filesWithText, keychainClear, ROOT, budget, fullPageScreenshot } from './fixtures';
import { createFakeNmcli, FAKE_NMCLI_DIR } from '../lab/fake-nmcli/state';
import { defaultFritzState, startFritzSimulator, type FritzSimulator } from '../lab/fritzbox/simulator';
import { mirrorFritzIntoNmcli, nmcliStateOf } from '../support/fritz-nmcli-mirror';

const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const LAB_PASSWORD = defaultFritzState().users[0]!.password;
const fake = createFakeNmcli({ networkManager: 'running', devices: [], accessPoints: [] });

test.use({
  harnessEnv: {
    PATH: `${FAKE_NMCLI_DIR}:${process.env.PATH ?? ''}`,
    PORCHLIGHT_FAKE_NMCLI_STATE: fake.statePath,
    PORCHLIGHT_FAKE_NMCLI_LOG: fake.logPath,
  },
});

let sim: FritzSimulator;
let mirror: { stop(): void };

test.beforeAll(async () => {
  sim = await startFritzSimulator();
  mirror = mirrorFritzIntoNmcli(sim, fake, { connectedTo: 'Lab Home', wired: true });
});
test.afterAll(async () => {
  mirror?.stop();
  await sim?.stop();
  keychainClear('router/admin');
});

test('Wi-Fi step: "Let Porchlight change it" turns the FRITZ!Box from WPA2 to WPA3 after a yes, and the step\'s check ends verified', async ({ wizardPage: page, harness }) => {
  test.setTimeout(budget(60_000));
  keychainClear('router/admin');
  expect(sim.state.wlans.map((w) => w.beaconType)).toEqual(['11i', '11i', '11i']);
  expect(nmcliStateOf(sim, { connectedTo: 'Lab Home', wired: true }).accessPoints![0]!.rsnFlags).not.toContain('sae');
  // The survey identified the gateway as a FRITZ!Box (the survey's own e2e covers how).
  await harness.control('POST', '/__test/router/surveyed', { address: sim.ip, vendor: 'AVM', model: 'FRITZ!Box 7590' });

  await walkTo(page, 'wifi');
  await press(page, page.getByRole('button', { name: 'Scan Wi-Fi now' }));
  await expect(page.getByTestId('wifi-class')).toHaveAttribute('data-class', 'wpa2');
  const panel = page.getByTestId('router-automation');
  await expect(panel.getByRole('heading', { name: 'Let Porchlight change it' })).toBeVisible();
  await expect(panel).toContainText('on your AVM FRITZ!Box 7590');
  // The manual guide stays beside it.
  await expect(page.getByText('Steps for WPA3 only')).toBeVisible();
  expect(sim.calls, 'nothing is sent to the router before the owner asks').toEqual([]);

  // The login is asked once: the user name to the profile, the password straight to the keychain.
  // By keyboard only: the form takes the focus, Tab to the password, Enter sends it.
  await press(page, panel.getByRole('button', { name: 'Let Porchlight change it' }));
  await expect(panel.getByLabel('Router user name')).toBeFocused();
  await page.keyboard.type('porchlight');
  await page.keyboard.press('Tab');
  await expect(panel.getByLabel('Router password')).toBeFocused();
  await page.keyboard.type(LAB_PASSWORD);
  await page.keyboard.press('Enter');

  // This computer is on "Lab Home": changing it would cut its Wi-Fi — refused, with the manual way out.
  const plan = panel.getByTestId('router-auto-plan');
  // One line for the home network's two radios (2.4 and 5 GHz), with how many.
  await expect(plan).toContainText('Change the security of "Lab Home" from WPA2 to WPA3 (on 2 of the router\'s Wi-Fi radios)', { timeout: budget(15_000) });
  await expect(plan.locator('li[data-refused="true"]')).toHaveCount(1);
  await expect(plan).toContainText('Not done automatically: this computer is connected through "Lab Home"');
  await expect(panel.getByTestId('router-auto-manual')).toContainText('use the manual guide below');
  await expect(panel.getByRole('button', { name: 'Yes, change my router' })).toHaveCount(0);
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-1-refused.png') });

  // On cable: the plan again, now both home networks will change; nothing has changed yet.
  const cable = panel.getByLabel('This computer is connected to the router by cable (or through another network)');
  await press(page, cable, 'Space');
  await expect(plan.locator('li[data-refused="false"]')).toHaveCount(1, { timeout: budget(15_000) });
  await expect(cable, 'the focus stays on the choice that re-read the plan').toBeFocused();
  await expect(plan.locator('li[data-refused="true"]')).toHaveCount(0);
  expect(sim.state.wlans.map((w) => w.beaconType)).toEqual(['11i', '11i', '11i']);
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-2-plan.png') });
  expect(await seriousViolations(page)).toEqual([]);

  await press(page, panel.getByRole('button', { name: 'Yes, change my router' }));
  const result = panel.getByTestId('router-auto-result');
  await expect(result).toHaveAttribute('data-outcome', 'verified', { timeout: budget(30_000) });
  await expect(result).toContainText('Done and checked');
  await expect(panel.locator('[data-focus-target]').first(), 'the result takes the focus').toBeFocused();
  await expect(result).toContainText('The scan found: "Lab Home" accepts only WPA3 (SAE)');
  expect(sim.state.wlans.map((w) => w.beaconType)).toEqual(['WPA3', 'WPA3', '11i']);
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-3-verified.png') });
  // The step's own reading follows (a rescan), and the checked result stays on screen.
  await expect(page.getByTestId('wifi-class')).toHaveAttribute('data-class', 'wpa3', { timeout: budget(15_000) });
  await expect(result).toBeVisible();

  // The step's own check (the audit's wifi.encryption verifier) rescans and passes.
  const box = page.getByTestId('wifi-check-again');
  await press(page, box.getByRole('button', { name: 'Check again' }));
  await expect(box.locator('[data-status]')).toHaveAttribute('data-status', 'pass', { timeout: budget(30_000) });
  await expect(box).toContainText('Passed: "Lab Home" uses WPA3');
  const checks = (await harness.ipc('checks:list')) as { value: { id: string; status: string; evidence: { kind: string } }[] };
  expect(checks.value.find((c) => c.id === 'wifi.encryption')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
  await fullPageScreenshot(page, join(SCREENSHOTS, 'router-automation-4-step.png'));
  await page.locator('.wifi-panel > section').first().screenshot({ path: join(SCREENSHOTS, 'router-automation-4-network.png') });

  // The router password: in the keychain, nowhere in the page, the profile or any nmcli argv.
  expect(await harness.ipc('secrets:reveal', { account: 'router/admin' })).toMatchObject({ ok: true, value: { secret: LAB_PASSWORD } });
  expect(await page.content()).not.toContain(LAB_PASSWORD);
  for (const { file, text } of filesWithText(harness.profileDir)) expect(text, file).not.toContain(LAB_PASSWORD);
  for (const call of fake.calls()) expect(call.argv.join(' ')).not.toContain(LAB_PASSWORD);
  expect(await seriousViolations(page)).toEqual([]);
});


test('updates step: "Let Porchlight change it" turns off WPS and, as chosen, UPnP — checked by reading the router again', async ({ wizardPage: page, harness }) => {
  test.setTimeout(budget(60_000));
  keychainClear('router/admin');
  sim.state.upnp = true;
  for (const w of sim.state.wlans) w.wpsEnabled = w.apType === 'normal';
  await harness.control('POST', '/__test/router/surveyed', { address: sim.ip, vendor: 'AVM', model: 'FRITZ!Box 7590' });
  await walkTo(page, 'updates');
  const panel = page.getByTestId('router-automation');
  await expect(panel).toContainText('Porchlight can make these changes on your AVM FRITZ!Box 7590');
  await press(page, panel.getByLabel('Turn off automatic port opening (UPnP)'), 'Space');
  await press(page, panel.getByRole('button', { name: 'Let Porchlight change it' }));
  await panel.getByLabel('Router user name').fill('porchlight');
  await panel.getByLabel('Router password').fill(LAB_PASSWORD);
  await press(page, panel.getByRole('button', { name: 'Save and read my router' }));
  const plan = panel.getByTestId('router-auto-plan');
  await expect(plan).toContainText('Turn off the push-button Wi-Fi setup (WPS)', { timeout: budget(15_000) });
  await expect(plan).toContainText('Turn off automatic port opening (UPnP)');
  // Remote administration was not chosen: not in the plan.
  await expect(plan).not.toContainText('remote access');
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-5-updates-plan.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await press(page, panel.getByRole('button', { name: 'Yes, change my router' }));
  const result = panel.getByTestId('router-auto-result');
  await expect(result).toHaveAttribute('data-outcome', 'verified', { timeout: budget(20_000) });
  await expect(result).toContainText('Your router reports the new settings when read again');
  expect([sim.state.wlans.some((w) => w.wpsEnabled), sim.state.upnp, sim.state.remoteAccess]).toEqual([false, false, true]);
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-6-updates-verified.png') });
  expect(await seriousViolations(page)).toEqual([]);
});

test('separate-network step: "Let Porchlight change it" turns on the IoT network, secured and isolated, with a passphrase made into the keychain — proven by a rescan', async ({ wizardPage: page, harness }) => {
  test.setTimeout(budget(90_000));
  keychainClear('router/admin', 'wifi/Lab Things');
  await harness.control('POST', '/__test/router/surveyed', { address: sim.ip, vendor: 'AVM', model: 'FRITZ!Box 7590' });
  const guestBefore = { ...sim.state.wlans[2]! };
  const callsBefore = sim.calls.length;
  expect([guestBefore.enabled, guestBefore.ssid]).toEqual([false, 'Lab Guest']);
  await walkTo(page, 'segmentation');
  const name = page.getByLabel('IoT network name', { exact: false }).first();
  await name.fill('Lab Things');
  const panel = page.getByTestId('router-automation');
  await expect(panel).toContainText('turn on the separate network "Lab Things" on your AVM FRITZ!Box 7590');
  // The manual steps for the router stay on the page.
  await expect(page.getByTestId('segmentation-plan')).toBeVisible();
  expect(sim.calls.slice(callsBefore).filter((c) => /^Set|ConfigurationStarted/.test(c.action)), 'nothing changed before the yes').toEqual([]);

  await press(page, panel.getByRole('button', { name: 'Let Porchlight change it' }));
  await panel.getByLabel('Router user name').fill('porchlight');
  await panel.getByLabel('Router password').fill(LAB_PASSWORD);
  await press(page, panel.getByRole('button', { name: 'Save and read my router' }));
  const plan = panel.getByTestId('router-auto-plan');
  await expect(plan).toContainText('Turn on the separate network "Lab Things" for smart devices, secured with WPA3 plus WPA2 for older devices (WPA2/WPA3 transition) and kept apart from your home network', { timeout: budget(15_000) });
  const preview = panel.getByTestId('router-auto-preview');
  await expect(preview).toContainText('Porchlight makes a new passphrase for "Lab Things" and saves it in your keychain');
  await expect(preview).toContainText('a new Wi-Fi scan from this computer must see "Lab Things" secured');
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-7-iot-plan.png') });
  expect(await seriousViolations(page)).toEqual([]);
  expect(sim.state.wlans[2]!.enabled).toBe(false);

  await press(page, panel.getByRole('button', { name: 'Yes, change my router' }));
  const result = panel.getByTestId('router-auto-result');
  await expect(result).toHaveAttribute('data-outcome', 'verified', { timeout: budget(30_000) });
  await expect(result).toContainText('A new Wi-Fi scan from this computer sees "Lab Things" with WPA2/WPA3 transition (WPA2 and SAE both accepted), as the router says');
  await expect(result).toContainText('Show the saved passphrase');
  const guest = sim.state.wlans[2]!;
  expect([guest.ssid, guest.enabled, guest.beaconType, guest.apType]).toEqual(['Lab Things', true, '11iandWPA3', 'guest']);
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-8-iot-verified.png') });

  // The passphrase Porchlight made is the router's, shown only through the step's reveal of the keychain.
  expect(await page.content()).not.toContain(guest.passphrase);
  await press(page, page.getByRole('button', { name: 'Show the saved passphrase' }));
  await expect(page.getByTestId('segmentation-saved-passphrase')).toHaveText(guest.passphrase);
  // …with its join code, so devices can scan it instead of the owner typing it.
  const qr = page.getByTestId('segmentation-saved-join').getByRole('img', { name: 'QR code to join Lab Things' });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  await fullPageScreenshot(page, join(SCREENSHOTS, 'router-automation-9-iot-step.png'));
  expect(await seriousViolations(page)).toEqual([]);
  for (const { file, text } of filesWithText(harness.profileDir)) {
    expect(text, file).not.toContain(guest.passphrase);
    expect(text, file).not.toContain(LAB_PASSWORD);
  }
  for (const call of fake.calls()) expect(call.argv.join(' ')).not.toContain(guest.passphrase);
  // Put the lab's guest network back for any later test.
  Object.assign(sim.state.wlans[2]!, guestBefore);
  keychainClear('wifi/Lab Things');
});

test('passwords step: "Let Porchlight change it" gives the router a new admin password, logs in with it, keeps the old one as previous, and the factory-password check is measured again', async ({ wizardPage: page, harness }) => {
  test.setTimeout(budget(90_000));
  keychainClear('router/admin', 'router/admin/previous', 'router/admin/next');
  sim.state.defaultPasswordActive = true;
  await harness.control('POST', '/__test/router/surveyed', { address: sim.ip, vendor: 'AVM', model: 'FRITZ!Box 7590' });
  await walkTo(page, 'passwords');
  const panel = page.getByTestId('router-automation');
  await expect(panel).toContainText('give your AVM FRITZ!Box 7590 a new administrator password');
  await press(page, panel.getByRole('button', { name: 'Let Porchlight change it' }));
  await panel.getByLabel('Router user name').fill('porchlight');
  await panel.getByLabel('Router password').fill(LAB_PASSWORD);
  await press(page, panel.getByRole('button', { name: 'Save and read my router' }));
  const plan = panel.getByTestId('router-auto-plan');
  await expect(plan).toContainText('Give the router a new admin password', { timeout: budget(15_000) });
  await expect(panel.getByTestId('router-auto-preview')).toContainText('kept in your keychain as the previous one until you discard it');
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-10-admin-plan.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await press(page, panel.getByRole('button', { name: 'Yes, change my router' }));
  const result = panel.getByTestId('router-auto-result');
  await expect(result).toHaveAttribute('data-outcome', 'verified', { timeout: budget(30_000) });
  await expect(result).toContainText('logged in to the router with the new administrator password');
  await expect(result.getByTestId('router-auto-admin-check')).toHaveAttribute('data-status', 'pass');
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-11-admin-verified.png') });
  const now = ((await harness.ipc('secrets:reveal', { account: 'router/admin' })) as { value: { secret: string } }).value.secret;
  expect(now).not.toBe(LAB_PASSWORD);
  expect(sim.state.users[0]!.password).toBe(now);
  expect(await harness.ipc('secrets:reveal', { account: 'router/admin/previous' })).toMatchObject({ ok: true, value: { secret: LAB_PASSWORD } });
  const checks = (await harness.ipc('checks:list')) as { value: { id: string; status: string; evidence: { kind: string } }[] };
  expect(checks.value.find((c) => c.id === 'router.admin-default')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
  // Neither password on the page or in the profile.
  const html = await page.content();
  expect(html).not.toContain(now);
  expect(html).not.toContain(LAB_PASSWORD);
  for (const { file, text } of filesWithText(harness.profileDir)) {
    expect(text, file).not.toContain(now);
    expect(text, file).not.toContain(LAB_PASSWORD);
  }
  // The router login above reads its saved passwords again: the kept previous one is offered (revealed only on request), with the discard.
  await expect(result).toContainText('The router login above now shows the new password and the previous one');
  await expect(page.getByTestId('kept-previous').first()).toBeVisible();
  await fullPageScreenshot(page, join(SCREENSHOTS, 'router-automation-12-passwords-step.png'));
  expect(await seriousViolations(page)).toEqual([]);
  // Put the lab back.
  sim.state.users[0]!.password = LAB_PASSWORD;
  keychainClear('router/admin', 'router/admin/previous');
});
