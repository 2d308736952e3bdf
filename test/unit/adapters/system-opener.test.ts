import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SystemOpener } from '../../../main/adapters/system-opener.js';
import { PorchlightError } from '../../../main/core/errors.js';
import { documentsDir } from '../../../test/harness/server.js';
import { browserModeNotice } from '../../../main/core/notices.js';
import { words } from '../../support/words.js';

// Browser mode's link opener runs the system's own program (xdg-open here). A stand-in xdg-open on
// PATH records the argument it got, so the test sees exactly what a real one would receive.
const dirs: string[] = [];
const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeXdgOpen(): { dir: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-opener-'));
  dirs.push(dir);
  const log = join(dir, 'opened.txt');
  writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$#" "$1" > "${log}"\n`);
  chmodSync(join(dir, 'xdg-open'), 0o755);
  return { dir, log };
}

describe.skipIf(process.platform !== 'linux')('SystemOpener (browser mode)', () => {
  it('runs xdg-open with the URL as its one argument (no shell)', async () => {
    const { dir, log } = fakeXdgOpen();
    process.env.PATH = dir;
    const url = 'https://www.amazon.com/a/settings/approval?x=1&y=$(touch /tmp/nope)';
    await new SystemOpener('linux').open(url);
    // The opener does not wait for the program (a browser may stay open), and the stand-in's shell
    // creates its record before writing it: wait up to 5 s for both of its lines.
    const record = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    for (let i = 0; i < 250 && record().split('\n').length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(record()).toBe(`1\n${url}\n`);
  });

  it('refuses anything but https, and says plainly when there is no program to open links', async () => {
    await expect(new SystemOpener('linux').open('http://example.com/')).rejects.toThrow(PorchlightError);
    process.env.PATH = mkdtempSync(join(tmpdir(), 'porchlight-empty-'));
    dirs.push(process.env.PATH);
    await expect(new SystemOpener('linux').open('https://example.com/')).rejects.toThrow(/no program to open links with\. Open https:\/\/example\.com\/ in your browser yourself/);
  });
});

describe('browser mode: where exports go and what needs the desktop app', () => {
  it('Documents/Porchlight by default, or the XDG documents folder', () => {
    const home = mkdtempSync(join(tmpdir(), 'porchlight-home-'));
    dirs.push(home);
    expect(documentsDir({ XDG_CONFIG_HOME: join(home, 'none') }, home)).toBe(join(home, 'Documents'));
    if (process.platform === 'linux') {
      writeFileSync(join(home, 'user-dirs.dirs'), 'XDG_DESKTOP_DIR="$HOME/Desktop"\nXDG_DOCUMENTS_DIR="$HOME/Dokumente"\n');
      expect(documentsDir({ XDG_CONFIG_HOME: home }, home)).toBe(join(home, 'Dokumente'));
    }
  });

  it('the notice names the tray, notifications, start at login and the reports folder', () => {
    const n = words(browserModeNotice('/home/a/Documents/Porchlight'));
    for (const w of ['tray icon', 'notifications', 'starting when you log in', 'saved in /home/a/Documents/Porchlight']) expect(n).toContain(w);
  });
});
