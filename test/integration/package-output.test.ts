/**
 * What `npm run dist -- --dir` produces. Two runs of the same inspection:
 *  - on release/<platform>-unpacked, when a real build exists (made with a real Electron
 *    distribution: `PORCHLIGHT_ELECTRON_DIST=... npm run dist -- --dir`); skipped otherwise, with the reason;
 *  - on a package electron-builder builds here from a STAND-IN Electron distribution (a small file
 *    carrying Electron's fuse wire instead of the Electron executable, which cannot be downloaded
 *    here). That run proves electron-builder.yml, the asar layout, asarUnpack and the afterPack
 *    hook (keytar check + fuses) for real; it does not prove that Electron starts.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FUSES, KEYTAR_NODE, nativeTargetOf } from '../../scripts/after-pack.mjs';
import { tempDir } from '../support/fakes.js';

const ROOT = process.cwd();
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(archive: string, options?: object): string[]; extractFile(archive: string, file: string): Buffer };
const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron;

/** Layout of an unpacked build for this OS: where the resources and the Electron executable are. */
function layout(appOutDir: string) {
  if (process.platform === 'darwin') {
    const app = join(appOutDir, 'Porchlight.app');
    return { resources: join(app, 'Contents', 'Resources'), binary: app };
  }
  if (process.platform === 'win32') return { resources: join(appOutDir, 'resources'), binary: join(appOutDir, 'Porchlight.exe') };
  return { resources: join(appOutDir, 'resources'), binary: join(appOutDir, 'porchlight') };
}

async function inspect(appOutDir: string) {
  const { resources, binary } = layout(appOutDir);
  const archive = join(resources, 'app.asar');
  expect(existsSync(archive), archive).toBe(true);
  const files = asar.listPackage(archive).map((f) => f.replace(/\\/g, '/'));
  // The renderer, the main and preload bundles, the data, and package.json are inside the asar.
  for (const f of ['/dist/renderer/index.html', '/dist/main.mjs', '/dist/preload.cjs', '/package.json', '/resources/checks.json', '/resources/icons/icon.png', '/node_modules/keytar/lib/keytar.js']) {
    expect(files, f).toContain(f);
  }
  expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
  const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as { main: string; devDependencies?: unknown };
  expect(files).toContain(`/${pkg.main}`);
  // Sources, tests, scripts, source maps, icons and build tools are not.
  const leaked = files.filter(
    (f) =>
      /^\/(main|renderer|test|scripts|\.tmp|release)\//.test(f) ||
      f.endsWith('.map') ||
      (f.startsWith('/resources/icons/') && f !== '/resources/icons/icon.png') ||
      /^\/node_modules\/(electron|electron-builder|vite|vitest|typescript|esbuild|eslint|@doyensec|@playwright|playwright|node)\//.test(f) ||
      f.includes('/keytar/build/Release/obj.target'),
  );
  expect(leaked).toEqual([]);
  // keytar's native module is outside the asar, for this OS and CPU.
  const keytar = join(resources, KEYTAR_NODE);
  expect(existsSync(keytar), keytar).toBe(true);
  expect(nativeTargetOf(keytar)).toEqual({ platform: process.platform, arch: process.arch });
  // The fuses were flipped by afterPack.
  const wire = await getCurrentFuseWire(binary);
  for (const [option, on] of Object.entries(FUSES)) {
    expect(wire[option as unknown as FuseV1Options], FuseV1Options[Number(option)]).toBe(on ? FuseState.ENABLE : FuseState.DISABLE);
  }
  return files;
}

const realDir = join(ROOT, 'release', process.platform === 'win32' ? 'win-unpacked' : process.platform === 'darwin' ? `mac${process.arch === 'arm64' ? '-arm64' : ''}` : 'linux-unpacked');
const hasRealBuild = existsSync(join(layout(realDir).resources, 'app.asar'));

describe('npm run dist -- --dir', () => {
  const realName = hasRealBuild
    ? `the real unpacked build (${realDir.slice(ROOT.length + 1)}): asar holds the renderer, keytar.node is unpacked, fuses are set`
    : `the real unpacked build — skipped: no ${realDir.slice(ROOT.length + 1)} here; make it with \`PORCHLIGHT_ELECTRON_DIST=<Electron ${electronVersion} folder or zip> npm run dist -- --dir\` where an Electron distribution exists (none can be downloaded on this machine)`;
  it.runIf(hasRealBuild)(realName, async () => {
    await inspect(realDir);
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'electron-builder packages Porchlight from a stand-in Electron distribution: same inspection passes',
    async () => {
      expect(existsSync(join(ROOT, 'dist', 'renderer', 'index.html')), 'dist/ is built (npm run build)').toBe(true);
      const work = tempDir();
      const electron = join(work, 'electron-dist');
      mkdirSync(join(electron, 'resources'), { recursive: true });
      const wire = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 9]), Buffer.from('101101001')]);
      writeFileSync(join(electron, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for Electron"\n'), Buffer.alloc(4096, 0x90), wire, Buffer.alloc(512, 0x90)]));
      chmodSync(join(electron, 'electron'), 0o755);
      writeFileSync(join(electron, 'LICENSE'), 'stand-in');
      writeFileSync(join(electron, 'LICENSES.chromium.html'), '<html></html>');
      writeFileSync(join(electron, 'version'), electronVersion ?? '');
      const out = join(work, 'release');
      const cmd = [join(ROOT, 'node_modules', '.bin', 'electron-builder'), '--dir', '--linux', '--x64', '--publish', 'never', `-c.electronDist=${electron}`, `-c.directories.output=${out}`];
      // Inside an empty network namespace where permitted: packaging must need no network at all.
      if (spawnSync('unshare', ['--net', 'true']).status === 0) cmd.unshift('unshare', '--net');
      // electron-builder lists node_modules with `npm ls`: hold the shared npm lock (if flock exists)
      // so a concurrent `npm install` on a developer machine cannot change the tree mid-run.
      if (spawnSync('flock', ['--version']).status === 0) cmd.unshift('flock', '--shared', '/tmp/porchlight-npm.lock');
      try {
        const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
        expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
        expect(r.stdout).toContain('afterPack: keytar.node present');
        const files = await inspect(join(out, 'linux-unpacked'));
        expect(files.length).toBeGreaterThan(100);
      } finally {
        rmSync(work, { recursive: true, force: true }); // the package is ~25 MB
      }
    },
    240_000,
  );
});
