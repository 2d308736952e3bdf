import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import type { DocumentStore } from '../core/ports.js';
import { PorchlightError } from '../core/errors.js';

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

function strip(store: Record<string, unknown>): Record<string, unknown> {
  const { [INTERNAL]: _internal, ...rest } = store;
  return rest;
}

/**
 * A DocumentStore on `conf`: atomic writes (conf writes through `atomically`), versioned
 * migrations (conf's), a zod schema on every read and write, and recovery from a corrupted file:
 * the bad file is kept aside, the last good copy (written after every successful write) is
 * restored, and a notice says so. Files are created with mode 0600.
 */
export class ConfDocumentStore<T> implements DocumentStore<T> {
  readonly notices: string[] = [];
  private conf!: Conf<Record<string, unknown>>;
  private value!: T;
  private readonly path: string;
  private readonly lastGood: string;

  constructor(private readonly opts: DocumentOptions<T>) {
    mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
    this.path = join(opts.dir, `${opts.name}.json`);
    this.lastGood = join(opts.dir, `${opts.name}.last-good.json`);
    const first = this.tryOpen();
    if (first.ok) return;
    const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const aside = join(opts.dir, `${opts.name}.corrupt-${stamp}.json`);
    if (existsSync(this.path)) renameSync(this.path, aside);
    if (existsSync(this.lastGood)) {
      copyFileSync(this.lastGood, this.path);
      const second = this.tryOpen();
      if (second.ok) {
        this.notices.push(
          `Your ${opts.name} file was damaged (${first.reason}). It was kept aside as ${aside} and the last good copy was restored.`,
        );
        return;
      }
      renameSync(this.path, join(opts.dir, `${opts.name}.corrupt-last-good-${stamp}.json`));
    }
    const third = this.tryOpen();
    if (!third.ok) throw new PorchlightError('store-corrupted', `The ${opts.name} file could not be created: ${third.reason}`);
    this.notices.push(
      `Your ${opts.name} file was damaged (${first.reason}) and no good copy was found. It was kept aside as ${aside}; Porchlight started ${opts.name} afresh.`,
    );
  }

  private tryOpen(): { ok: true } | { ok: false; reason: string } {
    try {
      this.conf = new Conf<Record<string, unknown>>({
        cwd: this.opts.dir,
        configName: this.opts.name,
        projectName: 'porchlight',
        projectVersion: this.opts.version,
        migrations: this.opts.migrations,
        defaults: this.opts.defaults as Record<string, unknown>,
        configFileMode: 0o600,
        clearInvalidConfig: false,
        serialize: (v) => JSON.stringify(v, null, 2),
      });
      const parsed = this.opts.schema.safeParse(strip(this.conf.store));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, reason: `unexpected content at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
      }
      this.value = parsed.data;
      this.saveLastGood();
      return { ok: true };
    } catch (err) {
      return { ok: false, reason: (err as Error).message.includes('JSON') ? 'not valid JSON' : (err as Error).message };
    }
  }

  private saveLastGood() {
    if (!existsSync(this.path)) return;
    const tmp = `${this.lastGood}.tmp`;
    copyFileSync(this.path, tmp);
    renameSync(tmp, this.lastGood);
  }

  read(): T {
    return structuredClone(this.value);
  }

  write(value: T): void {
    const parsed = this.opts.schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PorchlightError('internal', `Refusing to save ${this.opts.name}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    this.conf.store = parsed.data as Record<string, unknown>;
    this.value = structuredClone(parsed.data);
    this.saveLastGood();
  }
}
