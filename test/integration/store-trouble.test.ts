/**
 * Issue 13, findings 2 and 3 on a REAL file system: a tmpfs mounted small and filled up (ENOSPC)
 * and a read-only bind mount (EROFS), both made by this test as root. Trouble is not damage: the
 * valid settings file is never moved aside or reset, the user is told what is wrong, writes are
 * refused with a typed error saying nothing changed, and once space is free writing works again.
 * Without root (or without mount permission) the tests are skipped and say why.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProfileStores } from '../../main/adapters/profile.js';
import { createNodeCore } from '../../main/compose.js';
import { dispatch } from '../../main/ipc/register.js';
import { DEFAULT_SETTINGS } from '../../main/core/store/documents.js';
import { PorchlightError } from '../../main/core/errors.js';
import { ROOT } from './keychain-helpers.js';
import { words } from '../support/words.js';
import type { Message } from '../../main/core/messages/index.js';

const base = mkdtempSync(join(tmpdir(), 'porchlight-store-trouble-'));
const mounts: string[] = [];

function canMount(): string | null {
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs and a read-only bind mount';
  const probe = join(base, 'probe');
  mkdirSync(probe, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `mount is not permitted here (${(err as Error).message.split('\n')[0]})`;
  }
}
const skip = canMount();
if (skip) console.warn(`store-trouble tests skipped: ${skip}`);

function mount(args: string[], at: string) {
  execFileSync('mount', [...args, at], { stdio: 'pipe' });
  mounts.unshift(at);
}

afterEach(() => {
  for (const m of mounts.splice(0)) execFileSync('umount', ['-l', m], { stdio: 'pipe' });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Fills the file system holding `dir` until it refuses another byte. */
function fill(dir: string): string {
  const filler = join(dir, 'filler.bin');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (let i = 0; i < 100_000; i++) writeFileSync(filler, chunk, { flag: 'a' });
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
  return filler;
}

const corruptFiles = (dir: string) => readdirSync(dir).filter((f) => f.includes('.corrupt-'));

