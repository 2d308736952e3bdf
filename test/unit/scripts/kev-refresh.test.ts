import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// Runs the real script against a throw-away resources folder holding a copy of the real snapshot.
const ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts', 'kev-refresh.mjs');
const SNAPSHOT = join(ROOT, 'resources/kev/known_exploited_vulnerabilities.json');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(): { resources: string; target: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-kev-'));
  dirs.push(dir);
  const resources = join(dir, 'resources');
  mkdirSync(join(resources, 'kev'), { recursive: true });
  const target = join(resources, 'kev/known_exploited_vulnerabilities.json');
  copyFileSync(SNAPSHOT, target);
  return { resources, target, dir };
}
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000 });
const real = () => JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as { catalogVersion: string; count: number; vulnerabilities: { cveID: string; dateAdded: string }[] };

describe('scripts/kev-refresh.mjs', () => {
  it('replaces the snapshot with a newer valid catalog and says how many entries are new', () => {
    const { resources, target, dir } = setup();
    const next = real();
    next.catalogVersion = '2025.09.01';
    next.vulnerabilities.unshift({ ...next.vulnerabilities[0]!, cveID: 'CVE-2025-99999', dateAdded: '2025-09-01' });
    next.count += 1;
    const file = join(dir, 'download.json');
    writeFileSync(file, JSON.stringify(next));
    const r = run(file, '--resources', resources);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2025\.08\.25 → 2025\.09\.01, 1405 entries \(1 new\)/);
    expect(JSON.parse(readFileSync(target, 'utf8')).catalogVersion).toBe('2025.09.01');
  });
  it('refuses a truncated, an invalid and an older catalog, and leaves the snapshot untouched', () => {
    const { resources, target, dir } = setup();
    const before = readFileSync(target, 'utf8');
    const truncated = real();
    truncated.vulnerabilities = truncated.vulnerabilities.slice(0, 100);
    const bad = real();
    (bad.vulnerabilities[3] as { cveID: string }).cveID = 'not-a-cve';
    const older = real();
    older.catalogVersion = '2024.01.01';
    for (const [name, doc, why] of [
      ['truncated', truncated, /count does not match/],
      ['bad', bad, /vulnerabilities\.3\.cveID/],
      ['older', older, /older than the snapshot/],
    ] as const) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(doc));
      const r = run(file, '--resources', resources);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(why);
      expect(readFileSync(target, 'utf8')).toBe(before);
    }
    writeFileSync(join(dir, 'html.json'), '<html>rate limited</html>');
    const r = run(join(dir, 'html.json'), '--resources', resources);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/could not be read as JSON/);
  });
});
