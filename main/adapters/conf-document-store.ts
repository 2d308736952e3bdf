import { accessSync, closeSync, constants, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import type { DocumentStore } from '../core/ports.js';
import { PorchlightError } from '../core/errors.js';
import { lightMsg } from '../core/light-message.js';
import type { Message } from '../core/messages/index.js';
import { describeStorageTrouble, isStorageTrouble, storageTroubleError } from '../core/store/storage-trouble.js';

export interface DocumentOptions<T> {
  dir: string;
  /** File name without extension, e.g. "settings". */
  name: string;
  schema: z.ZodType<T>;
  defaults: T;
  /** Semver of the document's schema; conf runs `migrations` whose key is newer than the stored version. */
  version: string;
  migrations?: Record<string, (store: Conf<Record<string, unknown>>) => void>;
  now?: () => Date;
}

const INTERNAL = '__internal__';
/** A temporary file older than this is left over from a killed process (a write takes milliseconds). */
export const STALE_TEMP_MS = 60_000;

function strip(store: Record<string, unknown>): Record<string, unknown> {
  const { [INTERNAL]: _internal, ...rest } = store;
  return rest;
}

type Checked<T> = { ok: true; value: T; internal: unknown } | { ok: false; reason: Message };

/** Parses and schema-checks a document's text; any failure (bad JSON, wrong shape, nested too deep) is damage. */
function check<T>(schema: z.ZodType<T>, text: string): Checked<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: lightMsg('store.damage.not-json') };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: lightMsg('store.damage.not-object') };
  try {
    const parsed = schema.safeParse(strip(raw as Record<string, unknown>));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, reason: lightMsg('store.damage.unexpected', { field: issue?.path.join('.') || '(root)', detail: String(issue?.message ?? '') }) };
    }
    return { ok: true, value: parsed.data, internal: (raw as Record<string, unknown>)[INTERNAL] };
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, reason: lightMsg('store.damage.too-deep') };
    throw err;
  }
}

/** A damage reason for the log line of a refused save (the error's detail param is for the log, never shown as words). */
function englishReason(reason: Message): string {
  const p = reason.params;
  if (reason.code === 'store.damage.unexpected') return `unexpected content at ${String(p.field)}: ${String(p.detail)}`;
  return reason.code.replace(/^store\.damage\./, '').replace(/-/g, ' ');
}

/** The trouble that keeps `dir` from being written (read-only mount, no permission), or null. */
function writable(dir: string): unknown {
  try {
    accessSync(dir, constants.W_OK);
    return null;
  } catch (err) {
    return isStorageTrouble(err) ? err : null;
  }
}

