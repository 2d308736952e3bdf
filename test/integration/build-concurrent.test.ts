/**
 * The integration tests build the Node bundles again (`node scripts/build.mjs main`) while the e2e
 * lanes run dist/cli.mjs and dist/main.mjs. A build must never take a file or a chunk away from a
 * program that is starting: here two builds run at once while the built command is started again
 * and again, and every start must work.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'cli.mjs');

function build(): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.mjs', 'main'], { cwd: ROOT, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

describe('scripts/build.mjs main while the built command runs', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', 'main'], { cwd: ROOT, stdio: 'pipe' });
  });

  it('every start of the command during two concurrent builds prints its version', async () => {
    const chunksBefore = readdirSync(join(ROOT, 'dist')).filter((f) => f.startsWith('cli-')).sort();
    let building = true;
    const builds = Promise.all([build(), build()]).finally(() => {
      building = false;
    });
    const failures: string[] = [];
    let starts = 0;
    // `--version` and `--help` each load chunks of their own (dist/cli-*.mjs).
    while (building || starts < 4) {
      const args = starts % 2 ? ['--help'] : ['--version'];
      const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
        let out = '';
        child.stdout.on('data', (b: Buffer) => (out += b.toString()));
        child.stderr.on('data', (b: Buffer) => (out += b.toString()));
        child.once('exit', (code) => resolve({ code, out }));
      });
      starts++;
      if (r.code !== 0) failures.push(`${args[0]} exited ${r.code}: ${r.out.slice(0, 300)}`);
    }
    expect(await builds).toEqual([0, 0]);
    expect(failures).toEqual([]);
    expect(starts).toBeGreaterThan(4);
    // Nothing left behind: the same chunks (same sources, same hashes) and no temporary files.
    const after = readdirSync(join(ROOT, 'dist'));
    expect(after.filter((f) => f.startsWith('cli-')).sort()).toEqual(chunksBefore);
    expect(after.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 120_000);
});
