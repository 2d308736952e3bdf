// `npm start`: builds Porchlight and runs it.
// - With an Electron binary (already downloaded, or downloadable now: Electron 45 fetches it on
//   first use), it launches the desktop app.
// - Without one (an offline machine), it says so and serves the same app in browser mode on
//   127.0.0.1 through the harness (without --test-control): the same core, the real keychain, the
//   real Wi-Fi scan, survey and link opener; exports go to Documents/Porchlight (PORCHLIGHT_REPORTS).
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
let why = 'its runtime (Electron) is not downloaded, and PORCHLIGHT_NO_DOWNLOAD=1 or CI asks not to download it';
if (!bin && process.env.PORCHLIGHT_NO_DOWNLOAD !== '1' && !process.env.CI) {
  console.log('Porchlight: fetching the Electron runtime (first start only)…');
  const r = run(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { timeout: 180_000, stdio: 'pipe', encoding: 'utf8' });
  if (r.status === 0) bin = electronBinary();
  else why = 'its runtime (Electron) could not be downloaded: ' + plainDownloadFailure(`${r.error?.message ?? ''}\n${r.stderr ?? ''}\n${r.stdout ?? ''}`);
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
    `\nPorchlight: the desktop app cannot start here, because ${why}.\n` +
      'Starting Porchlight in browser mode instead: the same wizard in your web browser, served on this computer only (127.0.0.1).\n' +
      'Everything in the wizard works there — the Wi-Fi scan, the network survey after you allow it on the first page, links, the keychain.\n' +
      'What needs the desktop app: the tray icon, reminders shown as notifications, and starting when you log in.\n' +
      `Reports you export are saved in ${process.env.PORCHLIGHT_REPORTS ?? 'the Porchlight folder in your Documents folder'}.\n`,
  );
  const args = ['dist/harness.mjs', '--port', process.env.PORT ?? '4780', '--profile', process.env.PORCHLIGHT_PROFILE ?? defaultProfile(), '--open'];
  if (process.env.PORCHLIGHT_REPORTS) args.push('--reports', process.env.PORCHLIGHT_REPORTS);
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: root,
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function defaultProfile() {
  const home = process.env.HOME ?? root;
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Porchlight');
}
