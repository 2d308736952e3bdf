import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The first stage of `npm test`: every program the tests, scripts and native build run must come from
// a package in scripts/apt-packages.txt (or Debian's base system, node_modules, this repository).
// These tests run the real check, with real dpkg and apt-cache, against small throw-away checkouts.
const ROOT = resolve(__dirname, '../../..');
const CHECK = join(ROOT, 'scripts', 'check-spawned-programs.mjs');
const debian = spawnSync('dpkg-query', ['-W', 'lighttpd', 'nmap'], { stdio: 'ignore' }).status === 0;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function checkout(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-spawned-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const check = (root: string) => spawnSync(process.execPath, [CHECK, '--root', root], { encoding: 'utf8', timeout: 120_000 });

describe.skipIf(!debian)('check-spawned-programs (real dpkg and apt-cache)', () => {
  it('fails, naming the program and its package, when a test spawns a program no listed package provides', () => {
    const root = checkout({
      'scripts/apt-packages.txt': 'lighttpd   # the lab\n',
      'test/lab/server.ts': "import { spawn } from 'node:child_process';\nspawn('lighttpd', ['-D']);\n",
      'test/integration/scan.test.ts': "import { execFileSync } from 'node:child_process';\nexecFileSync('nmap', ['-sT', '127.0.0.1']);\n",
    });
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nmap \(run at test\/integration\/scan\.test\.ts:2\): its package nmap is not in scripts\/apt-packages\.txt — add "nmap"/);
    expect(r.stderr).not.toMatch(/lighttpd/);
  }, 120_000);

  it('fails on a program installed nowhere (a constant with a default, a shell script, a declared indirect program)', () => {
    const root = checkout({
      'scripts/apt-packages.txt': 'lighttpd\n',
      'test/lab/pdf.ts': "import { execFileSync } from 'node:child_process';\nconst VIEWER = process.env.VIEWER ?? 'porchlight-no-such-viewer';\nexecFileSync(VIEWER, ['x.pdf']);\n",
      'scripts/setup.sh': '#!/usr/bin/env bash\nset -e\necho "this names no-such-tool in a message"  # and in a comment: other-tool\nporchlight-no-such-tool --flag "$(mktemp -d)"\n',
      'scripts/indirect-programs.txt': '# comment\nporchlight-no-such-compiler   # run by a build tool\n',
    });
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('porchlight-no-such-viewer (run at test/lab/pdf.ts:3): not installed');
    expect(r.stderr).toContain('porchlight-no-such-tool (run at scripts/setup.sh:4): not installed');
    expect(r.stderr).toContain('porchlight-no-such-compiler (run at scripts/indirect-programs.txt:2): not installed');
    expect(r.stderr).not.toMatch(/no-such-tool in|other-tool|mktemp|\becho\b/);
  }, 120_000);

  it('passes when every spawned program comes from a listed package, a dependency of one, or the base system', () => {
    const root = checkout({
      'scripts/apt-packages.txt': 'lighttpd\nnmap\n',
      'test/integration/scan.test.ts': "import { execFileSync, spawnSync } from 'node:child_process';\nexecFileSync('nmap', []);\nspawnSync('/usr/sbin/lighttpd', []);\nspawnSync('cp', []);\n",
      'main/adapters/route.ts': "runCommand('netsh', ['wlan']); // Windows only\n",
    });
    const r = check(root);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/all 3 programs/);
  }, 120_000);
});