/** Whether a process with this id exists (EPERM: it does, owned by someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads a file; null when it does not exist. File-system trouble is thrown. */
function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * A DocumentStore for one JSON document of the profile, schema-checked on every read and write.
 *
 * - Damage (content that is not JSON or does not fit the schema) is the only thing that moves a
 *   file: it is kept aside as `<name>.corrupt-<time>.json`, the last good copy (written after
 *   every successful write) is restored, and a notice names both.
 * - Trouble (disk full, read-only, no permission, I/O error: see storage-trouble.ts) never moves,
 *   restores or resets anything: the document is used as read (or from defaults in memory when it
 *   cannot be read), a notice says what is wrong, and each later write is tried and, when refused,
 *   throws a `storage-unavailable` error saying that nothing changed.
 * - Every write goes to a temporary file that is synced, READ BACK and schema-checked, and only
 *   then renamed over the document: a value that cannot be read back is never written.
 * - Temporary files left by a killed process are removed at start.
 *
 * conf (the field's settings library) opens the file so its versioned migrations run; writes are
 * this class's own so they can be checked before they replace the old file. Files are mode 0600.
 */
export class ConfDocumentStore<T> implements DocumentStore<T> {
  /** What the owner should know about this file, as messages (`store.notice.*`); never English from here. */
  readonly notices: Message[] = [];
  /** Why the document could not be written at start (trouble), or null. Cleared by a later successful write. */
  readOnly: Message | null = null;
  private value!: T;
  private internal: unknown;
  private readonly path: string;
  private readonly lastGood: string;

  constructor(private readonly opts: DocumentOptions<T>) {
    this.path = join(opts.dir, `${opts.name}.json`);
    this.lastGood = join(opts.dir, `${opts.name}.last-good.json`);
    try {
      mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
      this.removeStaleTemps();
    } catch (err) {
      if (!isStorageTrouble(err)) throw err;
    }
    this.open();
  }

  /** Document file name as the user finds it in the profile folder. */
  private get file(): string {
    return `${this.opts.name}.json`;
  }

  /**
   * Start-time trouble: one notice worded the same for every document of the folder (the core
   * shows it once), plus a sentence of its own when this document could not even be read.
   */
  private troubleAtStart(err: unknown, unread?: Message): void {
    this.readOnly = describeStorageTrouble(err, this.opts.dir);
    this.notices.push(lightMsg('store.notice.cannot-save', { trouble: this.readOnly }));
    if (unread) this.notices.push(unread);
  }

  /** The document's name in the reader's words (`store.document.<name>`). */
  private get documentWords(): Message {
    return lightMsg(`store.document.${this.opts.name}`);
  }

  private open(): void {
    const o = this.opts;
    let text: string | null;
    try {
      text = readIfPresent(this.path);
    } catch (err) {
      if (!isStorageTrouble(err)) throw err;
      this.value = structuredClone(o.defaults);
      this.troubleAtStart(err, lightMsg('store.notice.unread', { document: this.documentWords, path: this.path }));
      return;
    }
    const first = text === null ? null : check(o.schema, text);
    if (first && !first.ok && first.reason.code === 'store.damage.not-json') return this.recover(first.reason);
    // The file is readable JSON (or absent): let conf run migrations and create it from defaults.
    let conf: Conf<Record<string, unknown>>;
    try {
      conf = new Conf<Record<string, unknown>>({
        cwd: o.dir,
        configName: o.name,
        projectName: 'porchlight',
        projectVersion: o.version,
        migrations: o.migrations,
        defaults: o.defaults as Record<string, unknown>,
        configFileMode: 0o600,
        clearInvalidConfig: false,
        serialize: (v) => JSON.stringify(v, null, 2),
      });
    } catch (err) {
      if (!isStorageTrouble(err)) return this.recover(lightMsg('store.damage.unreadable', { detail: String((err as Error)?.message ?? err) }));
      if (first?.ok) {
        this.value = first.value;
        this.internal = first.internal;
        this.troubleAtStart(err);
      } else if (first === null) {
        this.value = structuredClone(o.defaults);
        this.troubleAtStart(err);
      } else return this.recover(first.reason);
      return;
    }
    const store = conf.store;
    const now = check(o.schema, JSON.stringify(store));
    if (!now.ok) return this.recover(now.reason);
    this.value = now.value;
    this.internal = store[INTERNAL];
    const backup = this.refreshLastGood() ?? writable(o.dir);
    if (backup) this.troubleAtStart(backup);
  }

  /** The document is damaged: keep it aside, restore the last good copy or start afresh, and say so. */
  private recover(reason: Message): void {
    const o = this.opts;
    const stamp = (o.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const aside = join(o.dir, `${o.name}.corrupt-${stamp}.json`);
    let goodText: string | null = null;
    let good: Checked<T> | null = null;
    try {
      goodText = readIfPresent(this.lastGood);
      good = goodText === null ? null : check(o.schema, goodText);
    } catch (err) {
      if (!isStorageTrouble(err)) throw err;
    }
    const usable = good?.ok ? good : null;
    this.value = usable ? usable.value : structuredClone(o.defaults);
    this.internal = usable?.internal;
    try {
      renameSync(this.path, aside);
    } catch (err) {
      if (!isStorageTrouble(err)) throw err;
      this.readOnly = describeStorageTrouble(err, o.dir);
      this.notices.push(
        usable
          ? lightMsg('store.notice.damaged-stuck-last-good', { document: this.documentWords, path: this.path, reason, trouble: this.readOnly })
          : lightMsg('store.notice.damaged-stuck-defaults', { document: this.documentWords, path: this.path, reason, trouble: this.readOnly }),
      );
      return;
    }
    if (!usable && goodText !== null) {
      try {
        renameSync(this.lastGood, join(o.dir, `${o.name}.corrupt-last-good-${stamp}.json`));
      } catch {
        // the damaged backup stays where it is; it is never used
      }
    }
    try {
      this.writeChecked(this.value);
    } catch (err) {
      if (!isStorageTrouble(err)) throw err;
      this.readOnly = describeStorageTrouble(err, o.dir);
    }
    const told = { document: this.documentWords, reason, aside };
    this.notices.push(usable ? lightMsg('store.notice.restored', told) : lightMsg('store.notice.afresh', told));
    if (this.readOnly) this.notices.push(lightMsg('store.notice.saved-later', { document: this.documentWords, trouble: this.readOnly }));
  }

  /**
   * Removes this document's temporary files left by a killed process: ours name their writer's
   * pid (`….tmp-<pid>-<random>`) and go as soon as that process is gone; any other (conf's) once
   * older than STALE_TEMP_MS. A temp file of a live writer (the CLI and the app share a profile) stays.
   */
  private removeStaleTemps(): void {
    const prefixes = [`${this.opts.name}.json.tmp`, `${this.opts.name}.last-good.json.tmp`];
    const now = Date.now();
    for (const f of readdirSync(this.opts.dir)) {
      if (!prefixes.some((p) => f.startsWith(p))) continue;
      const p = join(this.opts.dir, f);
      try {
        const pid = Number(/\.tmp-(\d+)-[0-9a-f]{8}$/.exec(f)?.[1] ?? NaN);
        const writerGone = Number.isInteger(pid) && pid !== process.pid && !alive(pid);
        if (writerGone || now - statSync(p).mtimeMs > STALE_TEMP_MS) unlinkSync(p);
      } catch {
        // gone meanwhile, or not ours to remove: left alone
      }
    }
  }

  /** Writes `text` to a temporary file beside `target`, syncs it, reads it back through `verify`, then renames it over. */
  private replace(target: string, text: string, verify: (back: string) => void): void {
    const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      verify(readFileSync(tmp, 'utf8'));
      renameSync(tmp, target);
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        // never created
      }
      throw err;
    }
  }

  /** Serialises, writes, reads back and checks the document, then keeps the last good copy. */
  private writeChecked(value: T): string {
    const doc = this.internal === undefined ? (value as Record<string, unknown>) : { ...(value as Record<string, unknown>), [INTERNAL]: this.internal };
    let text: string;
    try {
      text = JSON.stringify(doc, null, 2);
    } catch (err) {
      throw new PorchlightError('internal', 'error.save-refused', { document: this.opts.name, detail: `it cannot be written as JSON (${(err as Error).message})` });
    }
    this.replace(this.path, text, (back) => {
      const r = check(this.opts.schema, back);
      if (!r.ok) throw new PorchlightError('internal', 'error.save-refused', { document: this.opts.name, detail: `it could not be read back (${englishReason(r.reason)})` });
    });
    this.refreshLastGood(text);
    return text;
  }

  /** Copies the (valid) document to its last good copy; trouble here only delays the backup (returned, never thrown). */
  private refreshLastGood(text?: string): unknown {
    try {
      const current = text ?? readIfPresent(this.path);
      if (current === null) return null;
      if (readIfPresent(this.lastGood) === current) return null;
      this.replace(this.lastGood, current, (back) => {
        if (back !== current) throw new Error('last good copy did not read back');
      });
      return null;
    } catch (err) {
      if (!isStorageTrouble(err)) throw err;
      return err;
    }
  }

  read(): T {
    return structuredClone(this.value);
  }

  write(value: T): void {
    let parsed;
    try {
      parsed = this.opts.schema.safeParse(value);
    } catch (err) {
      if (err instanceof RangeError) throw new PorchlightError('internal', 'error.save-refused', { document: this.opts.name, detail: 'it is nested too deeply' });
      throw err;
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PorchlightError('internal', 'error.save-refused', { document: this.opts.name, detail: `${issue?.path.join('.')}: ${issue?.message}` });
    }
    try {
      this.writeChecked(parsed.data);
    } catch (err) {
      if (isStorageTrouble(err)) throw storageTroubleError(err, this.opts.dir, this.opts.name);
      throw err;
    }
    this.readOnly = null;
    this.value = structuredClone(parsed.data);
  }
}