describe.skipIf(skip !== null)('store on a full disk (tmpfs)', () => {
  it('keeps the valid settings, says the disk is full, refuses writes without changing anything, and writes again once space is free', () => {
    const dir = join(base, 'full');
    mkdirSync(dir);
    mount(['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs'], dir);
    openProfileStores(dir).settings.write({ ...DEFAULT_SETTINGS, theme: 'dark', reauditIntervalDays: 30 });
    const before = readFileSync(join(dir, 'settings.json'), 'utf8');
    rmSync(join(dir, 'settings.last-good.json')); // the start must now write a backup: the step that used to reset everything
    const filler = fill(dir);

    const stores = openProfileStores(dir);
    expect(stores.settings.read()).toMatchObject({ theme: 'dark', reauditIntervalDays: 30 });
    expect(stores.settings.notices.map(words)).toEqual(['Your disk is full — Porchlight changed nothing there and cannot save changes until this is fixed.']);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
    expect(corruptFiles(dir)).toEqual([]);

    let err: unknown;
    try {
      stores.settings.write({ ...DEFAULT_SETTINGS, theme: 'light' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PorchlightError);
    expect((err as PorchlightError).code).toBe('storage-unavailable');
    expect((err as PorchlightError).message).toBe('Your disk is full, so nothing was changed. Free some space, then try again.');
    expect(stores.settings.read().theme).toBe('dark'); // memory matches the disk
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);

    // The whole app starts on the full disk and answers (the harness used to die here).
    const core = createNodeCore({ host: 'harness', profileDir: dir, opener: { open: async () => undefined } });
    expect(core.notices.map(words).filter((n) => n.startsWith('Your disk is full'))).toHaveLength(1); // once, not once per file

    rmSync(filler);
    stores.settings.write({ ...DEFAULT_SETTINGS, theme: 'light' });
    const again = openProfileStores(dir);
    expect(again.settings.read().theme).toBe('light');
    expect(again.settings.notices).toEqual([]);
    expect(corruptFiles(dir)).toEqual([]);
  });
});

describe.skipIf(skip !== null)('store on a read-only folder (bind mount)', () => {
  function readOnlyProfile(name: string, prepare: (dir: string) => void): string {
    const src = join(base, `${name}-src`);
    const ro = join(base, `${name}-ro`);
    mkdirSync(src);
    mkdirSync(ro);
    prepare(src);
    mount(['--bind', src], ro);
    execFileSync('mount', ['-o', 'remount,bind,ro', ro], { stdio: 'pipe' });
    return ro;
  }

  it('uses the valid files as they are, says the folder is read-only, and the app answers', async () => {
    const dir = readOnlyProfile('ro-valid', (d) => openProfileStores(d).settings.write({ ...DEFAULT_SETTINGS, theme: 'dark' }));
    const files = readdirSync(dir).sort();
    const core = createNodeCore({ host: 'harness', profileDir: dir, opener: { open: async () => undefined } });
    expect(core.deps.settings.read().theme).toBe('dark');
    const info = await dispatch(core, 'app:info', {}, { origin: 'app://porchlight', isMainFrame: true }, { allowedOrigins: ['app://porchlight'] });
    expect(info.ok).toBe(true);
    const notices = (info as { value: { notices: Message[] } }).value.notices.map(words).join('\n');
    expect(notices).toContain(`Porchlight cannot write its folder ${dir} (the disk is read-only)`);
    const set = await dispatch(core, 'settings:update', { theme: 'light' }, { origin: 'app://porchlight', isMainFrame: true }, { allowedOrigins: ['app://porchlight'] });
    expect(set).toMatchObject({ ok: false, error: { code: 'storage-unavailable' } });
    expect((set as { error: { message: string } }).error.message).toMatch(/read-only\), so nothing was changed\. Check the folder and its permissions/);
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it('a damaged file on a read-only folder is left where it is and the last good copy is used', () => {
    const dir = readOnlyProfile('ro-damaged', (d) => {
      openProfileStores(d).settings.write({ ...DEFAULT_SETTINGS, theme: 'dark' });
      writeFileSync(join(d, 'settings.json'), '{"theme": "da');
    });
    const s = openProfileStores(dir).settings;
    expect(s.read().theme).toBe('dark');
    expect(s.notices.map(words).join('\n')).toMatch(/settings file \(.*settings\.json\) is damaged \(not valid JSON\) and was left as it is — Porchlight cannot write its folder .*\. Porchlight uses the last good copy/);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{"theme": "da');
    expect(corruptFiles(dir)).toEqual([]);
  });

  it('`porchlight audit --json` (the built CLI) on a read-only profile says so in plain words; no raw EROFS, nothing moved', () => {
    const dir = readOnlyProfile('ro-cli', (d) => openProfileStores(d).settings.write({ ...DEFAULT_SETTINGS, theme: 'dark' }));
    const files = readdirSync(dir).sort();
    const empty = join(base, 'empty-path');
    mkdirSync(empty, { recursive: true });
    // PATH without nmcli: the Wi-Fi reading is `unknown`; no --interface: no network is touched.
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.mjs'), 'audit', '--json'], { cwd: ROOT, env: { ...process.env, PORCHLIGHT_PROFILE: dir, PATH: empty }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(2);
    // stderr: the scope line, the notices as one JSON line, then the error.
    const lines = r.stderr.trim().split('\n');
    expect(JSON.parse(lines.find((l) => l.startsWith('{'))!)).toEqual({ notices: [`Porchlight cannot write its folder ${dir} (the disk is read-only) — Porchlight changed nothing there and cannot save changes until this is fixed.`] });
    expect(lines.at(-1)).toBe(`porchlight audit: Porchlight cannot write to its folder ${dir} (the disk is read-only), so nothing was changed. Check the folder and its permissions, then try again.`);
    expect(r.stderr).not.toMatch(/EROFS|rename/);
    expect(readdirSync(dir).sort()).toEqual(files);
  });
});
