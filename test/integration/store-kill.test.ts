/**
 * Issue 13, finding 9: `kill -9` during saves left 6–9 `*.json.tmp-*` files behind for ever. A real
 * child process (the real store, bundled by esbuild) saves progress, settings and history in a
 * tight loop and is killed with SIGKILL mid-write, several times; then every file must be intact
 * and the next start must remove the killed writer's temporary files.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { openProfileStores } from '../../main/adapters/profile.js';
import { ROOT } from './keychain-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'porchlight-kill-'));
const bundle = join(ROOT, '.tmp', `store-writer-${process.pid}.mjs`);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundle, { force: true });
});

describe('store: killed mid-write', () => {
  it('files stay intact and the next start removes the temporary files a killed writer left', async () => {
    await build({
      stdin: {
        contents: `import { openProfileStores } from './main/adapters/profile.ts';
const s = openProfileStores(process.argv[2]);
process.stdout.write('ready\\n');
for (let i = 0; ; i++) {
  s.progress.write({ ...s.progress.read(), snapshot: { i, pad: 'x'.repeat(20000) }, machineVersion: 1 });
  s.settings.write({ ...s.settings.read(), reauditIntervalDays: 7 + (i % 300) });
  s.history.write({ ...s.history.read(), devices: { ['d' + (i % 50)]: { i } } });
}`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: bundle,
      logLevel: 'warning',
    });
    let leftovers = 0;
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [bundle, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 150 + round * 37));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      leftovers += readdirSync(dir).filter((f) => f.includes('.tmp')).length;
      const s = openProfileStores(dir);
      expect([...s.settings.notices, ...s.progress.notices, ...s.history.notices]).toEqual([]);
      expect(s.progress.read().snapshot).toMatchObject({ pad: 'x'.repeat(20000) });
      expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    }
    console.log(`store-kill: ${leftovers} temporary files left by 6 SIGKILLed writers, all removed at the next start`);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  }, 120_000);
});
