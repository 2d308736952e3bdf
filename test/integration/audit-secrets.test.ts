/**
 * No secret in any report, nor anywhere in the profile directory: the REAL keychain (a private
 * gnome-keyring started by scripts/with-keyring.sh) is filled with known secrets through the
 * product's own paths, a full audit runs (the app's completion and the headless CLI), all three
 * formats are exported (PDF through real headless Chromium), and every file — plus the text
 * poppler extracts from each PDF — is searched for every secret in every encoding.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeCore } from '../../main/compose.js';
import type { Core } from '../../main/core/app-core.js';
import { DeviceRecordSchema } from '../../main/core/model/index.js';
import { ROOT, SECRET, findLeaks, listFiles, leakPatterns, secretServiceOwned } from './keychain-helpers.js';
import { buildNodeBundles } from './built-bundles.js';

const hasKeyring = secretServiceOwned();
const MARKER = 'MarkerDevice7f3a';

let profile: string;
let core: Core;
const secrets: Record<string, string> = {};
const accounts: string[] = [];

beforeAll(async () => {
  if (!hasKeyring) return;
  buildNodeBundles(ROOT);
  profile = mkdtempSync(join(tmpdir(), 'porchlight-audit-secrets-'));
  core = createNodeCore({ host: 'harness', profileDir: profile, opener: { async open() {} } });
  // Secrets go in the way the wizard puts them there.
  const wifi = await core.wifi.generatePassphrase({ ssid: 'Audit-Home', style: 'words', mode: 'wpa3' });
  expect(wifi.stored).toBe(true);
  secrets['wifi passphrase'] = wifi.passphrase;
  const device = await core.credentials.generate({ kind: 'device', id: 'cam-1' });
  expect(device.stored.stored).toBe(true);
  secrets['device password'] = device.password;
  for (const [account, value] of [['router/admin', SECRET], ['account/amazon/recovery-codes', 'RC-1111-2222 RC-3333-4444 RC-5555-6666']] as const) {
    expect((await core.secrets.put(account, value)).stored).toBe(true);
    secrets[account] = value;
  }
  accounts.push('wifi/Audit-Home', 'device/cam-1', 'router/admin', 'account/amazon/recovery-codes');
  // A device whose (non-secret) name must show up in the PDF text: the positive control. Added by
  // hand to the home model, where the audit's inventory comes from.
  core.model.putDevice(
    DeviceRecordSchema.parse({ id: 'aa:bb:cc:00:00:01', ip: '127.0.0.61', mac: 'aa:bb:cc:00:00:01', vendor: 'Acme', category: 'camera', names: [MARKER], services: [], firstSeen: null, lastSeen: null, manual: true }),
  );
  core.checks.confirm('accounts.2fa', 'pass', 'authenticator app on amazon');
}, 120_000);

afterAll(async () => {
  if (!hasKeyring) return;
  for (const a of accounts) await core.secrets.delete(a).catch(() => false);
});

describe.skipIf(!hasKeyring)('audit reports never hold a secret', () => {
  it('the secrets are really in the keychain', async () => {
    for (const a of accounts) expect((await core.secrets.reveal(a)).length).toBeGreaterThan(0);
  });

  it('a full audit exported as HTML, JSON and PDF, and the CLI audit, leave no secret anywhere in the profile', async () => {
    core.audit.complete('first-time');
    const written = [];
    for (const format of ['html', 'json', 'pdf'] as const) written.push(await core.audit.exportToSink(format));
    expect(written.map((w) => w.path.startsWith(join(profile, 'reports'))).every(Boolean)).toBe(true);

    const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.mjs'), 'audit', '--json', '--html', join(profile, 'cli.html'), '--pdf', join(profile, 'cli.pdf')], {
      cwd: ROOT,
      env: { ...process.env, PORCHLIGHT_PROFILE: profile },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(cli.status, cli.stderr).toBe(1);
    const cliReport = JSON.parse(cli.stdout) as { checks: { id: string }[] };
    expect(cliReport.checks).toHaveLength(21);

    // PDFs compress their text: search what poppler extracts too, and prove the extraction works.
    const pdfs = listFiles(profile).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(2);
    // Table cells wrap long words across lines: compare with all white space removed.
    const squash = (t: string) => t.replace(/\s+/g, '');
    const pdfTexts = pdfs.map((f) => squash(execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' })));
    for (const t of pdfTexts) expect(t).toContain(MARKER);
    expect(readFileSync(written[0]!.path, 'utf8')).toContain(MARKER);

    const files = listFiles(profile);
    expect(files.some((f) => f.endsWith('history.json'))).toBe(true);
    expect(files.some((f) => f.includes(join('logs', 'porchlight.log')))).toBe(true);
    for (const [name, secret] of Object.entries(secrets)) {
      expect(findLeaks(profile, secret), `${name} leaked`).toEqual([]);
      const forms = [secret, ...leakPatterns(secret).map((p) => p.bytes.toString('utf8'))].map(squash).filter((f) => f.length >= 6);
      for (const t of pdfTexts) for (const form of forms) expect(t.includes(form), `${name} in PDF text`).toBe(false);
      expect(cli.stdout.includes(secret) || cli.stderr.includes(secret), `${name} in CLI output`).toBe(false);
    }
  });
});
