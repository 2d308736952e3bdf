/**
 * In-memory fakes of the core's ports, for unit tests of the code around them. Real adapters are
 * exercised by the integration tests (real keychain, real files, real servers).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, DocumentStore, ExternalOpener, Logger, SecretStore, WifiScanner } from '../../main/core/ports.js';
import { PorchlightError } from '../../main/core/errors.js';
import type { Message } from '../../main/core/messages/index.js';
import { createCore, type Core } from '../../main/core/app-core.js';
import { DEFAULT_HISTORY, DEFAULT_PROGRESS, DEFAULT_SETTINGS, type History, type Progress, type Settings } from '../../main/core/store/documents.js';
import { resourcesDir } from '../../main/compose.js';
import { ENGLISH_MESSAGES } from './words.js';
import { EMPTY_HOME_MODEL, HomeModel, type HomeModelDoc } from '../../main/core/model/index.js';

export class MemorySecretStore implements SecretStore {
  readonly data = new Map<string, string>();
  calls = 0;
  unavailable = false;
  private check() {
    this.calls++;
    if (this.unavailable) throw new PorchlightError('keychain-unavailable', 'error.keychain.not-stored');
  }
  async set(account: string, secret: string) {
    this.check();
    this.data.set(account, secret);
  }
  async get(account: string) {
    this.check();
    return this.data.get(account) ?? null;
  }
  async delete(account: string) {
    this.check();
    return this.data.delete(account);
  }
  async list() {
    this.check();
    return [...this.data.keys()];
  }
}

/** A document store that round-trips through JSON, as the real one does; counts writes. */
export class MemoryDocument<T> implements DocumentStore<T> {
  writes = 0;
  readonly notices: Message[] = [];
  constructor(private value: T) {}
  read(): T {
    return JSON.parse(JSON.stringify(this.value)) as T;
  }
  write(value: T) {
    this.writes++;
    this.value = JSON.parse(JSON.stringify(value)) as T;
  }
  /** The stored document as its file would hold it (for "no secret in the file" assertions). */
  raw(): string {
    return JSON.stringify(this.value);
  }
}

export class FixedClock implements Clock {
  constructor(public current: Date = new Date('2026-03-01T12:00:00Z')) {}
  now() {
    return new Date(this.current.getTime());
  }
}

export class MemoryLogger implements Logger {
  readonly lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  info(message: string, data?: Record<string, unknown>) {
    this.lines.push({ level: 'info', message, data });
  }
  warn(message: string, data?: Record<string, unknown>) {
    this.lines.push({ level: 'warn', message, data });
  }
  error(message: string, data?: Record<string, unknown>) {
    this.lines.push({ level: 'error', message, data });
  }
}

export class RecordingOpener implements ExternalOpener {
  readonly opened: string[] = [];
  async open(url: string) {
    this.opened.push(url);
  }
}

/** A core over in-memory fakes and the real resources/ directory. */
export function fakeCore(overrides: { clock?: FixedClock; wifi?: WifiScanner } = {}) {
  const secrets = new MemorySecretStore();
  const settings = new MemoryDocument<Settings>(DEFAULT_SETTINGS);
  const progress = new MemoryDocument<Progress>(DEFAULT_PROGRESS);
  const history = new MemoryDocument<History>(DEFAULT_HISTORY);
  const clock = overrides.clock ?? new FixedClock();
  const log = new MemoryLogger();
  const opener = new RecordingOpener();
  const core: Core = createCore({
    host: 'harness',
    version: '0.0.0-test',
    platform: 'linux',
    messages: ENGLISH_MESSAGES,
    resourcesDir: resourcesDir(),
    secrets,
    settings,
    progress,
    history,
    clock,
    log,
    opener,
    wifi: overrides.wifi,
  });
  return { core, secrets, settings, progress, history, clock, log, opener };
}

/** A fresh temporary directory for a test's profile or files. */
export function tempDir(prefix = 'porchlight-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A home model over an in-memory document (unit tests of the services that read and update it). */
export function memoryModel(clock: Clock = new FixedClock()): { model: HomeModel; home: MemoryDocument<HomeModelDoc> } {
  const home = new MemoryDocument<HomeModelDoc>(EMPTY_HOME_MODEL);
  return { model: new HomeModel({ store: home, clock }), home };
}
