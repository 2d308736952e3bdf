/**
 * "Does the router accept its new password", end to end in the core: the real keychain (GNOME
 * Keyring under scripts/with-keyring.sh, read independently with libsecret's secret-tool), the real
 * HTTP adapter, and real lighttpd admin pages from the lab (an ASUS-style form login and a
 * Hikvision-style HTTP Digest login) whose password the test sets to the generated one. The
 * router's access log is the witness for the attempt count; the password reaches no profile file,
 * no log and no IPC result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeCore } from '../../main/compose.js';
import { dispatch, type SenderInfo } from '../../main/ipc/register.js';
import { findLeaks, secretServiceOwned, secretToolLookup } from './keychain-helpers.js';
import { startHttpLoginLab, type HttpLoginLab } from '../lab/http-logins/lab.js';
import { words } from '../support/words.js';
import type { Message } from '../../main/core/messages/index.js';

const APP: SenderInfo = { origin: 'app://porchlight', isMainFrame: true };
const OPTS = { allowedOrigins: ['app://porchlight'] };
const saved = { ...process.env };
const profileDir = mkdtempSync(join(tmpdir(), 'porchlight-confirm-int-'));
let lab: HttpLoginLab;

function makeCore() {
  const core = createNodeCore({ host: 'harness', profileDir, opener: { open: async () => undefined } });
  const ipc = async <T = Record<string, unknown>>(channel: string, args: unknown = {}) => {
    const r = await dispatch(core, channel, args, APP, OPTS);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  return { core, ipc };
}

type Generated = { password: string; previousKept: boolean };
type Confirmed = { report: { result: string; reason: Message; attempts: number; auditAttempts: number; login: string }; previousRetired: boolean; saved: { current: boolean; previous: boolean } };

/** Two router passwords made through the ask-first path: the second is current, the first kept as the previous. */
async function twoPasswords(ipc: ReturnType<typeof makeCore>['ipc']) {
  const { core } = makeCore();
  for (const a of ['router/admin', 'router/admin/previous']) await core.secrets.delete(a);
  const first = await ipc<Generated>('passwords:generate', { target: { kind: 'router' } });
  const second = await ipc<Generated>('passwords:generate', { target: { kind: 'router' }, keep: 'current' });
  expect(second.previousKept).toBe(true);
  expect(secretToolLookup('router/admin')).toBe(second.password);
  expect(secretToolLookup('router/admin/previous')).toBe(first.password);
  return { first: first.password, second: second.password };
}

function expectNowhere(secret: string, ...outputs: unknown[]) {
  expect(findLeaks(profileDir, secret)).toEqual([]);
  const text = JSON.stringify(outputs);
  for (const f of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) expect(text).not.toContain(f);
}

beforeAll(async () => {
  if (!secretServiceOwned()) throw new Error('No Secret Service on the session bus: run through scripts/with-keyring.sh (npm run test:integration).');
  process.env.PORCHLIGHT_PROBE_DELAY_MS = '0';
  process.env.PORCHLIGHT_PROBE_TIMEOUT_MS = '3000';
  lab = await startHttpLoginLab({ only: ['form-factory', 'digest-factory'] });
});
afterAll(async () => {
  await lab?.stop();
  const { core } = makeCore();
  for (const a of ['router/admin', 'router/admin/previous']) await core.secrets.delete(a);
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  rmSync(profileDir, { recursive: true, force: true });
});

describe('checking that the router accepts its new password (real keychain, real lighttpd)', () => {
  it('form login: refused while the router has its old login, accepted once it has the new one; the previous one is then retired', async () => {
    const { ipc } = makeCore();
    const router = lab.servers['form-factory'];
    const { first, second } = await twoPasswords(ipc);
    const args = { host: router.target, vendor: 'asus', consent: true };

    // the factory probe first: the same ledger for this host
    const probe = await ipc<{ report: { result: string; attempts: number } }>('passwords:probe', { target: { kind: 'router' }, ...args });
    expect(probe.report).toMatchObject({ result: 'default-accepted', attempts: 1 });

    const refused = await ipc<Confirmed>('passwords:confirm-new', args);
    expect(refused.report).toMatchObject({ result: 'refused', login: 'form', attempts: 1, auditAttempts: 2 });
    expect(refused.previousRetired).toBe(false);
    expect(secretToolLookup('router/admin/previous')).toBe(first);

    lab.setPassword('form-factory', 'admin', second);
    const accepted = await ipc<Confirmed>('passwords:confirm-new', args);
    expect(accepted.report).toMatchObject({ result: 'accepted', attempts: 1, auditAttempts: 3 });
    expect(words(accepted.report.reason)).toMatch(/^The router accepted the new password \(/);
    expect(accepted).toMatchObject({ previousRetired: true, saved: { current: true, previous: false } });
    expect(secretToolLookup('router/admin/previous')).toBeNull();
    expect(secretToolLookup('router/admin')).toBe(second);

    // the router's own access log: 1 factory + 2 own-password logins, the number the result states
    await lab.flushLogs();
    expect(lab.credentialAttempts('form-factory')).toBe(3);
    expect(readFileSync(router.accessLog, 'utf8')).not.toContain(second);
    expectNowhere(second, refused, accepted);
    const log = readFileSync(join(profileDir, 'logs', 'porchlight.log'), 'utf8');
    expect(log).toContain('own-password login check');
  });

  it('HTTP Digest login: refused keeps both, accepted retires the previous one', async () => {
    const { ipc } = makeCore();
    const router = lab.servers['digest-factory'];
    const { first, second } = await twoPasswords(ipc);
    const args = { host: router.target, vendor: 'hikvision', consent: true };
    const refused = await ipc<Confirmed>('passwords:confirm-new', args);
    expect(refused.report).toMatchObject({ result: 'refused', login: 'digest', attempts: 1, auditAttempts: 1 });
    expect(secretToolLookup('router/admin/previous')).toBe(first);

    lab.setPassword('digest-factory', 'admin', second);
    const accepted = await ipc<Confirmed>('passwords:confirm-new', args);
    expect(accepted.report).toMatchObject({ result: 'accepted', attempts: 1, auditAttempts: 2 });
    expect(accepted.previousRetired).toBe(true);
    expect(secretToolLookup('router/admin/previous')).toBeNull();
    await lab.flushLogs();
    expect(lab.credentialAttempts('digest-factory')).toBe(2);
    expectNowhere(second, refused, accepted);
  });
});
