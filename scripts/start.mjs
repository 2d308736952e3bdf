// `npm start`: builds Porchlight and runs it.
// - With an Electron binary (already downloaded, or downloadable now: Electron 45 fetches it on
//   first use), it launches the desktop app.
// - Without one (an offline machine), it says so and serves the same app in browser mode on
//   127.0.0.1 through the harness, with the same core and the real keychain.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });

if (run(process.execPath, ['scripts/build.mjs']).status !== 0) process.exit(1);

/** Path of the Electron executable if it is present, without triggering a download. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

let bin = electronBinary();
let why = 'PORCHLIGHT_NO_DOWNLOAD=1 or CI is set, so no download was attempted';
if (!bin && process.env.PORCHLIGHT_NO_DOWNLOAD !== '1' && !process.env.CI) {
  console.log('Porchlight: fetching the Electron runtime (first start only)…');
  const r = run(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { timeout: 180_000, stdio: 'pipe', encoding: 'utf8' });
  if (r.status === 0) bin = electronBinary();
  else why = plainDownloadFailure(`${r.error?.message ?? ''}\n${r.stderr ?? ''}\n${r.stdout ?? ''}`);
}

/**
 * Why the Electron download did not work, in plain words (the installer prints a raw error such as
 * "TypeError: fetch failed" or a JSON line; those stay out of what a person reads).
 */
function plainDownloadFailure(text) {
  if (/ETIMEDOUT|timed out|SIGTERM/i.test(text)) return 'the download took too long and was stopped';
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket|network/i.test(text)) {
    return "this computer could not reach Electron's download server (no internet connection, or it is blocked)";
  }
  if (/ENOSPC/i.test(text)) return 'the disk is full';
  if (/EACCES|EPERM/i.test(text)) return 'Porchlight may not write into its node_modules folder';
  if (/checksum|SHASUM|integrity/i.test(text)) return 'the downloaded file was damaged';
  return 'the download did not work';
}

if (bin) {
  const child = spawn(bin, ['.'], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `\nPorchlight: the Electron runtime is not available on this machine (${why}).\n` +
      'Starting Porchlight in browser mode instead: the same wizard and core, served on 127.0.0.1 only.\n' +
      'In browser mode the Wi-Fi scan and the network survey are off (it never touches a real network interface).\n',
  );
  const child = spawn(process.execPath, ['dist/harness.mjs', '--port', process.env.PORT ?? '4780', '--profile', process.env.PORCHLIGHT_PROFILE ?? defaultProfile(), '--open'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: root,
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function defaultProfile() {
  const home = process.env.HOME ?? root;
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Porchlight');
}
