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
import { test, expect, walkTo, press, seriousViolations, filesWithText, keychainClear, ROOT } from './fixtures';
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
  test.setTimeout(60_000);
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
  await expect(plan).toContainText('Change the security of "Lab Home" from WPA2 to WPA3 (on 2 of the router\'s Wi-Fi radios)', { timeout: 15_000 });
  await expect(plan.locator('li[data-refused="true"]')).toHaveCount(1);
  await expect(plan).toContainText('Not done automatically: this computer is connected through "Lab Home"');
  await expect(panel.getByTestId('router-auto-manual')).toContainText('use the manual guide below');
  await expect(panel.getByRole('button', { name: 'Yes, change my router' })).toHaveCount(0);
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-1-refused.png') });

  // On cable: the plan again, now both home networks will change; nothing has changed yet.
  const cable = panel.getByLabel('This computer is connected to the router by cable (or through another network)');
  await press(page, cable, 'Space');
  await expect(plan.locator('li[data-refused="false"]')).toHaveCount(1, { timeout: 15_000 });
  await expect(cable, 'the focus stays on the choice that re-read the plan').toBeFocused();
  await expect(plan.locator('li[data-refused="true"]')).toHaveCount(0);
  expect(sim.state.wlans.map((w) => w.beaconType)).toEqual(['11i', '11i', '11i']);
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-2-plan.png') });
  expect(await seriousViolations(page)).toEqual([]);

  await press(page, panel.getByRole('button', { name: 'Yes, change my router' }));
  const result = panel.getByTestId('router-auto-result');
  await expect(result).toHaveAttribute('data-outcome', 'verified', { timeout: 30_000 });
  await expect(result).toContainText('Done and checked');
  await expect(panel.locator('[data-focus-target]').first(), 'the result takes the focus').toBeFocused();
  await expect(result).toContainText('The scan found: "Lab Home" accepts only WPA3 (SAE)');
  expect(sim.state.wlans.map((w) => w.beaconType)).toEqual(['WPA3', 'WPA3', '11i']);
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-3-verified.png') });
  // The step's own reading follows (a rescan), and the checked result stays on screen.
  await expect(page.getByTestId('wifi-class')).toHaveAttribute('data-class', 'wpa3', { timeout: 15_000 });
  await expect(result).toBeVisible();

  // The step's own check (the audit's wifi.encryption verifier) rescans and passes.
  const box = page.getByTestId('wifi-check-again');
  await press(page, box.getByRole('button', { name: 'Check again' }));
  await expect(box.locator('[data-status]')).toHaveAttribute('data-status', 'pass', { timeout: 30_000 });
  await expect(box).toContainText('Passed: "Lab Home" uses WPA3');
  const checks = (await harness.ipc('checks:list')) as { value: { id: string; status: string; evidence: { kind: string } }[] };
  expect(checks.value.find((c) => c.id === 'wifi.encryption')).toMatchObject({ status: 'pass', evidence: { kind: 'verified' } });
  await page.screenshot({ path: join(SCREENSHOTS, 'router-automation-4-step.png'), fullPage: true });
  await page.locator('.wifi-panel > section').first().screenshot({ path: join(SCREENSHOTS, 'router-automation-4-network.png') });

  // The router password: in the keychain, nowhere in the page, the profile or any nmcli argv.
  expect(await harness.ipc('secrets:reveal', { account: 'router/admin' })).toMatchObject({ ok: true, value: { secret: LAB_PASSWORD } });
  expect(await page.content()).not.toContain(LAB_PASSWORD);
  for (const { file, text } of filesWithText(harness.profileDir)) expect(text, file).not.toContain(LAB_PASSWORD);
  for (const call of fake.calls()) expect(call.argv.join(' ')).not.toContain(LAB_PASSWORD);
  expect(await seriousViolations(page)).toEqual([]);
});


test('updates step: "Let Porchlight change it" turns off WPS and, as chosen, UPnP — checked by reading the router again', async ({ wizardPage: page, harness }) => {
  test.setTimeout(60_000);
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
  await expect(plan).toContainText('Turn off the push-button Wi-Fi setup (WPS)', { timeout: 15_000 });
  await expect(plan).toContainText('Turn off automatic port opening (UPnP)');
  // Remote administration was not chosen: not in the plan.
  await expect(plan).not.toContainText('remote access');
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-5-updates-plan.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await press(page, panel.getByRole('button', { name: 'Yes, change my router' }));
  const result = panel.getByTestId('router-auto-result');
  await expect(result).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
  await expect(result).toContainText('Your router reports the new settings when read again');
  expect([sim.state.wlans.some((w) => w.wpsEnabled), sim.state.upnp, sim.state.remoteAccess]).toEqual([false, false, true]);
  await panel.screenshot({ path: join(SCREENSHOTS, 'router-automation-6-updates-verified.png') });
  expect(await seriousViolations(page)).toEqual([]);
});
