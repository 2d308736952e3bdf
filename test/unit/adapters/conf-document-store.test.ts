import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfDocumentStore, STALE_TEMP_MS } from '../../../main/adapters/conf-document-store.js';
import { openProfileStores } from '../../../main/adapters/profile.js';
import { DEFAULT_SETTINGS } from '../../../main/core/store/documents.js';
import { tempDir } from '../../support/fakes.js';
import { words } from '../../support/words.js';

describe('ConfDocumentStore (real files)', () => {
  it('creates the document from defaults, writes it with mode 0600 and reads it back after reopening', () => {
    const dir = tempDir();
    const s = openProfileStores(dir).settings;
    expect(s.read()).toEqual(DEFAULT_SETTINGS);
    s.write({ ...DEFAULT_SETTINGS, theme: 'dark', reauditIntervalDays: 30 });
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
    const again = openProfileStores(dir).settings;
    expect(again.read()).toMatchObject({ theme: 'dark', reauditIntervalDays: 30 });
    expect(again.notices).toEqual([]);
  });

  it('refuses to write a value the schema rejects, and keeps the previous value', () => {
    const dir = tempDir();
    const s = openProfileStores(dir).settings;
    expect(() => s.write({ ...DEFAULT_SETTINGS, reauditIntervalDays: -4 })).toThrow(/did not save this change.*\[reauditIntervalDays/);
    expect(openProfileStores(dir).settings.read().reauditIntervalDays).toBe(90);
  });

  it('keeps a corrupted file aside, restores the last good copy and says so', () => {
    const dir = tempDir();
    const s = openProfileStores(dir).settings;
    s.write({ ...DEFAULT_SETTINGS, theme: 'light' });
    writeFileSync(join(dir, 'settings.json'), '{"theme": "li');
    const reopened = openProfileStores(dir).settings;
    expect(reopened.read().theme).toBe('light');
    expect(reopened.notices).toHaveLength(1);
    expect(words(reopened.notices[0])).toMatch(/damaged \(not valid JSON\).*kept aside.*last good copy was restored/);
    const aside = readdirSync(dir).filter((f) => f.startsWith('settings.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{"theme": "li');
  });

  it('treats valid JSON with the wrong shape as corrupted too', () => {
    const dir = tempDir();
    openProfileStores(dir).settings.write({ ...DEFAULT_SETTINGS, theme: 'dark' });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 42 }));
    const reopened = openProfileStores(dir).settings;
    expect(reopened.read().theme).toBe('dark');
    expect(words(reopened.notices[0])).toMatch(/unexpected content at theme/);
  });

  it('starts afresh (never crashes) when both the file and the last good copy are unreadable', () => {
    const dir = tempDir();
    openProfileStores(dir);
    writeFileSync(join(dir, 'progress.json'), '\u0000\u0001garbage');
    writeFileSync(join(dir, 'progress.last-good.json'), 'also garbage');
    const p = openProfileStores(dir).progress;
    expect(p.read().snapshot).toBeNull();
    expect(words(p.notices[0])).toMatch(/no good copy was found.*started progress afresh/);
    expect(readdirSync(dir).filter((f) => f.startsWith('progress.corrupt-'))).toHaveLength(2);
  });

  it('runs versioned migrations through conf when the schema version moves on', () => {
    const dir = tempDir();
    const V1 = z.strictObject({ name: z.string() });
    new ConfDocumentStore({ dir, name: 'doc', schema: V1, defaults: { name: 'a' }, version: '1.0.0' }).write({ name: 'kitchen' });
    const V2 = z.strictObject({ label: z.string(), version: z.literal(2) });
    const migrated = new ConfDocumentStore({
      dir,
      name: 'doc',
      schema: V2,
      defaults: { label: '', version: 2 },
      version: '2.0.0',
      migrations: {
        '2.0.0': (store) => {
          store.set('label', store.get('name'));
          store.delete('name');
          store.set('version', 2);
        },
      },
    });
    expect(migrated.read()).toEqual({ label: 'kitchen', version: 2 });
    expect(migrated.notices).toEqual([]);
  });

  it('leaves no temporary files behind after writes', () => {
    const dir = tempDir();
    const s = openProfileStores(dir).history;
    for (let i = 0; i < 20; i++) s.write({ ...s.read(), devices: { [`d${i}`]: { firstSeen: 'x' } } });
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(existsSync(join(dir, 'history.last-good.json'))).toBe(true);
  });

  it('removes temporary files a killed process left behind (older than a minute), and only those', () => {
    const dir = tempDir();
    openProfileStores(dir).settings.write({ ...DEFAULT_SETTINGS, theme: 'dark' });
    const old = new Date(Date.now() - 2 * STALE_TEMP_MS);
    for (const f of ['settings.json.tmp-123', 'progress.json.tmp-9-abcd', 'history.last-good.json.tmp', 'settings.json.tmp-fresh', 'notes.json.tmp-1']) {
      writeFileSync(join(dir, f), '{"half": ');
      if (f !== 'settings.json.tmp-fresh') utimesSync(join(dir, f), old, old);
    }
    const s = openProfileStores(dir);
    expect(s.settings.read().theme).toBe('dark');
    // a fresh one may belong to a write in progress in another process; another app's file is not ours
    expect(readdirSync(dir).filter((f) => f.includes('.tmp')).sort()).toEqual(['notes.json.tmp-1', 'settings.json.tmp-fresh']);
  });

  it('refuses a value nested too deeply to be read back (the store schema bounds depth) and changes nothing', () => {
    const dir = tempDir();
    const p = openProfileStores(dir).progress;
    p.write({ ...p.read(), snapshot: { ok: true } });
    const before = readFileSync(join(dir, 'progress.json'), 'utf8');
    let deep: unknown = 'leaf';
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    expect(() => p.write({ ...p.read(), snapshot: deep as never })).toThrow(/did not save this change.*\[snapshot: not acceptable JSON: nested deeper than 64 levels/);
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const again = openProfileStores(dir).progress;
    expect(again.read().snapshot).toEqual({ ok: true });
    expect(again.notices).toEqual([]);
  });

  it('never moves a valid file aside, also with an unreadable last good copy beside it', () => {
    const dir = tempDir();
    openProfileStores(dir).settings.write({ ...DEFAULT_SETTINGS, theme: 'dark' });
    writeFileSync(join(dir, 'settings.last-good.json'), 'garbage');
    const s = openProfileStores(dir).settings;
    expect(s.read().theme).toBe('dark');
    expect(s.notices).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'settings.last-good.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
  });

  it('reads every write back through the schema before it replaces the file: what would not read back is never written', () => {
    const dir = tempDir();
    // A schema that accepts a Set on the way in, which JSON writes as {}: only the read-back can tell.
    const Tagged = z.strictObject({ tags: z.union([z.array(z.string()), z.instanceof(Set)]) });
    const s = new ConfDocumentStore<z.infer<typeof Tagged>>({ dir, name: 'tagged', schema: Tagged, defaults: { tags: ['a'] }, version: '1.0.0' });
    const before = readFileSync(join(dir, 'tagged.json'), 'utf8');
    expect(() => s.write({ tags: new Set(['b']) })).toThrow(/did not save this change.*Nothing was changed.*\[it could not be read back \(unexpected content at tags/);
    expect(readFileSync(join(dir, 'tagged.json'), 'utf8')).toBe(before);
    expect(s.read()).toEqual({ tags: ['a'] });
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
