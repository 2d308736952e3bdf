/** In-memory fakes of the core's ports for the accounts/confirmations unit tests. */
import { join } from 'node:path';
import type { Clock, Logger, SecretStore } from '../../../../main/core/ports.js';
import { DEFAULT_HISTORY, DEFAULT_PROGRESS, DEFAULT_SETTINGS, type History, type Progress, type Settings } from '../../../../main/core/store/documents.js';
import { loadCheckCatalog } from '../../../../main/core/checks/catalog.js';
import { CheckBoard } from '../../../../main/core/checks/check-board.js';
import { SecretService } from '../../../../main/core/secrets/secret-service.js';
import { loadExternalHosts } from '../../../../main/core/shell/external-links.js';
import { createAccountServices } from '../../../../main/core/accounts/services.js';

export const RESOURCES = join(import.meta.dirname, '../../../../resources');

import { MemoryDocument as MemoryDoc } from '../../../support/fakes.js';
import { EMPTY_HOME_MODEL, HomeModel, type HomeModelDoc } from '../../../../main/core/model/index.js';

export { MemoryDoc };

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

export class MemorySecrets implements SecretStore {
  readonly map = new Map<string, string>();
  failing = false;
  async set(account: string, secret: string) {
    if (this.failing) throw Object.assign(new Error('locked'), { code: 'keychain-unavailable' });
    this.map.set(account, secret);
  }
  async get(account: string) {
    return this.map.get(account) ?? null;
  }
  async delete(account: string) {
    return this.map.delete(account);
  }
  async list() {
    return [...this.map.keys()];
  }
}

export const silentLog: Logger = { info() {}, warn() {}, error() {} };

/** The three steps over fresh in-memory stores, with the real resources. */
export function makeServices(start = new Date('2026-03-01T12:00:00Z')) {
  const settings = new MemoryDoc<Settings>({ ...DEFAULT_SETTINGS });
  const progress = new MemoryDoc<Progress>({ ...DEFAULT_PROGRESS });
  const history = new MemoryDoc<History>({ ...DEFAULT_HISTORY });
  const clock = new ManualClock(start);
  const store = new MemorySecrets();
  const secrets = new SecretService(store, silentLog);
  const catalog = loadCheckCatalog(RESOURCES);
  const checks = new CheckBoard(catalog, progress, settings, clock);
  const home = new MemoryDoc<HomeModelDoc>(EMPTY_HOME_MODEL);
  const model = new HomeModel({ store: home, clock });
  const services = createAccountServices({ resourcesDir: RESOURCES, history, settings, progress, clock, model }, loadExternalHosts(RESOURCES), checks, secrets);
  return { settings, progress, history, clock, store, secrets, checks, services, model, home };
}
