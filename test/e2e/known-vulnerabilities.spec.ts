/**
 * Known exploited vulnerabilities end to end (issue 18): the discovery lab holds a D-Link DIR-645,
 * a model on CISA's KEV list as end of life (CVE-2015-2051). Survey → Updates & outages shows it
 * with the required action in plain words and the catalog date; an unidentified device gets the
 * maker/model form, and what the owner enters is matched; the summary's HTML and JSON exports carry
 * the device table's known vulnerabilities and how each match was made.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, walkTo, press, expectStep, ROOT, budget, fullPageScreenshot } from './fixtures';

const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('bash', [join(ROOT, 'scripts', 'lab-net-up.sh')], { stdio: 'pipe' });
});

interface JsonReport {
  checks: Array<{ id: string; status: string; reasonMessage: { code: string } | null }>;
  knownVulnerabilities: { catalogVersion: string; devices: Array<{ key: string; model: string | null; status: string; matches: Array<{ cve: string; how: string; action: string }> }> } | null;
}

test('a catalogued router: survey → updates step → report, with CISA\'s required action', async ({ wizardPage: page, harness }) => {
  test.setTimeout(budget(240_000));
  const r = (await harness.control('POST', '/__test/survey/lab/start', { seconds: 4 })) as { routerIp?: string };
  expect(r.routerIp).toBe('127.0.0.40');
  try {
    await walkTo(page, 'survey');
    await press(page, page.getByRole('button', { name: 'Allow it for this survey' }));
    await press(page, page.getByRole('button', { name: 'Start the survey' }));
    await expect(page.getByTestId('survey-progress')).toHaveAttribute('data-phase', 'done', { timeout: budget(30_000) });
    await walkTo(page, 'updates');

    const panel = page.getByTestId('known-vulnerabilities');
    await expect(panel).toContainText('Known Exploited Vulnerabilities catalog of 2025-08-25');
    const dlink = panel.locator('[data-testid="known-vulns-device"][data-status="end-of-life"]');
    await expect(dlink).toHaveCount(1);
    await expect(dlink).toContainText('D-Link DIR-645');
    await expect(dlink).toContainText('The maker no longer supports this model: replace it.');
    await expect(dlink.locator('[data-cve="CVE-2015-2051"]')).toHaveAttribute('data-how', 'exact-model');
    await expect(dlink).toContainText('the entry names this exact model');
    // The Hikvision camera's product line is listed without models: a warning, not end of life.
    const camera = panel.locator('[data-testid="known-vulns-device"]', { hasText: 'DS-2CD2143G2-I' });
    await expect(camera).toHaveAttribute('data-status', 'listed');
    await expect(camera.locator('[data-cve="CVE-2021-36260"]')).toHaveAttribute('data-how', 'model-family');
    // The Sonos speaker is identified and not listed.
    await expect(panel.locator('[data-testid="known-vulns-device"]', { hasText: 'Sonos One' })).toHaveAttribute('data-status', 'clear');
    // Firmware the devices announce themselves (Sonos: its description's softwareVersion; Shelly: its mDNS "ver"), never a SERVER header's.
    await expect(panel.locator('[data-testid="known-vulns-device"]', { hasText: 'Sonos One' })).toContainText('70.3-35220');
    await expect(panel.locator('[data-testid="known-vulns-device"]', { hasText: 'shellyplugsg3' }).first()).toContainText('1.4.4');
    // Security features: only from evidence; nothing measured yet in this walk, so each is named as not known.
    await expect(dlink.getByTestId('known-vulns-features')).toContainText('Not known: factory password, separate network, HTTPS login page');
    await expect(dlink.getByTestId('known-vulns-updates')).toContainText('not known');
    await fullPageScreenshot(page, join(SCREENSHOTS, 'known-vulnerabilities-01-updates.png'));

    // An unidentified device: the owner enters its maker and model, and it is matched at once.
    // (Devices with nothing on the list sit behind a counted disclosure: open it first.)
    await panel.getByTestId('known-vulns-group-unidentified').locator('summary').click();
    const unknown = panel.locator('[data-testid="known-vulns-device"][data-status="unidentified"]').first();
    const key = await unknown.getAttribute('data-key');
    const form = unknown.getByTestId('known-vulns-identify');
    await form.getByLabel('Maker').fill('TP-Link');
    await form.getByLabel('Model').fill('Archer AX21');
    await press(page, form.getByRole('button', { name: 'Check this device' }));
    const entered = panel.locator(`[data-testid="known-vulns-device"][data-key="${key}"]`);
    await expect(entered).toHaveAttribute('data-status', 'listed');
    await expect(entered).toContainText('as you entered them');
    await expect(entered.locator('[data-cve="CVE-2023-1389"]')).toBeVisible();
    await fullPageScreenshot(page, join(SCREENSHOTS, 'known-vulnerabilities-02-entered.png'));

    await walkTo(page, 'summary');
    await expectStep(page, 'summary');
    await press(page, page.getByRole('button', { name: 'Save this audit' }));
    await expect(page.getByTestId('audit-saved')).toContainText('Audit saved on');
    const exported: Record<string, string> = {};
    for (const [format, label] of [['html', 'Export HTML report'], ['json', 'Export JSON data'], ['pdf', 'Export PDF report']] as const) {
      await press(page, page.getByRole('button', { name: label }));
      const item = page.getByTestId('audit-exports').locator(`li[data-format="${format}"]`);
      await expect(item).toBeVisible({ timeout: budget(30_000) });
      exported[format] = (await item.getAttribute('data-path'))!;
    }
    await expect(page.locator('.all-checks li.check[data-check-id="devices.known-vulnerabilities"]')).toHaveClass(/check-fail/);
    const json = JSON.parse(readFileSync(exported.json!, 'utf8')) as JsonReport;
    expect(json.checks.find((c) => c.id === 'devices.known-vulnerabilities')).toMatchObject({ status: 'fail', reasonMessage: { code: 'vulns.end-of-life' } });
    expect(json.knownVulnerabilities?.catalogVersion).toBe('2025.08.25');
    const d = json.knownVulnerabilities!.devices.find((x) => x.model === 'DIR-645')!;
    expect(d.status).toBe('end-of-life');
    expect(d.matches.find((m) => m.cve === 'CVE-2015-2051')).toMatchObject({ how: 'exact-model', action: 'end-of-life' });
    const html = readFileSync(exported.html!, 'utf8');
    expect(html).toContain('Known exploited vulnerabilities');
    // The device table documents firmware, security features and known vulnerabilities per device (no secret in it).
    expect(html).toContain('<th scope="col">Firmware and security features</th>');
    expect(html).toContain('70.3-35220');
    expect(html).toContain('Not known: factory password, separate network, HTTPS login page');
    const table = html.slice(html.indexOf('<h2>Every device</h2>'), html.indexOf('</table>', html.indexOf('<h2>Every device</h2>')));
    expect(table).toContain('CVE-2015-2051');
    expect(table).not.toMatch(/password\s*[:=]|passphrase|secret/i);
    // Another router-kind device (the ASUS on miniupnpd, firmware advertised nowhere) never shows the gateway's firmware.
    const asusRow = table.split('<tr>').find((row) => row.includes('127.0.0.50'))!;
    expect(asusRow).toContain('<span class="muted">Firmware:</span> not known');
    expect(statSync(exported.pdf!).size).toBeGreaterThan(10_000);
    copyFileSync(exported.pdf!, join(SCREENSHOTS, 'known-vulnerabilities-report.pdf'));
    expect(html).toContain('CVE-2015-2051');
    expect(html).toContain('The maker no longer supports this model: replace it.');
    expect(html).toContain('CISA’s required action: The impacted product is end-of-life and should be disconnected if still in use.');
    await fullPageScreenshot(page, join(SCREENSHOTS, 'known-vulnerabilities-03-summary.png'));
  } finally {
    await harness.control('POST', '/__test/survey/lab/stop');
  }
});
