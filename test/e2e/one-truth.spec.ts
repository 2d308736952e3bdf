/**
 * One truth about the home (issue 12), end to end in the harness: walk the wizard to the summary,
 * save, reload (still saved, export still allowed, no second audit in history), export HTML, JSON
 * and PDF, and check that the score on screen is the score of every export and that every check
 * has the same status on the board, in the JSON and in the HTML — with names, not check ids or raw
 * JSON, in what the user reads. The walk surveys the loopback discovery lab (the owner's consent, so
 * the survey's scope is saved in the home model); after the exports, with the lab unchanged, the
 * BUILT `node dist/cli.mjs audit --json` runs on the same profile with no scope flags: it probes the
 * lab again (the lab hears new queries) and reports the same score and the same status per check.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, walkTo, press, expectStep, answerWelcome, chooseRadio, next, openDeviceGroups, ROOT, type Harness, budget, fullPageScreenshot } from './fixtures';

const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const CLI = join(ROOT, 'dist', 'cli.mjs');
test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('bash', [join(ROOT, 'scripts', 'lab-net-up.sh')], { stdio: 'pipe' });
});

interface LabStart {
  routerIp?: string;
  neighborFile?: string;
}
type Heard = { running: string[]; heard: { ssdp: number; mdns: number } | null };

/** Starts the discovery lab inside the harness (its survey sees nothing else). */
async function startLab(harness: Harness): Promise<Required<LabStart>> {
  const r = (await harness.control('POST', '/__test/survey/lab/start', { seconds: 4 })) as LabStart;
  expect(r.routerIp, JSON.stringify(r)).toBe('127.0.0.40');
  expect(r.neighborFile).toBeTruthy();
  return r as Required<LabStart>;
}

/** Survey step: the owner allows discovery for this survey and runs it over the lab. */
async function surveyLab(page: Page): Promise<void> {
  // The welcome step: the owner allows looking for devices and asking the router what it is (saved
  // in the home model, so the headless audit re-checks them), not the Wi-Fi scan or the password check.
  await answerWelcome(page, { consent: 'No, do not' });
  for (const probe of ['routerIdentity', 'deviceDiscovery']) await chooseRadio(page, page.locator(`fieldset.consent-question[data-probe="${probe}"]`), 'Yes, allow');
  await next(page);
  await walkTo(page, 'survey');
  await press(page, page.getByRole('button', { name: 'Start the survey' }));
  await expect(page.getByTestId('survey-progress')).toHaveAttribute('data-phase', 'done', { timeout: budget(30_000) });
}

/** The built CLI's `audit --json` on `profileDir`, no scope flags; the JSON it prints and its exit code. */
function cliAudit(profileDir: string, neighborFile: string): Promise<{ code: number | null; report: CliReport; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PORCHLIGHT_PROFILE: profileDir, PORCHLIGHT_NEIGHBOR_TABLE: neighborFile };
    const child = spawn(process.execPath, [CLI, 'audit', '--json'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      try {
        resolve({ code, report: JSON.parse(stdout) as CliReport, stderr });
      } catch (err) {
        reject(new Error(`audit printed no JSON (exit ${code}): ${stdout.slice(0, 500)} ${stderr.slice(0, 2000)}`, { cause: err }));
      }
    });
  });
}

type Status = 'pass' | 'warn' | 'fail' | 'unknown' | 'skipped';
interface JsonReport {
  schemaVersion: number;
  score: number;
  checks: Array<{ id: string; title: string; status: Status; reason: string | null; reasonMessage: { code: string } | null }>;
}
interface CliReport {
  score: number;
  checks: Array<{ id: string; status: Status; evidence: { kind: string; at: string | null } }>;
  inventory: Array<{ ip: string | null }>;
}

/** The score the summary shows ("NN out of 100"). */
async function screenScore(page: Page): Promise<number> {
  const text = (await page.getByTestId('audit-score').textContent()) ?? '';
  const m = /(\d+)\s*out of 100/.exec(text);
  expect(m, `score text: ${text}`).not.toBeNull();
  return Number(m![1]);
}

/** Every check's status as the summary's list shows it (its class), by check id. */
async function boardStatuses(page: Page): Promise<Record<string, Status>> {
  const rows = page.locator('.all-checks li.check');
  const out: Record<string, Status> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const id = (await row.getAttribute('data-check-id'))!;
    out[id] = /check-(pass|warn|fail|unknown|skipped)/.exec((await row.getAttribute('class')) ?? '')![1] as Status;
  }
  return out;
}

const CHECK_ID = /\b(?:wifi|network|router|devices|accounts|voice|resilience|docs)\.[a-z][a-z0-9-]+\b/;

test('save, reload, export, headless audit: one score, one status per check, everywhere', async ({ wizardPage: page, harness }) => {
  test.setTimeout(budget(300_000));
  const lab = await startLab(harness);
  try {
    await surveyLab(page);
    await walkTo(page, 'summary');
    await oneTruth(page, harness, lab);
  } finally {
    await harness.control('POST', '/__test/survey/lab/stop');
  }
});

