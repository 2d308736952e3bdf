// `npm run dist [-- electron-builder args]`: builds dist/ and runs electron-builder with
// electron-builder.yml. Needs internet for electron-builder to download Electron, unless
// PORCHLIGHT_ELECTRON_DIST names a local Electron distribution (an unpacked Electron folder, a
// folder holding electron-v<version>-<platform>-<arch>.zip, or such a zip), which is passed on as
// `-c.electronDist` — the offline way: PORCHLIGHT_ELECTRON_DIST=/opt/electron npm run dist -- --dir
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });

const args = process.argv.slice(2);
const local = process.env.PORCHLIGHT_ELECTRON_DIST;
if (local) {
  const full = resolve(local);
  if (!existsSync(full)) {
    console.error(`dist: PORCHLIGHT_ELECTRON_DIST points to ${full}, which does not exist`);
    process.exit(2);
  }
  args.push(`-c.electronDist=${full}`);
}
if (run(process.execPath, [join(root, 'scripts', 'build.mjs')]).status !== 0) process.exit(1);
const builder = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
const r = run(builder, args);
process.exit(r.status ?? 1);
