/**
 * `npm run check:builder` (scripts/check-builder-config.mjs): electron-builder.yml validated
 * offline by electron-builder's own loader and schema plus Porchlight's packaging rules — and
 * proof that a broken configuration fails.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/fakes.js';
import { loadAndValidate, projectRules } from '../../scripts/check-builder-config.mjs';

const ROOT = process.cwd();
const GOOD = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');

function writeConfig(config: string): string {
  const file = join(tempDir(), 'electron-builder.yml');
  writeFileSync(file, config);
  return file;
}

/** Runs `node scripts/check-builder-config.mjs` (the CI command) on the given config text. */
function check(config?: string) {
  const args = ['scripts/check-builder-config.mjs'];
  if (config !== undefined) {
    args.push('--config', writeConfig(config));
  }
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Replaces `from` (which must occur) in the good config. */
function broken(from: string, to: string): string {
  expect(GOOD, `electron-builder.yml contains ${from}`).toContain(from);
  return GOOD.replace(from, to);
}

describe('check:builder', () => {
  it('passes on electron-builder.yml', () => {
    const { status, out } = check();
    expect(out).toMatch(/check:builder: PASS — electron-builder\.yml matches electron-builder 26\.\d+\.\d+'s schema/);
    expect(status).toBe(0);
  });

  it('the CI command exits 1 on a broken config and names the problem', () => {
    const { status, out } = check(broken('hardenedRuntime: true', 'hardenedRuntme: true'));
    expect(status).toBe(1);
    expect(out).toMatch(/check:builder: FAIL — .* does not match electron-builder's schema[\s\S]*configuration\.mac/);
  });

  it.each([
    ['a misspelt option', broken('hardenedRuntime: true', 'hardenedRuntme: true'), /configuration\.mac/],
    ['a wrongly typed option', broken('oneClick: false', 'oneClick: sometimes'), /nsis/],
    ['an unknown top-level key', `${GOOD}\nfusesPlease: true\n`, /configuration has an unknown property 'fusesPlease'|fusesPlease/],
  ])('electron-builder’s schema rejects %s', async (_label, config, message) => {
    await expect(loadAndValidate(ROOT, writeConfig(config))).rejects.toThrow(message);
  });

  it('the good config has no project-rule problem', async () => {
    expect(await projectRules(await loadAndValidate(ROOT, join(ROOT, 'electron-builder.yml')), ROOT)).toEqual([]);
  });

  it.each([
    ['keytar not unpacked', broken('"**/node_modules/keytar/build/Release/*.node"', '"**/nothing/*.node"'), 'asarUnpack must match node_modules/keytar/build/Release/keytar.node'],
    ['the hardened runtime off', broken('hardenedRuntime: true', 'hardenedRuntime: false'), 'mac.hardenedRuntime must be true'],
    ['the deb target dropped', broken('    - target: deb\n      arch: [x64]\n', ''), 'linux.target must include AppImage and deb'],
    ['sources packaged', broken('  - dist/main.mjs\n', '  - dist/main.mjs\n  - main/**/*\n'), 'files entry "main/**/*" is outside dist/, resources/ and package.json'],
    ['a signing password in the file', broken('  icon: resources/icons/icon.ico\n', '  icon: resources/icons/icon.ico\n  cscKeyPassword: hunter2\n'), 'win.cscKeyPassword must not be set in the config file'],
    ['the afterPack hook removed', broken('afterPack: ./scripts/after-pack.mjs\n', ''), 'afterPack must point to an existing module'],
    ['an icon missing', broken('icon: resources/icons/icon.icns', 'icon: resources/icons/missing.icns'), 'mac.icon must be an existing .icns'],
    ['an Electron-ABI rebuild switched on', broken('npmRebuild: false', 'npmRebuild: true'), 'npmRebuild must be false'],
  ])('Porchlight’s rules reject %s', async (_label, config, message) => {
    const problems = await projectRules(await loadAndValidate(ROOT, writeConfig(config)), ROOT);
    expect(problems.join('\n')).toContain(message);
  });
});