async function oneTruth(page: Page, harness: Harness, lab: Required<LabStart>): Promise<void> {
  await expectStep(page, 'summary');

  await press(page, page.getByRole('button', { name: 'Save this audit' }));
  await expect(page.getByTestId('audit-saved')).toContainText('Audit saved on');
  const savedScore = await screenScore(page);

  // A reload keeps the audit saved: no second "Save", exports allowed, still one audit in history.
  await page.reload();
  await expectStep(page, 'summary');
  await expect(page.getByTestId('audit-saved')).toContainText('Audit saved on');
  await expect(page.getByRole('button', { name: 'Save this audit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export HTML report' })).toBeEnabled();
  expect(((await harness.ipc('audit:history')).value as unknown[]).length).toBe(1);
  expect(await screenScore(page)).toBe(savedScore);

  const exported: Record<string, string> = {};
  for (const [format, label] of [['html', 'Export HTML report'], ['json', 'Export JSON data'], ['pdf', 'Export PDF report']] as const) {
    await press(page, page.getByRole('button', { name: label }));
    const item = page.getByTestId('audit-exports').locator(`li[data-format="${format}"]`);
    await expect(item).toBeVisible({ timeout: budget(60_000) });
    exported[format] = (await item.getAttribute('data-path'))!;
  }
  await fullPageScreenshot(page, join(SCREENSHOTS, 'one-truth-01-summary-exported.png'));

  // One score: on screen, in the JSON, the HTML and the PDF (the export settled docs.report in all of them).
  const json = JSON.parse(readFileSync(exported.json!, 'utf8')) as JsonReport;
  expect(json.schemaVersion).toBe(2);
  const shown = await screenScore(page);
  expect(json.score).toBe(shown);
  const html = readFileSync(exported.html!, 'utf8');
  expect(/<section class="score"[^>]*><b>(\d+)<\/b>/.exec(html)?.[1]).toBe(String(shown));
  const pdfText = execFileSync('pdftotext', [exported.pdf!, '-'], { encoding: 'utf8' });
  expect(pdfText).toMatch(new RegExp(`\\b${shown}\\s+out of 100`));

  // One status per check: the board the user sees equals the JSON; docs.report is passed in both.
  await expect(page.locator('.all-checks li.check[data-check-id="docs.report"]')).toHaveClass(/check-pass/);
  const board = await boardStatuses(page);
  expect(Object.keys(board).length).toBe(json.checks.length);
  for (const c of json.checks) expect(board[c.id], c.id).toBe(c.status);
  // …and the HTML prints each check's title with that status.
  for (const c of json.checks) {
    const label = { pass: 'Pass', warn: 'Warning', fail: 'Fail', unknown: 'Unknown', skipped: 'Skipped' }[c.status];
    expect(html, c.id).toContain(`<span class="st st-${c.status}">${label}</span></td>\n  <td><b>${c.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</b>`);
  }
  // The JSON keeps ids and carries the reasons as codes.
  expect(json.checks.filter((c) => c.reason !== null).every((c) => c.reasonMessage !== null)).toBe(true);

  // Names, not ids or JSON, in what the user reads: the summary and the exported HTML.
  const screenText = await page.locator('main').innerText();
  expect(screenText).not.toMatch(CHECK_ID);
  expect(screenText).not.toMatch(/\{"|":/);
  const reportPage = await page.context().newPage();
  await reportPage.goto(`file://${exported.html!}`);
  const reportText = await reportPage.locator('body').innerText();
  await reportPage.screenshot({ path: join(SCREENSHOTS, 'one-truth-02-report-html.png'), fullPage: true });
  await reportPage.close();
  expect(reportText).not.toMatch(CHECK_ID);
  expect(reportText).not.toMatch(/\{"|":/);
  expect(pdfText).not.toMatch(CHECK_ID);

  // Another reload after the exports: still the same saved audit, the same score, no new audit.
  await page.reload();
  await expectStep(page, 'summary');
  await expect(page.getByTestId('audit-saved')).toContainText('Audit saved on');
  expect(await screenScore(page)).toBe(shown);
  expect(((await harness.ipc('audit:history')).value as unknown[]).length).toBe(1);

  // The headless audit on the same profile, the lab unchanged, no scope flags: it re-checks the
  // network the owner surveyed in the app (the lab hears new queries) and agrees with everything above.
  const before = (await harness.control('GET', '/__test/survey/lab')) as Heard;
  const cliStarted = new Date().toISOString();
  const { code, report, stderr } = await cliAudit(harness.profileDir, lab.neighborFile);
  expect(code, stderr).not.toBe(2);
  expect(stderr).toContain('(the network you surveyed in the app)');
  // only what the owner allowed on the welcome step is re-run; the rest says why it was not
  expect(stderr).toContain('you said no in the app to scanning for Wi-Fi networks');
  expect(stderr).toMatch(/not re-checked: .*Wi-Fi/);
  const after = (await harness.control('GET', '/__test/survey/lab')) as Heard;
  expect(after.heard!.ssdp + after.heard!.mdns, 'the CLI probed the lab again').toBeGreaterThan(before.heard!.ssdp + before.heard!.mdns);
  expect(report.inventory.map((d) => d.ip)).toEqual(expect.arrayContaining(['127.0.0.40', '127.0.0.41', '127.0.0.42']));
  expect(Object.fromEntries(report.checks.map((c) => [c.id, c.status]))).toEqual(board);
  expect(Object.fromEntries(report.checks.map((c) => [c.id, c.status]))).toEqual(Object.fromEntries(json.checks.map((c) => [c.id, c.status])));
  expect(report.score).toBe(shown);
  // …measured now, not read back from the saved audit.
  const inventoryCheck = report.checks.find((c) => c.id === 'devices.inventory')!;
  expect(inventoryCheck.evidence.kind).toBe('verified');
  expect(inventoryCheck.evidence.at! >= cliStarted, `${inventoryCheck.evidence.at} >= ${cliStarted}`).toBe(true);
  console.log(`one-truth: CLI exit ${code}, score ${report.score}, statuses ${JSON.stringify(board)}`);
}

test('a removed device stays removed: survey again, the Passwords and Updates steps, the report', async ({ wizardPage: page, harness }) => {
  test.setTimeout(budget(240_000));
  await startLab(harness);
  try {
    await surveyLab(page);
    const hue = page.locator('[data-testid="survey-device"][data-ip="127.0.0.43"]');
    // The device list can arrive just after the progress says done (a loaded machine): its group must exist before the groups are opened.
    await expect(hue).toBeAttached();
    await openDeviceGroups(page);
    await expect(hue).toBeVisible();
    const inventory = (await harness.ipc('survey:inventory')).value as { devices: Array<{ id: string; ip: string | null }> };
    const id = inventory.devices.find((d) => d.ip === '127.0.0.43')!.id;
    const ids = async (channel: 'passwords:targets' | 'updates:plan') => {
      const r = await harness.ipc(channel, channel === 'updates:plan' ? {} : undefined);
      expect(r.ok, JSON.stringify(r.error)).toBe(true);
      return (r.value as { devices: Array<{ id: string }> }).devices.map((d) => d.id);
    };
    // Before: the Hue bridge is a device the Updates step asks about.
    expect(await ids('updates:plan')).toContain(id);
    expect(await ids('passwords:targets')).toContain(id);

    await press(page, page.getByRole('button', { name: 'Remove Philips hue (127.0.0.43) from the inventory' }));
    await expect(hue).toHaveCount(0);

    // A second survey over the unchanged lab: the bridge still answers, and still stays out.
    const heard = async () => {
      const h = ((await harness.control('GET', '/__test/survey/lab')) as Heard).heard!;
      return h.ssdp + h.mdns;
    };
    const before = await heard();
    await press(page, page.getByRole('button', { name: 'Survey again' }));
    await expect.poll(heard, { timeout: budget(30_000) }).toBeGreaterThan(before);
    await expect(page.getByTestId('survey-progress')).toHaveAttribute('data-phase', 'done', { timeout: budget(30_000) });
    await openDeviceGroups(page);
    await expect(page.locator('[data-testid="survey-device"][data-ip="127.0.0.41"]')).toBeVisible();
    await expect(hue).toHaveCount(0);
    const after = (await harness.ipc('survey:inventory')).value as { devices: Array<{ id: string; ip: string | null }> };
    expect(after.devices.map((d) => d.ip)).not.toContain('127.0.0.43');
    expect(await ids('passwords:targets')).not.toContain(id);
    expect(await ids('updates:plan')).not.toContain(id);

    // The steps the user walks through, and the exported report.
    for (const step of ['passwords', 'updates', 'summary']) {
      await walkTo(page, step);
      await expect(page.locator('article.step')).not.toContainText('Philips hue');
      await expect(page.locator('article.step')).not.toContainText('127.0.0.43');
    }
    await press(page, page.getByRole('button', { name: 'Save this audit' }));
    await expect(page.getByTestId('audit-saved')).toContainText('Audit saved on');
    const exported: Record<string, string> = {};
    for (const [format, label] of [['html', 'Export HTML report'], ['json', 'Export JSON data']] as const) {
      await press(page, page.getByRole('button', { name: label }));
      const item = page.getByTestId('audit-exports').locator(`li[data-format="${format}"]`);
      await expect(item).toBeVisible({ timeout: budget(60_000) });
      exported[format] = (await item.getAttribute('data-path'))!;
    }
    const html = readFileSync(exported.html!, 'utf8');
    expect(html).toContain('127.0.0.41');
    expect(html).not.toContain('127.0.0.43');
    expect(html).not.toContain('Philips hue');
    const json = JSON.parse(readFileSync(exported.json!, 'utf8')) as { inventory?: Array<{ ip: string | null }> };
    expect(json.inventory?.map((d) => d.ip)).toContain('127.0.0.41');
    expect(json.inventory?.map((d) => d.ip)).not.toContain('127.0.0.43');
  } finally {
    await harness.control('POST', '/__test/survey/lab/stop');
  }
});
